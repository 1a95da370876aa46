import type { Db } from '../../../db/client';
import type { AuditLog } from '../../lib/audit-log';
import type { AuthContext } from './session-context';
import { revokeSessionStatement } from './sessions';

/** Signs this session out; the revocation and its audit entry are written together. */
export async function endSession(db: Db, audit: AuditLog, auth: AuthContext): Promise<void> {
  await db.batch([
    revokeSessionStatement(db, auth.sessionId),
    audit.statement({ action: 'logout', entityType: 'session', entityId: auth.sessionId }),
  ]);
}
