import { action, createModel, signal } from '@preact/signals';
import type { ProviderSpecialty, ReferringProvider } from '../../../shared/schemas/referrals';
import { api, call } from '../../api/client';
import { type FieldErrors, fieldErrorsFrom } from '../../utils/field-errors';
import { MessageError } from '../../utils/send-message';

export type ProviderValues = {
  firstName: string;
  lastName: string;
  credentials: string;
  npi: string;
  email: string;
  specialty: ProviderSpecialty;
  letterPreference: 'email' | 'fax' | 'mail';
  practiceName: string;
  line1: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  fax: string;
};

export const EMPTY_PROVIDER: ProviderValues = {
  firstName: '',
  lastName: '',
  credentials: '',
  npi: '',
  email: '',
  specialty: 'general_dentist',
  letterPreference: 'email',
  practiceName: '',
  line1: '',
  city: '',
  state: '',
  postalCode: '',
  phone: '',
  fax: '',
};

const optional = (v: string) => (v.trim() ? v.trim() : undefined);

function createBody(v: ProviderValues, allowDuplicate: boolean) {
  return {
    firstName: v.firstName,
    lastName: v.lastName,
    credentials: optional(v.credentials),
    npi: optional(v.npi),
    email: optional(v.email),
    specialty: v.specialty,
    letterPreference: v.letterPreference,
    allowDuplicate,
    practice: {
      name: v.practiceName,
      address: { line1: v.line1, city: v.city, state: v.state, postalCode: v.postalCode },
      phone: optional(v.phone),
      fax: optional(v.fax),
    },
  };
}

/**
 * A new referring provider at a new practice. Likely duplicates come back as
 * a refusal naming them; the person can open one or save anyway (never for an NPI).
 */
export const ProviderFormModel = createModel((initial: Partial<ProviderValues>) => {
  const values = signal<ProviderValues>({ ...EMPTY_PROVIDER, ...initial });
  const errors = signal<FieldErrors>({});
  const candidates = signal<{ id: string; issue: string }[]>([]);
  const saving = signal(false);

  const set = action((key: keyof ProviderValues, value: string) => {
    values.value = { ...values.value, [key]: value };
  });

  const save = action(async (allowDuplicate: boolean): Promise<ReferringProvider | null> => {
    saving.value = true;
    errors.value = {};
    try {
      candidates.value = [];
      return await call(api['referring-providers'].$post({ json: createBody(values.value, allowDuplicate) }));
    } catch (e) {
      if (e instanceof MessageError && e.failure.code === 'conflict') {
        candidates.value = (e.failure.details ?? [])
          .filter((d) => d.path.startsWith('candidates.'))
          .map((d) => ({ id: d.path.slice('candidates.'.length), issue: d.issue }));
        errors.value = { form: e.failure.message };
      } else errors.value = fieldErrorsFrom(e);
      return null;
    } finally {
      saving.value = false;
    }
  });

  return { values, errors, candidates, saving, set, save };
});
