import { action, createModel, signal } from '@preact/signals';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';
import { saveFile } from '../../utils/save-file';
import { sendMessage } from '../../utils/send-message';
import type { IntakeChanges, IntakeSubmission } from './intake-api-types';

/**
 * A submission under review: its answers and signature record, the details
 * that would change the record, and which of them staff chose to copy.
 */
export const SubmissionReviewModel = createModel((submissionId: string) => {
  const param = { id: submissionId };
  const submissionApi = api['intake-submissions'][':id'];
  const submission = signal<IntakeSubmission | null>(null);
  const changes = signal<IntakeChanges | null>(null);
  const chosen = signal<string[]>([]);
  const message = signal<Notice | null>(null);

  const load = action(async () => {
    const [s, c] = await Promise.all([
      call(submissionApi.$get({ param })),
      call(submissionApi.changes.$get({ param })),
    ]);
    submission.value = s;
    changes.value = c;
    // Every changed detail the record keeps is offered, ticked.
    chosen.value = c.fields.filter((f) => f.changed && f.applicable).map((f) => f.fieldId);
  });

  const choose = action((fieldId: string, on: boolean) => {
    chosen.value = on ? [...chosen.value, fieldId] : chosen.value.filter((x) => x !== fieldId);
  });

  const downloadPdf = action(async () => {
    try {
      saveFile(await sendMessage('download', { path: submissionApi.pdf.download.$url({ param }).pathname }));
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  const accept = action(async () => {
    message.value = null;
    const fields = chosen.value;
    try {
      await call(submissionApi.accept.$post({ param, json: { fields } }));
      message.value = {
        text: fields.length
          ? `${fields.length} detail(s) copied into the record.`
          : 'Accepted with no change to the record.',
        error: false,
      };
      await load();
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  load().catch((e: Error) => {
    message.value = { text: e.message, error: true };
  });

  return { submission, changes, chosen, message, choose, downloadPdf, accept };
});
