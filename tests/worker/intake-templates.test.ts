import { beforeAll, describe, expect, it } from 'vitest';
import { api, loginAs } from './helpers';
import { auditOf, publishedTemplate, shortForm } from './intake-helpers';

let admin: string;
let frontDesk: string;

beforeAll(async () => {
  admin = await loginAs('clinic_admin');
  frontDesk = await loginAs('front_desk');
});

const create = (body: Record<string, unknown>, token = admin) =>
  api('/api/v1/intake-templates', { token, body });
const publish = (id: string, token = admin) =>
  api(`/api/v1/intake-templates/${id}/publish`, { token, method: 'POST' });

describe('intake templates', () => {
  it('starts from the starter form when no definition is given, unpublished', async () => {
    const res = await create({ name: 'New patient forms' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      name: 'New patient forms',
      latestVersion: null,
      hasUnpublishedChanges: true,
      archivedAt: null,
      createdBy: 'usr_demo_clinic_admin',
    });
    expect(res.json.definition.title).toBe('New patient forms');
    expect(res.json.definition.sections.map((s: { id: string }) => s.id)).toEqual([
      'patient',
      'medical',
      'dental',
      'insurance',
      'consent',
    ]);
    const listed = await api('/api/v1/intake-templates', { token: frontDesk });
    expect(listed.status).toBe(200);
    expect(listed.json.items.map((t: { id: string }) => t.id)).toContain(res.json.id);
    expect(listed.json.items[0]).not.toHaveProperty('definition');
  });

  it('refuses a definition the engine would not accept, naming every failing path', async () => {
    const form = shortForm();
    // A condition on a field that comes later, and a prefill on a field of the wrong type.
    form.sections[0]!.fields[0]!.showWhen = [{ field: 'takes_meds', op: 'equals', value: true }];
    form.sections[0]!.fields[3]!.prefill = 'phone';
    const res = await create({ name: 'Broken', definition: form });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    const paths = res.json.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('definition.sections.0.fields.0.showWhen.0.field');
    expect(paths).toContain('definition.sections.0.fields.3.prefill');

    const ok = await create({ name: 'Fixable', definition: shortForm() });
    const patch = await api(`/api/v1/intake-templates/${ok.json.id}`, {
      token: admin,
      method: 'PATCH',
      body: { definition: { ...shortForm(), sections: [] } },
    });
    expect(patch.status).toBe(400);
    expect(patch.json.error.details).toEqual([
      { path: 'definition.sections', issue: 'Add at least one section' },
    ]);
    const unknownKey = await create({ name: 'Sneaky', definition: shortForm(), organizationId: 'org_x' });
    expect(unknownKey.status).toBe(400);
  });

  it('publishes immutable versions: editing the draft never changes a published one', async () => {
    const created = await create({ name: 'Medical history', definition: shortForm('Any medicines?') });
    const id = created.json.id;
    const v1 = await publish(id);
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ templateId: id, version: 1, publishedBy: 'usr_demo_clinic_admin' });

    const again = await publish(id);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('version 1');

    const edited = await api(`/api/v1/intake-templates/${id}`, {
      token: admin,
      method: 'PATCH',
      body: { definition: shortForm('Any medicines, vitamins or supplements?') },
    });
    expect(edited.status).toBe(200);
    expect(edited.json.hasUnpublishedChanges).toBe(true);
    expect(edited.json.latestVersion.version).toBe(1);

    const frozen = await api(`/api/v1/intake-templates/${id}/versions/1`, { token: frontDesk });
    expect(frozen.status).toBe(200);
    expect(frozen.json.definition.sections[1].fields[0].label).toBe('Any medicines?');

    const v2 = await publish(id);
    expect(v2.json.version).toBe(2);
    const versions = await api(`/api/v1/intake-templates/${id}/versions`, { token: frontDesk });
    expect(versions.json.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(
      (await api(`/api/v1/intake-templates/${id}/versions/2`, { token: admin })).json.definition.sections[1]
        .fields[0].label,
    ).toBe('Any medicines, vitamins or supplements?');
    expect(
      (await api(`/api/v1/intake-templates/${id}/versions/1`, { token: admin })).json.definition.sections[1]
        .fields[0].label,
    ).toBe('Any medicines?');
    expect((await api(`/api/v1/intake-templates/${id}/versions/3`, { token: admin })).status).toBe(404);
    const after = await api(`/api/v1/intake-templates/${id}`, { token: admin });
    expect(after.json).toMatchObject({ hasUnpublishedChanges: false, latestVersion: { version: 2 } });

    const trail = await auditOf(admin, 'intake_template_version', v2.json.id);
    expect(trail).toEqual([
      expect.objectContaining({ action: 'create', actorUserId: 'usr_demo_clinic_admin' }),
    ]);
    const edits = await auditOf(admin, 'intake_template', id);
    expect(edits.map((e) => e.action).sort()).toEqual(['create', 'update']);
  });

  it('keeps names unique without case, and archiving frees the name and stops changes', async () => {
    const first = await create({ name: 'Consent  Form' });
    const clash = await create({ name: 'consent form' });
    expect(clash.status).toBe(409);
    expect(clash.json.error.details).toEqual([{ path: 'name', issue: first.json.id }]);

    const archived = await api(`/api/v1/intake-templates/${first.json.id}/archive`, {
      token: admin,
      method: 'POST',
    });
    expect(archived.status).toBe(200);
    expect(archived.json.archivedAt).toEqual(expect.any(String));
    expect((await publish(first.json.id)).status).toBe(409);
    expect(
      (
        await api(`/api/v1/intake-templates/${first.json.id}`, {
          token: admin,
          method: 'PATCH',
          body: { name: 'Renamed' },
        })
      ).status,
    ).toBe(409);
    expect((await create({ name: 'Consent form' })).status).toBe(201);
    const live = (await api('/api/v1/intake-templates?limit=200', { token: admin })).json.items;
    expect(live.map((t: { id: string }) => t.id)).not.toContain(first.json.id);
    const gone = (await api('/api/v1/intake-templates?archived=true', { token: admin })).json.items;
    expect(gone.map((t: { id: string }) => t.id)).toEqual([first.json.id]);
  });

  it('lets only intake:configure build and publish; intake:view reads; facility admins see nothing', async () => {
    const { templateId } = await publishedTemplate(admin, 'Permissions form');
    expect((await create({ name: 'By front desk' }, frontDesk)).status).toBe(403);
    expect(
      (
        await api(`/api/v1/intake-templates/${templateId}`, {
          token: frontDesk,
          method: 'PATCH',
          body: { name: 'Changed' },
        })
      ).status,
    ).toBe(403);
    expect((await publish(templateId, frontDesk)).status).toBe(403);
    expect(
      (await api(`/api/v1/intake-templates/${templateId}/archive`, { token: frontDesk, method: 'POST' }))
        .status,
    ).toBe(403);

    const readOnly = await loginAs('read_only');
    expect((await api(`/api/v1/intake-templates/${templateId}`, { token: readOnly })).status).toBe(200);
    const facilityAdmin = await loginAs('facility_admin');
    expect((await api('/api/v1/intake-templates', { token: facilityAdmin })).status).toBe(403);
    expect((await api(`/api/v1/intake-templates/${templateId}`, { token: facilityAdmin })).status).toBe(403);
  });

  it("answers another organisation's template like a missing one", async () => {
    const { templateId } = await publishedTemplate(admin, 'Private form');
    const other = await loginAs('clinic_admin', 'other');
    for (const res of [
      await api(`/api/v1/intake-templates/${templateId}`, { token: other }),
      await api(`/api/v1/intake-templates/${templateId}/versions`, { token: other }),
      await api(`/api/v1/intake-templates/${templateId}/versions/1`, { token: other }),
      await api(`/api/v1/intake-templates/${templateId}`, {
        token: other,
        method: 'PATCH',
        body: { name: 'x' },
      }),
      await publish(templateId, other),
      await api(`/api/v1/intake-templates/${templateId}/archive`, { token: other, method: 'POST' }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await api('/api/v1/intake-templates', { token: other })).json.items).toEqual([]);
    // The same name is free in another organisation.
    expect((await create({ name: 'Private form' }, other)).status).toBe(201);
  });
});
