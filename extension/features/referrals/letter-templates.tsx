import { useModel } from '@preact/signals';
import { useRef, useState } from 'preact/hooks';
import { formatDate } from '../../../shared/locale-dates';
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind } from '../../../shared/referral-letters';
import type { LetterSettings } from '../../../shared/schemas/referral-letters';
import { FieldError } from '../../ui/field';
import type { Me } from '../../utils/messages';
import { LetterTemplatesModel } from './letter-templates-model';

function SettingsForm(props: {
  settings: LetterSettings;
  canEdit: boolean;
  onSave: (s: LetterSettings) => void;
}) {
  const [s, setS] = useState(props.settings);
  return (
    <details>
      <summary>Letterhead, signature and progress reports</summary>
      <label for="letterhead">Letterhead (first line is the practice name)</label>
      <textarea
        id="letterhead"
        rows={3}
        value={s.letterhead}
        disabled={!props.canEdit}
        onInput={(e) => setS({ ...s, letterhead: e.currentTarget.value })}
      />
      <label for="signature">Signature block</label>
      <textarea
        id="signature"
        rows={3}
        value={s.signature}
        disabled={!props.canEdit}
        onInput={(e) => setS({ ...s, signature: e.currentTarget.value })}
      />
      <label for="progress-months">Progress report every (months)</label>
      <input
        id="progress-months"
        type="number"
        min={1}
        max={24}
        value={s.progressEveryMonths}
        disabled={!props.canEdit}
        onInput={(e) => setS({ ...s, progressEveryMonths: Number(e.currentTarget.value) })}
      />
      {props.canEdit ? (
        <button type="button" class="secondary" onClick={() => props.onSave(s)}>
          Save letterhead
        </button>
      ) : null}
    </details>
  );
}

/** Letter templates per kind with merge-field help, a preview against a real referral, and the letterhead. */
export function LetterTemplates({ me }: { me: Me }) {
  const model = useModel(LetterTemplatesModel);
  const canEdit = me.permissions.includes('referrals:full');
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const errors = model.errors.value;
  const notice = model.notice.value;
  const current = model.templates.value.find((t) => t.kind === model.kind.value);
  const preview = model.preview.value;
  const settings = model.settings.value;

  const insert = (name: string) => {
    const token = `{{${name}}}`;
    const el = bodyRef.current;
    const text = model.body.value;
    const at = el ? el.selectionStart : text.length;
    model.body.value = `${text.slice(0, at)}${token}${text.slice(el ? el.selectionEnd : at)}`;
    el?.focus();
  };

  return (
    <section class="area" aria-labelledby="templates-title" data-testid="letter-templates">
      <h3 id="templates-title">Letter templates</h3>
      {notice ? (
        <p class={notice.error ? 'alert error' : 'alert'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <label for="letter-kind">Letter type</label>
      <select
        id="letter-kind"
        value={model.kind.value}
        onChange={(e) => model.pick(e.currentTarget.value as LetterKind)}
      >
        {LETTER_KINDS.map((k) => (
          <option key={k} value={k}>
            {LETTER_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      {current ? (
        <p class="muted small">
          {current.builtIn ? 'Built-in text' : `Your text, saved ${current.updatedAt?.slice(0, 10)}`}
        </p>
      ) : null}
      <label for="letter-subject">Subject line</label>
      <input
        id="letter-subject"
        value={model.subject.value}
        readOnly={!canEdit}
        aria-invalid={errors.subject ? 'true' : undefined}
        onInput={(e) => {
          model.subject.value = e.currentTarget.value;
        }}
      />
      {errors.subject ? <FieldError id="letter-subject-error">{errors.subject}</FieldError> : null}
      <label for="letter-body">Letter text</label>
      <textarea
        id="letter-body"
        ref={bodyRef}
        rows={12}
        value={model.body.value}
        readOnly={!canEdit}
        aria-invalid={errors.body ? 'true' : undefined}
        onInput={(e) => {
          model.body.value = e.currentTarget.value;
        }}
      />
      {errors.body ? <FieldError id="letter-body-error">{errors.body}</FieldError> : null}
      {errors.form ? <FieldError id="letter-form-error">{errors.form}</FieldError> : null}
      <details>
        <summary>Merge fields</summary>
        <p class="muted small">
          Write a field in double braces, like {'{{patient.name}}'}. Letters carry only what the referrer
          needs: the patient’s name and date of birth, never contact details or history.
        </p>
        <div class="merge-fields">
          {model.fields.value.map((f) =>
            canEdit ? (
              <button
                key={f.name}
                type="button"
                class="secondary"
                title={f.label}
                onClick={() => insert(f.name)}
              >
                {f.name}
              </button>
            ) : (
              <code key={f.name} title={f.label}>
                {f.name}
              </code>
            ),
          )}
        </div>
      </details>
      {model.referrals.value.length ? (
        <div class="row">
          <label for="preview-referral" class="sr-only">
            Preview with the referral of
          </label>
          <select
            id="preview-referral"
            value={model.referralId.value}
            onChange={(e) => {
              model.referralId.value = e.currentTarget.value;
            }}
          >
            {model.referrals.value.map((r) => (
              <option key={r.id} value={r.id}>
                {formatDate(r.referralDate)} · {r.providerName}
              </option>
            ))}
          </select>
          <button type="button" class="secondary" onClick={() => model.showPreview()}>
            Preview
          </button>
        </div>
      ) : (
        <p class="muted small">Record a referral to preview letters with real details.</p>
      )}
      {preview ? (
        <article class="letter-preview" data-testid="template-preview">
          <p>
            <strong>{preview.subject}</strong>
          </p>
          <p class="small pre-line">{preview.body}</p>
        </article>
      ) : null}
      {canEdit ? (
        <div class="actions">
          <button type="button" class="primary" disabled={model.saving.value} onClick={() => model.save()}>
            Save template
          </button>
          {current && !current.builtIn ? (
            <button type="button" class="secondary" onClick={() => model.reset()}>
              Use the built-in text
            </button>
          ) : null}
        </div>
      ) : null}
      {settings ? <SettingsForm settings={settings} canEdit={canEdit} onSave={model.saveSettings} /> : null}
    </section>
  );
}
