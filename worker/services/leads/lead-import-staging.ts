import { DAY } from '../../lib/time';

/** Where previewed lead lists wait for their commit: `<prefix><organisation id>/<import id>`. */
export const STAGED_LEAD_IMPORTS = 'lead-imports/';

/** A preview nobody committed or cancelled is let go after this long (the cron removes it). */
export const STAGED_LEAD_IMPORT_LIFE = DAY;

/**
 * The cron's sweep of lead lists previewed more than a day ago and never
 * committed or cancelled (a closed panel, a person who changed their mind):
 * a list of names and contacts must not stay in storage for nothing. Safe to
 * run twice; answers how many it removed.
 */
export async function removeStaleLeadImports(bucket: R2Bucket, now: number) {
  let removed = 0;
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ prefix: STAGED_LEAD_IMPORTS, ...(cursor ? { cursor } : {}) });
    const stale: string[] = [];
    for (const o of page.objects) if (o.uploaded.getTime() < now - STAGED_LEAD_IMPORT_LIFE) stale.push(o.key);
    if (stale.length) await bucket.delete(stale);
    removed += stale.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return removed;
}
