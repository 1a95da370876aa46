import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../shared/calendar-date';
import { runScheduled } from '../../worker/cron/scheduled';
import { escalateRecordsRequests } from '../../worker/services/records/escalations';
import { api, db, mailbox } from './helpers';
import { createRequest, daysAgo, recordsSetup, todayIso } from './records-helpers';

let admin: string;
let frontDesk: string;
let readOnly: string;
let outgoing: Awaited<ReturnType<typeof recordsSetup>>['outgoing'];

beforeAll(async () => {
  ({ admin, frontDesk, readOnly, outgoing } = await recordsSetup('Records Deadlines Facility'));
});

const create = (body: Record<string, unknown>, token = frontDesk) => createRequest(body, token);

describe('deadlines', () => {
  it('applies the strictest rule of the chosen states and says which', async () => {
    const friday = '2026-11-20';
    expect(new Date(`${friday}T00:00:00Z`).getUTCDay()).toBe(5);
    const save = await api('/api/v1/records-settings', {
      token: admin,
      method: 'PUT',
      body: { states: ['CA', 'TX'], customRules: [], thirdPartyDays: 30, followUpDays: 14 },
    });
    expect(save.status).toBe(200);
    expect(
      (await api('/api/v1/records-settings', { token: frontDesk, method: 'PUT', body: save.json })).status,
    ).toBe(403);
    const inspect = await create(outgoing({ receivedOn: friday, accessKind: 'inspection' }));
    // Five working days from a Friday: Mon 23, Tue 24, Wed 25, (Thanksgiving 26), Fri 27, Mon 30.
    expect(inspect.json).toMatchObject({ dueOn: '2026-11-30', dueRule: { id: 'ca-inspection' } });
    const copies = await create(outgoing({ receivedOn: friday }));
    expect(copies.json).toMatchObject({ dueOn: '2026-12-05', dueRule: { id: 'ca-copies' } });
    const third = await create(
      outgoing({ receivedOn: friday, requesterKind: 'third_party', party: { name: 'Insurer Co' } }),
    );
    // Texas: 15 business days, skipping Thanksgiving.
    expect(third.json).toMatchObject({ dueOn: '2026-12-14', dueRule: { id: 'tx-physician-records' } });
    const tighter = await api('/api/v1/records-settings', {
      token: admin,
      method: 'PUT',
      body: {
        states: [],
        customRules: [
          {
            name: 'Practice: 10 days',
            requesters: ['patient'],
            accessKinds: ['copies'],
            days: 10,
            clock: 'calendar',
            citation: 'Board policy 2026-3',
          },
          {
            name: 'Looser than HIPAA',
            requesters: ['patient'],
            accessKinds: ['inspection'],
            days: 60,
            clock: 'calendar',
            citation: 'Ignored by the floor',
          },
        ],
        thirdPartyDays: 21,
        followUpDays: 14,
      },
    });
    expect(tighter.status).toBe(200);
    expect((await create(outgoing({ receivedOn: friday }))).json).toMatchObject({
      dueOn: '2026-11-30',
      dueRule: { id: 'org-1', citation: 'Board policy 2026-3' },
    });
    expect((await create(outgoing({ receivedOn: friday, accessKind: 'inspection' }))).json).toMatchObject({
      dueOn: '2026-12-20',
      dueRule: { id: 'us-hipaa-access' },
    });
    expect(
      (
        await create(
          outgoing({ receivedOn: friday, requesterKind: 'third_party', party: { name: 'Lawyer' } }),
        )
      ).json,
    ).toMatchObject({ dueOn: '2026-12-11', dueRule: { id: 'practice-third-party' } });
    await api('/api/v1/records-settings', {
      token: admin,
      method: 'PUT',
      body: { states: [], customRules: [], thirdPartyDays: 30, followUpDays: 14 },
    });
  });

  it('extends once, with the written notice through the outbox, only where a rule allows it', async () => {
    const receivedOn = addCalendarDays(todayIso(), -5);
    const { id } = (
      await create(outgoing({ receivedOn, party: { name: 'Rita', email: 'rita.ext@example.test' } }))
    ).json;
    expect(
      (await api(`/api/v1/records-requests/${id}/extension`, { token: frontDesk, body: {} })).status,
    ).toBe(400);
    const extended = await api(`/api/v1/records-requests/${id}/extension`, {
      token: frontDesk,
      body: { reason: 'The records are in off-site storage' },
    });
    expect(extended.status).toBe(200);
    expect(extended.json).toMatchObject({
      dueOn: addCalendarDays(receivedOn, 60),
      extensionReason: 'The records are in off-site storage',
    });
    const again = await api(`/api/v1/records-requests/${id}/extension`, {
      token: frontDesk,
      body: { reason: 'Still' },
    });
    expect(again.status).toBe(409);
    const notice = (await mailbox()).filter((m) => m.recipient === 'rita.ext@example.test');
    expect(notice).toHaveLength(1);
    expect(notice[0]!.bodyText).toContain('off-site storage');
    expect(notice[0]!.bodyText).toContain(addCalendarDays(receivedOn, 60));
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    expect(timeline[0]).toMatchObject({ kind: 'extension', detail: { to: addCalendarDays(receivedOn, 60) } });

    const noEmail = (await create(outgoing({ party: { name: 'No Email' } }))).json.id;
    expect(
      (
        await api(`/api/v1/records-requests/${noEmail}/extension`, {
          token: frontDesk,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(400);
    const thirdParty = (
      await create(outgoing({ requesterKind: 'third_party', party: { name: 'Ins', email: 'i@x.test' } }))
    ).json.id;
    expect(
      (
        await api(`/api/v1/records-requests/${thirdParty}/extension`, {
          token: frontDesk,
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(409);
  });

  it('escalates at half the time, at 80% and on the due date, once each however often the cron runs', async () => {
    const receivedOn = todayIso();
    const { id, dueOn } = (
      await create(outgoing({ receivedOn, party: { name: 'Esc', email: 'esc@example.test' } }), frontDesk)
    ).json;
    const at = (days: number) => Date.parse(`${addCalendarDays(receivedOn, days)}T12:00:00Z`);
    const escalations = async () =>
      (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items
        .filter((e: { kind: string }) => e.kind === 'escalation')
        .map((e: { text: string }) => e.text);
    await escalateRecordsRequests(db(), at(14));
    expect(await escalations()).toEqual([]);
    await escalateRecordsRequests(db(), at(15));
    await escalateRecordsRequests(db(), at(15));
    expect(await escalations()).toEqual(['halfway']);
    await escalateRecordsRequests(db(), at(24));
    await escalateRecordsRequests(db(), at(24));
    expect(await escalations()).toEqual(['eighty', 'halfway']);
    await escalateRecordsRequests(db(), Date.parse(`${dueOn}T08:00:00Z`));
    await escalateRecordsRequests(db(), at(40));
    expect(await escalations()).toEqual(['overdue', 'eighty', 'halfway']);
    const mail = await mailbox();
    expect(
      mail.filter((m) => m.subject.includes('half-way') && m.recipient === 'front_desk@demo.test').length,
    ).toBeGreaterThanOrEqual(1);
    expect(mail.some((m) => m.subject.includes('80%') && m.recipient === 'clinic_admin@demo.test')).toBe(
      true,
    );
    expect(mail.every((m) => !m.bodyText.includes('Rita'))).toBe(true);
  });

  it('runs from the cron trigger', async () => {
    const { id } = (await create(outgoing({ receivedOn: addCalendarDays(todayIso(), -28) }))).json;
    await runScheduled(env);
    await runScheduled(env);
    const timeline = (await api(`/api/v1/records-requests/${id}/timeline`, { token: readOnly })).json.items;
    const kinds = timeline
      .filter((e: { kind: string }) => e.kind === 'escalation')
      .map((e: { text: string }) => e.text);
    expect(kinds.sort()).toEqual(['eighty', 'halfway']);
  });
});

describe('period figures', () => {
  async function complete(id: string) {
    await api(`/api/v1/records-requests/${id}/authorization`, {
      token: frontDesk,
      body: { kind: 'identity', method: 'photo_id_in_person' },
    });
    for (const to of ['approved', 'preparing', 'sent', 'completed'])
      await api(`/api/v1/records-requests/${id}/status`, { token: admin, body: { to } });
  }

  it('counts the period’s requests with median and 90th-percentile turnaround and the on-time share', async () => {
    // Far enough back that no other test's requests fall in the period.
    const received = [daysAgo(95), daysAgo(90), daysAgo(70)];
    const ids: string[] = [];
    for (const receivedOn of received) ids.push((await create(outgoing({ receivedOn }))).json.id);
    await complete(ids[0]!);
    await complete(ids[2]!);
    const figures = await api(`/api/v1/records-figures?from=${daysAgo(96)}&to=${daysAgo(69)}`, {
      token: readOnly,
    });
    expect(figures.status).toBe(200);
    expect(figures.json).toMatchObject({
      received: 3,
      completed: 2,
      medianTurnaroundDays: 70,
      p90TurnaroundDays: 95,
      onTimeShare: 0,
    });
    expect(
      (await api(`/api/v1/records-figures?from=${todayIso()}&to=${daysAgo(3)}`, { token: readOnly })).status,
    ).toBe(400);
  });
});
