import { action, createModel, signal } from '@preact/signals';
import type { ContractStatus } from '../../../shared/contract-status';
import type { Feature, ServiceCategory } from '../../../shared/facility-terms';
import type { Facility } from '../../../shared/schemas/facilities';
import { api, call } from '../../api/client';
import type { PickedFile } from '../../ui/document-picker';
import { fieldErrorsFrom } from '../../utils/field-errors';
import { retryText, uploadInTurn } from '../../utils/upload-file';
import type { PagePrefill } from '../page-match/page-prefill';
import type { AddressFields } from './facility-labels';

export const STEPS = [
  'Information',
  'Administrator',
  'Features',
  'Cycle day',
  'Address',
  'Contract',
  'Categories',
  'Documents',
] as const;

type Errors = Record<string, string>;

/** Which step a server error path belongs to, so the person lands where the problem is. */
function stepOf(path: string): number {
  if (path.startsWith('administrator')) return 1;
  if (path.startsWith('features')) return 2;
  if (path.startsWith('cycleStartDay')) return 3;
  if (path.startsWith('address')) return 4;
  if (path.startsWith('contractStatus')) return 5;
  if (path.startsWith('serviceCategories')) return 6;
  return 0;
}

const optional = (v: string) => (v.trim() ? v.trim() : undefined);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Add facility" in the order of spec 000, step 1. Each step checks what it
 * can; the address is verified by the server before the last steps; saving
 * sends everything at once and returns to the step of any error.
 */
export const FacilityWizardModel = createModel((prefill?: PagePrefill | null) => {
  const filled = prefill?.values ?? {};
  const step = signal(0);
  const errors = signal<Errors>({});
  const pending = signal(false);
  const info = signal({
    name: filled.name ?? '',
    phone: filled.phone ?? '',
    email: filled.email ?? '',
    website: filled.website ?? '',
  });
  const admin = signal({ name: filled.administratorName ?? '', email: '', phone: '' });
  const features = signal<Record<Feature, boolean>>({
    ordering: false,
    emar: false,
    bubblePack: false,
    notes: false,
    tasks: false,
  });
  const cycleDay = signal('');
  const address = signal<AddressFields>({
    line1: filled.line1 ?? '',
    line2: '',
    city: filled.city ?? '',
    state: filled.state ?? '',
    postalCode: filled.postalCode ?? '',
  });
  const verified = signal<Facility['address'] | null>(null);
  const contract = signal<ContractStatus>('not_contracted');
  const categories = signal<ServiceCategory[]>([]);
  const files = signal<PickedFile[]>([]);
  const progress = signal<string | null>(null);
  /** Set once the facility is saved: a failed document then keeps the wizard on its last step. */
  const created = signal<Facility | null>(null);
  let stopper = new AbortController();

  function localCheck(at: number): Errors {
    const e: Errors = {};
    const i = info.peek();
    const a = admin.peek();
    const ad = address.peek();
    if (at === 0 && !i.name.trim()) e.name = 'Enter the facility name';
    if (at === 1 && (a.name.trim() || a.email.trim())) {
      if (!a.name.trim()) e['administrator.name'] = "Enter the administrator's name";
      if (!EMAIL.test(a.email.trim())) e['administrator.email'] = 'Enter a valid email address';
    }
    if (at === 4) {
      if (!ad.line1.trim()) e['address.line1'] = 'Enter the street address';
      if (!ad.city.trim()) e['address.city'] = 'Enter the city';
      if (!ad.state.trim()) e['address.state'] = 'Enter the state';
      if (!ad.postalCode.trim()) e['address.postalCode'] = 'Enter the ZIP code';
    }
    return e;
  }

  function addressBody() {
    const ad = address.peek();
    return {
      line1: ad.line1,
      line2: optional(ad.line2),
      city: ad.city,
      state: ad.state,
      postalCode: ad.postalCode,
    };
  }

  function facilityBody() {
    const i = info.peek();
    const a = admin.peek();
    const day = cycleDay.peek();
    return {
      name: i.name,
      phone: optional(i.phone),
      email: optional(i.email),
      website: optional(i.website),
      administrator: a.email.trim() ? { name: a.name, email: a.email, phone: optional(a.phone) } : undefined,
      features: features.peek(),
      cycleStartDay: day ? Number(day) : null,
      address: addressBody(),
      contractStatus: contract.peek(),
      serviceCategories: categories.peek(),
    };
  }

  /**
   * The facility exists now; documents follow one by one, each with its own
   * progress. True when all went up; otherwise the wizard stays on Documents
   * with the reason and the files not sent still chosen.
   */
  async function uploadDocuments(facility: Facility) {
    stopper = new AbortController();
    const path = api.facilities[':id'].documents.$url({ param: { id: facility.id } }).pathname;
    const outcome = await uploadInTurn(
      path,
      files.peek(),
      (p) => ({ kind: p.kind }),
      (line) => {
        progress.value = line;
      },
      stopper.signal,
    );
    files.value = outcome.left;
    if (!outcome.failure) return true;
    errors.value = { form: `${facility.name} is saved, but ${retryText(outcome.failure)}` };
    return false;
  }

  return {
    /** What the page said, for the fields' "From …" notes. */
    prefill: signal(prefill ?? null),
    step,
    errors,
    pending,
    info,
    admin,
    features,
    cycleDay,
    address,
    verified,
    contract,
    categories,
    files,
    progress,
    created,
    stopUpload: action(() => stopper.abort()),
    back: action(() => {
      step.value -= 1;
    }),
    next: action(async () => {
      const at = step.peek();
      const local = localCheck(at);
      errors.value = local;
      if (Object.keys(local).length) return;
      if (at === 4) {
        pending.value = true;
        try {
          verified.value = await call(api.facilities['verify-address'].$post({ json: addressBody() }));
        } catch (e) {
          verified.value = null;
          errors.value = fieldErrorsFrom(e);
          return;
        } finally {
          pending.value = false;
        }
      }
      step.value = at + 1;
    }),
    save: action(async (onDone: (f: Facility) => void) => {
      pending.value = true;
      errors.value = {};
      let facility = created.peek();
      if (!facility) {
        try {
          facility = await call(api.facilities.$post({ json: facilityBody() }));
          created.value = facility;
        } catch (e) {
          const found = fieldErrorsFrom(e);
          errors.value = found;
          const first = Object.keys(found).find((k) => k !== 'form');
          if (first) step.value = stepOf(first);
          pending.value = false;
          return;
        }
      }
      const uploaded = await uploadDocuments(facility);
      pending.value = false;
      if (uploaded) onDone(facility);
    }),
  };
});

export type FacilityWizardState = InstanceType<typeof FacilityWizardModel>;
