import { addCalendarDays } from '../../shared/calendar-date';
import { api, createFacility, loginAs } from './helpers';

export const todayIso = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (days: number) => addCalendarDays(todayIso(), -days);

/** The members the records tests act as, and a patient of the demo organisation. */
export async function recordsSetup(facilityName: string) {
  const admin = await loginAs('clinic_admin');
  const facilityId = await createFacility(admin, facilityName);
  const patientId: string = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName: 'Rita', lastName: 'Records', dateOfBirth: '1950-02-03' },
    })
  ).json.id;
  return {
    admin,
    frontDesk: await loginAs('front_desk'),
    doctor: await loginAs('doctor'),
    readOnly: await loginAs('read_only'),
    patientId,
    /** A patient's own request for copies, received today, changed by `overrides`. */
    outgoing: (overrides: Record<string, unknown> = {}) => ({
      direction: 'outgoing',
      patientId,
      requesterKind: 'patient',
      party: { name: 'Rita Records', email: 'rita@example.test' },
      recordTypes: ['Visit notes', 'Lab results'],
      dateFrom: '2024-01-01',
      dateTo: '2025-12-31',
      purpose: 'Personal use',
      receivedVia: 'email',
      deliveryMethod: 'secure_link',
      receivedOn: todayIso(),
      ...overrides,
    }),
  };
}

export const createRequest = (body: Record<string, unknown>, token: string) =>
  api('/api/v1/records-requests', { token, body });
