import { lazyArea } from '../../ui/lazy-area';

/**
 * The intake pieces a patient's page shows, loaded when first shown: the
 * patients area is in the panel's first chunk, and static imports would
 * bring the intake models and the typed client into it.
 */
export const RequestList = lazyArea(() => import('./request-list').then((m) => m.RequestList));
export const SendForm = lazyArea(() => import('./send-form').then((m) => m.SendForm));
