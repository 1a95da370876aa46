import { describe, expect, it } from 'vitest';
import {
  changedCondition,
  describeCondition,
  fieldsOf,
  newCondition,
  operatorsFor,
  storedValue,
  typedValue,
  valueInputOf,
} from '../../extension/features/automations/rule-fields';
import { CASE_RULE_FIELDS, RULE_OPERATORS } from '../../shared/schemas/automation-rules';

describe('the rule builder follows the shared field table', () => {
  it('offers every case field and parameter, and only operators the schema knows', () => {
    expect(Object.keys(fieldsOf('cases'))).toEqual(Object.keys(CASE_RULE_FIELDS));
    // A population without a table of its own yet still offers fields rather than none.
    expect(Object.keys(fieldsOf('not-yet-known'))).toEqual(Object.keys(CASE_RULE_FIELDS));
    for (const kind of ['text', 'number', 'date'] as const)
      for (const op of operatorsFor(kind)) expect(RULE_OPERATORS).toContain(op);
    expect(operatorsFor('date')[0]).toBe('within_next_days');
  });

  it('types values to fit field and operator: days, money in cents, percentages, choices', () => {
    expect(valueInputOf('expiryDate', 'date', 'within_next_days')).toBe('days');
    expect(valueInputOf('expiryDate', 'date', 'lt')).toBe('date');
    expect(valueInputOf('invoiceableLeftCents', 'number', 'gt')).toBe('money');
    expect(valueInputOf('percentBooked', 'number', 'gte')).toBe('percent');
    expect(valueInputOf('status', 'text', 'eq')).toBe('choice');
    expect(valueInputOf('status', 'text', 'contains')).toBe('text');
    expect(valueInputOf('sessionsLeft', 'number', 'is_empty')).toBe('none');
    expect(storedValue('money', '12.5')).toBe(1250);
    expect(typedValue('money', 1250)).toBe('12.5');
    expect(storedValue('number', '')).toBeNull();
    expect(storedValue('number', 'x')).toBeNull();
    expect(storedValue('days', '14')).toBe(14);
  });

  it('keeps a value while it still fits, and starts again when the field changes', () => {
    const days = newCondition('cases', 'expiryDate');
    expect(days).toEqual({ field: 'expiryDate', op: 'within_next_days', value: 14 });
    expect(changedCondition('cases', { ...days, value: 30 }, { op: 'within_past_days' })).toEqual({
      field: 'expiryDate',
      op: 'within_past_days',
      value: 30,
    });
    expect(changedCondition('cases', days, { op: 'lt' }).value).toBeNull();
    expect(changedCondition('cases', days, { field: 'sessionsLeft' })).toEqual({
      field: 'sessionsLeft',
      op: 'eq',
      value: null,
    });
    expect(newCondition('cases', 'status')).toEqual({ field: 'status', op: 'eq', value: 'open' });
  });

  it('reads a condition as a sentence', () => {
    expect(describeCondition('cases', { field: 'expiryDate', op: 'within_next_days', value: 14 })).toBe(
      'Expiry date is within the next 14 days',
    );
    expect(describeCondition('cases', { field: 'sessionsLeft', op: 'gt', value: 0 })).toBe(
      'Sessions left to go is more than 0',
    );
    expect(describeCondition('cases', { field: 'invoiceableLeftCents', op: 'lt', value: 5000 })).toBe(
      'Invoiceable amount left is less than $50',
    );
    expect(describeCondition('cases', { field: 'issueDate', op: 'is_empty' })).toBe('Issue date is empty');
  });
});
