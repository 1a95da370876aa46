import { ROLE_LABELS, type Role } from '../../../shared/permissions';
import type { OutgoingEmail } from './email-adapters';

// Emails carry links and names of organisations, never patient data.

export function invitationEmail(input: {
  to: string;
  organizationName: string;
  role: Role;
  link: string;
  inviterName: string | null;
}): OutgoingEmail {
  const by = input.inviterName ? `${input.inviterName} has invited you` : 'You have been invited';
  const text = [
    `${by} to join ${input.organizationName} on Sidecar CRM as ${ROLE_LABELS[input.role]}.`,
    '',
    `Set your password and sign in: ${input.link}`,
    '',
    'The link works once and expires in 7 days. If you did not expect this, ignore this email.',
  ].join('\n');
  return { to: input.to, subject: `Join ${input.organizationName} on Sidecar CRM`, text };
}

/** To the holder when sign-ins keep failing: what happened, and what to do if it was not them. */
export function failedSignInEmail(input: { to: string; ip: string | null; at: string }): OutgoingEmail {
  const text = [
    'Several sign-ins to your Sidecar CRM account failed in a row, the last one just now:',
    `${input.at} from the address ${input.ip ?? 'unknown'}.`,
    '',
    'Further attempts now wait a little longer after each failure. You can still sign in with your password from the address you usually use.',
    '',
    'If this was not you, ask your administrator for a password reset and turn on two-factor sign-in in the side panel under Settings.',
  ].join('\n');
  return { to: input.to, subject: 'Failed sign-in attempts on your Sidecar account', text };
}

export function passwordResetEmail(input: { to: string; link: string }): OutgoingEmail {
  const text = [
    'Someone asked to reset the password of your Sidecar CRM account.',
    '',
    `Choose a new password: ${input.link}`,
    '',
    'The link works once and expires in 1 hour. If you did not ask for this, ignore this email: your password stays as it is.',
  ].join('\n');
  return { to: input.to, subject: 'Reset your Sidecar CRM password', text };
}
