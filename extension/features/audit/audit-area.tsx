import { useModel } from '@preact/signals';
import { formatDateTime } from '../../../shared/locale-dates';
import type { AuditAction } from '../../../shared/schemas/audit';
import { SearchList } from '../../ui/search-list';
import { AuditModel } from './audit-model';

const ACTIONS: (AuditAction | '')[] = [
  '',
  'login',
  'login_failed',
  'logout',
  'read',
  'list',
  'create',
  'update',
  'delete',
  'invite',
  'accept_invitation',
];

/** The organisation's audit trail, newest first; read-only by design. */
export function AuditArea() {
  const model = useModel(AuditModel);
  const { list } = model;
  const action = model.action.value;
  return (
    <div>
      <SearchList
        list={list}
        label="Audit events"
        empty="No events match."
        plainEmpty
        filters={
          <>
            <label for="audit-action">Action</label>
            <select
              id="audit-action"
              value={action}
              onChange={(e) => model.filterBy(e.currentTarget.value as AuditAction | '')}
            >
              {ACTIONS.map((a) => (
                <option value={a} key={a}>
                  {a ? a.replace(/_/g, ' ') : 'All actions'}
                </option>
              ))}
            </select>
          </>
        }
        row={(e) => (
          <li key={e.id} data-testid="audit-row">
            <div>
              <strong>{e.action.replace(/_/g, ' ')}</strong> {e.entityType}
              {e.outcome !== 'success' ? <span class="badge">{e.outcome}</span> : null}
              <div class="muted small">
                {formatDateTime(e.createdAt)} ·{' '}
                {e.actorName ?? (e.actorUserId ? 'a former member' : 'Sidecar')} · {e.ip ?? 'no address'}
              </div>
            </div>
          </li>
        )}
      />
    </div>
  );
}
