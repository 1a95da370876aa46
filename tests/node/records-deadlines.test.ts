import { describe, expect, it } from 'vitest';
import { addBusinessDays, federalHolidays, isBusinessDay } from '../../shared/records/business-days';
import {
  DEFAULT_DEADLINE_SETTINGS,
  decideDueDate,
  extendedDueDate,
} from '../../shared/records/deadline-rules';
import { findMove, RECORDS_MOVES } from '../../shared/records/statuses';

describe('federal holidays', () => {
  it('computes the observed dates of any year', () => {
    expect(federalHolidays(2026).map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-01-19',
      '2026-02-16',
      '2026-05-25',
      '2026-06-19',
      '2026-07-03', // 4 July is a Saturday
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26',
      '2026-12-25',
    ]);
    // 25 December 2027 and 1 January 2028 are Saturdays: observed on the Fridays before.
    expect(isBusinessDay('2027-12-31')).toBe(false);
    expect(isBusinessDay('2027-12-24')).toBe(false);
    expect(federalHolidays(2027).find((h) => h.name === 'Juneteenth National Independence Day')?.date).toBe(
      '2027-06-18',
    );
    expect(federalHolidays(2020).some((h) => h.name.startsWith('Juneteenth'))).toBe(false);
  });

  it('counts business days from the day after receipt, skipping weekends and holidays', () => {
    expect(addBusinessDays('2026-11-20', 1)).toBe('2026-11-23'); // Friday → Monday
    expect(addBusinessDays('2026-11-20', 5)).toBe('2026-11-30'); // over Thanksgiving
    expect(addBusinessDays('2026-12-24', 1)).toBe('2026-12-28'); // over Christmas and a weekend
    expect(addBusinessDays('2025-12-31', 1)).toBe('2026-01-02');
  });
});

describe('due dates', () => {
  const request = {
    direction: 'outgoing' as const,
    requesterKind: 'patient' as const,
    accessKind: 'copies' as const,
  };

  it('keeps the federal floor whatever the organisation adds', () => {
    const loose = {
      ...DEFAULT_DEADLINE_SETTINGS,
      customRules: [
        {
          id: 'org-1',
          jurisdiction: 'organisation' as const,
          name: 'Loose',
          requesters: ['patient' as const],
          accessKinds: ['copies' as const],
          days: 90,
          clock: 'calendar' as const,
          extension: null,
          citation: 'x',
          lastReviewed: '2026-11-28',
        },
      ],
    };
    expect(decideDueDate(loose, { ...request, receivedOn: '2026-01-30' })).toMatchObject({
      dueOn: '2026-03-01',
      rule: { id: 'us-hipaa-access' },
    });
  });

  it('extends only as far as every applicable rule allows', () => {
    const receivedOn = '2026-03-02';
    expect(extendedDueDate(DEFAULT_DEADLINE_SETTINGS, { ...request, receivedOn }, '2026-04-01')?.dueOn).toBe(
      '2026-05-01',
    );
    const california = { ...DEFAULT_DEADLINE_SETTINGS, states: ['CA' as const] };
    expect(extendedDueDate(california, { ...request, receivedOn }, '2026-03-17')).toBeUndefined();
  });
});

describe('status moves', () => {
  it('take records:authorize to approve or deny and records:prepare to prepare and send', () => {
    for (const m of RECORDS_MOVES) {
      if (m.to === 'approved' || m.to === 'denied') expect(m.permission).toBe('records:authorize');
      if (m.to === 'preparing' || m.to === 'sent') expect(m.permission).toBe('records:prepare');
    }
    expect(findMove('outgoing', 'received', 'sent')).toBeUndefined();
    expect(findMove('incoming', 'requested', 'approved')).toBeUndefined();
  });
});
