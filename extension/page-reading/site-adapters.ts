import { textOf } from '../capture/dom-text';
import type { PageDocument } from '../capture/page-dom';
import { type Found, fill, type LabelKind, valuesFor } from './identifiers';
import { TAUGHT_PREFIX } from './provenance';

/**
 * What to read on one site, and where: for pages whose values carry no
 * readable label (a banner of bare spans, an icon instead of "DOB"). Adapters
 * are data, so a mapping taught for one organisation and host has the same
 * shape as one shipped with the extension.
 */
export type SiteAdapter = {
  /** Shown as where the values came from. */
  name: string;
  /** Host names; `*.example.com` covers its subdomains, not example.com itself. */
  hosts: string[];
  /** A CSS selector per value; `fullName` and `address` are split like a labelled value. */
  read: Partial<Record<LabelKind, string>>;
};

export function hostMatches(host: string, pattern: string): boolean {
  const h = host.toLowerCase();
  const p = pattern.toLowerCase();
  return p.startsWith('*.') ? h.endsWith(p.slice(1)) : h === p;
}

export function adapterFor(url: string, adapters: readonly SiteAdapter[]): SiteAdapter | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return adapters.find((a) => a.hosts.some((pattern) => hostMatches(host, pattern)));
}

/** The values the adapter points at; a selector the page no longer has reads nothing. */
export function readWithAdapter(doc: PageDocument, adapter: SiteAdapter, found: Found): void {
  for (const [kind, selector] of Object.entries(adapter.read) as [LabelKind, string][]) {
    let text = '';
    try {
      const el = doc.querySelector(selector);
      text = el ? (el.getAttribute('datetime') ?? el.getAttribute('content') ?? textOf(el, 300)) : '';
    } catch {
      // A selector the browser refuses reads nothing.
    }
    fill(found, valuesFor(kind, text), adapter.name);
  }
}

/** A mapping someone taught for their organisation and a host, as an adapter for that host only. */
export function taughtAdapter(mapping: {
  host: string;
  read: Partial<Record<LabelKind, string>>;
}): SiteAdapter {
  return { name: `${TAUGHT_PREFIX}${mapping.host}`, hosts: [mapping.host], read: mapping.read };
}
