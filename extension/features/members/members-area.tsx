import { useModel } from '@preact/signals';
import { useState } from 'preact/hooks';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/permissions';
import { useConfirm } from '../../ui/confirm-dialog';
import { ShowMore } from '../../ui/show-more';
import type { Me } from '../../utils/messages';
import { type Invitation, MembersModel } from './members-model';

const INVITATION_STATE: Record<Invitation['state'], string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  expired: 'Expired',
  revoked: 'Withdrawn',
};

/** Members and invitations: everyone with users:view reads, users:full changes. */
export function MembersArea({ me }: { me: Me }) {
  const canManage = me.permissions.includes('users:full');
  const model = useModel(MembersModel);
  const { members, invitations } = model;
  const message = model.message.value;
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('front_desk');
  const [confirmation, ask] = useConfirm();
  const grantable = ROLES.filter((r) => r !== 'super_admin' || me.role === 'super_admin');

  const invite = (e: Event) => {
    e.preventDefault();
    model.invite(email, role).then(() => setEmail(''));
  };

  return (
    <div class="members">
      {confirmation}
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
                      model.changeRole(m, next);
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
                    onClick={async () => {
                      const deactivate = m.status === 'active';
                      const sure =
                        !deactivate ||
                        (await ask({
                          title: `Deactivate ${m.name}?`,
                          message: 'They are signed out at once and cannot sign in until reactivated.',
                          confirmLabel: 'Deactivate',
                          danger: true,
                        }));
                      if (sure) model.setActive(m, !deactivate);
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
                <button type="button" class="secondary" onClick={() => model.resend(i)}>
                  Resend
                </button>
                {i.state === 'sent' ? (
                  <button type="button" class="secondary" onClick={() => model.withdraw(i)}>
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
