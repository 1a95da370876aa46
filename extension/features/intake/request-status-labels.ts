import type { IntakeRequestStatus } from '../../../shared/schemas/intake-api';

export const REQUEST_STATUS_LABELS: Record<IntakeRequestStatus, string> = {
  sent: 'Sent',
  opened: 'Opened',
  in_progress: 'In progress',
  submitted: 'Submitted',
  expired: 'Expired',
  cancelled: 'Cancelled',
};
