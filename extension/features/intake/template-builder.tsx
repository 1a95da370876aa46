import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { INTAKE_BLOCK_KINDS, INTAKE_BLOCKS, type IntakeBlockKind } from '../../../shared/intake/blocks';
import { FIELD_TYPES, type FieldType, type FormDefinition } from '../../../shared/intake/definition';
import { useConfirm } from '../../ui/confirm-dialog';
import {
  addField,
  addSection,
  blankField,
  fieldsBefore,
  insertBlock,
  moveField,
  moveSection,
  removeField,
  removeSection,
  updateField,
  updateSection,
} from './definition-edit';
import { FIELD_TYPE_LABELS, FieldEditor } from './field-editor';
import { FormPreview } from './form-preview';
import type { IntakeTemplate } from './intake-api-types';
import { TemplateBuilderModel } from './template-builder-model';

/**
 * The template builder (intake:configure): sections as steps, questions with
 * their logic, ready-made blocks, a phone-sized preview, and publishing. The
 * draft is saved whole; publishing freezes it as the next version.
 */
export function TemplateBuilder(props: { template: IntakeTemplate; onBack: (message?: string) => void }) {
  const model = useModel(() => new TemplateBuilderModel(props.template));
  // Which step is unfolded, and whether the preview shows: this screen's own view state.
  const [open, setOpen] = useState<string | null>(null);
  const [preview, setPreview] = useState(false);
  const definition = model.definition.value;
  const dirty = model.dirty.value;
  const busy = model.busy.value;
  const message = model.message.value;
  const template = model.template.value;
  const edit = (next: FormDefinition) => model.edit(next);
  const [confirmation, ask] = useConfirm();

  return (
    <section class="area" data-testid="template-builder">
      {confirmation}
      <button
        type="button"
        class="link"
        onClick={async () => {
          const leave =
            !dirty ||
            (await ask({
              title: 'Leave without saving?',
              message: 'Your changes to this form since it was last saved are lost.',
              confirmLabel: 'Leave',
              danger: true,
            }));
          if (leave) props.onBack();
        }}
      >
        ← Forms
      </button>
      <div class="row-between">
        <h3>
          {template.latestVersion ? `Version ${template.latestVersion.version} is live` : 'Not published yet'}
        </h3>
        <button type="button" class="secondary" aria-pressed={preview} onClick={() => setPreview(!preview)}>
          {preview ? 'Edit' : 'Preview'}
        </button>
      </div>
      {message ? (
        <div
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="builder-message"
        >
          <p>{message.text}</p>
          {message.details ? (
            <ul class="plain small">
              {message.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {preview ? (
        <FormPreview definition={definition} />
      ) : (
        <>
          <label for="tpl-name">Template name</label>
          <input
            id="tpl-name"
            value={model.name.value}
            onInput={(e) => model.rename(e.currentTarget.value)}
          />
          <label for="tpl-title">Title patients see</label>
          <input
            id="tpl-title"
            value={definition.title}
            onInput={(e) => edit({ ...definition, title: e.currentTarget.value })}
          />
          {definition.sections.map((s, si) => (
            <details
              class="section-editor"
              key={s.id}
              open={open === s.id}
              data-testid="section-editor"
              // One step open at a time: opening one closes the others.
              onToggle={(e) => {
                if (e.currentTarget.open) setOpen(s.id);
                else if (open === s.id) setOpen(null);
              }}
            >
              <summary>
                Step {si + 1}: {s.title} <span class="muted small">({s.fields.length} questions)</span>
              </summary>
              <label for={`sec-${s.id}`}>Step title</label>
              <input
                id={`sec-${s.id}`}
                value={s.title}
                onInput={(e) => edit(updateSection(definition, s.id, { title: e.currentTarget.value }))}
              />
              <div class="row-actions">
                <button
                  type="button"
                  class="secondary"
                  disabled={si === 0}
                  onClick={() => edit(moveSection(definition, s.id, -1))}
                >
                  Step up
                </button>
                <button
                  type="button"
                  class="secondary"
                  disabled={si === definition.sections.length - 1}
                  onClick={() => edit(moveSection(definition, s.id, 1))}
                >
                  Step down
                </button>
                <button
                  type="button"
                  class="secondary"
                  onClick={async () => {
                    const sure = await ask({
                      title: `Remove the step "${s.title}"?`,
                      message: 'Its questions go with it. Nothing is lost until you save the form.',
                      confirmLabel: 'Remove step',
                      danger: true,
                    });
                    if (sure) edit(removeSection(definition, s.id));
                  }}
                >
                  Remove step
                </button>
              </div>
              <ol class="plain">
                {s.fields.map((f, fi) => (
                  <li key={f.id} data-testid="question">
                    <details>
                      <summary>
                        {f.label}{' '}
                        <span class="muted small">
                          ({FIELD_TYPE_LABELS[f.type]}
                          {f.required ? ', required' : ''}
                          {f.showWhen?.length ? ', conditional' : ''})
                        </span>
                      </summary>
                      <FieldEditor
                        field={f}
                        earlier={fieldsBefore(definition, f.id)}
                        onChange={(change) => edit(updateField(definition, f.id, change))}
                      />
                      <div class="row-actions">
                        <button
                          type="button"
                          class="secondary"
                          disabled={fi === 0}
                          onClick={() => edit(moveField(definition, s.id, f.id, -1))}
                        >
                          Up
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          disabled={fi === s.fields.length - 1}
                          onClick={() => edit(moveField(definition, s.id, f.id, 1))}
                        >
                          Down
                        </button>
                        <button
                          type="button"
                          class="secondary"
                          onClick={() => edit(removeField(definition, f.id))}
                        >
                          Remove question
                        </button>
                      </div>
                    </details>
                  </li>
                ))}
              </ol>
              <AddQuestion
                onAdd={(type) => edit(addField(definition, s.id, blankField(definition, type)))}
                sectionTitle={s.title}
              />
            </details>
          ))}
          <div class="row">
            <button
              type="button"
              class="secondary"
              onClick={() => edit(addSection(definition, `Step ${definition.sections.length + 1}`))}
            >
              Add step
            </button>
            <AddBlock onAdd={(kind) => edit(insertBlock(definition, kind))} />
          </div>
        </>
      )}
      <div class="row">
        <button type="button" class="secondary" disabled={busy || !dirty} onClick={() => model.save()}>
          Save draft
        </button>
        <button type="button" class="primary" disabled={busy} onClick={() => model.publish()}>
          Publish
        </button>
      </div>
    </section>
  );
}

function AddQuestion({ onAdd, sectionTitle }: { onAdd: (type: FieldType) => void; sectionTitle: string }) {
  const [type, setType] = useState<FieldType>('short_text');
  return (
    <div class="inline-form">
      <select
        class="auto-width"
        aria-label={`Kind of question to add to ${sectionTitle}`}
        value={type}
        onChange={(e) => setType(e.currentTarget.value as FieldType)}
      >
        {FIELD_TYPES.map((t) => (
          <option value={t} key={t}>
            {FIELD_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <button type="button" class="secondary auto-width" onClick={() => onAdd(type)}>
        Add question
      </button>
    </div>
  );
}

function AddBlock({ onAdd }: { onAdd: (kind: IntakeBlockKind) => void }) {
  return (
    <select
      aria-label="Add a ready-made step"
      value=""
      onChange={(e) => {
        const kind = e.currentTarget.value as IntakeBlockKind;
        if (kind) onAdd(kind);
        e.currentTarget.value = '';
      }}
    >
      <option value="">Add a ready-made step…</option>
      {INTAKE_BLOCK_KINDS.map((k) => (
        <option value={k} key={k}>
          {INTAKE_BLOCKS[k].label}
        </option>
      ))}
    </select>
  );
}
