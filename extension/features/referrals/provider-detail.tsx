import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { OUTGOING_STATUSES, type Referral } from '../../../shared/schemas/referrals';
import type { Me } from '../../utils/messages';
import { LetterRow } from './letter-rows';
import { ProviderDetailModel } from './provider-detail-model';
import { ProviderStrength } from './provider-strength';
import { ReferralForm } from './referral-form';
import { CHANNEL_LABELS, LETTER_LABELS, SPECIALTY_LABELS, STATUS_LABELS } from './referral-labels';
import { ReferralMilestones } from './referral-milestones';
import { ReferralRevenue } from './referral-revenue';

function ReferralRow(props: {
  referral: Referral;
  canEdit: boolean;
  onStatus: (status: Referral['status'] & string) => void;
  onOpenLetter: (id: string) => void;
}) {
  const r = props.referral;
  const [open, setOpen] = useState(false);
  return (
    <li data-testid="referral-row">
      <strong>{r.direction === 'incoming' ? 'Received' : 'Sent'}</strong> {formatDate(r.referralDate)} ·{' '}
      {CHANNEL_LABELS[r.channel]}
      {r.patientId ? ' · became a patient' : r.leadId ? ' · lead' : ''}
      {r.reason ? <p class="small">{r.reason}</p> : null}
      {r.direction === 'incoming' ? <ReferralRevenue referral={r} canEdit={props.canEdit} /> : null}
      {r.direction === 'outgoing' && r.status ? (
        props.canEdit ? (
          <div class="field">
            <label for={`status-${r.id}`} class="sr-only">
              Status
            </label>
            <select
              id={`status-${r.id}`}
              value={r.status}
              onChange={(e) => props.onStatus(e.currentTarget.value as typeof r.status & string)}
            >
              {OUTGOING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <span class="muted small"> · {STATUS_LABELS[r.status]}</span>
        )
      ) : null}
      {r.direction === 'incoming' ? (
        <button type="button" class="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide milestones and letters' : 'Milestones and letters'}
        </button>
      ) : null}
      {open ? (
        <ReferralMilestones referralId={r.id} canEdit={props.canEdit} onOpenLetter={props.onOpenLetter} />
      ) : null}
    </li>
  );
}

/** A referring provider: details, practice, referrals both ways, and recording a new one. */
export function ProviderDetail(props: {
  me: Me;
  providerId: string;
  onBack: () => void;
  onOpenLead?: (id: string) => void;
  onOpenLetter: (id: string) => void;
  onOpenPractice: (id: string) => void;
}) {
  const model = useModel(() => new ProviderDetailModel(props.providerId));
  const provider = model.provider.value;
  const canEdit = props.me.permissions.includes('referrals:edit');
  const canCreateLead = canEdit && props.me.permissions.includes('lead:create');
  const back = (
    <button type="button" class="link" onClick={props.onBack}>
      ← Directory
    </button>
  );
  if (!provider)
    return (
      <section class="area">
        {back}
        {model.loadError.value ? (
          <p class="alert error">{model.loadError.value}</p>
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
    );
  const p = provider.practice;
  const form = model.form.value;
  const referrals = model.referrals.value;
  return (
    <section class="area" aria-labelledby="provider-title" data-testid="provider-detail">
      {back}
      <h3 id="provider-title">{provider.displayName}</h3>
      <p class="muted small">
        {SPECIALTY_LABELS[provider.specialty]} · letters by {LETTER_LABELS[provider.letterPreference]}
        {provider.active ? '' : ' · retired'}
        {provider.npi ? ` · NPI ${provider.npi}` : ''}
      </p>
      <p class="small">
        <strong>{p.name}</strong>{' '}
        <button type="button" class="link small" onClick={() => props.onOpenPractice(p.id)}>
          Practice analytics
        </button>
        <br />
        {p.address.line1}, {p.address.city}, {p.address.state} {p.address.postalCode}
        {p.phone ? (
          <>
            <br />
            Phone {p.phone}
          </>
        ) : null}
        {p.fax ? (
          <>
            <br />
            Fax {p.fax}
          </>
        ) : null}
        {provider.email ? (
          <>
            <br />
            {provider.email}
          </>
        ) : null}
      </p>
      <ProviderStrength providerId={props.providerId} />
      {model.notice.value ? (
        <p class="alert" role="status" data-testid="referral-notice">
          {model.notice.value}
        </p>
      ) : null}
      {form ? (
        <ReferralForm
          direction={form}
          values={model.values.value}
          errors={model.errors.value}
          saving={model.saving.value}
          set={model.set}
          onCancel={() => model.open(null)}
          onSave={async () => {
            const leadId = await model.save();
            if (leadId) props.onOpenLead?.(leadId);
          }}
        />
      ) : (
        <div class="actions">
          {canCreateLead ? (
            <button type="button" class="primary" onClick={() => model.open('incoming')}>
              Referral received
            </button>
          ) : null}
          {canEdit ? (
            <button type="button" class="secondary" onClick={() => model.open('outgoing')}>
              Refer a patient
            </button>
          ) : null}
        </div>
      )}
      <h4>Referrals</h4>
      {referrals.length === 0 ? <p class="empty">No referrals with this provider yet.</p> : null}
      <ul class="list" aria-label="Referrals">
        {referrals.map((r) => (
          <ReferralRow
            key={r.id}
            referral={r}
            canEdit={canEdit}
            onStatus={(s) => model.setStatus(r.id, s)}
            onOpenLetter={props.onOpenLetter}
          />
        ))}
      </ul>
      <h4>Letters</h4>
      {model.letters.value.length === 0 ? <p class="empty">No letters to this provider yet.</p> : null}
      <ul class="list" aria-label="Letters to this provider">
        {model.letters.value.map((l) => (
          <LetterRow key={l.id} letter={l} onOpen={props.onOpenLetter} />
        ))}
      </ul>
    </section>
  );
}
