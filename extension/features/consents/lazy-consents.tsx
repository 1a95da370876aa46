import { lazyArea } from '../../ui/lazy-area';

/**
 * The consent list, loaded when first shown: the patients area is in the
 * panel's first chunk, and a static import would bring the typed client's
 * consent calls and the dialog into it.
 */
export const ConsentList = lazyArea(() => import('./consent-list').then((m) => m.ConsentList));
