import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { extractLead } from '../capture/extract-lead';
import { extractReferrer } from '../capture/extract-referrer';
import type { CapturedReferrer } from '../capture/referrer-types';
import type { CapturedLead } from '../capture/types';

type CaptureGlobal = {
  __sidecarExtractLead?: (selectionText?: string, linkUrl?: string) => CapturedLead;
  __sidecarExtractReferrer?: () => CapturedReferrer | null;
};

/**
 * Injected by the background with scripting.executeScript into the page's
 * isolated world, only after the person asks for a capture. It only defines
 * the extractor; the background's next call runs it. No extension API is
 * used here: the extractors read the document and nothing else.
 */
export default defineUnlistedScript(() => {
  (globalThis as CaptureGlobal).__sidecarExtractLead = (selectionText, linkUrl) =>
    extractLead(document, { url: location.href, selectionText, linkUrl });
  (globalThis as CaptureGlobal).__sidecarExtractReferrer = () => extractReferrer(document, location.href);
});
