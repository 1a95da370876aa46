import { action, createModel, signal } from '@preact/signals';
import type { EnrollmentStatus } from '../../../shared/enrollment';
import type { ServiceCategory } from '../../../shared/facility-terms';
import type { Patient, Service } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';
import type { Notice } from '../../ui/notice';

/** One patient's page: the patient, the active service catalogue and the services chosen for them. */
export const PatientDetailModel = createModel((patientId: string) => {
  const patient = signal<Patient | null>(null);
  const catalogue = signal<Service[]>([]);
  const chosen = signal<string[]>([]);
  const all = signal(false);
  /** The patient's facility's service categories: what can be chosen (null until read). */
  const categories = signal<ServiceCategory[] | null>(null);
  const message = signal<Notice | null>(null);
  const editing = signal(false);
  const param = { id: patientId };

  const showPatient = (p: Patient) => {
    patient.value = p;
    chosen.value = p.serviceIds;
    all.value = p.fullPackage;
  };

  Promise.all([call(api.patients[':id'].$get({ param })), call(api.services.$get())])
    .then(async ([p, services]) => {
      showPatient(p);
      catalogue.value = services.items.filter((s) => s.active);
      // What can be chosen: the services of the facility's categories.
      const facility = await call(api.facilities[':id'].$get({ param: { id: p.facilityId } }));
      categories.value = facility.serviceCategories;
    })
    .catch((e: Error) => {
      message.value = { text: e.message, error: true };
    });

  return {
    patient,
    catalogue,
    chosen,
    all,
    categories,
    message,
    editing,
    pick: action((next: { chosen: string[]; all: boolean }) => {
      chosen.value = next.chosen;
      all.value = next.all;
    }),
    saveServices: action(async () => {
      try {
        const json = all.peek() ? { allHealthcareServices: true as const } : { serviceIds: chosen.peek() };
        const p = await call(api.patients[':id'].services.$put({ param, json }));
        patient.value = p;
        chosen.value = p.serviceIds;
        message.value = { text: 'Services saved.', error: false };
      } catch (e) {
        message.value = { text: (e as Error).message, error: true };
      }
    }),
    edit: action((on: boolean) => {
      editing.value = on;
    }),
    saved: action((p: Patient) => {
      patient.value = p;
      editing.value = false;
      message.value = { text: 'Changes saved.', error: false };
    }),
    /** The checklist moved the enrollment status by itself. */
    statusChanged: action((status: EnrollmentStatus) => {
      const p = patient.peek();
      if (p) patient.value = { ...p, enrollmentStatus: status };
    }),
  };
});
