import { describe, expect, it } from 'vitest';
import {
  FINANCIAL_AGREEMENT_TEXT,
  GENERAL_CONSENT_TEXT,
  PHOTO_CONSENT_TEXT,
  TREATMENT_CONSENT_TEXT,
} from '../../shared/intake/blocks';
import { api, loginAs } from './helpers';

describe('the starter intake template', () => {
  it('asks treatment, general, marketing photo and financial consent separately', async () => {
    const admin = await loginAs('clinic_admin');
    const created = await api('/api/v1/intake-templates', {
      token: admin,
      body: { name: 'Starter consents' },
    });
    expect(created.status).toBe(201);
    const section = created.json.definition.sections.find((s: { id: string }) => s.id === 'consent');
    const consents = section.fields
      .filter((f: { type: string }) => f.type === 'consent')
      .map((f: { id: string; text: string; required?: boolean }) => [f.id, f.text, !!f.required]);
    expect(consents).toEqual([
      ['consent_treatment', TREATMENT_CONSENT_TEXT, true],
      ['consent_general', GENERAL_CONSENT_TEXT, true],
      ['consent_photos', PHOTO_CONSENT_TEXT, false],
      ['consent_financial', FINANCIAL_AGREEMENT_TEXT, true],
    ]);
    // The treatment consent no longer carries the insurance and payment terms.
    expect(TREATMENT_CONSENT_TEXT).not.toMatch(/insurance|pay/i);
    expect(FINANCIAL_AGREEMENT_TEXT).toMatch(/insurance/);
  });
});
