import { browser } from 'wxt/browser';
import type { ApiFailure, MessageName, ProtocolMap, Reply } from './messages';

export class MessageError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

const ATTEMPTS = 5;

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
      reply = (await browser.runtime.sendMessage({ name, input })) as Reply<K> | undefined;
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
