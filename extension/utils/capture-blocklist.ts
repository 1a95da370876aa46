/**
 * Sites where lead capture is never allowed, such as a patient portal or a
 * bank. Entries are host names; an entry covers its subdomains, so
 * `example.org` blocks `mail.example.org` too. People paste whole addresses,
 * so those are reduced to their host.
 */
export function normaliseSite(entry: string): string | null {
  let s = entry.trim().toLowerCase();
  if (!s) return null;
  if (s.startsWith('*.')) s = s.slice(2);
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//.test(s)) s = new URL(s).hostname;
  } catch {
    return null;
  }
  s = s.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(s) ? s : null;
}

/** The list as stored: normalised, without repeats, in the order given. */
export function normaliseBlocklist(entries: readonly string[]): { sites: string[]; invalid: string[] } {
  const sites: string[] = [];
  const invalid: string[] = [];
  for (const entry of entries) {
    if (!entry.trim()) continue;
    const site = normaliseSite(entry);
    if (!site) invalid.push(entry.trim());
    else if (!sites.includes(site)) sites.push(site);
  }
  return { sites, invalid };
}

/** The blocked entry that covers this address, if any. */
export function blockedBy(url: string, sites: readonly string[]): string | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  return sites.find((site) => host === site || host.endsWith(`.${site}`)) ?? null;
}
