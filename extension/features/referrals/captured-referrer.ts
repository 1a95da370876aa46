import { PROVIDER_SPECIALTIES, type ProviderSpecialty } from '../../../shared/schemas/referrals';
import type { CapturedReferrer } from '../../capture/referrer-types';
import type { ProviderValues } from './provider-form-model';

const isSpecialty = (v: string | undefined): v is ProviderSpecialty =>
  (PROVIDER_SPECIALTIES as readonly string[]).includes(v ?? '');

/** A page's referrer as the provider form's values; what the page did not say stays empty. */
export function referrerValues(captured: CapturedReferrer): Partial<ProviderValues> {
  const f = captured.fields;
  const out: Partial<ProviderValues> = {};
  for (const key of [
    'firstName',
    'lastName',
    'credentials',
    'email',
    'practiceName',
    'line1',
    'city',
    'state',
    'postalCode',
    'phone',
    'fax',
  ] as const) {
    const value = f[key];
    if (value) out[key] = value;
  }
  if (isSpecialty(f.specialty)) out.specialty = f.specialty;
  return out;
}
