import { isMinorOn } from './intake/minor-age';
import { nameKeyPart } from './roster/names';

/** Relationships that name the person themself, not someone answerable for them. */
const SELF = new Set([
  'self',
  'myself',
  'me',
  'patient',
  'same',
  'same person',
  'herself',
  'himself',
  'themself',
]);

export const GUARDIAN_NEEDED_MESSAGE =
  'Someone under 18 needs a responsible party (a parent or guardian): enter their name and relationship';
export const GUARDIAN_SELF_RELATIONSHIP_MESSAGE =
  'The responsible party must be another person: give their relationship to the patient (for example Mother)';
export const GUARDIAN_SAME_NAME_MESSAGE =
  "The responsible party must be another person: enter the parent's or guardian's own name";

type Person = { firstName: string; lastName: string };
type Party = { name: string; relationship: string };

/** The same person's name, written either way round, with case, accents, spaces and punctuation ignored. */
function sameName(person: Person, name: string) {
  const key = nameKeyPart(name);
  return (
    key !== '' &&
    (key === nameKeyPart(`${person.firstName}${person.lastName}`) ||
      key === nameKeyPart(`${person.lastName}${person.firstName}`))
  );
}

/** Why `party` is not another person answerable for `person`, naming the field; null when it is. */
export function responsiblePartyIssue(
  person: Person,
  party: Party,
): { field: 'name' | 'relationship'; message: string } | null {
  if (SELF.has(party.relationship.trim().toLowerCase()))
    return { field: 'relationship', message: GUARDIAN_SELF_RELATIONSHIP_MESSAGE };
  if (sameName(person, party.name)) return { field: 'name', message: GUARDIAN_SAME_NAME_MESSAGE };
  return null;
}

/**
 * What is wrong with a person's responsible party: a minor (under 18 on
 * `today`) must have one, and whoever is named must be someone else. Null when
 * the record is fine; `path` is where the form shows it.
 */
export function guardianProblem(
  person: Person & { dateOfBirth?: string | null },
  party: Party | null | undefined,
  today: string,
): { path: string; message: string } | null {
  if (!party) {
    // A date of birth in the future is refused on its own; it makes no one a minor.
    const dob = person.dateOfBirth;
    const minor = !!dob && dob <= today && isMinorOn(dob, today);
    return minor ? { path: 'responsibleParty', message: GUARDIAN_NEEDED_MESSAGE } : null;
  }
  const issue = responsiblePartyIssue(person, party);
  return issue ? { path: `responsibleParty.${issue.field}`, message: issue.message } : null;
}
