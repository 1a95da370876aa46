/** Facility vocabulary without zod, so the side panel can import it cheaply. */
export const SERVICE_CATEGORIES = ['medical', 'pharmacy', 'specialty', 'support'] as const;
export const FEATURES = ['ordering', 'emar', 'bubblePack', 'notes', 'tasks'] as const;
export const DOCUMENT_KINDS = ['facility_agreement', 'contract_material', 'legal_other'] as const;

export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export type Feature = (typeof FEATURES)[number];
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** What each feature means, as the side panel explains it (spec 000, "Select Service Features"). */
export const FEATURE_INFO: Record<Feature, { label: string; meaning: string }> = {
  ordering: { label: 'Ordering', meaning: 'Only for facilities that order medication from our pharmacy.' },
  emar: { label: 'eMAR', meaning: 'Electronic Medication Administration Record.' },
  bubblePack: { label: 'Bubble Pack', meaning: 'Medication packaging in blister cards.' },
  notes: { label: 'Notes', meaning: 'Clinical notes for residents.' },
  tasks: { label: 'Tasks', meaning: 'Task management for facility staff.' },
};

export const CATEGORY_LABELS: Record<ServiceCategory, string> = {
  medical: 'Medical',
  pharmacy: 'Pharmacy',
  specialty: 'Specialty',
  support: 'Support',
};

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  facility_agreement: 'Facility agreement',
  contract_material: 'Contract material',
  legal_other: 'Other legal document',
};

/** The longest note a facility keeps (its page and the page card's note box). */
export const FACILITY_NOTE_MAX = 2000;
