import { ApiError } from '../utils/api-client';
import type { Message, MessageName, ProtocolMap, Reply } from '../utils/messages';
import { apiProxyHandlers } from './api-proxy';
import { captureHandlers } from './capture';
import { type BackgroundDeps, createCore, type Handlers } from './context';
import { fileHandlers } from './files';
import { leadOutboxHandlers } from './lead-outbox';
import { pageReadingHandlers } from './page-reading';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';

export { type BackgroundDeps, challengeLapsed, type Store, type StoredAuth, sessionLapsed } from './context';

/**
 * The background's message handler, with storage, clock and network injected
 * so it can be tested without a browser. Every API call goes through here.
 */
export function createBackgroundHandler(deps: BackgroundDeps) {
  const core = createCore(deps);
  const handlers: Handlers = {
    ...sessionHandlers(deps, core),
    ...apiProxyHandlers(core),
    ...fileHandlers(deps, core),
    ...captureHandlers(deps, core),
    ...leadOutboxHandlers(deps, core),
    ...pageReadingHandlers(deps, core),
    ...settingsHandlers(deps, core),
  };

  return async function handle<K extends MessageName>(message: Message<K>): Promise<Reply<K>> {
    const handler = handlers[message.name] as
      | ((input: unknown) => Promise<ProtocolMap[K]['output']>)
      | undefined;
    if (!handler)
      return {
        ok: false,
        error: { code: 'unknown_message', message: `Unknown message ${String(message.name)}` },
      };
    try {
      return { ok: true, data: await handler(message.input) };
    } catch (e) {
      if (e instanceof ApiError) return { ok: false, error: e.failure };
      return {
        ok: false,
        error: { code: 'internal_error', message: 'Something went wrong in the extension. Try again.' },
      };
    }
  };
}
