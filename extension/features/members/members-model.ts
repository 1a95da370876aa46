import { action, createModel, signal } from '@preact/signals';
import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import type { Invitation, Member } from '../../../shared/schemas/members';
import { api, call } from '../../api/client';
import { createPagedList } from '../../ui/paged-list-model';

export type { Invitation, Member };

/** Members and invitations: both lists, the last outcome, and the changes people with users:full make. */
export const MembersModel = createModel(() => {
  const members = createPagedList({}, (_none, cursor) =>
    call(api.members.$get({ query: { limit: '50', cursor } })),
  );
  const invitations = createPagedList({}, (_none, cursor) =>
    call(api.invitations.$get({ query: { cursor } })),
  );
  const message = signal<{ text: string; error: boolean } | null>(null);

  const act = action(async (work: () => Promise<unknown>, done: string) => {
    message.value = null;
    try {
      await work();
      message.value = { text: done, error: false };
      members.reload();
      invitations.reload();
      return true;
    } catch (e) {
      message.value = { text: (e as Error).message, error: true };
      return false;
    }
  });

  return {
    members,
    invitations,
    message,
    invite: action((email: string, role: Role) =>
      act(
        () => call(api.invitations.$post({ json: { email, role } })),
        `Invitation sent to ${email.trim().toLowerCase()}.`,
      ),
    ),
    resend: action((i: Invitation) =>
      act(
        () => call(api.invitations.$post({ json: { email: i.email, role: i.role } })),
        `Sent again to ${i.email}.`,
      ),
    ),
    withdraw: action((i: Invitation) =>
      act(() => call(api.invitations[':id'].$delete({ param: { id: i.id } })), 'Invitation withdrawn.'),
    ),
    changeRole: action((m: Member, role: Role) =>
      act(
        () => call(api.members[':id'].$patch({ param: { id: m.id }, json: { role } })),
        `${m.name} is now ${ROLE_LABELS[role]}.`,
      ),
    ),
    setActive: action((m: Member, active: boolean) =>
      act(
        () =>
          call(
            api.members[':id'].$patch({
              param: { id: m.id },
              json: { status: active ? 'active' : 'deactivated' },
            }),
          ),
        active ? `${m.name} is active again.` : `${m.name} is deactivated and signed out.`,
      ),
    ),
  };
});
