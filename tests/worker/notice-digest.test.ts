import { beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_WINDOW_MS } from '../../worker/services/email/notice-digest';
import { api, createFacility, loginAs, mailbox, runCronAt, seed, settleBackgroundWork } from './helpers';

let admin: string;

beforeAll(async () => {
  await seed();
  admin = await loginAs('clinic_admin');
});

async function facilityRunBy(name: string, email: string) {
  const id = await createFacility(admin, name);
  await api(`/api/v1/facilities/${id}`, {
    method: 'PATCH',
    token: admin,
    body: { administrator: { name: 'Admin', email } },
  });
  return id;
}

async function enrol(facilityId: string, firstName: string) {
  const id = (
    await api('/api/v1/patients', {
      token: admin,
      body: { facilityId, firstName, lastName: 'Digest', dateOfBirth: '1948-01-01' },
    })
  ).json.id;
  const res = await api(`/api/v1/patients/${id}/status`, {
    token: admin,
    body: { status: 'active', reason: 'enrolled on paper' },
  });
  expect(res.status).toBe(200);
}

const enrolledMailTo = async (to: string) => {
  await settleBackgroundWork();
  return (await mailbox()).filter((m) => m.recipient === to && /now enrolled/.test(m.subject + m.bodyText));
};

describe('notification digest', () => {
  it('sends one digest per recipient for notices a few minutes apart, however often the cron runs', async () => {
    const first = await facilityRunBy('Digest Dale', 'dale@digest.test');
    const second = await facilityRunBy('Digest Hill', 'hill@digest.test');
    for (const name of ['Ann', 'Ben', 'Cy']) await enrol(first, name);
    await enrol(second, 'Dee');
    expect(await enrolledMailTo('dale@digest.test')).toHaveLength(0);

    // Inside the window nothing goes out yet: more notices may follow.
    await runCronAt(Date.now());
    expect(await enrolledMailTo('dale@digest.test')).toHaveLength(0);

    const later = Date.now() + DIGEST_WINDOW_MS;
    await Promise.all([runCronAt(later), runCronAt(later)]);
    await runCronAt(later + 1000);
    const dale = await enrolledMailTo('dale@digest.test');
    expect(dale).toHaveLength(1);
    expect(dale[0]!.subject).toBe("3 residents' enrollment updates: now enrolled");
    expect(dale[0]!.bodyText.match(/A resident of Digest Dale is now enrolled/g)).toHaveLength(3);
    expect(dale[0]!.bodyText).not.toContain('Ann');
    const hill = await enrolledMailTo('hill@digest.test');
    expect(hill).toHaveLength(1);
    expect(hill[0]!.subject).toBe('A resident of Digest Hill is now enrolled');

    // A later notice starts a new digest.
    await enrol(first, 'Eve');
    await runCronAt(Date.now() + 2 * DIGEST_WINDOW_MS);
    expect(await enrolledMailTo('dale@digest.test')).toHaveLength(2);
  });
});
