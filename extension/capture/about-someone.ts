/**
 * Who a message is about. Most orthodontic inquiries come from a parent
 * writing about a child, or from a dentist referring a patient: the lead is
 * then the child or patient, the writer (or the parent the letter names) the
 * responsible party with their relationship, and a dentist the message names
 * is the referral source. Reads plain text; an adult writing about themselves
 * gets only the referring dentist, if one is named.
 */
import { findEmail } from './parse-text';
import { type NameParts, splitName } from './split-name';

export type Writer = { name?: string | undefined; email?: string | undefined };
export type AboutSomeone = {
  person?: NameParts;
  guardian?: { name: string; relationship: string; email?: string };
  /** The writer is a dentist's office referring a patient: their address is not the patient's. */
  writerIsReferrer: boolean;
  referrer?: string;
};

const NAME = String.raw`(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)`;
const KIN = 'son|daughter|child|kid|grandson|granddaughter|stepson|stepdaughter|husband|wife|spouse';
const ROLE =
  'mom|mother|mum|dad|father|parent|stepmother|stepmom|stepfather|stepdad|legal guardian|guardian|grandmother|grandfather';

const LABELLED_PERSON =
  /^[ \t]*(?:child|patient|student)(?:'s|’s)?[ \t]*(?:full[ \t]+)?(?:name)?[ \t]*:[ \t]*(.+)$/im;
const LABELLED_GUARDIAN =
  /^[ \t]*(?:parent\/guardian|parent or guardian|parent|guardian|responsible party)(?:'s)?[ \t]*(?:name)?[ \t]*:[ \t]*([^(\n]+)(?:\(([^)]+)\))?/im;
const LABELLED_GUARDIAN_EMAIL =
  /^[ \t]*(?:parent\/guardian|parent|guardian|responsible party)(?:'s)?[ \t]*e-?mail[ \t]*:[ \t]*(\S+@\S+)/im;
const LABELLED_RELATIONSHIP =
  /^[ \t]*relationship(?:[ \t]+to[ \t]+(?:child|patient))?[ \t]*:[ \t]*([\p{L} -]{2,30})$/imu;
// "my son Liam", "our daughter, Isabela", "my daughter — Ava Lindgren".
const MY_KIN = new RegExp(
  String.raw`\b(?:[Mm]y|[Oo]ur)[ \t]+(${KIN})\b[ \t]*[,:\u2013\u2014-]?[ \t]+${NAME}`,
  'u',
);
const ROLE_OF = new RegExp(String.raw`\b(${ROLE})[ \t]+of[ \t]+(?:[Mm]y[ \t]+(${KIN}),?[ \t]+)?${NAME}`, 'u');
const NAMES_ROLE = new RegExp(
  String.raw`\bI(?:'m|’m| am)[ \t]+${NAME}(?:'s|’s)[ \t]+(${ROLE})\b(?:,[ \t]*${NAME})?`,
  'u',
);
// "I am referring my patient Mia Lopez", "I am referring Ethan Ruiz, date of birth …".
const PATIENT_LETTER = new RegExp(
  String.raw`\b(?:[Rr]efer(?:ring)?[ \t]+(?:(?:my|our|a)[ \t]+)?(?:young[ \t]+)?patient,?|(?:I[ \t]+am|I['’]m|[Ww]e[ \t]+are)[ \t]+referring)[ \t]+${NAME}`,
  'u',
);
const NAME_IS = new RegExp(String.raw`\b(?:his|her|their)[ \t]+name[ \t]+is[ \t]+${NAME}`, 'u');
// "Her mother, Ana Lopez", "Ethan's mother, Rosa Ruiz".
const THEIR_ROLE = new RegExp(
  String.raw`\b(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he patient(?:'s|’s)|\p{Lu}\p{L}+(?:'s|’s))[ \t]+(${ROLE}),?[ \t]+${NAME}`,
  'u',
);
const DENTIST = /\bDr\.?[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?)/u;
// Gmail's "---------- Forwarded message ---------" and Outlook's "From: … / Sent: …" header.
const FORWARDED =
  /-{2,}[ \t]*Forwarded message[ \t]*-{2,}[\s\S]*?^[ \t]*From:[ \t]*([^<\n]+?)[ \t]*<([^>\s]+@[^>\s]+)>|^[ \t]*From:[ \t]*([^<\n]+?)[ \t]*<([^>\s]+@[^>\s]+)>[ \t]*\n(?:[ \t]*\n)*[ \t]*(?:Sent|Date):/im;
// "Dear Dr. Castillo," names whom the letter is to, not who referred.
const SALUTATION = /\b(?:Dear|Hi|Hello|To)[ \t]+$/i;

const ROLE_WORDS: Record<string, string> = {
  mom: 'Mother',
  mum: 'Mother',
  mother: 'Mother',
  dad: 'Father',
  father: 'Father',
  stepmom: 'Stepmother',
  stepmother: 'Stepmother',
  stepdad: 'Stepfather',
  stepfather: 'Stepfather',
  grandmother: 'Grandmother',
  grandfather: 'Grandfather',
  parent: 'Parent',
  guardian: 'Guardian',
  'legal guardian': 'Legal guardian',
};
const KIN_WORDS: Record<string, string> = {
  husband: 'Spouse',
  wife: 'Spouse',
  spouse: 'Spouse',
  grandson: 'Grandparent',
  granddaughter: 'Grandparent',
  stepson: 'Step-parent',
  stepdaughter: 'Step-parent',
};

const relationshipOf = (role?: string, kin?: string) => {
  const r = role?.toLowerCase().trim();
  if (r && r !== 'guardian' && r !== 'legal guardian') return ROLE_WORDS[r] ?? 'Parent';
  if (kin && KIN_WORDS[kin.toLowerCase()]) return KIN_WORDS[kin.toLowerCase()]!;
  return r ? ROLE_WORDS[r]! : 'Parent';
};

const isDentist = (name?: string) => /^(?:dr\.?\s|.*\b(?:dental|dentistry|dds|dmd)\b)/i.test(name ?? '');
const cleanName = (text: string) => text.replace(/[,;:(].*$/, '').trim();

/** The child or patient and how the writer relates to them, or nothing when the writer speaks of themselves. */
function personAndRole(
  text: string,
): { person: string; relationship?: string; guardian?: string; guardianEmail?: string } | undefined {
  const labelled = LABELLED_PERSON.exec(text);
  if (labelled?.[1]) {
    const g = LABELLED_GUARDIAN.exec(text);
    const rel = LABELLED_RELATIONSHIP.exec(text)?.[1] ?? g?.[2];
    const email = findEmail(LABELLED_GUARDIAN_EMAIL.exec(text)?.[1] ?? '');
    return {
      person: cleanName(labelled[1]),
      ...(rel ? { relationship: relationshipOf(rel.trim()) } : {}),
      ...(g?.[1] ? { guardian: cleanName(g[1]) } : {}),
      ...(g?.[1] && email ? { guardianEmail: email } : {}),
    };
  }
  const letter = PATIENT_LETTER.exec(text);
  if (letter?.[1]) {
    const parent = THEIR_ROLE.exec(text);
    // The parent's address, when the letter gives it in the same sentence as their name.
    const sentence = parent ? text.slice(parent.index).split(/\n|\.\s/)[0] : '';
    const email = sentence ? findEmail(sentence) : undefined;
    return {
      person: letter[1],
      ...(parent ? { relationship: relationshipOf(parent[1]), guardian: parent[2]! } : {}),
      ...(parent && email ? { guardianEmail: email } : {}),
    };
  }
  const named = NAMES_ROLE.exec(text);
  if (named?.[1]) {
    const full = named[3] && named[3].split(/\s+/)[0] === named[1] ? named[3] : named[1];
    return { person: full, relationship: relationshipOf(named[2]) };
  }
  const roleOf = ROLE_OF.exec(text);
  if (roleOf?.[3]) return { person: roleOf[3], relationship: relationshipOf(roleOf[1], roleOf[2]) };
  const kin = MY_KIN.exec(text);
  if (kin?.[2]) return { person: kin[2], relationship: relationshipOf(undefined, kin[1]) };
  const nameIs = NAME_IS.exec(text);
  if (nameIs?.[1]) return { person: nameIs[1] };
  return undefined;
}

export function aboutSomeone(text: string, sender: Writer): AboutSomeone {
  const forwarded = FORWARDED.exec(text);
  const writer: Writer = forwarded
    ? {
        name: (forwarded[1] ?? forwarded[3])!.trim(),
        email: (forwarded[2] ?? forwarded[4])!.toLowerCase(),
      }
    : sender;
  const writerIsDentist = isDentist(writer.name) || (!forwarded && PATIENT_LETTER.test(text));
  const dentistNamed = dentistIn(text);
  // A dentist who wrote the letter themselves is the referrer, whoever forwarded it.
  const referrer =
    forwarded && /^dr\.?\s/i.test(writer.name ?? '')
      ? writer.name!.replace(/^dr\.?\s+/i, 'Dr. ')
      : dentistNamed
        ? `Dr. ${dentistNamed}`
        : isDentist(sender.name) && sender.name
          ? sender.name
          : undefined;
  const found = personAndRole(text);
  const result: AboutSomeone = { writerIsReferrer: writerIsDentist, ...(referrer ? { referrer } : {}) };
  if (!found) return result;
  const guardianName = found.guardian ?? (writerIsDentist ? undefined : writer.name);
  const person = splitName(found.person);
  if (person.firstName && !person.lastName && guardianName)
    person.lastName = splitName(guardianName).lastName;
  if (!person.firstName) return result;
  // The writer themselves is not someone else.
  if (guardianName && splitName(guardianName).firstName === person.firstName) return result;
  result.person = person;
  const guardianEmail =
    found.guardianEmail ?? (!found.guardian && !writerIsDentist ? writer.email : undefined);
  if (guardianName)
    result.guardian = {
      name: guardianName,
      relationship: found.relationship ?? 'Parent',
      ...(guardianEmail ? { email: guardianEmail } : {}),
    };
  return result;
}

/** The first dentist the text names, other than the one a salutation addresses. */
function dentistIn(text: string): string | undefined {
  for (const m of text.matchAll(new RegExp(DENTIST.source, 'gu'))) {
    if (!SALUTATION.test(text.slice(Math.max(0, m.index - 12), m.index))) return m[1];
  }
  return undefined;
}
