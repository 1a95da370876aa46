import type { Permission } from '../../../shared/permissions';
import type { PageMatchCandidate, PageMatchRequest } from '../../../shared/schemas/page-matches';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import type { AuthContext } from '../auth/session-context';
import { facilityCard, leadCard, patientCard } from './card-details';
import { facilityCandidates, leadCandidates, patientCandidates } from './find-candidates';
import { keysOf, scoreOf } from './ranking';

// The card shows a few candidates; details are read for these only.
const MAX_CANDIDATES = 5;
const KIND_ORDER = { patient: 0, lead: 1, facility: 2 } as const;

/**
 * Who or what a page shows, among the records the caller may see: patients,
 * leads and facilities ranked by how strongly the page's identifiers tie them
 * to it, each with the reasons. Nothing from the page is stored; the audit
 * event names which identifiers were sent and which records were shown, like
 * a search.
 */
export async function matchPage(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  input: PageMatchRequest,
) {
  const may = (p: Permission) => auth.permissions.includes(p);
  if (!may('patients:view') && !may('leads:view') && !may('facilities:view'))
    throw new AppError('forbidden', 'Your role does not allow this. Ask an administrator if you need it.');
  const keys = keysOf(input);
  const [found, foundLeads, foundFacilities] = await Promise.all([
    may('patients:view') ? patientCandidates(tenant, keys) : [],
    may('leads:view') ? leadCandidates(tenant, keys) : [],
    may('facilities:view') ? facilityCandidates(tenant, keys) : [],
  ]);
  const ranked = [
    ...found.map((f) => ({ kind: 'patient' as const, ...f })),
    ...foundLeads.map((f) => ({ kind: 'lead' as const, ...f })),
    ...foundFacilities.map((f) => ({ kind: 'facility' as const, ...f })),
  ]
    .map((c) => ({ ...c, score: scoreOf(c.signals) }))
    .sort((a, b) => b.score - a.score || KIND_ORDER[a.kind] - KIND_ORDER[b.kind])
    .slice(0, MAX_CANDIDATES);

  const candidates: PageMatchCandidate[] = await Promise.all(
    ranked.map(async (c): Promise<PageMatchCandidate> => {
      const common = { id: c.row.id, score: c.score, reasons: c.signals.map((s) => s.reason) };
      if (c.kind === 'patient')
        return { kind: 'patient', ...common, patient: await patientCard(tenant, c.row) };
      if (c.kind === 'lead') return { kind: 'lead', ...common, lead: await leadCard(tenant, audit, c.row) };
      return { kind: 'facility', ...common, facility: await facilityCard(tenant, c.row) };
    }),
  );
  const idsOf = (kind: PageMatchCandidate['kind']) =>
    candidates.filter((c) => c.kind === kind).map((c) => c.id);
  audit.record({
    action: 'list',
    entityType: 'page_match',
    // Which identifiers were sent, never their values: they are a person's name and birth date.
    detail: {
      identifiers: Object.keys(input).sort(),
      count: candidates.length,
      patientIds: idsOf('patient'),
      leadIds: idsOf('lead'),
      facilityIds: idsOf('facility'),
    },
  });
  return { candidates };
}
