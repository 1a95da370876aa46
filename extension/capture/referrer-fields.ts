/** What the referrer readers share: how a dentist's name, credentials and specialty are read and kept. */
import type { CapturedReferrer, ReferrerField } from './referrer-types';
import { splitName } from './split-name';

const CREDENTIALS = /^(DDS|DMD|MS|MSD|PhD|MD|BDS|FAGD|MAGD)$/i;
export const SPECIALTIES: [RegExp, string][] = [
  [/pediatric|paediatric/i, 'pediatric_dentist'],
  [/oral (and maxillofacial )?surg/i, 'oral_surgeon'],
  [/periodont/i, 'periodontist'],
  [/orthodont/i, 'orthodontist'],
  [/dentist|dental|\bDDS\b|\bDMD\b/i, 'general_dentist'],
];

export function put(found: CapturedReferrer, field: ReferrerField, value: string | undefined, from: string) {
  if (!value || found.fields[field]) return;
  found.fields[field] = value.slice(0, 200);
  found.from[field] = from;
}

/** "Dr. Priya K. Raman, DDS, MS" → first "Priya K.", last "Raman", credentials "DDS, MS". */
export function nameParts(full: string) {
  const [head = '', ...tail] = full.split(',').map((s) => s.trim());
  const credentials = tail.filter((t) => CREDENTIALS.test(t.replace(/\./g, '')));
  const name = splitName(head.replace(/^(Dr\.?|Doctor)\s+/i, ''));
  return { ...name, credentials: credentials.join(', ') || undefined };
}
