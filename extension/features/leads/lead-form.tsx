import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CapturedLead } from '../../capture/types';
import { Field, FieldError } from '../../components/field';
import { fieldErrorsFrom } from '../../utils/field-errors';
import type { LeadCapture, SavedLeadReply } from '../../utils/messages';
import { sendMessage } from '../../utils/send-message';
import { apiCall } from '../../utils/use-api';
import { ageOn, type Coordinator, type DuplicateMatch, fullName, type Lead, type Source } from './lead-types';

const EMPTY = {
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  dateOfBirth: '',
  guardianName: '',
  guardianRelationship: '',
  guardianEmail: '',
  guardianPhone: '',
  sourceId: '',
  coordinatorId: '',
  notes: '',
};
type Values = typeof EMPTY;
const opt = (v: string) => (v.trim() ? v.trim() : undefined);

/** The form's starting values from a capture, with the capture's email subject and snippet as notes. */
function fromCapture(c: CapturedLead): Values {
  const notes =
    c.fields.notes ??
    [c.subject ? `Subject: ${c.subject}` : '', c.snippet ?? ''].filter(Boolean).join('\n\n');
  return {
    ...EMPTY,
    firstName: c.fields.firstName ?? '',
    lastName: c.fields.lastName ?? '',
    email: c.fields.email ?? '',
    phone: c.fields.phone ?? '',
    dateOfBirth: c.fields.dateOfBirth ?? '',
    notes: notes.slice(0, 4000),
  };
}

function fromLead(l: Lead): Values {
  return {
    firstName: l.firstName,
    lastName: l.lastName,
    email: l.email ?? '',
    phone: l.phone ?? '',
    dateOfBirth: l.dateOfBirth ?? '',
    guardianName: l.responsibleParty?.name ?? '',
    guardianRelationship: l.responsibleParty?.relationship ?? '',
    guardianEmail: l.responsibleParty?.email ?? '',
    guardianPhone: l.responsibleParty?.phone ?? '',
    sourceId: l.sourceId ?? '',
    coordinatorId: l.coordinatorId ?? '',
    notes: l.notes ?? '',
  };
}

/** Where a prefilled value came from, shown under its field until the person changes it. */
function provenance(capture: CapturedLead | undefined, key: keyof CapturedLead['fields'], value: string) {
  const from = capture?.from[key];
  return from && capture?.fields[key] === value ? `From ${from}` : undefined;
}

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
  onSaved: (saved: SavedLeadReply) => void;
  onOpen: (id: string) => void;
  onCancel: () => void;
}) {
  const { capture } = props;
  const [v, setV] = useState<Values>(() => {
    if (props.lead) return fromLead(props.lead);
    const start = capture ? fromCapture(capture) : EMPTY;
    const channel = capture?.channel ?? '';
    const source = props.sources.find((s) => s.active && s.channel === channel);
    return { ...start, sourceId: source?.id ?? '' };
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);
  const [saving, setSaving] = useState(false);
  // One key per form: a double click or a retry after a lost answer creates one lead.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);
  const set = (key: keyof Values) => (value: string) => setV((prev) => ({ ...prev, [key]: value }));
  const age = v.dateOfBirth ? ageOn(v.dateOfBirth) : null;
  const minor = age !== null && age < 18;

  // The duplicate check runs 400 ms after the identifying fields stop changing.
  const checkKey = [v.firstName, v.lastName, v.email, v.phone, v.dateOfBirth].join('|');
  const latest = useRef(checkKey);
  useEffect(() => {
    latest.current = checkKey;
    const email = v.email.trim();
    const body = {
      firstName: opt(v.firstName),
      lastName: opt(v.lastName),
      email: /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) ? email : undefined,
      phone: v.phone.replace(/\D/g, '').length >= 7 ? v.phone.trim() : undefined,
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(v.dateOfBirth) ? v.dateOfBirth : undefined,
    };
    if (!body.email && !body.phone && !body.dateOfBirth) {
      setMatches([]);
      return;
    }
    const timer = setTimeout(() => {
      apiCall<{ items: DuplicateMatch[] }>('POST', '/api/v1/leads/match', body).then(
        (r) => {
          if (latest.current === checkKey) setMatches(r.items.filter((m) => m.id !== props.lead?.id));
        },
        () => undefined,
      );
    }, 400);
    return () => clearTimeout(timer);
  }, [checkKey]);

  async function save(e: Event) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    if (minor && !v.guardianName.trim()) {
      setErrors({ 'responsibleParty.name': 'A minor needs a parent or guardian: enter their name' });
      setSaving(false);
      return;
    }
    const body = {
      firstName: v.firstName,
      lastName: v.lastName,
      email: opt(v.email)?.toLowerCase(),
      phone: opt(v.phone),
      dateOfBirth: opt(v.dateOfBirth),
      responsibleParty: v.guardianName.trim()
        ? {
            name: v.guardianName.trim(),
            relationship: v.guardianRelationship.trim() || 'Parent or guardian',
            email: opt(v.guardianEmail),
            phone: opt(v.guardianPhone),
          }
        : undefined,
      sourceId: opt(v.sourceId),
      coordinatorId: props.canAssign ? opt(v.coordinatorId) : undefined,
      notes: opt(v.notes),
      capture: capture
        ? {
            url: /^https?:/.test(capture.url) ? capture.url.slice(0, 2000) : undefined,
            title: opt(capture.title)?.slice(0, 500),
            capturedAt: capture.capturedAt,
            channel: capture.channel,
          }
        : undefined,
    };
    try {
      if (props.lead) {
        const { capture: _, coordinatorId: __, ...fields } = body;
        const blank = (x: string | undefined) => x ?? null;
        props.onUpdated?.(
          await apiCall<Lead>('PATCH', `/api/v1/leads/${props.lead.id}`, {
            ...fields,
            email: blank(fields.email),
            phone: blank(fields.phone),
            dateOfBirth: blank(fields.dateOfBirth),
            responsibleParty: fields.responsibleParty ?? null,
            sourceId: blank(fields.sourceId),
            notes: blank(fields.notes),
          }),
        );
        return;
      }
      props.onSaved(await sendMessage('saveLead', { body, idempotencyKey }));
    } catch (err) {
      setErrors(fieldErrorsFrom(err));
    } finally {
      setSaving(false);
    }
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
    </form>
  );
}
