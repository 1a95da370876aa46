import { action, createModel, signal } from '@preact/signals';
import type { AutomationSettingsUpdate } from '../../../shared/schemas/automation-settings';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';

/** "21:00" for minute 1260, and back: a time input's value. */
export const clockOf = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
export const minuteOf = (clock: string) => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The organisation's time zone, quiet hours and daily cap for automation messages. */
export const SendingSettingsModel = createModel(() => {
  const settings = signal<AutomationSettingsUpdate | null>(null);
  const savedAt = signal<string | null>(null);
  const errors = signal<FieldErrors>({});
  const notice = signal<Notice | null>(null);
  const saving = signal(false);

  const load = action(async () => {
    try {
      const { updatedAt, ...rest } = await call(api['automation-settings'].$get());
      settings.value = rest;
      savedAt.value = updatedAt;
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    }
  });

  void load();
  return {
    settings,
    savedAt,
    errors,
    notice,
    saving,
    change: action((patch: Partial<AutomationSettingsUpdate>) => {
      if (settings.value) settings.value = { ...settings.value, ...patch };
    }),
    save: action(async () => {
      if (!settings.value) return;
      saving.value = true;
      errors.value = {};
      notice.value = null;
      try {
        const { updatedAt, ...rest } = await call(api['automation-settings'].$put({ json: settings.value }));
        settings.value = rest;
        savedAt.value = updatedAt;
        notice.value = { text: 'Sending settings saved.', error: false };
      } catch (e) {
        errors.value = fieldErrorsFrom(e);
      } finally {
        saving.value = false;
      }
    }),
  };
});
