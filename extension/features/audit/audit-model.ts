import { action, createModel, effect, signal } from '@preact/signals';
import type { AuditAction, AuditEvent } from '../../../shared/schemas/audit';
import { api, call } from '../../api/client';
import { createPagedList } from '../../ui/paged-list-model';

export type { AuditEvent };

/** The audit trail, filtered by one action at a time. */
export const AuditModel = createModel(() => {
  const kind = signal<AuditAction | ''>('');
  const list = createPagedList<{ limit: string; action: AuditAction | '' }, AuditEvent>(
    { limit: '50', action: '' },
    (query, cursor) =>
      call(
        api.audit.$get({
          query: { limit: query.limit, ...(query.action ? { action: query.action } : {}), cursor },
        }),
      ),
  );
  effect(() => {
    list.query.value = { limit: '50', action: kind.value };
  });
  return {
    action: kind,
    list,
    filterBy: action((next: AuditAction | '') => {
      kind.value = next;
    }),
  };
});
