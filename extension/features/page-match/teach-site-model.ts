import { action, createModel, signal } from '@preact/signals';
import type { SiteMappingField } from '../../../shared/schemas/site-mappings';
import { api, call } from '../../api/client';
import { sendMessage } from '../../utils/send-message';

/** What the person points at, in order; the name is what makes a page recognisable. */
export const TEACH_STEPS: { field: SiteMappingField; label: string; what: string; required?: boolean }[] = [
  { field: 'fullName', label: 'Name', what: "the resident's name", required: true },
  { field: 'dateOfBirth', label: 'Date of birth', what: 'the date of birth' },
  { field: 'residentNumber', label: 'Resident number', what: 'the resident number' },
];

type Picked = { selector: string; text: string };

/**
 * "Teach this site": the person points at each value once on the page in
 * front; the selectors (never the values) are kept for the organisation and
 * the host, and the page reader uses them there from then on.
 */
export const TeachSiteModel = createModel((host: string) => {
  const picked = signal<Partial<Record<SiteMappingField, Picked>>>({});
  const busy = signal<SiteMappingField | 'save' | null>(null);
  const error = signal<string | null>(null);

  return {
    picked,
    busy,
    error,
    pick: action(async (field: SiteMappingField, what: string) => {
      busy.value = field;
      error.value = null;
      try {
        const answer = await sendMessage('pickElement', { what });
        if (answer) picked.value = { ...picked.peek(), [field]: answer };
      } catch (e) {
        error.value = (e as Error).message;
      } finally {
        busy.value = null;
      }
    }),
    /** True once kept; the card then reads the page again with it. */
    save: action(async (): Promise<boolean> => {
      const read = Object.fromEntries(Object.entries(picked.peek()).map(([f, p]) => [f, p.selector]));
      busy.value = 'save';
      error.value = null;
      try {
        await call(api['site-mappings'].$put({ json: { host, read } }));
        return true;
      } catch (e) {
        error.value = (e as Error).message;
        return false;
      } finally {
        busy.value = null;
      }
    }),
  };
});
