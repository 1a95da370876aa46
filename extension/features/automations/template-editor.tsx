import { useModel } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { MERGE_FIELD_NAMES, MERGE_FIELDS } from '../../../shared/automation/merge-fields';
import {
  MESSAGE_CHANNELS,
  type MessageTemplate,
  UNSUBSCRIBE_CATEGORIES,
  type UnsubscribeCategory,
} from '../../../shared/schemas/message-templates';
import { Field, FieldError } from '../../ui/field';
import { CATEGORY_LABELS } from './automation-labels';
import { TemplateEditorModel, type TemplateTarget } from './template-editor-model';

const CHANNEL_LABELS = { email: 'Email', sms: 'Text message (SMS)' } as const;

/** "1 segment · GSM-7 · 45 of 160" */
const smsLine = (s: { segments: number; encoding: string; units: number; perSegment: number }) =>
  `${s.segments} ${s.segments === 1 ? 'segment' : 'segments'} · ${s.encoding} · ${s.units} of ${
    s.segments > 1 ? s.segments * s.perSegment : s.perSegment
  }`;

/** A merge-field picker: choose a field, insert it where the cursor was in the subject or the message. */
function MergeFieldPicker(props: { onInsert: (field: string) => void }) {
  const [field, setField] = useState<string>(MERGE_FIELD_NAMES[0] ?? '');
  return (
    <div class="inline-form">
      <label for="merge-field" class="sr-only">
        Merge field
      </label>
      <select id="merge-field" value={field} onChange={(e) => setField(e.currentTarget.value)}>
        {MERGE_FIELD_NAMES.map((f) => (
          <option key={f} value={f}>
            {MERGE_FIELDS[f]}
          </option>
        ))}
      </select>
      <button type="button" class="secondary auto-width" onClick={() => props.onInsert(field)}>
        Insert field
      </button>
    </div>
  );
}

/** The template editor: channel, category, subject and message with merge fields, SMS length and live preview. */
export function TemplateEditor(props: {
  template: MessageTemplate | null;
  canEdit: boolean;
  canPreview: boolean;
  onBack: () => void;
}) {
  const model = useModel(() => new TemplateEditorModel(props.template, props.canPreview));
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Where a picked field goes: the box the person was last in (the message at first).
  const lastBox = useRef<TemplateTarget>('body');
  const errors = model.errors.value;
  const notice = model.notice.value;
  const preview = model.preview.value;
  const sms = model.sms.value;
  const email = model.channel.value === 'email';

  const insert = (field: string) => {
    const target = email ? lastBox.current : 'body';
    const el = target === 'subject' ? subjectRef.current : bodyRef.current;
    const text = target === 'subject' ? model.subject.value : model.body.value;
    const start = el?.selectionStart ?? text.length;
    const caret = model.insert(target, field, start, el?.selectionEnd ?? start);
    if (!el) return;
    // The new text is put in the box now, so the cursor can stand just after the field at once.
    // Waiting for the redraw (a frame later) let typing that followed land in the wrong box.
    el.value = target === 'subject' ? model.subject.value : model.body.value;
    el.focus();
    el.setSelectionRange(caret, caret);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    await model.save();
  };

  return (
    <form class="area" onSubmit={save} aria-labelledby="template-title" data-testid="template-editor">
      <button type="button" class="link" onClick={props.onBack}>
        ← Templates
      </button>
      <h3 id="template-title">{model.current.value?.name ?? 'New message template'}</h3>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <fieldset disabled={!props.canEdit}>
        <Field
          id="template-name"
          label="Template name"
          value={model.name.value}
          error={errors.name}
          onInput={(v) => {
            model.name.value = v;
          }}
        />
        <div class="two">
          <div>
            <label for="template-channel">Sent as</label>
            <select
              id="template-channel"
              value={model.channel.value}
              onChange={(e) => {
                model.channel.value = e.currentTarget.value as MessageTemplate['channel'];
              }}
            >
              {MESSAGE_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="template-category">Unsubscribe category</label>
            <select
              id="template-category"
              value={model.category.value}
              onChange={(e) => {
                model.category.value = e.currentTarget.value as UnsubscribeCategory;
              }}
            >
              {UNSUBSCRIBE_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {CATEGORY_LABELS[c]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {email ? (
          <>
            <label for="template-subject">Subject</label>
            <input
              id="template-subject"
              ref={subjectRef}
              value={model.subject.value}
              aria-invalid={errors.subject ? 'true' : undefined}
              aria-describedby={errors.subject ? 'template-subject-error' : undefined}
              onFocus={() => {
                lastBox.current = 'subject';
              }}
              onInput={(e) => {
                model.subject.value = e.currentTarget.value;
              }}
            />
            {errors.subject ? <FieldError id="template-subject-error">{errors.subject}</FieldError> : null}
          </>
        ) : null}
        <label for="template-body">Message</label>
        <textarea
          id="template-body"
          ref={bodyRef}
          rows={8}
          value={model.body.value}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={
            [errors.body ? 'template-body-error' : '', sms ? 'template-sms' : ''].filter(Boolean).join(' ') ||
            undefined
          }
          onFocus={() => {
            lastBox.current = 'body';
          }}
          onInput={(e) => {
            model.body.value = e.currentTarget.value;
          }}
        />
        {errors.body ? <FieldError id="template-body-error">{errors.body}</FieldError> : null}
        {sms ? (
          <p class="muted small" id="template-sms" data-testid="sms-length">
            {smsLine(sms)}
          </p>
        ) : null}
        {props.canEdit ? <MergeFieldPicker onInsert={insert} /> : null}
        <p class="muted small">
          Messages carry a first name at most, never a date of birth or diagnosis. The unsubscribe link of the
          category is added to every email.
        </p>
      </fieldset>
      {props.canPreview ? (
        <section aria-labelledby="template-preview-title">
          <h4 id="template-preview-title">Preview</h4>
          {model.cases.value.length ? (
            <>
              <label for="template-preview-case">With the case</label>
              <select
                id="template-preview-case"
                value={model.caseId.value}
                onChange={(e) => {
                  model.caseId.value = e.currentTarget.value;
                }}
              >
                {model.cases.value.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </select>
            </>
          ) : (
            <p class="muted small">Sync a case to preview messages with real values.</p>
          )}
          {model.previewError.value ? (
            <p class="alert error" role="alert">
              {model.previewError.value}
            </p>
          ) : null}
          {preview ? (
            <article class="letter-preview" data-testid="template-preview" aria-live="polite">
              {preview.subject !== null ? (
                <p>
                  <strong>{preview.subject}</strong>
                </p>
              ) : null}
              <p class="small pre-line">{preview.body}</p>
              {preview.sms ? <p class="muted small">With these values: {smsLine(preview.sms)}</p> : null}
            </article>
          ) : null}
        </section>
      ) : null}
      {errors.form ? <FieldError id="template-form-error">{errors.form}</FieldError> : null}
      {props.canEdit ? (
        <div class="row">
          <button type="submit" class="primary" disabled={model.saving.value}>
            Save template
          </button>
        </div>
      ) : null}
    </form>
  );
}
