import type { RecordsRequest } from '../../../shared/schemas/records';

/** How many days are left, in words; negative is overdue. */
export function daysLeftText(r: Pick<RecordsRequest, 'daysLeft'>): string {
  if (r.daysLeft < 0) return `Overdue by ${-r.daysLeft} ${-r.daysLeft === 1 ? 'day' : 'days'}`;
  if (r.daysLeft === 0) return 'Due today';
  return `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'} left`;
}

export const isOverdue = (r: Pick<RecordsRequest, 'daysLeft'>) => r.daysLeft < 0;
export const dueThisWeek = (r: Pick<RecordsRequest, 'daysLeft'>) => r.daysLeft >= 0 && r.daysLeft <= 7;

export const DIRECTION_LABELS = { outgoing: 'Outgoing', incoming: 'Incoming' } as const;

/** Timeline entries other than status moves and escalations. */
export const EVENT_LABELS: Record<string, string> = {
  extension: 'Extended',
  authorization: 'Authorization checked',
  authorization_file: 'Signed authorization added',
  authorization_form: 'Authorization form sent',
  authorization_signed: 'Authorization signed online',
  released: 'Released',
  fee: 'Fee',
  upload_link: 'Upload link sent',
  link_revoked: 'Link revoked',
  records_uploaded: 'Records uploaded',
};
