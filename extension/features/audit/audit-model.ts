import { action, createModel, effect, signal } from '@preact/signals';
import { createPagedList } from '../../ui/paged-list-model';

export type AuditEvent = {
  id: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  createdAt: string;
};

const pathFor = (kind: string) => `/api/v1/audit?limit=50${kind ? `&action=${kind}` : ''}`;

/** The audit trail, filtered by one action at a time. */
export const AuditModel = createModel(() => {
  const kind = signal('');
  const list = createPagedList<AuditEvent>(pathFor(''));
  effect(() => {
    list.path.value = pathFor(kind.value);
  });
  return {
    action: kind,
    list,
    filterBy: action((next: string) => {
      kind.value = next;
    }),
  };
});
