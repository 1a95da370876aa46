import { useModel } from '@preact/signals';
import { formatDateTime } from '../../../shared/locale-dates';
import { AutomationHistoryModel, type TouchSubject } from './automation-history-model';

const SUBJECT_WORDS = { patientId: 'this patient or their cases', leadId: 'this lead', caseId: 'this case' };
/** A case's history sits inside its patient's page: its own title keeps the two sections apart. */
const TITLES = { patientId: 'Automations', leadId: 'Automations', caseId: 'Automations on this case' };

/** "Automations": which rule (and version) acted on this record, when, and whether it queued a message. */
export function AutomationHistory({ subject }: { subject: TouchSubject }) {
  const model = useModel(() => new AutomationHistoryModel(subject));
  const key = Object.keys(subject)[0] as keyof typeof SUBJECT_WORDS;
  const titleId = `automations-title-${key}`;
  const items = model.items.value;
  return (
    <section aria-labelledby={titleId} data-testid={`automation-history-${key}`}>
      <h4 id={titleId}>{TITLES[key]}</h4>
      {model.error.value ? (
        <p class="alert error" role="alert">
          {model.error.value}
        </p>
      ) : model.loading.value ? (
        <p class="loading" aria-busy="true">
          Loading…
        </p>
      ) : items.length ? (
        <ul class="list">
          {items.map((t) => (
            <li key={t.id} class="small" data-testid="automation-touch">
              <span>
                <strong>{t.ruleName}</strong> (version {t.version})
              </span>
              <span class="muted">
                {formatDateTime(t.createdAt)}
                {t.messageQueued ? ' · message sent' : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty small">No automation has acted on {SUBJECT_WORDS[key]}.</p>
      )}
    </section>
  );
}
