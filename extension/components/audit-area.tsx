import { useState } from 'preact/hooks';
import { usePagedList } from '../utils/use-api';
import { ShowMore } from './show-more';

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
      <label for="audit-action">Action</label>
      <select id="audit-action" value={action} onChange={(e) => setAction(e.currentTarget.value)}>
        {ACTIONS.map((a) => (
          <option value={a} key={a}>
            {a ? a.replace(/_/g, ' ') : 'All actions'}
          </option>
        ))}
      </select>
      {list.error ? <p class="alert error">{list.error}</p> : null}
      {!list.loading && list.items.length === 0 ? <p class="empty">No events match.</p> : null}
      <ul class="list" aria-label="Audit events" aria-busy={list.loading}>
        {list.items.map((e) => (
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
        ))}
      </ul>
      <ShowMore list={list} />
    </div>
  );
}
