import { useEffect, useState } from 'preact/hooks';
import { MoveButtons } from '../../ui/move-buttons';
import { apiCall } from '../../utils/use-api';

type TemplateItem = {
  id: string;
  title: string;
  description: string | null;
  kind: 'document' | 'task';
  required: boolean;
  /** Completed by itself when the patient submits this intake form. */
  intakeTemplateId: string | null;
};
type Template = {
  id: string;
  facilityId: string | null;
  name: string;
  items: TemplateItem[];
  patientsUpdated?: number;
};

/**
 * Administrators shape the checklist: the organisation's, or this facility's
 * own. Each change reaches patients not yet active; done items are kept.
 */
export function ChecklistTemplateEditor(props: {
  facilityId: string;
  facilityName: string;
  onBack: () => void;
}) {
  const [template, setTemplate] = useState<Template | null>(null);
  const [draft, setDraft] = useState({
    title: '',
    kind: 'task' as 'task' | 'document',
    required: true,
    intakeTemplateId: '',
  });
  const [forms, setForms] = useState<{ id: string; name: string }[]>([]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const load = () =>
    apiCall<Template>('GET', `/api/v1/checklist-templates?facilityId=${props.facilityId}`).then(setTemplate);
  useEffect(() => {
    load().catch((e: Error) => setMessage({ text: e.message, error: true }));
  }, [props.facilityId]);
  useEffect(() => {
    // Published intake forms an item can wait for; without intake access the list stays empty.
    apiCall<{ items: { id: string; name: string; latestVersion: unknown }[] }>(
      'GET',
      '/api/v1/intake-templates',
    ).then(
      (r) => setForms(r.items.filter((t) => t.latestVersion)),
      () => undefined,
    );
  }, []);

  async function change(work: () => Promise<Template>, done: string) {
    try {
      const next = await work();
      setTemplate(next);
      const reached = next.patientsUpdated ?? 0;
      setMessage({
        text: `${done}${reached ? ` ${reached} patient checklist${reached === 1 ? '' : 's'} updated.` : ''}`,
        error: false,
      });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  if (!template) return <p class="muted">{message?.text ?? 'Loading…'}</p>;
  const base = `/api/v1/checklist-templates/${template.id}`;
  const move = (index: number, by: number) => {
    const ids = template.items.map((i) => i.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + by, 0, id!);
    change(() => apiCall('PUT', `${base}/order`, { itemIds: ids }), 'Order saved.');
  };

  return (
    <section class="area" aria-labelledby="template-title" data-testid="template-editor">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      <h2 id="template-title">Checklist for {template.facilityId ? props.facilityName : 'every facility'}</h2>
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="template-message"
        >
          {message.text}
        </p>
      ) : null}
      {template.facilityId ? null : (
        <p class="small">
          This is the organisation's checklist.{' '}
          <button
            type="button"
            class="link"
            onClick={() =>
              change(
                () =>
                  apiCall('POST', '/api/v1/checklist-templates/facility-override', {
                    facilityId: props.facilityId,
                  }),
                `${props.facilityName} now has its own checklist.`,
              )
            }
          >
            Give {props.facilityName} its own
          </button>
        </p>
      )}
      <ul class="list" aria-label="Checklist items">
        {template.items.map((item, i) => (
          <li key={item.id} data-testid="template-item">
            <span>
              <strong>{item.title}</strong>{' '}
              {item.intakeTemplateId ? (
                <span class="badge ok">
                  by form: {forms.find((f) => f.id === item.intakeTemplateId)?.name ?? 'intake form'}
                </span>
              ) : null}{' '}
              <span class="muted small">{item.kind === 'document' ? 'document' : 'task'}</span>
            </span>
            <div class="row-actions">
              <label class="inline small">
                <input
                  type="checkbox"
                  checked={item.required}
                  onChange={(e) =>
                    change(
                      () =>
                        apiCall('PATCH', `${base}/items/${item.id}`, { required: e.currentTarget.checked }),
                      'Saved.',
                    )
                  }
                />{' '}
                required
              </label>
              <MoveButtons
                name={item.title}
                index={i}
                count={template.items.length}
                onMove={(by) => move(i, by)}
              />
              <button
                type="button"
                class="secondary"
                aria-label={`Rename ${item.title}`}
                onClick={() => {
                  const title = prompt('New title', item.title);
                  if (title?.trim() && title.trim() !== item.title) {
                    change(
                      () => apiCall('PATCH', `${base}/items/${item.id}`, { title: title.trim() }),
                      'Renamed.',
                    );
                  }
                }}
              >
                Rename
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${item.title}`}
                onClick={() =>
                  change(() => apiCall('DELETE', `${base}/items/${item.id}`), `${item.title} removed.`)
                }
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.title.trim())
            change(
              () =>
                apiCall('POST', `${base}/items`, {
                  title: draft.title,
                  kind: draft.kind,
                  required: draft.required,
                  ...(draft.intakeTemplateId ? { intakeTemplateId: draft.intakeTemplateId } : {}),
                }),
              `${draft.title.trim()} added.`,
            ).then(() => setDraft({ ...draft, title: '', intakeTemplateId: '' }));
        }}
      >
        <h3>Add an item</h3>
        <label for="tpl-title">Title</label>
        <input
          id="tpl-title"
          value={draft.title}
          onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
        <div class="two">
          <div>
            <label for="tpl-kind">Kind</label>
            <select
              id="tpl-kind"
              value={draft.kind}
              onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value as 'task' | 'document' })}
            >
              <option value="task">Task (marked done)</option>
              <option value="document">Document (a file is uploaded)</option>
            </select>
          </div>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.required}
              onChange={(e) => setDraft({ ...draft, required: e.currentTarget.checked })}
            />
            <span>Required</span>
          </label>
        </div>
        {forms.length ? (
          <>
            <label for="tpl-intake">Done by itself when this intake form is submitted</label>
            <select
              id="tpl-intake"
              value={draft.intakeTemplateId}
              onChange={(e) => setDraft({ ...draft, intakeTemplateId: e.currentTarget.value })}
            >
              <option value="">No: staff mark it done</option>
              {forms.map((f) => (
                <option value={f.id} key={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <button type="submit" class="primary" disabled={!draft.title.trim()}>
          Add item
        </button>
      </form>
    </section>
  );
}
