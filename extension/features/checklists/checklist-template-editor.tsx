import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { ChecklistTemplate } from '../../../shared/schemas/checklists';
import { MoveButtons } from '../../ui/move-buttons';
import { TextPrompt } from '../../ui/text-prompt';
import { TemplateChangePreview } from './template-change-preview';
import { type ItemDraft, TemplateEditorModel } from './template-editor-model';

/**
 * Administrators shape the checklist: the organisation's, or this facility's
 * own. Each item change is previewed (who it reaches, whose status moves)
 * before it is saved; it reaches patients not yet active; done items are kept.
 */
export function ChecklistTemplateEditor(props: {
  facilityId: string;
  facilityName: string;
  /** The organisation's checklist is the organisation's to shape; a facility administrator gives theirs its own. */
  canEditOrganisation: boolean;
  onBack: () => void;
}) {
  const model = useModel(() => new TemplateEditorModel(props.facilityId, props.facilityName));
  const template = model.template.value;
  const forms = model.forms.value;
  const message = model.message.value;
  const pending = model.pending.value;
  // Purely local: the item being renamed, and the new item's fields before Add.
  const [renaming, setRenaming] = useState<ChecklistTemplate['items'][number] | null>(null);
  const [draft, setDraft] = useState<ItemDraft>({
    title: '',
    kind: 'task',
    required: true,
    intakeTemplateId: '',
    appliesOn: 'enrollment',
  });

  if (!template) return <p class="muted">{message?.text ?? 'Loading…'}</p>;
  const editable = !!template.facilityId || props.canEditOrganisation;

  return (
    <section class="area" aria-labelledby="template-title" data-testid="template-editor">
      <button type="button" class="link" onClick={props.onBack}>
        ← Patients
      </button>
      {renaming ? (
        <TextPrompt
          title={`Rename ${renaming.title}`}
          label="New title"
          initial={renaming.title}
          confirmLabel="Rename"
          onCancel={() => setRenaming(null)}
          onDone={(title) => {
            setRenaming(null);
            if (title !== renaming.title) model.rename(renaming, title);
          }}
        />
      ) : null}
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
      {pending ? (
        <TemplateChangePreview
          change={pending}
          onSave={() =>
            model.confirm().then((saved) => {
              if (saved && pending.label.startsWith('Add '))
                setDraft({ ...draft, title: '', intakeTemplateId: '' });
            })
          }
          onCancel={() => model.cancel()}
        />
      ) : null}
      {template.facilityId ? null : (
        <p class="small">
          This is the organisation's checklist.{' '}
          <button type="button" class="link" onClick={() => model.ownChecklist()}>
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
              {item.appliesOn === 'discharge' ? <span class="badge">on discharge</span> : null}
            </span>
            <div class="row-actions" hidden={!editable}>
              <label class="inline small">
                <input
                  type="checkbox"
                  checked={item.required}
                  onChange={(e) => model.setRequired(item, e.currentTarget.checked)}
                />{' '}
                required
              </label>
              <MoveButtons
                name={item.title}
                index={i}
                count={template.items.length}
                onMove={(by) => model.move(i, by)}
              />
              <button
                type="button"
                class="secondary"
                aria-label={`Rename ${item.title}`}
                onClick={() => setRenaming(item)}
              >
                Rename
              </button>
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${item.title}`}
                onClick={() => model.remove(item)}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form
        hidden={!editable}
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.title.trim()) model.add(draft);
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
        <label for="tpl-stage">When</label>
        <select
          id="tpl-stage"
          value={draft.appliesOn}
          onChange={(e) => setDraft({ ...draft, appliesOn: e.currentTarget.value as ItemDraft['appliesOn'] })}
        >
          <option value="enrollment">Onboarding checklist</option>
          <option value="discharge">On discharge (a task the discharge adds)</option>
        </select>
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
