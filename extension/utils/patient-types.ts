import type { ServiceCategory } from '../../shared/facility-terms';

export type Patient = {
  id: string;
  facilityId: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  roomNumber: string | null;
  emergencyContact: { name: string; relationship: string | null; phone: string | null } | null;
  sex: string | null;
  mrn: string | null;
  notes: string | null;
  enrollmentStatus: 'not_started' | 'in_progress' | 'active' | 'completed';
  fullPackage: boolean;
  serviceIds: string[];
};

export type Service = {
  id: string;
  category: ServiceCategory;
  name: string;
  description: string | null;
  active: boolean;
};

export const ENROLLMENT_LABELS: Record<Patient['enrollmentStatus'], string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  active: 'Active',
  completed: 'Completed',
};
