import { and, type SQL } from 'drizzle-orm';
import { RULE_FIELD_CHOICES, type RulePopulation } from '../../../../shared/automation/populations';
import type { RuleDefinition } from '../../../../shared/schemas/automation-rules';
import { AppError } from '../../../lib/app-error';
import type { AuditLog } from '../../../lib/audit-log';
import type { TenantDb } from '../../../lib/tenant-db';
import type { AuthContext } from '../../auth/session-context';
import type { FieldSet } from '../compile-conditions';
import { casePopulation } from './cases';
import { facilityPopulation } from './facilities';
import { intakeRequestPopulation } from './intake-requests';
import { leadPopulation } from './leads';
import { patientPopulation } from './patients';
import { recordsRequestPopulation } from './records-requests';
import type { PopulationSpec } from './types';

export const POPULATION_SPECS: Record<RulePopulation, PopulationSpec> = {
  cases: casePopulation,
  leads: leadPopulation,
  intake_requests: intakeRequestPopulation,
  patients: patientPopulation,
  facilities: facilityPopulation,
  records_requests: recordsRequestPopulation,
};

/** A rule's population, ready to compile: its spec, its fields on any day, and its scope. */
export type LoadedPopulation = {
  spec: PopulationSpec;
  fieldsAt(now: string): FieldSet;
  /** Visible to the caller and at the rule's locations. */
  scope: SQL | undefined;
};

export async function loadPopulation(tenant: TenantDb, rule: RuleDefinition): Promise<LoadedPopulation> {
  const spec = POPULATION_SPECS[rule.population];
  const fields = await spec.load(tenant);
  return {
    spec,
    fieldsAt: (now) => ({
      sql: fields(now),
      kinds: spec.kinds,
      choices: RULE_FIELD_CHOICES[rule.population] ?? {},
    }),
    scope: and(spec.visible(tenant), spec.atLocations(rule.facilityIds)),
  };
}

/** A dry run or explanation names subjects: the caller must be allowed to see that population (refusals audited). */
export function requirePopulationView(auth: AuthContext, audit: AuditLog, population: RulePopulation) {
  const permission = POPULATION_SPECS[population].view;
  if (auth.permissions.includes(permission)) return;
  audit.record({ action: 'read', entityType: 'automation_rule', outcome: 'denied', detail: { permission } });
  throw new AppError('forbidden', 'Your role does not allow this. Ask an administrator if you need it.');
}
