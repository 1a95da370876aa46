import { browser } from 'wxt/browser';
import type { ApiFailure, MessageName, ProtocolMap, Reply } from './messages';

export class MessageError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

const ATTEMPTS = 5;

/** How long a read waits for the background before asking again (see `deliver`). */
export const READ_RESENT_AFTER_MS = 8_000;

const isRead = (name: MessageName, input: unknown) =>
  name === 'api' && (input as { method?: string } | undefined)?.method === 'GET';

/**
 * One message to the background. A read that has had no answer after
 * `READ_RESENT_AFTER_MS` is sent once more and whichever answer comes first
 * is taken: a message can be lost between the panel and the service worker
 * (the worker stopped and started while it was in flight), and the panel must
 * not then show "Loading…" for ever. Only reads are sent again, so nothing is
 * written twice; the first request is not cancelled, so a slow answer still counts.
 */
function deliver<K extends MessageName>(
  name: K,
  input: ProtocolMap[K]['input'],
): Promise<Reply<K> | undefined> {
  const send = () => browser.runtime.sendMessage({ name, input }) as Promise<Reply<K> | undefined>;
  const first = send();
  if (!isRead(name, input)) return first;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const again = new Promise<Reply<K> | undefined>((resolve, reject) => {
    timer = setTimeout(() => send().then(resolve, reject), READ_RESENT_AFTER_MS);
  });
  return Promise.race([first, again]).finally(() => clearTimeout(timer));
}

/**
 * Typed request to the background; failures arrive as MessageError with a
 * readable message. Right after install or an update the background may not be
 * listening yet ("Receiving end does not exist"): the panel waits and asks again
 * rather than showing an empty screen.
 */
export async function sendMessage<K extends MessageName>(
  name: K,
  input: ProtocolMap[K]['input'],
): Promise<ProtocolMap[K]['output']> {
  let reply: Reply<K> | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      reply = await deliver(name, input);
    } catch (e) {
      reply = undefined;
      if (attempt >= ATTEMPTS)
        throw new MessageError({
          code: 'internal_error',
          message: `The extension is not ready (${(e as Error).message}). Reload it and try again.`,
        });
    }
    if (reply || attempt >= ATTEMPTS) break;
    await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
  }
  if (!reply)
    throw new MessageError({
      code: 'internal_error',
      message: 'The extension did not answer. Reload it and try again.',
    });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}
