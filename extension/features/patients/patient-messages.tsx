import { createModel, signal, useModel } from '@preact/signals';
import { formatDateTime } from '../../../shared/locale-dates';
import type { PatientMessages as Messages } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';

/** The texts a patient sent, newest first; null while loading, and a message when they cannot be read. */
const PatientMessagesModel = createModel((patientId: string) => {
  const messages = signal<Messages | null>(null);
  const failed = signal(false);
  call(api.patients[':id'].messages.$get({ param: { id: patientId } })).then(
    (r) => {
      messages.value = r;
    },
    () => {
      failed.value = true;
    },
  );
  return { messages, failed };
});

/**
 * What the patient texted the practice from their own number (a STOP too:
 * staff see why the automated texts stopped). Hidden for a patient with no
 * number and no texts.
 */
export function PatientMessages({ patientId, phone }: { patientId: string; phone: string | null }) {
  const model = useModel(() => new PatientMessagesModel(patientId));
  const messages = model.messages.value;
  if (model.failed.value)
    return (
      <section aria-labelledby="patient-texts-title">
        <h3 id="patient-texts-title">Texts from the patient</h3>
        <p class="muted small">The patient's texts could not be loaded just now.</p>
      </section>
    );
  if (!messages || (!messages.items.length && !phone)) return null;
  return (
    <section aria-labelledby="patient-texts-title" data-testid="patient-texts">
      <h3 id="patient-texts-title">Texts from the patient</h3>
      {messages.items.length ? (
        <ul class="plain small">
          {messages.items.map((m) => (
            <li key={m.id}>
              <span class="muted">{formatDateTime(m.createdAt)}:</span> {m.text}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted small">No texts from {phone} yet. Replies to the practice's number show here.</p>
      )}
      {messages.more ? <p class="muted small">Older texts are not shown.</p> : null}
    </section>
  );
}
