import { ApiError } from '../utils/api-client';
import type { ApiFailure } from '../utils/messages';
import type { BackgroundDeps, Core, Handlers } from './context';
import { SESSION_ENDED } from './context';

/** Where a table file (a roster, a lead list) is sent to be checked before import. */
const IMPORT_PREVIEWS = ['/api/v1/patients/import/preview', '/api/v1/leads/import/preview'];

/** Files to and from the server: uploads to documents or roster addresses, document downloads. */
export function fileHandlers(deps: BackgroundDeps, core: Core): Pick<Handlers, 'upload' | 'download'> {
  const { signOut, authedWithStatus } = core;
  return {
    async upload({ path, fileName, contentType, base64, fields }) {
      if (!/^\/api\/v1\/[\w/-]+\/documents$/.test(path) && !IMPORT_PREVIEWS.includes(path)) {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Files can only be sent to a documents or import address',
        });
      }
      const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', new File([bytes], fileName, { type: contentType || 'application/octet-stream' }));
      return authedWithStatus<unknown>(path, { method: 'POST', body: form });
    },
    async download({ path }) {
      if (!/^\/api\/v1\/[\w/-]+\/download$/.test(path)) {
        throw new ApiError(400, {
          code: 'validation_failed',
          message: 'Only document downloads can be fetched',
        });
      }
      const auth = await deps.auth.get();
      if (auth.kind !== 'session')
        throw new ApiError(401, { code: 'unauthenticated', message: 'Sign in to continue.' });
      const res = await deps.fetch(`${await deps.serverUrl.get()}${path}`, {
        headers: { Authorization: `Bearer ${auth.token}` },
      });
      if (!res.ok) {
        if (res.status === 401) await signOut(SESSION_ENDED);
        const body = (await res.json().catch(() => null)) as { error?: ApiFailure } | null;
        throw new ApiError(
          res.status,
          body?.error ?? { code: 'internal_error', message: `The server answered ${res.status}` },
        );
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      const disposition = res.headers.get('Content-Disposition') ?? '';
      return {
        base64: btoa(binary),
        contentType: res.headers.get('Content-Type') ?? 'application/octet-stream',
        fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'document',
      };
    },
  };
}
