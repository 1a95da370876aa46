import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordsFees, type recordsRequests } from '../../../db/schema';
import type { AccessKind, RequesterKind } from '../../../shared/records/deadline-rules';
import {
  applicableFeeRules,
  computeFee,
  dollars,
  FEE_RULES,
  type FeeRuleId,
} from '../../../shared/records/fees';
import type { feeSetSchema, RecordsFee, RecordsFeeView } from '../../../shared/schemas/records-fees';
import { AppError } from '../../lib/app-error';
import type { AuditLog } from '../../lib/audit-log';
import type { TenantDb } from '../../lib/tenant-db';
import { iso } from '../../lib/time';
import type { AuthContext } from '../auth/session-context';
import { loadRequest, requestEvent } from './records-requests';
import { readDeadlineSettings } from './records-settings';

type FeeRow = typeof recordsFees.$inferSelect;
type RequestRow = typeof recordsRequests.$inferSelect;

function toFee(row: FeeRow): RecordsFee {
  const rule = FEE_RULES[row.ruleId as FeeRuleId];
  const status = row.waivedAt ? 'waived' : row.paidAt ? 'paid' : 'unpaid';
  return {
    ruleId: rule.id,
    ruleName: rule.name,
    citation: row.citation,
    input: row.input,
    amountCents: row.amountCents,
    lines: row.lines,
    status,
    waiverReason: row.waiverReason,
    paidAt: row.paidAt,
    holdsRelease: status === 'unpaid' && row.amountCents > 0 && rule.mayHoldForPayment,
  };
}

async function feeRow(tenant: TenantDb, requestId: string) {
  const [row] = await tenant.select(recordsFees, eq(recordsFees.requestId, requestId));
  return row ?? null;
}

/**
 * Why an unpaid fee keeps these records from being sent, or null. A
 * patient's own access is never held for a fee; a third party's release waits
 * for payment or a waiver.
 */
export async function releaseHeldByFee(tenant: TenantDb, request: RequestRow) {
  const row = await feeRow(tenant, request.id);
  if (!row) return null;
  const fee = toFee(row);
  return fee.holdsRelease
    ? `The fee of ${dollars(fee.amountCents)} is unpaid: mark it paid or waive it before sending`
    : null;
}

export async function feeView(tenant: TenantDb, audit: AuditLog, requestId: string): Promise<RecordsFeeView> {
  const { request } = await loadRequest(tenant, requestId);
  const settings = await readDeadlineSettings(tenant);
  const row = await feeRow(tenant, requestId);
  audit.record({
    action: 'read',
    entityType: 'records_fee',
    entityId: requestId,
    detail: { patientId: request.patientId },
  });
  return {
    fee: row ? toFee(row) : null,
    rules: applicableFeeRules(request.requesterKind as RequesterKind, settings.states).map((r) => ({
      id: r.id,
      name: r.name,
      citation: r.citation,
      inputs: r.inputs,
      mayHoldForPayment: r.mayHoldForPayment,
    })),
  };
}

async function openOutgoing(tenant: TenantDb, requestId: string) {
  const { request } = await loadRequest(tenant, requestId);
  if (request.direction !== 'outgoing' || !request.open || ['sent'].includes(request.status))
    throw new AppError('conflict', 'The fee is set on an open outgoing request before its records are sent');
  return request;
}

/** Computes the fee by the chosen rule and keeps how it was computed; a new computation starts unpaid. */
export async function setFee(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  requestId: string,
  input: z.infer<typeof feeSetSchema>,
) {
  const request = await openOutgoing(tenant, requestId);
  const settings = await readDeadlineSettings(tenant);
  const computed = computeFee(input.ruleId, input.input, {
    requesterKind: request.requesterKind as RequesterKind,
    accessKind: request.accessKind as AccessKind,
    states: settings.states,
  });
  if ('refused' in computed)
    throw new AppError('validation_failed', computed.refused, [{ path: 'ruleId', issue: 'does not apply' }]);
  const now = iso();
  const values = {
    ruleId: input.ruleId,
    input: input.input,
    amountCents: computed.amountCents,
    lines: computed.lines,
    citation: computed.rule.citation,
    waivedAt: null,
    waiverReason: null,
    paidAt: null,
    updatedBy: auth.userId,
    updatedAt: now,
  };
  await tenant.batch([
    tenant
      .insert(recordsFees, { requestId, ...values })
      .onConflictDoUpdate({ target: recordsFees.requestId, set: values }),
    requestEvent(tenant, requestId, {
      kind: 'fee',
      text: `Fee ${dollars(computed.amountCents)} (${computed.rule.name})`,
      detail: { ruleId: input.ruleId, amountCents: computed.amountCents, lines: computed.lines },
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'records_fee',
      entityId: requestId,
      detail: { ruleId: input.ruleId, amountCents: computed.amountCents },
    }),
  ]);
  return feeView(tenant, audit, requestId);
}

/** Marks the fee paid, or waives it with a reason (waivers take `records:authorize`). */
export async function settleFee(
  tenant: TenantDb,
  audit: AuditLog,
  auth: AuthContext,
  requestId: string,
  how: { paid: true } | { waived: string },
) {
  await loadRequest(tenant, requestId);
  const row = await feeRow(tenant, requestId);
  if (!row) throw new AppError('conflict', 'Set the fee first');
  if (row.paidAt || row.waivedAt) throw new AppError('conflict', 'The fee is already settled');
  const now = iso();
  const set = 'paid' in how ? { paidAt: now } : { waivedAt: now, waiverReason: how.waived };
  await tenant.batch([
    tenant.update(
      recordsFees,
      { ...set, updatedBy: auth.userId, updatedAt: now },
      eq(recordsFees.requestId, requestId),
    ),
    requestEvent(tenant, requestId, {
      kind: 'fee',
      text: 'paid' in how ? `Fee ${dollars(row.amountCents)} paid` : `Fee waived: ${how.waived}`,
      createdBy: auth.userId,
      createdAt: now,
    }),
    audit.statement({
      action: 'update',
      entityType: 'records_fee',
      entityId: requestId,
      detail: 'paid' in how ? { paid: true } : { waived: true },
    }),
  ]);
  return feeView(tenant, audit, requestId);
}
