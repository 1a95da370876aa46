import { useState } from 'preact/hooks';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/permissions';
import { usePagedList } from '../../ui/paged-list-model';
import { ShowMore } from '../../ui/show-more';
import type { Me } from '../../utils/messages';
import { apiCall } from '../../utils/use-api';

type Member = {
  id: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  status: 'active' | 'deactivated';
  twoFactorEnabled: boolean;
};
type Invitation = {
  id: string;
  email: string;
  role: Role;
  state: 'sent' | 'accepted' | 'expired' | 'revoked';
  expiresAt: string;
};

const INVITATION_STATE: Record<Invitation['state'], string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Withdrawn',
};

/** Members and invitations: everyone with users:view reads, users:full changes. */
export function MembersArea({ me }: { me: Me }) {
  const canManage = me.permissions.includes('users:full');
  const members = usePagedList<Member>('/api/v1/members?limit=50');
  const invitations = usePagedList<Invitation>('/api/v1/invitations');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('front_desk');
  const grantable = ROLES.filter((r) => r !== 'super_admin' || me.role === 'super_admin');

  async function act(work: () => Promise<unknown>, done: string) {
    setMessage(null);
    try {
      await work();
      setMessage({ text: done, error: false });
      members.reload();
      invitations.reload();
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    }
  }

  const invite = (e: Event) => {
    e.preventDefault();
    act(
      () => apiCall('POST', '/api/v1/invitations', { email, role }),
      `Invitation sent to ${email.trim().toLowerCase()}.`,
    ).then(() => setEmail(''));
  };

  return (
    <div class="members">
      {message ? (
        <p
          class={message.error ? 'alert error' : 'alert'}
          role={message.error ? 'alert' : 'status'}
          data-testid="members-message"
        >
          {message.text}
        </p>
      ) : null}
      {canManage ? (
        <form class="invite" onSubmit={invite} noValidate>
          <h3>Invite someone</h3>
          <label for="invite-email">Email</label>
          <input
            id="invite-email"
            type="email"
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <label for="invite-role">Role</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {grantable.map((r) => (
              <option value={r} key={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <button type="submit" class="primary" disabled={!email.trim()}>
            Send invitation
          </button>
        </form>
      ) : null}
      {members.error.value ? <p class="alert error">{members.error.value}</p> : null}
      <ul class="list" aria-label="Members" aria-busy={members.loading.value}>
        {members.items.value.map((m) => {
          const self = m.userId === me.user.id;
          return (
            <li key={m.id} data-testid="member-row">
              <div>
                <strong>{m.name}</strong>{' '}
                {m.status === 'deactivated' ? <span class="badge">Deactivated</span> : null}
                {m.twoFactorEnabled ? <span class="badge ok">2FA</span> : null}
                <div class="muted small">{m.email}</div>
              </div>
              {canManage && !self ? (
                <div class="row-actions">
                  <select
                    aria-label={`Role of ${m.name}`}
                    value={m.role}
                    onChange={(e) => {
                      const next = e.currentTarget.value as Role;
                      act(
                        () => apiCall('PATCH', `/api/v1/members/${m.id}`, { role: next }),
                        `${m.name} is now ${ROLE_LABELS[next]}.`,
                      );
                    }}
                  >
                    {(grantable.includes(m.role) ? grantable : [m.role, ...grantable]).map((r) => (
                      <option value={r} key={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => {
                      const deactivate = m.status === 'active';
                      if (deactivate && !confirm(`Deactivate ${m.name}? They are signed out at once.`))
                        return;
                      act(
                        () =>
                          apiCall('PATCH', `/api/v1/members/${m.id}`, {
                            status: deactivate ? 'deactivated' : 'active',
                          }),
                        deactivate
                          ? `${m.name} is deactivated and signed out.`
                          : `${m.name} is active again.`,
                      );
                    }}
                  >
                    {m.status === 'active' ? 'Deactivate' : 'Reactivate'}
                  </button>
                </div>
              ) : (
                <span class="muted small">{ROLE_LABELS[m.role]}</span>
              )}
            </li>
          );
        })}
      </ul>
      <ShowMore
        list={{ hasMore: members.hasMore.value, loading: members.loading.value, more: members.more }}
      />
      <h3>Invitations</h3>
      {invitations.items.value.length === 0 && !invitations.loading.value ? (
        <p class="empty">No invitations yet.</p>
      ) : null}
      <ul class="list" aria-label="Invitations">
        {invitations.items.value.map((i) => (
          <li key={i.id} data-testid="invitation-row">
            <div>
              {i.email}
              <div class="muted small">
                {ROLE_LABELS[i.role]} · {INVITATION_STATE[i.state]}
              </div>
            </div>
            {canManage && (i.state === 'sent' || i.state === 'expired') ? (
              <div class="row-actions">
                <button
                  type="button"
                  class="secondary"
                  onClick={() =>
                    act(
                      () => apiCall('POST', '/api/v1/invitations', { email: i.email, role: i.role }),
                      `Sent again to ${i.email}.`,
                    )
                  }
                >
                  Resend
                </button>
                {i.state === 'sent' ? (
                  <button
                    type="button"
                    class="secondary"
                    onClick={() =>
                      act(() => apiCall('DELETE', `/api/v1/invitations/${i.id}`), 'Invitation withdrawn.')
                    }
                  >
                    Withdraw
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
