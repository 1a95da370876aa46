import { describe, expect, it } from 'vitest';
import type { PageDocument, PageElement } from '../../extension/capture/page-dom';
import { selectorFor } from '../../extension/page-reading/element-selector';
import { readPage } from '../../extension/page-reading/read-page';
import { taughtAdapter } from '../../extension/page-reading/site-adapters';
import { pageOf, savedPage } from './page-reading-fixtures';

const HOST = 'app.evergreen-clinical.example';
const url = (id: string) => `https://${HOST}/residents/${id}/summary`;

/** The element a person would click: the one whose own text is `text`. */
function elementWithText(doc: PageDocument, text: string): PageElement {
  const el = Array.from(doc.querySelectorAll('body *')).find(
    (e) =>
      e.textContent?.trim() === text &&
      !Array.from(e.querySelectorAll('*')).some((c) => c.textContent?.trim() === text),
  );
  if (!el) throw new Error(`no element reads ${text}`);
  return el;
}

describe('building a selector for the element pointed at', () => {
  it('prefers what names it over generated classes and ids with numbers', () => {
    const doc = pageOf(`<div id="hdr-88104231" class="css-9f3k2l"><h1 class="css-1q8zzp pt-name">Okafor</h1>
      <span data-field="dob">1945-02-07</span><span id="mrn">MG-1</span></div>`);
    expect(selectorFor(doc, elementWithText(doc, 'Okafor'))).toBe('h1.pt-name');
    expect(selectorFor(doc, elementWithText(doc, '1945-02-07'))).toBe('span[data-field="dob"]');
    expect(selectorFor(doc, elementWithText(doc, 'MG-1'))).toBe('#mrn');
  });

  it('anchors an unnamed value to its nearest named ancestor, by position among its kind', () => {
    const doc = savedPage('evergreen-resident-1.html');
    expect(selectorFor(doc, elementWithText(doc, 'WHITAKER, HAROLD J'))).toBe('div.who');
    expect(selectorFor(doc, elementWithText(doc, '05/22/1934'))).toBe('div.facts span:nth-of-type(1) > span');
    expect(selectorFor(doc, elementWithText(doc, 'EV-3307'))).toBe('div.facts span:nth-of-type(2) > span');
  });

  it('falls back to a path when nothing on the way up has a name, and it still finds only that element', () => {
    const doc = pageOf('<div><div><p>a</p><p>b</p></div><div><p>c</p><p>Rosa</p></div></div>');
    const el = elementWithText(doc, 'Rosa');
    const selector = selectorFor(doc, el)!;
    expect(Array.from(doc.querySelectorAll(selector))).toEqual([el]);
  });
});

describe('a taught site read next time', () => {
  // Taught once on Harold Whitaker's page...
  const first = savedPage('evergreen-resident-1.html');
  const mapping = {
    host: HOST,
    read: {
      fullName: selectorFor(first, elementWithText(first, 'WHITAKER, HAROLD J'))!,
      dateOfBirth: selectorFor(first, elementWithText(first, '05/22/1934'))!,
      residentNumber: selectorFor(first, elementWithText(first, 'EV-3307'))!,
    },
  };

  it('the generic readers find nobody on the site without it', () => {
    const reading = readPage(savedPage('evergreen-resident-2.html'), url('88104977'));
    expect(reading.identifiers.lastName).toBeUndefined();
    expect(reading.identifiers.dateOfBirth).toBeUndefined();
  });

  it("...it reads the next resident's page, saying the values came from the places pointed at", () => {
    const reading = readPage(savedPage('evergreen-resident-2.html'), url('88104977'), {
      adapters: [taughtAdapter(mapping)],
    });
    expect(reading.identifiers).toMatchObject({
      firstName: 'Fumiko',
      lastName: 'Nakamura',
      dateOfBirth: '1941-12-03',
      residentNumber: 'EV-3352',
    });
    expect(reading.from.dateOfBirth).toBe(`taught:${HOST}`);
  });

  it('is used on its host only', () => {
    const reading = readPage(savedPage('evergreen-resident-2.html'), 'https://other.example/r/1', {
      adapters: [taughtAdapter(mapping)],
    });
    expect(reading.adapter).toBeUndefined();
    expect(reading.identifiers.lastName).toBeUndefined();
  });
});
