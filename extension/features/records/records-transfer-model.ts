import { action, createModel, signal } from '@preact/signals';
import type { RecordsFeeView } from '../../../shared/schemas/records-fees';
import type { RecordsFile, RecordsFileKind, RecordsLink } from '../../../shared/schemas/records-transfer';
import { api, call } from '../../api/client';
import { saveFile } from '../../utils/save-file';
import { sendMessage } from '../../utils/send-message';
import { uploadFile } from '../../utils/upload-file';

type FeeSet = Parameters<(typeof api)['records-requests'][':id']['fee']['$put']>[0]['json'];

/**
 * A request's files, the links that carry them, and its fee. Whatever changes
 * the request's status (an upload, a sent link) reloads the request through
 * `onChanged`.
 */
export const RecordsTransferModel = createModel((id: string, onChanged: () => void) => {
  const files = signal<RecordsFile[]>([]);
  const links = signal<RecordsLink[]>([]);
  const fee = signal<RecordsFeeView | null>(null);
  const error = signal<string | null>(null);
  const message = signal<string | null>(null);
  const busy = signal(false);
  const param = { id };
  const one = api['records-requests'][':id'];

  const load = action(async () => {
    try {
      const [f, l, v] = await Promise.all([
        call(one.documents.$get({ param })),
        call(one.links.$get({ param })),
        call(one.fee.$get({ param })),
      ]);
      files.value = f.items;
      links.value = l.items;
      fee.value = v;
    } catch (e) {
      error.value = (e as Error).message;
    }
  });

  const run = async (what: () => Promise<string | null>, changesRequest = true) => {
    busy.value = true;
    error.value = null;
    message.value = null;
    try {
      message.value = await what();
      await load();
      if (changesRequest) onChanged();
      return true;
    } catch (e) {
      error.value = (e as Error).message;
      return false;
    } finally {
      busy.value = false;
    }
  };

  load();
  return {
    files,
    links,
    fee,
    error,
    message,
    busy,
    upload: action((kind: RecordsFileKind, file: File) =>
      run(async () => {
        await uploadFile(one.documents.$url({ param }).pathname, file, { kind }, () => undefined);
        return `${file.name} added.`;
      }),
    ),
    download: action(async (file: RecordsFile) => {
      try {
        const path = one.documents[':fileId'].download.$url({ param: { id, fileId: file.id } }).pathname;
        saveFile(await sendMessage('download', { path }));
      } catch (e) {
        error.value = (e as Error).message;
      }
    }),
    sendLink: action((expiresInDays: number, maxDownloads: number) =>
      run(async () => {
        const link = await call(one['secure-link'].$post({ param, json: { expiresInDays, maxDownloads } }));
        return `Secure link sent to ${link.recipientEmail}; the code went in a separate email.`;
      }),
    ),
    uploadLink: action(() =>
      run(async () => {
        const link = await call(one['upload-link'].$post({ param, json: {} }));
        return `Upload link sent to ${link.recipientEmail}.`;
      }),
    ),
    revoke: action((link: RecordsLink) =>
      run(async () => {
        await call(one.links[':linkId'].revoke.$post({ param: { id, linkId: link.id } }));
        return `The link to ${link.recipientEmail} was revoked.`;
      }, false),
    ),
    setFee: action((json: FeeSet) =>
      run(async () => {
        await call(one.fee.$put({ param, json }));
        return 'Fee computed.';
      }, false),
    ),
    pay: action(() =>
      run(async () => {
        await call(one.fee.payment.$post({ param }));
        return 'Fee marked paid.';
      }, false),
    ),
    waive: action((reason: string) =>
      run(async () => {
        await call(one.fee.waiver.$post({ param, json: { reason } }));
        return 'Fee waived.';
      }, false),
    ),
    load,
  };
});
