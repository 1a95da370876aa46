import { signal } from '@preact/signals';
import { tidyName } from '../../../shared/roster/names';
import type { IdentifierField } from '../../page-reading/identifiers';
import type { PageReading } from '../../page-reading/read-page';

/** A form to open in its area, filled from what the page said, each value with its source. */
export type PagePrefill = {
  target: 'patient' | 'facility';
  values: Record<string, string>;
  from: Record<string, string>;
  title: string;
};

/**
 * The prefill waiting for its area: kept in the panel's memory only (it holds
 * what a page said about a person), taken once by the form that shows it.
 */
export const pendingPrefill = signal<PagePrefill | null>(null);

export function takePrefill(target: PagePrefill['target']): PagePrefill | null {
  const pending = pendingPrefill.peek();
  if (pending?.target !== target) return null;
  pendingPrefill.value = null;
  return pending;
}

/** Form fields from reading fields: each value with where the page said it. */
function prefillOf(
  target: PagePrefill['target'],
  reading: PageReading,
  fields: Record<string, IdentifierField | undefined>,
): PagePrefill {
  const values: Record<string, string> = {};
  const from: Record<string, string> = {};
  for (const [key, field] of Object.entries(fields)) {
    const value = field ? reading.identifiers[field] : undefined;
    const source = field ? reading.from[field] : undefined;
    if (value && source) {
      values[key] = value;
      from[key] = source;
    }
  }
  return { target, values, from, title: reading.title };
}

export function patientPrefill(reading: PageReading): PagePrefill {
  const ids = reading.identifiers;
  return prefillOf('patient', reading, {
    firstName: 'firstName',
    lastName: 'lastName',
    dateOfBirth: 'dateOfBirth',
    roomNumber: 'roomNumber',
    // The form has one record number: the chart's MRN, else the facility's resident number.
    mrn: ids.mrn ? 'mrn' : ids.residentNumber ? 'residentNumber' : undefined,
  });
}

// A facility's own site declares itself; a directory page names the facility but is not its website.
const OWN_SITE_SOURCES = /^(?:JSON-LD|microdata) Organization$|^site name$/;

export function facilityPrefill(reading: PageReading): PagePrefill {
  const prefill = prefillOf('facility', reading, {
    name: 'facilityName',
    phone: 'phone',
    email: 'email',
    line1: 'addressLine1',
    city: 'city',
    state: 'state',
    postalCode: 'postalCode',
    administratorName: 'administrator',
  });
  if (prefill.values.name) prefill.values.name = tidyName(prefill.values.name);
  const nameFrom = reading.from.facilityName ?? '';
  if (OWN_SITE_SOURCES.test(nameFrom)) {
    try {
      prefill.values.website = new URL(reading.url).origin;
      prefill.from.website = 'page address';
    } catch {
      // A page without a readable address gives no website.
    }
  }
  return prefill;
}

/** Calls `open` with each prefill for `target`, now and whenever the card asks for one. */
export function watchPrefill(
  target: PagePrefill['target'],
  open: (prefill: PagePrefill) => void,
): () => void {
  return pendingPrefill.subscribe((pending) => {
    if (pending?.target !== target) return;
    // Taken after this notification ends: a signal is not written from inside its own subscriber.
    queueMicrotask(() => {
      const taken = takePrefill(target);
      if (taken) open(taken);
    });
  });
}
