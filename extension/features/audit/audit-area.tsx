import { useState } from 'preact/hooks';
import { usePagedList } from '../../ui/paged-list-model';
import { SearchList } from '../../ui/search-list';

type AuditEvent = {
  id: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  outcome: 'success' | 'failure' | 'denied';
  ip: string | null;
  createdAt: string;
};

const ACTIONS = [
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
  const [action, setAction] = useState('');
  const list = usePagedList<AuditEvent>(`/api/v1/audit?limit=50${action ? `&action=${action}` : ''}`);
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
            <select id="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
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
                {new Date(e.createdAt).toLocaleString()} · {e.actorUserId ?? 'unknown'} ·{' '}
                {e.ip ?? 'no address'}
              </div>
            </div>
          </li>
        )}
      />
    </div>
  );
}
