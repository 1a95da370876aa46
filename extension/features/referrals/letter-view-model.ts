import { action, createModel, signal } from '@preact/signals';
import type { LetterDetail } from '../../../shared/schemas/referral-letters';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { saveFile } from '../../utils/save-file';
import { sendMessage } from '../../utils/send-message';

export type SendWay = 'email' | 'fax' | 'mail';

/** One letter: its text as it goes out (or went out), sending it and its PDF. */
export const LetterViewModel = createModel((letterId: string) => {
  const param = { id: letterId };
  const letterApi = api['referral-letters'][':id'];
  const letter = signal<LetterDetail | null>(null);
  const notice = signal<Notice | null>(null);
  const busy = signal(false);

  const load = action(async () => {
    try {
      letter.value = await call(letterApi.$get({ param }));
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    }
  });

  const download = action(async () => {
    try {
      saveFile(await sendMessage('download', { path: letterApi.pdf.$url({ param }).pathname }));
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    }
  });

  const send = action(async (via: SendWay) => {
    busy.value = true;
    notice.value = null;
    try {
      const sent = await call(letterApi.send.$post({ param, json: { via } }));
      letter.value = sent;
      notice.value = {
        text:
          via === 'email'
            ? `Emailed to ${sent.sentTo} with the PDF attached.`
            : `Recorded as sent by ${via}.`,
        error: false,
      };
    } catch (e) {
      notice.value = { text: (e as Error).message, error: true };
    } finally {
      busy.value = false;
    }
  });

  void load();
  return { letter, notice, busy, download, send };
});
