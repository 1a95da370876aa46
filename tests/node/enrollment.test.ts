import { describe, expect, it } from 'vitest';
import { deriveEnrollment } from '../../shared/enrollment';

const req = (done: boolean) => ({ required: true, done });
const opt = (done: boolean) => ({ required: false, done });

describe('enrollment status from the checklist', () => {
  it.each([
    ['nothing done', [req(false), req(false), opt(false)], 'not_started'],
    ['an optional item done', [req(false), opt(true)], 'in_progress'],
    ['some required done', [req(true), req(false)], 'in_progress'],
    ['every required done, optional open', [req(true), req(true), opt(false)], 'active'],
    ['no required items, something done', [opt(true)], 'in_progress'],
    ['an empty checklist', [], 'not_started'],
  ] as const)('%s → %s', (_, items, status) => {
    expect(deriveEnrollment([...items]).status).toBe(status);
  });

  it('ignores items the template removed', () => {
    expect(deriveEnrollment([req(true), { required: true, done: false, removed: true }]).status).toBe(
      'active',
    );
  });

  it('is completed once discharged, whatever the checklist says', () => {
    expect(deriveEnrollment([req(false)], { completedAt: '2026-11-23T00:00:00.000Z' }).status).toBe(
      'completed',
    );
  });

  it('keeps an override only while it is ahead of the checklist', () => {
    const ahead = deriveEnrollment([req(false), req(false)], { statusOverride: 'active' });
    expect(ahead).toMatchObject({ status: 'active', derived: 'not_started', overridden: true });
    const caughtUp = deriveEnrollment([req(true)], { statusOverride: 'active' });
    expect(caughtUp).toMatchObject({ status: 'active', derived: 'active', overridden: false });
  });

  it('reports progress as required done of required total, and why it cannot move', () => {
    expect(deriveEnrollment([req(true), req(false), req(false), opt(true)]).progress).toEqual({
      requiredDone: 1,
      requiredTotal: 3,
      percent: 33,
      optionalDone: 1,
      optionalTotal: 1,
    });
    expect(deriveEnrollment([opt(false)]).warnings).toEqual([
      'No item is marked required, so the checklist alone cannot make the patient active.',
    ]);
  });
});
