import type { Permission } from '../permissions';

/**
 * Records requests in both directions. Outgoing: someone asks the practice for
 * a patient's records. Incoming: the practice asks a previous provider.
 */
export const RECORDS_DIRECTIONS = ['outgoing', 'incoming'] as const;
export type RecordsDirection = (typeof RECORDS_DIRECTIONS)[number];

export const OUTGOING_STATUSES = [
  'received',
  'authorization_check',
  'on_hold',
  'approved',
  'preparing',
  'sent',
  'completed',
  'denied',
  'withdrawn',
] as const;
export const INCOMING_STATUSES = [
  'requested',
  'follow_up_sent',
  'records_received',
  'filed',
  'withdrawn',
] as const;
export const RECORDS_STATUSES = [...new Set([...OUTGOING_STATUSES, ...INCOMING_STATUSES])] as [
  RecordsStatus,
  ...RecordsStatus[],
];
export type RecordsStatus = (typeof OUTGOING_STATUSES)[number] | (typeof INCOMING_STATUSES)[number];

/** A request in one of these has nothing left to do: its clock stops. */
export const CLOSED_STATUSES: readonly RecordsStatus[] = ['completed', 'denied', 'withdrawn', 'filed'];

export type RecordsMove = {
  direction: RecordsDirection;
  from: RecordsStatus;
  to: RecordsStatus;
  permission: Permission;
  /** Denials, holds and withdrawals say why; the requester is told. */
  needsReason: boolean;
};

const move = (
  direction: RecordsDirection,
  from: RecordsStatus[],
  to: RecordsStatus,
  permission: Permission,
  needsReason = false,
): RecordsMove[] => from.map((f) => ({ direction, from: f, to, permission, needsReason }));

/**
 * Every allowed status change and the permission it takes (spec 001, 8.4):
 * approving and denying is `records:authorize`, preparing and sending is
 * `records:prepare`, the bookkeeping in between is `records:edit`.
 */
export const RECORDS_MOVES: readonly RecordsMove[] = [
  ...move('outgoing', ['received', 'on_hold'], 'authorization_check', 'records:edit'),
  ...move('outgoing', ['received', 'authorization_check'], 'on_hold', 'records:edit', true),
  ...move('outgoing', ['authorization_check', 'on_hold'], 'approved', 'records:authorize'),
  ...move('outgoing', ['received', 'authorization_check', 'on_hold'], 'denied', 'records:authorize', true),
  ...move('outgoing', ['approved'], 'preparing', 'records:prepare'),
  ...move('outgoing', ['preparing'], 'sent', 'records:prepare'),
  ...move('outgoing', ['sent'], 'completed', 'records:prepare'),
  ...move(
    'outgoing',
    ['received', 'authorization_check', 'on_hold', 'approved', 'preparing'],
    'withdrawn',
    'records:edit',
    true,
  ),
  ...move('incoming', ['requested', 'follow_up_sent'], 'follow_up_sent', 'records:edit'),
  ...move('incoming', ['requested', 'follow_up_sent'], 'records_received', 'records:edit'),
  ...move('incoming', ['records_received'], 'filed', 'records:edit'),
  ...move('incoming', ['requested', 'follow_up_sent'], 'withdrawn', 'records:edit', true),
];

export const initialStatus = (direction: RecordsDirection): RecordsStatus =>
  direction === 'outgoing' ? 'received' : 'requested';

export function findMove(direction: RecordsDirection, from: RecordsStatus, to: RecordsStatus) {
  return RECORDS_MOVES.find((m) => m.direction === direction && m.from === from && m.to === to);
}

/** The moves a request can make now, for the panel to offer as buttons. */
export const movesFrom = (direction: RecordsDirection, from: RecordsStatus) =>
  RECORDS_MOVES.filter((m) => m.direction === direction && m.from === from);

export const STATUS_LABELS: Record<RecordsStatus, string> = {
  received: 'Received',
  authorization_check: 'Authorization check',
  on_hold: 'On hold',
  approved: 'Approved',
  preparing: 'Preparing',
  sent: 'Sent',
  completed: 'Completed',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  requested: 'Requested',
  follow_up_sent: 'Follow-up sent',
  records_received: 'Records received',
  filed: 'Filed to the patient',
};
