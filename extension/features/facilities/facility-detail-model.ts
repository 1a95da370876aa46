import { action, createModel, signal } from '@preact/signals';
import { CONTRACT_STATUS_LABELS, type ContractStatus } from '../../../shared/contract-status';
import type { ContractEvent, Facility, FacilityDocument } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import type { PickedFile } from '../../ui/document-picker';
import type { Notice } from '../../ui/notice';
import { type CurrentFacility, currentFacilityItem } from '../../utils/current-facility';
import type { Me } from '../../utils/messages';
import { saveFile } from '../../utils/save-file';
import { sendMessage } from '../../utils/send-message';
import { retryText, uploadInTurn } from '../../utils/upload-file';

/** One facility's page: its profile, contract history and documents, and what staff do with them. */
export const FacilityDetailModel = createModel((me: Me, facilityId: string) => {
  const can = (p: string) => me.permissions.includes(p);
  const param = { id: facilityId };
  const byId = api.facilities[':id'];
  const facility = signal<Facility | null>(null);
  const history = signal<ContractEvent[]>([]);
  const documents = signal<FacilityDocument[]>([]);
  const current = signal<CurrentFacility | null>(null);
  const message = signal<Notice | null>(null);
  const files = signal<PickedFile[]>([]);
  const progress = signal<string | null>(null);
  const editing = signal(false);

  const load = action(async () => {
    try {
      facility.value = await call(byId.$get({ param }));
      if (can('facilities:full'))
        history.value = (await call(byId['contract-history'].$get({ param }))).items;
      if (can('facility:documents')) documents.value = (await call(byId.documents.$get({ param }))).items;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  /** Does one change, says so (or why not) and shows the facility as it is now. */
  const act = action(async (work: () => Promise<unknown>, done: string) => {
    message.value = null;
    try {
      await work();
      message.value = { text: done, error: false };
      await load();
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
  });

  let stopper = new AbortController();
  /** Sends the picked documents; a failed one stays picked with the reason, so nothing is lost or silent. */
  const uploadDocuments = action(async () => {
    message.value = null;
    stopper = new AbortController();
    const outcome = await uploadInTurn(
      byId.documents.$url({ param }).pathname,
      files.peek(),
      (p) => ({ kind: p.kind }),
      (line) => {
        progress.value = line;
      },
      stopper.signal,
    );
    files.value = outcome.left;
    message.value = outcome.failure
      ? { text: retryText(outcome.failure), error: true }
      : { text: 'Documents uploaded.', error: false };
    await load();
  });

  load();
  currentFacilityItem.getValue().then((c) => {
    current.value = c;
  });

  return {
    facility,
    history,
    documents,
    current,
    message,
    files,
    progress,
    editing,
    can,
    edit: action((on: boolean) => {
      editing.value = on;
    }),
    saved: action(() => {
      editing.value = false;
      message.value = { text: 'Changes saved.', error: false };
      load();
    }),
    pickFiles: action((next: PickedFile[]) => {
      files.value = next;
    }),
    useForPatients: action(async (f: Facility) => {
      const next = { organizationId: me.organization.id, id: f.id, name: f.name };
      await currentFacilityItem.setValue(next);
      current.value = next;
    }),
    resendInvitation: action(() =>
      act(() => call(byId.administrator.resend.$post({ param })), 'Invitation sent again.'),
    ),
    changeContract: action((to: ContractStatus, note: string) =>
      act(
        () => call(byId.contract.$post({ param, json: { to, note: note.trim() || undefined } })),
        `Contract is now ${CONTRACT_STATUS_LABELS[to]}.`,
      ),
    ),
    deleteDocument: action((d: FacilityDocument) =>
      act(
        () => call(byId.documents[':documentId'].$delete({ param: { id: facilityId, documentId: d.id } })),
        `${d.fileName} deleted.`,
      ),
    ),
    uploadDocuments,
    stopUpload: action(() => stopper.abort()),
    download: action(async (d: FacilityDocument) => {
      try {
        const path = byId.documents[':documentId'].download.$url({
          param: { id: facilityId, documentId: d.id },
        }).pathname;
        saveFile(await sendMessage('download', { path }));
      } catch (e) {
        message.value = { text: (e as Error).message, error: true };
      }
    }),
  };
});

export type FacilityDetailState = InstanceType<typeof FacilityDetailModel>;
