import { browser } from 'wxt/browser';
import type { ApiFailure, MessageName, ProtocolMap, Reply } from './messages';

export class MessageError extends Error {
  constructor(readonly failure: ApiFailure) {
    super(failure.message);
  }
}

/** Typed request to the background; failures arrive as MessageError with a readable message. */
export async function sendMessage<K extends MessageName>(
  name: K,
  input: ProtocolMap[K]['input'],
): Promise<ProtocolMap[K]['output']> {
  const reply = (await browser.runtime.sendMessage({ name, input })) as Reply<K> | undefined;
  if (!reply)
    throw new MessageError({
      code: 'internal_error',
      message: 'The extension did not answer. Reload it and try again.',
    });
  if (!reply.ok) throw new MessageError(reply.error);
  return reply.data;
}
