import { useModel } from '@preact/signals';
import { CONTRACT_STATUS_LABELS } from '../../../shared/contract-status';
import { CATEGORY_LABELS, FEATURE_INFO, FEATURES } from '../../../shared/facility-terms';
import { formatDate } from '../../../shared/locale-dates';
import type { Me } from '../../utils/messages';
import { FacilityContract } from './facility-contract';
import { FacilityDetailModel } from './facility-detail-model';
import { FacilityDocuments } from './facility-documents';
import { FacilityEdit } from './facility-edit';
import { INVITATION_LABELS } from './facility-labels';
import { FacilityNotes } from './facility-notes';

/** One facility: profile, administrator invitation, contract and its history, notes, documents. */
export function FacilityDetail({
  me,
  facilityId,
  onBack,
  backLabel = '← All facilities',
}: {
  me: Me;
  facilityId: string;
  onBack: () => void;
  /** Where the back link returns to, in its words (the list, or the page card). */
  backLabel?: string;
}) {
  const model = useModel(() => new FacilityDetailModel(me, facilityId));
  const { can } = model;
  const facility = model.facility.value;
  const message = model.message.value;
  const current = model.current.value;

  if (!facility) {
    return (
      <section class="area">
        <button type="button" class="link" onClick={onBack}>
          {backLabel}
        </button>
        {message ? <p class="alert error">{message.text}</p> : <p class="muted">Loading…</p>}
      </section>
    );
  }

  if (model.editing.value) {
    return (
      <section class="area" aria-labelledby="facility-title">
        <h2 id="facility-title">Edit {facility.name}</h2>
        <FacilityEdit
          facility={facility}
          canManage={can('facilities:full')}
          onCancel={() => model.edit(false)}
          onSaved={model.saved}
        />
      </section>
    );
  }

  const isCurrent = current?.id === facility.id && current.organizationId === me.organization.id;
  const a = facility.address;

  return (
    <section class="area" aria-labelledby="facility-title" data-testid="facility-detail">
      <button type="button" class="link" onClick={onBack}>
        {backLabel}
      </button>
      <h2 id="facility-title">{facility.name}</h2>
      <p class="muted small">
        {a.line1}
        {a.line2 ? `, ${a.line2}` : ''}, {a.city}, {a.state} {a.postalCode} ·{' '}
        <span class={`badge status-${facility.contractStatus}`}>
          {CONTRACT_STATUS_LABELS[facility.contractStatus]}
        </span>
      </p>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="facility-message"
        >
          {message.text}
        </p>
      ) : null}
      <button
        type="button"
        class="secondary"
        disabled={isCurrent}
        onClick={() => model.useForPatients(facility)}
      >
        {isCurrent ? 'Current facility for patients' : 'Use for patients'}
      </button>{' '}
      {can('facilities:edit') ? (
        <button type="button" class="secondary" onClick={() => model.edit(true)}>
          Edit
        </button>
      ) : null}
      <h3>Administrator</h3>
      {facility.administrator ? (
        <div class="row-between">
          <div>
            {facility.administrator.name} <span class="muted small">{facility.administrator.email}</span>
            <div class="small" data-testid="invitation-state">
              {INVITATION_LABELS[facility.administrator.invitation]}
            </div>
          </div>
          {can('facilities:full') &&
          ['sent', 'expired', 'revoked'].includes(facility.administrator.invitation) ? (
            <button type="button" class="secondary" onClick={() => model.resendInvitation()}>
              Resend invitation
            </button>
          ) : null}
        </div>
      ) : (
        <p class="empty">No administrator yet.</p>
      )}
      <h3>Features</h3>
      <ul class="plain">
        {FEATURES.filter((f) => facility.features[f]).map((f) => (
          <li key={f}>
            <strong>{FEATURE_INFO[f].label}</strong>{' '}
            <span class="muted small">{FEATURE_INFO[f].meaning}</span>
          </li>
        ))}
        {FEATURES.every((f) => !facility.features[f]) ? <li class="empty">No features selected.</li> : null}
      </ul>
      <p class="small">
        Cycle:{' '}
        {facility.cycleStartDay
          ? `day ${facility.cycleStartDay}, next ${facility.nextCycleDate ? formatDate(facility.nextCycleDate) : 'not set'}`
          : 'no cycle day'}{' '}
        · Categories:{' '}
        {facility.serviceCategories.length
          ? facility.serviceCategories.map((c) => CATEGORY_LABELS[c]).join(', ')
          : 'none'}
      </p>
      {can('facilities:full') ? (
        <FacilityContract facility={facility} history={model.history.value} onChange={model.changeContract} />
      ) : null}
      <FacilityNotes facilityId={facility.id} canAdd={can('facilities:edit')} />
      {can('facility:documents') ? <FacilityDocuments model={model} /> : null}
    </section>
  );
}
