import { lazyArea } from '../../ui/lazy-area';

/**
 * The automation pieces of the patient and lead pages, loaded when first
 * shown: those pages are in the panel's first chunk, and a static import would
 * bring the automation calls into it.
 */
export const PatientCases = lazyArea(() => import('./patient-cases').then((m) => m.PatientCases));
export const AutomationHistory = lazyArea(() =>
  import('./automation-history').then((m) => m.AutomationHistory),
);
