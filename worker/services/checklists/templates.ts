import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import {
  checklistTemplateItems,
  checklistTemplates,
  patientChecklistItems,
  patients,
} from '../../../db/schema';
import { AppError } from '../../lib/app-error';
import { newId } from '../../lib/crypto';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';

export type ItemKind = 'document' | 'task';
/** When a template item applies: the onboarding checklist, or the tasks of a discharge. */
export type ItemStage = 'enrollment' | 'discharge';

/** What onboarding needs before care starts (spec 000, step 5); administrators change it. */
export const DEFAULT_ITEMS: { title: string; description: string; kind: ItemKind; required: boolean }[] = [
  {
    title: 'Signed consent form',
    description: 'Upload the consent signed by the resident or their representative',
    kind: 'document',
    required: true,
  },
  {
    title: 'Current medication list',
    description: 'Upload the medication administration record or list',
    kind: 'document',
    required: true,
  },
  {
    title: 'Initial assessment',
    description: 'Clinical intake assessment completed',
    kind: 'task',
    required: true,
  },
  {
    title: 'Insurance verification',
    description: 'Coverage checked and recorded',
    kind: 'task',
    required: true,
  },
  {
    title: 'Welcome call',
    description: 'Call the family or responsible party',
    kind: 'task',
    required: false,
  },
];

type TemplateRow = typeof checklistTemplates.$inferSelect;

/**
 * Creates a template; `alsoWrite` gets the new template's id and its items'
 * ids (in the order given) and returns statements for the same batch.
 */
async function createTemplate(
  tenant: TenantDb,
  facilityId: string | null,
  items: ((typeof DEFAULT_ITEMS)[number] & { intakeTemplateId?: string | null; appliesOn?: ItemStage })[],
  alsoWrite: (id: string, itemIds: string[]) => BatchItem<'sqlite'>[] = () => [],
) {
  const id = newId('clt');
  const now = iso();
  const rows = items.map((item, i) => ({
    id: newId('cli'),
    templateId: id,
    ...item,
    sortOrder: i,
    createdAt: now,
  }));
  await tenant.batch([
    tenant.insert(checklistTemplates, {
      id,
      facilityId,
      name: facilityId ? 'Facility checklist' : 'Default checklist',
      createdAt: now,
      updatedAt: now,
    }),
    ...tenant.insertMany(checklistTemplateItems, rows),
    ...alsoWrite(
      id,
      rows.map((r) => r.id),
    ),
  ]);
  return (await tenant.get(checklistTemplates, id, 'Checklist template')) as TemplateRow;
}

export async function organizationTemplate(tenant: TenantDb): Promise<TemplateRow> {
  const find = async () =>
    (await tenant.select(checklistTemplates, isNull(checklistTemplates.facilityId)).limit(1))[0];
  const row = await find();
  if (row) return row;
  try {
    return await createTemplate(tenant, null, DEFAULT_ITEMS);
  } catch (e) {
    // Another request created it first (a unique index allows one default).
    const created = await find();
    if (created) return created;
    throw e;
  }
}

/** The facility's own template when it has one, otherwise the organisation's. */
export async function effectiveTemplate(tenant: TenantDb, facilityId: string): Promise<TemplateRow> {
  const [own] = await tenant
    .select(checklistTemplates, eq(checklistTemplates.facilityId, facilityId))
    .limit(1);
  return own ?? organizationTemplate(tenant);
}

/**
 * A template's live items for one stage: the onboarding checklist by default
 * (what a patient's checklist is copied from and edits reach), the discharge
 * tasks when asked, every item for the editor.
 */
export async function templateItems(
  tenant: TenantDb,
  templateId: string,
  stage: ItemStage | 'all' = 'enrollment',
) {
  return tenant
    .select(
      checklistTemplateItems,
      and(
        eq(checklistTemplateItems.templateId, templateId),
        isNull(checklistTemplateItems.removedAt),
        stage === 'all' ? undefined : eq(checklistTemplateItems.appliesOn, stage),
      ),
    )
    .orderBy(asc(checklistTemplateItems.sortOrder), asc(checklistTemplateItems.createdAt));
}

/**
 * Gives a facility its own template, starting as a copy of the organisation's.
 * The facility's patients whose checklist came from the organisation's move to
 * it in the same batch, each copied item now pointing at its facility twin,
 * so later edits of the facility's checklist reach them with nothing done lost.
 */
export async function overrideForFacility(tenant: TenantDb, facilityId: string) {
  const [own] = await tenant
    .select(checklistTemplates, eq(checklistTemplates.facilityId, facilityId))
    .limit(1);
  if (own) throw new AppError('conflict', 'This facility already has its own checklist');
  const orgTemplateId = (await organizationTemplate(tenant)).id;
  const base = await templateItems(tenant, orgTemplateId, 'all');
  const moving = and(eq(patients.facilityId, facilityId), eq(patients.checklistTemplateId, orgTemplateId));
  const repoint = (id: string, itemIds: string[]) => [
    ...base.map((orgItem, i) =>
      tenant.update(
        patientChecklistItems,
        { templateItemId: itemIds[i] },
        and(
          eq(patientChecklistItems.templateItemId, orgItem.id),
          inArray(
            patientChecklistItems.patientId,
            tenant.selectFields({ id: patients.id }, patients, moving),
          ),
        ),
      ),
    ),
    tenant.update(patients, { checklistTemplateId: id }, moving),
  ];
  return createTemplate(
    tenant,
    facilityId,
    base.map((i) => ({
      title: i.title,
      description: i.description ?? '',
      kind: i.kind as ItemKind,
      required: i.required,
      intakeTemplateId: i.intakeTemplateId,
      appliesOn: i.appliesOn as ItemStage,
    })),
    repoint,
  );
}
