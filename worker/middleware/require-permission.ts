import { createMiddleware } from 'hono/factory';
import type { Permission } from '../../shared/permissions';
import type { AppEnv } from '../env';
import { AppError } from '../lib/app-error';

/** Route guard from the one permission table in shared/permissions.ts. Refusals are audited. */
export function requirePermission(permission: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.var.auth.permissions.includes(permission)) {
      c.var.audit.record({
        action: 'read',
        entityType: 'route',
        outcome: 'denied',
        detail: { permission, path: c.req.path, method: c.req.method },
      });
      throw new AppError('forbidden', 'Your role does not allow this. Ask an administrator if you need it.');
    }
    await next();
  });
}
