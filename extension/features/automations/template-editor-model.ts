import { action, computed, createModel, effect, signal } from '@preact/signals';
import { unknownMergeFields } from '../../../shared/automation/merge-fields';
import { smsLength } from '../../../shared/automation/sms-segments';
import type { Case } from '../../../shared/schemas/cases';
import type {
  MessageTemplate,
  TemplatePreview,
  UnsubscribeCategory,
} from '../../../shared/schemas/message-templates';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';

export type TemplateTarget = 'subject' | 'body';
/** Typing pauses this long before the preview is asked for again. */
const PREVIEW_DELAY_MS = 400;

const unknownError = (text: string) => {
  const unknown = unknownMergeFields(text);
  return unknown.length ? `Unknown merge field ${unknown.map((f) => `{{${f}}}`).join(', ')}` : undefined;
};

/**
 * The message template editor: email or SMS, the merge fields inserted where
 * the cursor was, unknown fields named at their field as they are typed, the
 * SMS length in segments, and a live preview against a real case (the API's
 * preview, so the values are the ones a send would use).
 */
export const TemplateEditorModel = createModel((template: MessageTemplate | null, canPreview: boolean) => {
  /** The template as last saved: a new one, once created, is changed by the next save, not created again. */
  const current = signal(template);
  const name = signal(template?.name ?? '');
  const channel = signal<MessageTemplate['channel']>(template?.channel ?? 'email');
  const category = signal<UnsubscribeCategory>(template?.category ?? 'case_updates');
  const subject = signal(template?.subject ?? '');
  const body = signal(template?.body ?? '');
  const saveErrors = signal<FieldErrors>({});
  const notice = signal<Notice | null>(null);
  const saving = signal(false);
  const cases = signal<Case[]>([]);
  const caseId = signal('');
  const preview = signal<TemplatePreview | null>(null);
  const previewError = signal<string | null>(null);

  const errors = computed<FieldErrors>(() => {
    const local: FieldErrors = {};
    const s = channel.value === 'email' ? unknownError(subject.value) : undefined;
    const b = unknownError(body.value);
    if (s) local.subject = s;
    if (b) local.body = b;
    return { ...saveErrors.value, ...local };
  });

  /** The template's own length; the preview adds the length with a real record's values. */
  const sms = computed(() => (channel.value === 'sms' ? smsLength(body.value) : null));

  const insert = action((target: TemplateTarget, field: string, start: number, end: number) => {
    const token = `{{${field}}}`;
    const box = target === 'subject' && channel.value === 'email' ? subject : body;
    box.value = `${box.value.slice(0, start)}${token}${box.value.slice(end)}`;
    return start + token.length;
  });

  const loadPreview = async () => {
    if (!caseId.value || !body.value.trim()) return;
    try {
      preview.value = await call(
        api['message-templates'].preview.$post({
          json: {
            channel: channel.value,
            subject: channel.value === 'email' ? subject.value : null,
            body: body.value,
            caseId: caseId.value,
          },
        }),
      );
      previewError.value = null;
    } catch (e) {
      previewError.value = (e as Error).message;
    }
  };

  if (canPreview) {
    void call(api.cases.$get({ query: { limit: '20' } }))
      .then((page) => {
        cases.value = page.items;
        caseId.value = page.items[0]?.id ?? '';
      })
      .catch((e: Error) => {
        previewError.value = e.message;
      });
    // The preview follows every change, once typing pauses.
    effect(() => {
      void [channel.value, subject.value, body.value, caseId.value];
      const timer = setTimeout(loadPreview, PREVIEW_DELAY_MS);
      return () => clearTimeout(timer);
    });
  }

  const save = action(async (): Promise<MessageTemplate | null> => {
    saving.value = true;
    saveErrors.value = {};
    notice.value = null;
    const json = {
      name: name.value,
      channel: channel.value,
      category: category.value,
      subject: channel.value === 'email' ? subject.value : null,
      body: body.value,
    };
    try {
      const id = current.value?.id;
      const saved = id
        ? await call(api['message-templates'][':id'].$patch({ param: { id }, json }))
        : await call(api['message-templates'].$post({ json }));
      current.value = saved;
      notice.value = { text: 'Template saved.', error: false };
      return saved;
    } catch (e) {
      saveErrors.value = fieldErrorsFrom(e);
      return null;
    } finally {
      saving.value = false;
    }
  });

  return {
    current,
    name,
    channel,
    category,
    subject,
    body,
    errors,
    notice,
    saving,
    cases,
    caseId,
    preview,
    previewError,
    sms,
    insert,
    save,
  };
});
