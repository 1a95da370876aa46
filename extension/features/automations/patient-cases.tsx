import { useModel } from '@preact/signals';
import { formatDate, formatDateTime } from '../../../shared/locale-dates';
import { dollars } from '../../../shared/records/fees';
import type { Appointment, Case } from '../../../shared/schemas/cases';
import { AutomationHistory } from './automation-history';
import { PatientCasesModel } from './patient-cases-model';

const APPOINTMENT_STATUS_LABELS: Record<Appointment['status'], string> = {
  booked: 'Booked',
  attended: 'Attended',
  cancelled: 'Cancelled',
  did_not_attend: 'Did not attend',
};

const percent = (p: number | null) => (p === null ? '–' : `${Math.round(p)}%`);

/** The spec's case parameters in one short block. */
function CaseParameters({ c }: { c: Case }) {
  return (
    <dl class="small facts" data-testid="case-parameters">
      <dt>Sessions</dt>
      <dd>
        {c.sessionsDone} done, {c.sessionsLeft ?? '–'} left
        {c.maxSessions !== null ? ` of ${c.maxSessions}` : ''}
      </dd>
      <dt>Booked</dt>
      <dd>{percent(c.percentBooked)}</dd>
      <dt>Done</dt>
      <dd>{percent(c.percentDone)}</dd>
      <dt>Invoiced</dt>
      <dd>
        {dollars(c.totalInvoicedCents)}
        {c.invoiceableCents !== null
          ? ` of ${dollars(c.invoiceableCents)} (${percent(c.percentInvoiced)})`
          : ''}
      </dd>
    </dl>
  );
}

function AppointmentRows({ items, cases }: { items: Appointment[]; cases: Case[] }) {
  if (!items.length) return <p class="empty small">No appointments.</p>;
  return (
    <ul class="list">
      {items.map((a) => (
        <li key={a.id} class="small" data-testid="appointment-row">
          <span>
            {formatDateTime(a.startsAt)} · {a.type}
          </span>
          <span class="muted">
            {APPOINTMENT_STATUS_LABELS[a.status]}
            {a.caseId ? ` · ${cases.find((c) => c.id === a.caseId)?.name ?? 'case'}` : ''}
            {a.invoicedCents ? ` · ${dollars(a.invoicedCents)}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

/**
 * The patient's cases (with the parameters of spec 002) and appointments as the
 * booking system synced them; a case opens to its appointments and, for those
 * who see automations, the rules that acted on it.
 */
export function PatientCases(props: { patientId: string; canViewAutomations: boolean }) {
  const model = useModel(() => new PatientCasesModel(props.patientId));
  const cases = model.cases.value;
  const appointments = model.appointments.value;
  const open = model.openCase.value;
  if (model.error.value)
    return (
      <p class="alert error" role="alert">
        {model.error.value}
      </p>
    );
  if (model.loading.value)
    return (
      <p class="loading" aria-busy="true">
        Loading…
      </p>
    );
  return (
    <section aria-labelledby="patient-cases-title" data-testid="patient-cases">
      <h3 id="patient-cases-title">Cases</h3>
      {cases.length ? (
        <ul class="cards">
          {cases.map((c) => (
            <li key={c.id} class="card" data-testid="case-row">
              <div class="row-between">
                <strong>{c.name}</strong>
                <span class={c.status === 'open' ? 'badge ok' : 'badge count'}>
                  {c.status === 'open' ? 'Open' : 'Closed'}
                </span>
              </div>
              <p class="muted small">
                {c.issueDate ? `Issued ${formatDate(c.issueDate)}` : 'No issue date'}
                {c.expiryDate ? ` · expires ${formatDate(c.expiryDate)}` : ''}
              </p>
              <CaseParameters c={c} />
              <button
                type="button"
                class="link"
                aria-expanded={open?.id === c.id}
                onClick={() => model.toggle(c.id)}
              >
                {open?.id === c.id ? 'Hide the case' : 'Open the case'}
              </button>
              {open?.id === c.id ? (
                <div data-testid="case-detail">
                  <h4>Appointments in this case</h4>
                  <AppointmentRows items={appointments.filter((a) => a.caseId === c.id)} cases={cases} />
                  {props.canViewAutomations ? <AutomationHistory subject={{ caseId: c.id }} /> : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty small">No cases synced for this patient.</p>
      )}
      <h3>Appointments</h3>
      <AppointmentRows items={appointments} cases={cases} />
      {props.canViewAutomations ? <AutomationHistory subject={{ patientId: props.patientId }} /> : null}
    </section>
  );
}
