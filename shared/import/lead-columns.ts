import { type FieldMapping, headerMatcher } from './header-matcher';

/** The lead fields a column of an imported lead list can feed. `fullName` is split into first and last. */
export const LEAD_IMPORT_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'dateOfBirth',
  'source',
  'stage',
  'coordinator',
  'inquiryDate',
  'notes',
] as const;
export type LeadImportField = (typeof LEAD_IMPORT_FIELDS)[number];
export type LeadImportMapping = FieldMapping<LeadImportField>;

/** Header spellings of CRM and spreadsheet exports, compared lower-case with punctuation and spaces removed. */
const ALIASES: Record<LeadImportField, readonly string[]> = {
  firstName: [
    'firstname',
    'first',
    'givenname',
    'fname',
    'contactfirstname',
    'leadfirstname',
    'patientfirstname',
  ],
  lastName: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'lname',
    'contactlastname',
    'leadlastname',
    'patientlastname',
  ],
  fullName: ['name', 'fullname', 'contact', 'contactname', 'leadname', 'patientname', 'patient', 'lastfirst'],
  email: ['email', 'emailaddress', 'mail', 'primaryemail', 'contactemail', 'email1', 'personalemail'],
  phone: [
    'phone',
    'phonenumber',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'telephone',
    'tel',
    'primaryphone',
    'homephone',
    'contactphone',
  ],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate', 'birthday'],
  source: [
    'source',
    'leadsource',
    'referralsource',
    'channel',
    'howheard',
    'howdidyouhear',
    'howdidyouhearaboutus',
    'origin',
  ],
  stage: ['stage', 'status', 'leadstatus', 'leadstage', 'pipelinestage'],
  coordinator: ['coordinator', 'treatmentcoordinator', 'owner', 'leadowner', 'assignedto', 'assignee'],
  inquiryDate: [
    'inquirydate',
    'enquirydate',
    'created',
    'createdat',
    'createddate',
    'datecreated',
    'dateadded',
    'leaddate',
    'received',
    'date',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'message', 'remarks', 'description'],
};

export const leadColumns = headerMatcher(LEAD_IMPORT_FIELDS, ALIASES);

export const LEAD_IMPORT_FIELD_LABELS: Record<LeadImportField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Name (First Last or Last, First)',
  email: 'Email',
  phone: 'Phone',
  dateOfBirth: 'Date of birth',
  source: 'Source',
  stage: 'Stage',
  coordinator: 'Coordinator (email or name)',
  inquiryDate: 'Inquiry date',
  notes: 'Notes',
};
