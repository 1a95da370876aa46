import { action, createModel, signal } from '@preact/signals';
import type { LetterKind } from '../../../shared/referral-letters';
import type { LetterSettings, LetterTemplate } from '../../../shared/schemas/referral-letters';
import type { Referral } from '../../../shared/schemas/referrals';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';

/**
 * The letter template editor: one kind's subject and body at a time, the
 * merge fields to insert, a preview against a real referral, and the
 * letterhead settings. Unknown fields come back from the API as a field error.
 */
export const LetterTemplatesModel = createModel(() => {
  const templates = signal<LetterTemplate[]>([]);
  const fields = signal<{ name: string; label: string }[]>([]);
  const kind = signal<LetterKind>('thank_you');
  const subject = signal('');
  const body = signal('');
  const errors = signal<FieldErrors>({});
  const notice = signal<Notice | null>(null);
  const referrals = signal<Referral[]>([]);
  const referralId = signal('');
  const preview = signal<{ subject: string; body: string } | null>(null);
  const settings = signal<LetterSettings | null>(null);
  const saving = signal(false);

  const pick = action((next: LetterKind) => {
    const t = templates.value.find((x) => x.kind === next);
    kind.value = next;
    subject.value = t?.subject ?? '';
    body.value = t?.body ?? '';
    errors.value = {};
    preview.value = null;
  });

  const load = action(async () => {
    try {
      const [list, recent, s] = await Promise.all([
        call(api['letter-templates'].$get()),
        call(api.referrals.$get({ query: { direction: 'incoming', limit: '20' } })),
        call(api['letter-templates'].settings.$get()),
      ]);
      templates.value = list.items;
      fields.value = list.fields;
      referrals.value = recent.items;
      referralId.value = recent.items[0]?.id ?? '';
      settings.value = s;
      pick(kind.value);
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    }
  });

  const showPreview = action(async () => {
    if (!referralId.value) return;
    errors.value = {};
    try {
      preview.value = await call(
        api['letter-templates'].preview.$post({
          json: { referralId: referralId.value, kind: kind.value, subject: subject.value, body: body.value },
        }),
      );
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
    }
  });

  const replaceTemplate = (saved: LetterTemplate) => {
    templates.value = templates.value.map((t) => (t.kind === saved.kind ? saved : t));
    pick(saved.kind);
  };

  const save = action(async () => {
    saving.value = true;
    errors.value = {};
    notice.value = null;
    try {
      replaceTemplate(
        await call(
          api['letter-templates'][':kind'].$put({
            param: { kind: kind.value },
            json: { subject: subject.value, body: body.value },
          }),
        ),
      );
      notice.value = { text: 'Template saved.', error: false };
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
    } finally {
      saving.value = false;
    }
  });

  const reset = action(async () => {
    try {
      replaceTemplate(await call(api['letter-templates'][':kind'].$delete({ param: { kind: kind.value } })));
      notice.value = { text: 'Back to the built-in text.', error: false };
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    }
  });

  const saveSettings = action(async (next: LetterSettings) => {
    errors.value = {};
    try {
      settings.value = await call(api['letter-templates'].settings.$patch({ json: next }));
      notice.value = { text: 'Letterhead saved.', error: false };
    } catch (e) {
      errors.value = fieldErrorsFrom(e);
    }
  });

  void load();
  return {
    templates,
    fields,
    kind,
    subject,
    body,
    errors,
    notice,
    referrals,
    referralId,
    preview,
    settings,
    saving,
    pick,
    showPreview,
    save,
    reset,
    saveSettings,
  };
});
