import { action, createModel, signal } from '@preact/signals';
import type { Consent } from '../../../shared/schemas/consents';
import { api, call } from '../../api/client';
import { cursorPages } from '../../ui/paged-list-model';

/** Whose consents: a patient's (with those given as a lead) or a lead's. */
export type ConsentSubject = { patientId: string } | { leadId: string };

/**
 * A patient's or a lead's consents, and revoking one with its reason: the
 * consent being revoked is held while the panel's own dialog asks why.
 */
export const ConsentListModel = createModel((subject: ConsentSubject) => {
  const list = cursorPages((cursor) =>
    call(api.consents.$get({ query: { ...subject, ...(cursor ? { cursor } : {}) } })),
  );
  const revoking = signal<Consent | null>(null);
  const message = signal<{ text: string; error: boolean } | null>(null);

  const askRevoke = action((consent: Consent | null) => {
    message.value = null;
    revoking.value = consent;
  });

  const revoke = action(async (reason: string) => {
    const consent = revoking.peek();
    revoking.value = null;
    if (!consent) return false;
    let done = false;
    try {
      await call(api.consents[':id'].revoke.$post({ param: { id: consent.id }, json: { reason } }));
      message.value = { text: 'Consent revoked. It stays listed as revoked.', error: false };
      done = true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
    }
    list.reload();
    return done;
  });

  list.reload();
  return { list, revoking, message, askRevoke, revoke };
});
