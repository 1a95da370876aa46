import { describe, expect, it } from 'vitest';
import { resolveRecipient, type SubjectPeople, toE164 } from '../../worker/services/automations/recipients';

const today = '2026-06-01';
const child = { firstName: 'Kit', dateOfBirth: '2016-06-02', email: 'kit@x.example', phone: '5550100001' };
const adult = { ...child, firstName: 'Ada', dateOfBirth: '2008-06-01' };
const guardian = { firstName: 'Mara', email: 'mara@x.example', phone: '+1 555 010 0002' };
const people = (over: Partial<SubjectPeople>): SubjectPeople => ({
  patientId: null,
  leadId: 'led_1',
  patient: null,
  lead: null,
  guardian: null,
  referrer: null,
  ...over,
});

describe('automation recipients', () => {
  it("never uses a minor's own address or number while a guardian exists; the guardian gets it when asked", () => {
    const kid = people({ lead: child, patient: child, guardian });
    const reason = 'is a minor with a guardian: messages go to the guardian only (send to the guardian)';
    expect(resolveRecipient(kid, 'lead', 'email', today)).toEqual({ skip: `The lead ${reason}` });
    expect(resolveRecipient(kid, 'patient', 'sms', today)).toEqual({ skip: `The patient ${reason}` });
    expect(resolveRecipient(kid, 'guardian', 'sms', today)).toEqual({
      address: '+15550100002',
      firstName: 'Mara',
    });
    // Without a guardian on file the guard has no one to prefer.
    expect(resolveRecipient(people({ lead: child }), 'lead', 'email', today)).toEqual({
      address: 'kit@x.example',
      firstName: 'Kit',
    });
  });

  it('an 18th birthday ends the guard, to the day', () => {
    expect(resolveRecipient(people({ lead: adult, guardian }), 'lead', 'email', today)).toEqual({
      address: 'kit@x.example',
      firstName: 'Ada',
    });
  });

  it('a missing address is a reason, not an error', () => {
    const noPhone = people({ lead: { ...adult, phone: null } });
    expect(resolveRecipient(noPhone, 'lead', 'sms', today)).toEqual({
      skip: 'The lead has no mobile number on file',
    });
    expect(resolveRecipient(noPhone, 'referrer', 'email', today)).toEqual({
      skip: 'The referring provider is not known for this subject',
    });
  });

  it('writes phone numbers as E.164 and refuses what is not one', () => {
    expect(toE164('(555) 010-2000')).toBe('+15550102000');
    expect(toE164('1-555-010-2000')).toBe('+15550102000');
    expect(toE164('+44 20 7946 0958')).toBe('+442079460958');
    expect(toE164('010-2000')).toBeNull();
    expect(toE164('')).toBeNull();
  });
});
