import { useModel } from '@preact/signals';
import { Field, FieldError } from '../../ui/field';
import type { LeadCapture, SavedLeadReply } from '../../utils/messages';
import type { Coordinator, Lead, Source } from './lead-api-types';
import { LeadFormModel } from './lead-form-model';
import { provenance, type Values } from './lead-form-values';
import { fullName } from './lead-person';
import { ReferrerMatch } from './referrer-match';

/**
 * A new lead, typed in or prefilled from a capture. Likely duplicates are
 * looked up while the person types, so they can open the existing lead
 * instead of creating a second one.
 */
export function LeadForm(props: {
  capture?: LeadCapture | undefined;
  /** Editing an existing lead instead of adding one. */
  lead?: Lead;
  onUpdated?: (lead: Lead) => void;
  sources: Source[];
  coordinators: Coordinator[];
  canAssign: boolean;
  /** May look a named referring dentist up in the referral directory, and record the referral. */
  directory?: { canView: boolean; canRecord: boolean };
  onSaved: (saved: SavedLeadReply) => void;
  onOpen: (id: string) => void;
  onCancel: () => void;
  /** Offered when the captured page is a dentist's: opens it in Referrals as a provider instead. */
  onSaveAsReferrer?: (() => void) | undefined;
}) {
  const { capture } = props;
  const model = useModel(
    () =>
      new LeadFormModel({
        lead: props.lead,
        capture,
        sources: props.sources,
        canAssign: props.canAssign,
        directory: props.directory,
      }),
  );
  const v = model.values.value;
  const errors = model.errors.value;
  const matches = model.matches.value;
  const saving = model.saving.value;
  const age = model.age.value;
  const minor = model.minor.value;
  const set = (key: keyof Values) => (value: string) => model.set(key, value);

  async function save(e: Event) {
    e.preventDefault();
    const outcome = await model.save();
    if (outcome && 'updated' in outcome) props.onUpdated?.(outcome.updated);
    else if (outcome) props.onSaved(outcome.saved);
  }

  return (
    <form onSubmit={save} noValidate data-testid="lead-form">
      <h3>{props.lead ? 'Edit lead' : capture ? 'Captured lead' : 'Add lead'}</h3>
      {capture ? (
        <p class="muted small" data-testid="capture-origin">
          From {capture.channel === 'email' ? 'the email' : 'the page'} “{capture.title || capture.url}”.
          Check each value before saving.
        </p>
      ) : null}
      {model.referrer.value && capture?.fields.referrer ? (
        <ReferrerMatch
          model={model.referrer.value}
          name={capture.fields.referrer}
          origin={provenance(capture, 'referrer', capture.fields.referrer)}
        />
      ) : null}
      {errors.form ? <FieldError id="lead-form-error">{errors.form}</FieldError> : null}
      {matches.length ? (
        <div class="alert" role="status" data-testid="lead-matches">
          <p>Possibly already a lead:</p>
          <ul class="plain">
            {matches.map((m) => (
              <li key={m.id}>
                <button type="button" class="link" onClick={() => props.onOpen(m.id)}>
                  {fullName(m)}
                </button>{' '}
                <span class="muted small">({m.reasons.join(', ')})</span>
              </li>
            ))}
          </ul>
          <p class="muted small">Open one to update it, or save to keep both and merge later.</p>
        </div>
      ) : null}
      <div class="two">
        <Field
          id="l-first"
          label="First name"
          value={v.firstName}
          onInput={set('firstName')}
          error={errors.firstName}
          hint={provenance(capture, 'firstName', v.firstName)}
        />
        <Field
          id="l-last"
          label="Last name"
          value={v.lastName}
          onInput={set('lastName')}
          error={errors.lastName}
          hint={provenance(capture, 'lastName', v.lastName)}
        />
      </div>
      <Field
        id="l-email"
        label="Email"
        type="email"
        value={v.email}
        onInput={set('email')}
        error={errors.email}
        hint={provenance(capture, 'email', v.email)}
      />
      <Field
        id="l-phone"
        label="Phone"
        type="tel"
        value={v.phone}
        onInput={set('phone')}
        error={errors.phone}
        hint={provenance(capture, 'phone', v.phone)}
      />
      <div class="field">
        <label for="l-dob">Date of birth (optional)</label>
        <input
          id="l-dob"
          type="date"
          value={v.dateOfBirth}
          onInput={(e) => set('dateOfBirth')(e.currentTarget.value)}
          aria-invalid={errors.dateOfBirth ? 'true' : undefined}
          aria-describedby="l-dob-hint"
        />
        <p class="muted small" id="l-dob-hint">
          {provenance(capture, 'dateOfBirth', v.dateOfBirth) ??
            (minor ? `Age ${age}: a parent or guardian is the contact.` : '')}
        </p>
        {errors.dateOfBirth ? <FieldError id="l-dob-error">{errors.dateOfBirth}</FieldError> : null}
      </div>
      {minor || v.guardianName ? (
        <fieldset data-testid="responsible-party">
          <legend>Parent or guardian</legend>
          <div class="two">
            <Field
              id="l-guardian"
              label="Name"
              value={v.guardianName}
              onInput={set('guardianName')}
              error={errors['responsibleParty.name']}
            />
            <Field
              id="l-guardian-rel"
              label="Relationship"
              value={v.guardianRelationship}
              onInput={set('guardianRelationship')}
              error={errors['responsibleParty.relationship']}
            />
          </div>
          <div class="two">
            <Field
              id="l-guardian-email"
              label="Their email"
              type="email"
              value={v.guardianEmail}
              onInput={set('guardianEmail')}
              error={errors['responsibleParty.email']}
            />
            <Field
              id="l-guardian-phone"
              label="Their phone"
              type="tel"
              value={v.guardianPhone}
              onInput={set('guardianPhone')}
            />
          </div>
        </fieldset>
      ) : null}
      <div class="two">
        <div class="field">
          <label for="l-source">Source</label>
          <select id="l-source" value={v.sourceId} onChange={(e) => set('sourceId')(e.currentTarget.value)}>
            <option value="">Not known</option>
            {props.sources
              .filter((s) => s.active || s.id === v.sourceId)
              .map((s) => (
                <option value={s.id} key={s.id}>
                  {s.name}
                </option>
              ))}
          </select>
        </div>
        {props.canAssign && !props.lead ? (
          <div class="field">
            <label for="l-coordinator">Coordinator</label>
            <select
              id="l-coordinator"
              value={v.coordinatorId}
              onChange={(e) => set('coordinatorId')(e.currentTarget.value)}
            >
              <option value="">Unassigned</option>
              {props.coordinators.map((c) => (
                <option value={c.id} key={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <div class="field">
        <label for="l-notes">Notes</label>
        <textarea
          id="l-notes"
          rows={4}
          value={v.notes}
          onInput={(e) => set('notes')(e.currentTarget.value)}
          aria-describedby="l-notes-hint"
        />
        <p class="muted small" id="l-notes-hint">
          {capture?.subject ? 'From the email’s subject and opening lines.' : ''}
        </p>
      </div>
      <div class="row">
        <button type="button" class="secondary" onClick={props.onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" class="primary" disabled={saving}>
          {saving ? 'Saving…' : props.lead ? 'Save changes' : 'Save lead'}
        </button>
      </div>
      {props.onSaveAsReferrer ? (
        <button type="button" class="secondary" onClick={props.onSaveAsReferrer} disabled={saving}>
          Save as referring provider
        </button>
      ) : null}
    </form>
  );
}
