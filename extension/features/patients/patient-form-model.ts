import { action, createModel, signal } from '@preact/signals';
import type { Patient } from '../../../shared/schemas/patients';
import { api, call } from '../../api/client';
import { fieldErrorsFrom } from '../../utils/field-errors';
import { MessageError } from '../../utils/send-message';

const EMPTY: PatientFormValues = {
  firstName: '',
  lastName: '',
  dateOfBirth: '',
  roomNumber: '',
  contactName: '',
  contactRelationship: '',
  contactPhone: '',
  mrn: '',
  email: '',
  phone: '',
  payer: '',
  attendingPhysician: '',
  notes: '',
};
const opt = (v: string) => (v.trim() ? v.trim() : undefined);

const fromPatient = (p: Patient) => ({
  firstName: p.firstName,
  lastName: p.lastName,
  dateOfBirth: p.dateOfBirth,
  roomNumber: p.roomNumber ?? '',
  contactName: p.emergencyContact?.name ?? '',
  contactRelationship: p.emergencyContact?.relationship ?? '',
  contactPhone: p.emergencyContact?.phone ?? '',
  mrn: p.mrn ?? '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  payer: p.payer ?? '',
  attendingPhysician: p.attendingPhysician ?? '',
  notes: p.notes ?? '',
});

export type PatientFormValues = {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  roomNumber: string;
  contactName: string;
  contactRelationship: string;
  contactPhone: string;
  mrn: string;
  email: string;
  phone: string;
  payer: string;
  attendingPhysician: string;
  notes: string;
};

/** The add or edit form of one patient: its values, per-field errors, and a likely duplicate to open instead. */
export const PatientFormModel = createModel(
  (facilityId: string, existing: Patient | undefined, filled?: Partial<PatientFormValues>) => {
    const values = signal(existing ? fromPatient(existing) : { ...EMPTY, ...filled });
    const errors = signal<Record<string, string>>({});
    const duplicateOf = signal<{ id: string; message: string } | null>(null);
    const saving = signal(false);

    const send = (v: PatientFormValues, confirmDuplicate: boolean) => {
      const fields = {
        firstName: v.firstName,
        lastName: v.lastName,
        dateOfBirth: v.dateOfBirth,
        roomNumber: opt(v.roomNumber),
        mrn: opt(v.mrn),
        email: opt(v.email),
        phone: opt(v.phone),
        payer: opt(v.payer),
        attendingPhysician: opt(v.attendingPhysician),
        notes: opt(v.notes),
      };
      const contact = v.contactName.trim()
        ? { name: v.contactName, relationship: opt(v.contactRelationship), phone: opt(v.contactPhone) }
        : undefined;
      if (existing) {
        const json = {
          ...fields,
          roomNumber: v.roomNumber.trim(),
          mrn: v.mrn.trim(),
          email: v.email.trim() || null,
          phone: v.phone.trim() || null,
          payer: v.payer.trim(),
          attendingPhysician: v.attendingPhysician.trim(),
          notes: v.notes.trim(),
          emergencyContact: contact ?? null,
        };
        return call(api.patients[':id'].$patch({ param: { id: existing.id }, json }));
      }
      const json = {
        facilityId,
        ...fields,
        emergencyContact: contact,
        ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
      };
      return call(api.patients.$post({ json }));
    };

    return {
      values,
      errors,
      duplicateOf,
      saving,
      set: action((key: keyof PatientFormValues, value: string) => {
        values.value = { ...values.peek(), [key]: value };
      }),
      /** The saved patient, or null when it was refused (the reasons are in `errors` or `duplicateOf`). */
      save: action(async (confirmDuplicate: boolean): Promise<Patient | null> => {
        saving.value = true;
        errors.value = {};
        try {
          return await send(values.peek(), confirmDuplicate);
        } catch (e) {
          if (e instanceof MessageError && e.failure.code === 'conflict') {
            const id = e.failure.details?.find((d) => d.path === 'existingPatientId')?.issue;
            if (id) {
              duplicateOf.value = { id, message: e.failure.message };
              return null;
            }
          }
          errors.value = fieldErrorsFrom(e);
          return null;
        } finally {
          saving.value = false;
        }
      }),
    };
  },
);
