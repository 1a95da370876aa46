import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { staffTasks } from '../../db/schema';
import { addCalendarDays } from '../../shared/calendar-date';
import { patientWithCase, playingRule, runsOf } from './automation-action-helpers';
import { runCron, STAFF, sendAnyTime } from './automation-helpers';
import { api, db, loginAs } from './helpers';

let admin: string;
beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  await sendAnyTime(admin);
});

describe('task actions', () => {
  it('two overlapping runs give the staff member one task, due days later, on their list and the patient’s', async () => {
    const p = await patientWithCase(admin, 'Tess', {
      email: 'tess@family.example',
      dateOfBirth: '1970-03-03',
    });
    const ruleId = await playingRule(admin, 'Tess rule', p.facilityId, [
      { kind: 'task', membershipId: STAFF, title: 'Call about the expiring referral', dueInDays: 3 },
    ]);
    await Promise.all([runCron(), runCron()]);
    await runCron();
    const made = await db().select().from(staffTasks).where(eq(staffTasks.subjectId, p.caseId));
    expect(made).toHaveLength(1);
    const [run] = await runsOf(admin, ruleId);
    expect(run?.actions).toMatchObject([{ kind: 'task', status: 'created', taskId: made[0]?.id }]);

    const front = await loginAs('front_desk');
    const mine = await api('/api/v1/staff-tasks', { token: front });
    expect(mine.status).toBe(200);
    const task = mine.json.items.find((t: { id: string }) => t.id === made[0]?.id);
    expect(task).toMatchObject({
      title: 'Call about the expiring referral',
      assigneeId: STAFF,
      subjectType: 'case',
      subjectId: p.caseId,
      patientId: p.patientId,
      leadId: p.leadId,
      dueDate: addCalendarDays(new Date().toISOString().slice(0, 10), 3),
      doneAt: null,
      ruleId,
      ruleVersion: 1,
    });
    const patients = await api(`/api/v1/staff-tasks?patientId=${p.patientId}`, { token: admin });
    expect(patients.json.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    const byLead = await api(`/api/v1/staff-tasks?leadId=${p.leadId}`, { token: admin });
    expect(byLead.json.items.map((t: { id: string }) => t.id)).toEqual([task.id]);
    // The admin's own list does not hold a task given to someone else.
    const adminOwn = await api('/api/v1/staff-tasks', { token: admin });
    expect(adminOwn.json.items.map((t: { id: string }) => t.id)).not.toContain(task.id);

    const done = await api(`/api/v1/staff-tasks/${task.id}/done`, { token: front, body: {} });
    expect(done.status).toBe(200);
    expect(done.json.doneAt).toEqual(expect.any(String));
    const open = await api('/api/v1/staff-tasks', { token: front });
    expect(open.json.items.map((t: { id: string }) => t.id)).not.toContain(task.id);
    const closed = await api('/api/v1/staff-tasks?status=done', { token: front });
    expect(closed.json.items.map((t: { id: string }) => t.id)).toContain(task.id);
    await api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });
  });

  it('only the assignee or an automations manager closes a task; other organisations see nothing', async () => {
    const p = await patientWithCase(admin, 'Tory', {
      email: 'tory@family.example',
      dateOfBirth: '1971-03-03',
    });
    const ruleId = await playingRule(admin, 'Tory rule', p.facilityId, [
      { kind: 'task', membershipId: STAFF, title: 'Book the review', dueInDays: 0 },
    ]);
    await runCron();
    const [task] = await db().select().from(staffTasks).where(eq(staffTasks.subjectId, p.caseId));
    const billing = await loginAs('billing');
    expect((await api(`/api/v1/staff-tasks/${task?.id}/done`, { token: billing, body: {} })).status).toBe(
      403,
    );
    const facilityAdmin = await loginAs('facility_admin');
    expect((await api(`/api/v1/staff-tasks?leadId=${p.leadId}`, { token: facilityAdmin })).status).toBe(403);
    // A facility admin sees no patient of a facility not attached to them.
    expect((await api(`/api/v1/staff-tasks?patientId=${p.patientId}`, { token: facilityAdmin })).status).toBe(
      404,
    );

    const other = await loginAs('clinic_admin', 'other');
    expect((await api(`/api/v1/staff-tasks/${task?.id}/done`, { token: other, body: {} })).status).toBe(404);
    expect((await api(`/api/v1/staff-tasks?patientId=${p.patientId}`, { token: other })).status).toBe(404);
    expect((await api(`/api/v1/staff-tasks?leadId=${p.leadId}`, { token: other })).status).toBe(404);
    const otherOwn = await api('/api/v1/staff-tasks', { token: other });
    expect(otherOwn.json.items).toEqual([]);

    const closed = await api(`/api/v1/staff-tasks/${task?.id}/done`, { token: admin, body: {} });
    expect(closed.json.doneBy).toBe('mem_demo_clinic_admin');
    expect((await api('/api/v1/staff-tasks?status=everything', { token: admin })).status).toBe(400);
    await api(`/api/v1/automation-rules/${ruleId}/pause`, { token: admin, body: {} });
  });
});
