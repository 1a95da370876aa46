import type { FormDefinition } from '../../../shared/intake/definition';

/** The shapes the side panel reads from the intake API (shared/schemas/intake-api.ts is the contract). */
export type IntakeTemplate = {
  id: string;
  name: string;
  description: string | null;
  /** The draft being edited; published versions are frozen copies. */
  definition: FormDefinition;
  latestVersion: { id: string; version: number; publishedAt: string } | null;
  hasUnpublishedChanges: boolean;
  updatedAt: string;
  archivedAt: string | null;
};

export type IntakeRequestStatus = 'sent' | 'opened' | 'in_progress' | 'submitted' | 'expired' | 'cancelled';

export type IntakeRequest = {
  id: string;
  templateId: string;
  templateName: string;
  version: number;
  leadId: string | null;
  patientId: string | null;
  delivery: 'email' | 'link';
  recipientEmail: string | null;
  status: IntakeRequestStatus;
  expiresAt: string;
  sentAt: string;
  openedAt: string | null;
  submittedAt: string | null;
  submissionId: string | null;
  renewals: number;
  hasDraft: boolean;
  /** Only in the answer to sending or renewing: the link is never shown again. */
  link?: string;
};

export type SignatureRecord = {
  fieldId: string;
  kind: 'drawn' | 'typed';
  signerName: string;
  guardian: { name: string; relationship: string } | null;
  signedAt: string;
  ip: string | null;
  userAgent: string | null;
  consentTextHash: string | null;
};

type Accepted = { at: string; by: string | null; fields: string[] } | null;

export type IntakeSubmissionSummary = {
  id: string;
  requestId: string;
  templateName: string;
  version: number;
  leadId: string | null;
  patientId: string | null;
  submittedAt: string;
  accepted: Accepted;
};

export type IntakeSubmission = IntakeSubmissionSummary & {
  answers: {
    fieldId: string;
    sectionId: string;
    sectionTitle: string;
    label: string;
    type: string;
    value: unknown;
  }[];
  signatures: SignatureRecord[];
  pdf: { available: boolean };
};

export type IntakeChanges = {
  submissionId: string;
  subject: { type: 'lead' | 'patient'; id: string };
  fields: {
    fieldId: string;
    label: string;
    recordField: string;
    current: string | null;
    submitted: string | null;
    changed: boolean;
    applicable: boolean;
  }[];
  accepted: Accepted;
};

export const REQUEST_STATUS_LABELS: Record<IntakeRequestStatus, string> = {
  sent: 'Sent',
  opened: 'Opened',
  in_progress: 'In progress',
  submitted: 'Submitted',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
