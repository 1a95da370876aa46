/**
 * Facility contract statuses and the moves between them (spec 000, "Contract
 * Statuses"). Negotiation can fall through (pending → not contracted), a signed
 * contract can only end (active → churned), and a churned facility comes back
 * through a new negotiation (churned → pending). Nothing skips negotiation.
 */
export const CONTRACT_STATUSES = ['not_contracted', 'pending', 'active', 'churned'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** Where a new facility may start: active and churned are reached only through the contract history. */
export const INITIAL_CONTRACT_STATUSES = [
  'not_contracted',
  'pending',
] as const satisfies readonly ContractStatus[];

export const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  not_contracted: ['pending'],
  pending: ['active', 'not_contracted'],
  active: ['churned'],
  churned: ['pending'],
};

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  not_contracted: 'Not contracted',
  pending: 'Pending',
  active: 'Active',
  churned: 'Churned',
};

/** "A pending facility", "An active facility": the status label as it reads in a sentence. */
export function contractStatusPhrase(status: ContractStatus): string {
  const label = CONTRACT_STATUS_LABELS[status].toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'An' : 'A'} ${label} facility`;
}

export function canMoveContract(from: ContractStatus, to: ContractStatus): boolean {
  return CONTRACT_TRANSITIONS[from].includes(to);
}
