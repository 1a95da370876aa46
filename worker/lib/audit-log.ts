import { getTableColumns } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import type { AuditAction, AuditOutcome } from '../../shared/schemas/audit';
import { newId } from './crypto';
import { chunk, rowsPerStatement } from './d1-limits';
import { iso } from './time';

export type AuditEntry = {
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
  /** Defaults to the signed-in organisation and user. */
  organizationId?: string | null;
  actorUserId?: string | null;
};

type RequestFacts = { ip: string | null; userAgent: string | null; requestId: string };

/**
 * Collects the audit events of one request. Reads are queued and written after
 * the handler in the same batch as the session refresh (one round trip); writes
 * put `statement()` into their own batch so the change and its audit event land
 * together or not at all.
 */
export class AuditLog {
  private pending: AuditEntry[] = [];
  actor: { organizationId: string | null; userId: string | null } = { organizationId: null, userId: null };

  constructor(
    private readonly db: Db,
    private readonly facts: RequestFacts,
  ) {}

  record(entry: AuditEntry): void {
    this.pending.push(entry);
  }

  statement(entry: AuditEntry) {
    return this.db.insert(auditEvents).values(this.row(entry));
  }

  /** Many events as multi-row inserts within D1's parameter bound, for the caller's batch. */
  statements(entries: AuditEntry[]) {
    const rows = entries.map((e) => this.row(e));
    return chunk(rows, rowsPerStatement(Object.keys(getTableColumns(auditEvents)).length)).map((part) =>
      this.db.insert(auditEvents).values(part),
    );
  }

  /** Queued events as insert statements, emptied; the caller batches them. */
  drain() {
    const rows = this.pending.map((e) => this.row(e));
    this.pending = [];
    return rows.length ? [this.db.insert(auditEvents).values(rows)] : [];
  }

  private row(entry: AuditEntry) {
    return {
      id: newId('aud'),
      organizationId: entry.organizationId === undefined ? this.actor.organizationId : entry.organizationId,
      actorUserId: entry.actorUserId === undefined ? this.actor.userId : entry.actorUserId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      outcome: entry.outcome ?? 'success',
      ip: this.facts.ip,
      userAgent: this.facts.userAgent?.slice(0, 300) ?? null,
      requestId: this.facts.requestId,
      detail: entry.detail ?? null,
      createdAt: iso(),
    };
  }
}
