// What the referrer extractor answers, apart from it so Node code can import the type without the DOM.
export type ReferrerField =
  | 'firstName'
  | 'lastName'
  | 'credentials'
  | 'email'
  | 'specialty'
  | 'practiceName'
  | 'line1'
  | 'city'
  | 'state'
  | 'postalCode'
  | 'phone'
  | 'fax'
  | 'website';

/** A referring provider read from a practice's web page, each value with where it came from. */
export type CapturedReferrer = {
  fields: Partial<Record<ReferrerField, string>>;
  from: Partial<Record<ReferrerField, string>>;
  url: string;
  title: string;
};
