/** What the match endpoint can find a record by, without zod so the panel can ask it too. */
type Identifiers = {
  lastName?: string;
  mrn?: string;
  residentNumber?: string;
  phone?: string;
  email?: string;
  facilityName?: string;
  addressLine1?: string;
  postalCode?: string;
};

/** A room number or a first name alone identifies nobody; a last name, a record number, a contact or a place does. */
export const identifiesSomething = (v: Identifiers): boolean =>
  !!(
    v.lastName ||
    v.mrn ||
    v.residentNumber ||
    v.phone ||
    v.email ||
    v.facilityName ||
    (v.addressLine1 && v.postalCode)
  );
