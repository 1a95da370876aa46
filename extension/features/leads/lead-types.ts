/** The shapes the side panel reads from the leads API (shared/schemas/leads.ts is the contract). */
export type Lead = {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  responsibleParty: { name: string; relationship: string; email?: string; phone?: string } | null;
  sourceId: string | null;
  stageId: string;
  stageEnteredAt: string;
  coordinatorId: string | null;
  notes: string | null;
  capture: { url?: string; title?: string; capturedAt?: string; channel: string } | null;
  patientId: string | null;
  mergedInto: string | null;
  createdAt: string;
};

export type Stage = { id: string; name: string; outcome: 'open' | 'won' | 'lost'; sortOrder: number };
export type Source = { id: string; name: string; channel: string; active: boolean };
export type Coordinator = { id: string; name: string; role: string; openLeads: number };
export type DuplicateMatch = { id: string; firstName: string; lastName: string; reasons: string[] };

export type Activity = {
  id: string;
  kind: 'call' | 'email' | 'note' | 'stage_change' | 'assignment' | 'conversion' | 'created' | string;
  text: string | null;
  detail: Record<string, unknown> | null;
  createdBy: string;
  createdAt: string;
};

export type LeadTask = { id: string; title: string; dueAt: string; done: boolean; doneAt: string | null };
export type LeadScore = { score: number; contributions: { rule: string; points: number }[] };

export type LeadAnalytics = {
  period: { from: string; to: string };
  totals: { leads: number; won: number; conversionRate: number };
  funnel: { stageId: string; name: string; outcome: string; leads: number }[];
  bySource: { sourceId: string | null; name: string; leads: number; won: number; conversionRate: number }[];
  byCoordinator: { coordinatorId: string | null; leads: number; won: number; conversionRate: number }[];
  timeInStage: { stageId: string; name: string; moves: number; averageDays: number | null }[];
  newLeads: { week: string; leads: number }[];
};

export const fullName = (l: { firstName: string; lastName: string }) => `${l.firstName} ${l.lastName}`;

/** Age in whole years on a given day, from a YYYY-MM-DD birth date. */
export function ageOn(dateOfBirth: string, today = new Date()): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  let age = today.getFullYear() - y;
  if (today.getMonth() + 1 < mo || (today.getMonth() + 1 === mo && today.getDate() < d)) age--;
  return age;
}
