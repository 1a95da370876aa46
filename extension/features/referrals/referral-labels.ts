import type {
  LETTER_PREFERENCES,
  OUTGOING_STATUSES,
  ProviderSpecialty,
  REFERRAL_CHANNELS,
} from '../../../shared/schemas/referrals';

export const SPECIALTY_LABELS: Record<ProviderSpecialty, string> = {
  general_dentist: 'General dentist',
  pediatric_dentist: 'Pediatric dentist',
  oral_surgeon: 'Oral surgeon',
  periodontist: 'Periodontist',
  orthodontist: 'Orthodontist',
  other: 'Other',
};

export const LETTER_LABELS: Record<(typeof LETTER_PREFERENCES)[number], string> = {
  email: 'Email',
  fax: 'Fax',
  mail: 'Mail',
};

export const CHANNEL_LABELS: Record<(typeof REFERRAL_CHANNELS)[number], string> = {
  letter: 'Letter',
  phone: 'Phone',
  web_form: 'Web form',
  email: 'Email',
};

export const STATUS_LABELS: Record<(typeof OUTGOING_STATUSES)[number], string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  seen: 'Seen',
  report_received: 'Report received',
};
