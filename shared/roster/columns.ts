import {
  type FieldMapping,
  firstOfEach,
  type HeaderMatcher,
  headerMatcher,
  squashHeader,
} from '../import/header-matcher';

/** The patient fields a roster column can feed. `fullName` is split into last and first. */
export const ROSTER_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'dateOfBirth',
  'roomNumber',
  'sex',
  'mrn',
  'email',
  'phone',
  'emergencyContactName',
  'emergencyContactRelationship',
  'emergencyContactPhone',
  'notes',
  'admitDate',
  'payer',
  'physician',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** Each field's name as the review screen and the row problems say it. */
export const ROSTER_FIELD_LABELS: Record<RosterField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Name (Last, First)',
  dateOfBirth: 'Date of birth',
  roomNumber: 'Room',
  sex: 'Sex',
  mrn: 'MRN',
  email: 'Email',
  phone: 'Phone',
  emergencyContactName: 'Emergency contact',
  emergencyContactRelationship: 'Relationship',
  emergencyContactPhone: 'Contact phone',
  notes: 'Notes',
  admitDate: 'Admitted',
  payer: 'Payer',
  physician: 'Attending physician',
};

/** Header spellings seen on real rosters, compared lower-case with punctuation and spaces removed. */
const ALIASES: Record<RosterField, string[]> = {
  firstName: ['firstname', 'first', 'givenname', 'fname', 'residentfirstname', 'patientfirstname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname', 'residentlastname', 'patientlastname'],
  fullName: [
    'name',
    'residentname',
    'patientname',
    'resident',
    'patient',
    'fullname',
    'lastfirst',
    'namelastfirst',
  ],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'born', 'birth'],
  roomNumber: ['room', 'roombed', 'rm', 'roomnumber', 'roomno', 'bed', 'unitroom', 'rmbed'],
  sex: ['sex', 'gender'],
  mrn: [
    'mrn',
    'medicalrecordnumber',
    'recordnumber',
    'chart',
    'chartnumber',
    'residentid',
    'patientid',
    'residentnumber',
    'residentno',
    'resno',
    'resnumber',
    'resid',
    'patientnumber',
    'patientno',
  ],
  email: ['email', 'emailaddress', 'patientemail', 'residentemail', 'mail'],
  phone: [
    'phone',
    'telephone',
    'tel',
    'phonenumber',
    'cell',
    'cellphone',
    'cellnumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'patientphone',
    'residentphone',
  ],
  emergencyContactName: [
    'emergencycontact',
    'emergencycontactname',
    'contact',
    'contactname',
    'nextofkin',
    'responsibleparty',
  ],
  emergencyContactRelationship: [
    'relationship',
    'contactrelationship',
    'emergencycontactrelationship',
    'relation',
  ],
  emergencyContactPhone: [
    'contactphone',
    'emergencyphone',
    'emergencycontactphone',
    'contactnumber',
    'nextofkinphone',
    'responsiblepartyphone',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  admitDate: [
    'admitdate',
    'admissiondate',
    'admitted',
    'admit',
    'admdate',
    'dateadmitted',
    'admissiondt',
    'dateofadmission',
    'admission',
  ],
  payer: [
    'payer',
    'payor',
    'primarypayer',
    'primarypayor',
    'payersource',
    'insurance',
    'financialclass',
    'coverage',
    'payorsource',
    'payertype',
    'fundingsource',
    'primaryinsurance',
  ],
  physician: [
    'physician',
    'attendingphysician',
    'attending',
    'primaryphysician',
    'attendingmd',
    'doctor',
    'md',
    'pcp',
    'attendingdoctor',
    'attendingdr',
    'attendingprovider',
    'primarycarephysician',
  ],
};

const matcher = headerMatcher(ROSTER_FIELDS, ALIASES);

/**
 * A census prints its emergency contact as "Contact, Relationship, Phone":
 * a bare phone column right after the contact's name or relationship is the
 * contact's number (when no other column is), not the resident's own.
 */
export function contactPhoneInPlace<F extends string | null>(fields: F[]): (F | 'emergencyContactPhone')[] {
  if (fields.includes('emergencyContactPhone' as F)) return fields;
  const at = fields.findIndex(
    (f, i) =>
      f === 'phone' &&
      (fields[i - 1] === 'emergencyContactName' || fields[i - 1] === 'emergencyContactRelationship'),
  );
  return at < 0 ? fields : fields.map((f, i) => (i === at ? 'emergencyContactPhone' : f));
}

export const rosterColumns: HeaderMatcher<RosterField> = {
  ...matcher,
  detectMapping: (headers) => firstOfEach(contactPhoneInPlace(headers.map(matcher.fieldForHeader))),
};

export const fieldForHeader = rosterColumns.fieldForHeader;

/** Letters OCR takes for others in print: a zero for an O, an 8 for a B. */
const OCR_LOOKALIKES: Record<string, string> = { '0': 'o', '8': 'b', '5': 's', '1': 'l', '6': 'b' };

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * A header as OCR read it off a photo: the exact spelling first, then one
 * misread letter allowed ("DOS", "Roorn" → two in seven), never for words
 * shorter than three letters, where one letter is the whole difference.
 */
export function fieldForOcrHeader(header: string): RosterField | null {
  const exact = fieldForHeader(header);
  if (exact) return exact;
  const key = squashHeader(header.replace(/[0-9]/g, (d) => OCR_LOOKALIKES[d] ?? d)).replace(/rn/g, 'm');
  if (key.length < 3) return null;
  for (const field of ROSTER_FIELDS)
    for (const alias of ALIASES[field])
      if (alias.length >= 3 && alias[0] === key[0] && editDistance(key, alias) <= (alias.length >= 7 ? 2 : 1))
        return field;
  return null;
}

export type ColumnMapping = FieldMapping<RosterField>;

export const detectMapping = rosterColumns.detectMapping;

/**
 * The header row: the first of the first ten rows that names at least two
 * fields, so a title line ("Sunrise Manor census, June") above it is skipped.
 */
export const findHeaderRow = rosterColumns.findHeaderRow;
