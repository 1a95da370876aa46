import { beforeAll, describe, expect, it } from 'vitest';
import { api, BASE, loginAs, seed, workerFetch } from './helpers';

let coordinator: string;
let stages: { id: string; name: string }[];

type Card = { id: string; firstName: string; score: number; nextFollowUpAt: string | null };
type Column = { stageId: string; name: string; total: number; totalIsAtLeast: boolean; leads: Card[] };

const board = async (query = '', token = coordinator) => {
  const res = await api(`/api/v1/lead-board${query}`, { token });
  expect(res.status).toBe(200);
  return res.json.columns as Column[];
};
const column = (columns: Column[], name: string) => columns.find((c) => c.name === name)!;
const lead = async (body: Record<string, unknown>) => {
  const res = await api('/api/v1/leads', { token: coordinator, body });
  expect(res.status).toBe(201);
  return res.json.lead.id as string;
};

beforeAll(async () => {
  await seed();
  coordinator = await loginAs('treatment_coordinator');
  stages = (await api('/api/v1/pipeline-stages', { token: coordinator })).json.items;
});

describe('the lead board', () => {
  it('shows every stage in order with its count, its newest leads first, their score and next follow-up', async () => {
    const empty = await board();
    expect(empty.map((c) => c.name)).toEqual(stages.map((s) => s.name));
    expect(empty.every((c) => c.total === 0 && c.leads.length === 0)).toBe(true);

    const ana = await lead({
      firstName: 'Ana',
      lastName: 'Board',
      email: 'ana@example.test',
      phone: '512-555-0101',
    });
    const ben = await lead({ firstName: 'Ben', lastName: 'Board', email: 'ben@example.test' });
    const cy = await lead({ firstName: 'Cy', lastName: 'Board', phone: '512-555-0103' });
    await api(`/api/v1/leads/${ben}/stage`, { token: coordinator, body: { stageId: stages[1]!.id } });
    await api(`/api/v1/leads/${ana}/activities`, {
      token: coordinator,
      body: { kind: 'call', text: 'Left a message' },
    });
    const soon = new Date(Date.now() + 86_400_000).toISOString();
    const later = new Date(Date.now() + 5 * 86_400_000).toISOString();
    const earliest = new Date(Date.now() + 3_600_000).toISOString();
    await api(`/api/v1/leads/${ana}/tasks`, {
      token: coordinator,
      body: { title: 'Call back', dueAt: later },
    });
    await api(`/api/v1/leads/${ana}/tasks`, {
      token: coordinator,
      body: { title: 'Send prices', dueAt: soon },
    });
    const done = await api(`/api/v1/leads/${ana}/tasks`, {
      token: coordinator,
      body: { title: 'Done already', dueAt: earliest },
    });
    await api(`/api/v1/leads/${ana}/tasks/${done.json.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { done: true },
    });

    const columns = await board();
    const first = column(columns, stages[0]!.name);
    expect(first.total).toBe(2);
    expect(first.leads.map((l) => l.firstName)).toEqual(['Cy', 'Ana']);
    expect(column(columns, stages[1]!.name).leads.map((l) => l.id)).toEqual([ben]);
    const anaCard = first.leads.find((l) => l.id === ana)!;
    // The next follow-up is the earliest one still open; the done one is not next.
    expect(anaCard.nextFollowUpAt).toBe(soon);
    expect(first.leads.find((l) => l.id === cy)!.nextFollowUpAt).toBeNull();
    // The card's score is the lead's own score, contacts logged included.
    for (const id of [ana, ben, cy]) {
      const own = (await api(`/api/v1/leads/${id}/score`, { token: coordinator })).json.score;
      const card = columns.flatMap((c) => c.leads).find((l) => l.id === id)!;
      expect(card.score).toBe(own);
    }
  });

  it('shows fewer cards on request but always the full count', async () => {
    const first = column(await board('?perStage=1'), stages[0]!.name);
    expect(first.total).toBe(2);
    expect(first.leads).toHaveLength(1);
  });

  it('follows a coordinator filter and leaves merged-away leads out', async () => {
    // Coordinators are memberships (the demo seed's fixed ids).
    const me = 'mem_demo_treatment_coordinator';
    const mine = await lead({ firstName: 'Dee', lastName: 'Board', email: 'dee@example.test' });
    const assigned = await api(`/api/v1/leads/${mine}/assign`, {
      token: coordinator,
      body: { coordinatorId: me },
    });
    expect(assigned.status).toBe(200);
    const filtered = await board(`?coordinatorId=${me}`);
    expect(filtered.flatMap((c) => c.leads).map((l) => l.id)).toEqual([mine]);

    const twin = await lead({ firstName: 'Dee', lastName: 'Board', email: 'dee.two@example.test' });
    expect(column(await board(), stages[0]!.name).total).toBe(4);
    const merged = await api(`/api/v1/leads/${mine}/merge`, {
      token: coordinator,
      body: { duplicateId: twin },
    });
    expect(merged.status).toBe(200);
    const after = column(await board(), stages[0]!.name);
    expect(after.total).toBe(3);
    expect(after.leads.map((l) => l.id)).not.toContain(twin);
  });

  it('shows another organisation nothing of ours, refuses roles without leads, and explains a bad query', async () => {
    const other = await board('', await loginAs('clinic_admin', 'other'));
    expect(other.flatMap((c) => c.leads)).toEqual([]);
    expect(other.every((c) => c.total === 0)).toBe(true);

    const provider = await api('/api/v1/lead-board', { token: await loginAs('provider') });
    expect(provider.status).toBe(403);
    const bad = await api('/api/v1/lead-board?perStage=0', { token: coordinator });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('validation_failed');
    const unknown = await api('/api/v1/lead-board?stage=x', { token: coordinator });
    expect(unknown.status).toBe(400);
  });

  it('records that the board was read, with the leads it showed', async () => {
    const admin = await loginAs('clinic_admin');
    const events = (await api('/api/v1/audit?entityType=lead&limit=50', { token: admin })).json.items as {
      action: string;
      detail: { board?: boolean; count?: number } | null;
    }[];
    expect(
      events.some((e) => e.action === 'list' && e.detail?.board === true && (e.detail.count ?? 0) > 0),
    ).toBe(true);
  });

  it('counts a stage only up to 1,000 and says there are more', async () => {
    const stage = stages.at(-1)!;
    const before = column(await board(), stage.name);
    const csv = [
      'Name,Email,Stage',
      ...Array.from(
        { length: 1001 - before.total },
        (_, i) => `Cap Lead${i},cap${i}@example.test,${stage.name}`,
      ),
    ];
    const form = new FormData();
    form.append('file', new File([csv.join('\n')], 'leads.csv'));
    const preview = await workerFetch(`${BASE}/api/v1/leads/import/preview`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${coordinator}` },
      body: form,
    });
    const { importId } = (await preview.json()) as { importId: string };
    expect(
      (await api(`/api/v1/leads/import/${importId}/commit`, { token: coordinator, body: {} })).status,
    ).toBe(201);
    const capped = column(await board(), stage.name);
    expect(capped).toMatchObject({ total: 1000, totalIsAtLeast: true });
    expect(column(await board(), stages[0]!.name).totalIsAtLeast).toBe(false);
  });
});
