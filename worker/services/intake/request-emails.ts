import type { OutgoingEmail } from '../email/email-adapters';

// Intake emails carry the practice's name, the person's first name and the link: nothing else about them.

const day = (isoTime: string) =>
  new Date(isoTime).toLocaleDateString('en-US', {
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function intakeRequestEmail(input: {
  to: string;
  organizationName: string;
  firstName: string;
  link: string;
  expiresAt: string;
}): OutgoingEmail {
  const text = [
    `Hello,`,
    '',
    `${input.organizationName} asks you to fill in a form for ${input.firstName} before the visit.`,
    '',
    `Open the form: ${input.link}`,
    '',
    `The link is personal: please do not forward it. It works until ${day(input.expiresAt)}; you can save your answers and come back to them.`,
    'If you did not expect this email, contact the practice.',
  ].join('\n');
  return { to: input.to, subject: `A form from ${input.organizationName}`, text };
}

/**
 * The reminder cannot carry the link: only its hash is stored. It points to
 * the first email and says how to get a new link.
 */
export function intakeReminderEmail(input: {
  to: string;
  organizationName: string;
  firstName: string;
  sentAt: string;
  expiresAt: string;
}): OutgoingEmail {
  const text = [
    `Hello,`,
    '',
    `A reminder: ${input.organizationName} is still waiting for the form for ${input.firstName} that we emailed you on ${day(input.sentAt)}.`,
    '',
    `Open the link in that email to finish it. It works until ${day(input.expiresAt)}.`,
    'If you cannot find the email, contact the practice and they will send you a new link.',
  ].join('\n');
  return { to: input.to, subject: `Reminder: a form from ${input.organizationName}`, text };
}
