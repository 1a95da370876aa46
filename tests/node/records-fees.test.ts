import { describe, expect, it } from 'vitest';
import { applicableFeeRules, computeFee } from '../../shared/records/fees';

const patient = { requesterKind: 'patient', accessKind: 'copies', states: [] } as const;
const thirdParty = { requesterKind: 'third_party', accessKind: 'copies', states: ['CA', 'TX'] } as const;

describe('records fees', () => {
  it("limits a patient's own copies to HIPAA's flat amount or the cost of copying", () => {
    expect(computeFee('hipaa-flat-electronic', {}, patient)).toMatchObject({ amountCents: 650 });
    expect(computeFee('hipaa-flat-electronic', { amountCents: 651 }, patient)).toEqual({
      refused: 'The flat fee can be at most $6.50',
    });
    const cost = computeFee(
      'hipaa-cost-based',
      { laborMinutes: 15, hourlyRateCents: 2400, pages: 40, perPageCents: 5, postageCents: 180 },
      patient,
    );
    expect(cost).toMatchObject({
      amountCents: 600 + 200 + 180,
      lines: [
        { label: 'Labor: 15 min at $24.00/h', cents: 600 },
        { label: 'Supplies: 40 pages at $0.05', cents: 200 },
        { label: 'Postage', cents: 180 },
      ],
    });
    expect(computeFee('hipaa-flat-electronic', {}, { ...patient, accessKind: 'inspection' })).toHaveProperty(
      'refused',
    );
    expect(computeFee('tx-third-party', { pages: 5 }, { ...patient, states: ['TX'] })).toHaveProperty(
      'refused',
    );
  });

  it("follows the chosen states' schedules for third parties", () => {
    expect(
      computeFee('ca-third-party', { pages: 120, clericalQuarterHours: 3, postageCents: 500 }, thirdParty),
    ).toMatchObject({
      amountCents: 1200 + 1200 + 500,
    });
    expect(computeFee('tx-third-party', { pages: 20 }, thirdParty)).toMatchObject({ amountCents: 2500 });
    expect(computeFee('tx-third-party', { pages: 21 }, thirdParty)).toMatchObject({ amountCents: 2550 });
    expect(computeFee('tx-third-party', { pages: 501, format: 'electronic' }, thirdParty)).toMatchObject({
      amountCents: 5000,
    });
    expect(computeFee('tx-third-party', { pages: 500, format: 'electronic' }, thirdParty)).toMatchObject({
      amountCents: 2500,
    });
    expect(computeFee('ca-third-party', { pages: 1 }, { ...thirdParty, states: ['TX'] })).toHaveProperty(
      'refused',
    );
    expect(computeFee('hipaa-flat-electronic', {}, thirdParty)).toHaveProperty('refused');
    expect(applicableFeeRules('third_party', ['TX']).map((r) => r.id)).toEqual([
      'tx-third-party',
      'practice-charge',
    ]);
    expect(applicableFeeRules('patient', ['CA', 'TX']).every((r) => !r.mayHoldForPayment)).toBe(true);
  });
});
