import { action, createModel, signal } from '@preact/signals';
import type { EnrollmentStatus } from '../../../shared/enrollment';
import type { Checklist, ChecklistItem } from '../../../shared/schemas/checklists';
import { api, call } from '../../api/client';
import { sendMessage } from '../../utils/send-message';
import { uploadFile } from '../../utils/upload-file';

/**
 * A patient's checklist and every change made to it. Each change answers with
 * the whole checklist (the status follows the items by itself), which replaces
 * what is shown and is reported through `onStatus`.
 */
export const PatientChecklistModel = createModel(
  (patientId: string, onStatus: (status: EnrollmentStatus) => void) => {
    const list = signal<Checklist | null>(null);
    const error = signal<string | null>(null);
    /** The item (or 'status') being changed; other changes wait for it. */
    const busy = signal<string | null>(null);
    const patient = api.patients[':id'];
    const item = patient.checklist[':itemId'];
    const paramsOf = (it: ChecklistItem) => ({ id: patientId, itemId: it.id });

    const apply = (next: Checklist) => {
      list.value = next;
      onStatus(next.enrollment.status);
    };
    const act = async (key: string, work: () => Promise<Checklist>) => {
      busy.value = key;
      error.value = null;
      try {
        apply(await work());
      } catch (e) {
        error.value = (e as Error).message;
      } finally {
        busy.value = null;
      }
    };

    call(patient.checklist.$get({ param: { id: patientId } })).then(apply, (e: Error) => {
      error.value = e.message;
    });

    return {
      list,
      error,
      busy,
      /** Attaches the page in the browser tab as evidence (address, title, time, text hash). */
      attachPage: action((it: ChecklistItem) =>
        act(it.id, async () => {
          const page = await sendMessage('capturePage', undefined);
          return call(item.evidence.$post({ param: paramsOf(it), json: page }));
        }),
      ),
      note: action((it: ChecklistItem, note: string) =>
        act(it.id, () => call(item.note.$put({ param: paramsOf(it), json: { note } }))),
      ),
      undo: action((it: ChecklistItem) => act(it.id, () => call(item.undo.$post({ param: paramsOf(it) })))),
      done: action((it: ChecklistItem) =>
        act(it.id, () => call(item.done.$post({ param: paramsOf(it), json: {} }))),
      ),
      upload: action((it: ChecklistItem, file: File) =>
        act(
          it.id,
          async () =>
            (await uploadFile(
              item.documents.$url({ param: paramsOf(it) }).pathname,
              file,
              {},
              () => undefined,
            )) as Checklist,
        ),
      ),
      setStatus: action((status: EnrollmentStatus, reason: string) =>
        act('status', () =>
          call(patient.status.$post({ param: { id: patientId }, json: { status, reason } })),
        ),
      ),
    };
  },
);
