import { describe, expect, it } from 'vitest';
import type { Answers, Condition, Field, FormDefinition, Section } from '../../shared/intake/definition';
import {
  conditionHolds,
  fieldRequired,
  fieldShown,
  formAnswersFromEntries,
  isMinorOn,
  sectionShown,
  type ValidateOptions,
  validateAnswers,
  validateDefinition,
  visibleAnswers,
  visibleFields,
  visibleSections,
} from '../../shared/intake/engine';

const TODAY = '2026-06-15';
const submit: ValidateOptions = { today: TODAY };
const draft: ValidateOptions = { today: TODAY, draft: true };

const form = (...fields: Field[]): FormDefinition => ({
  title: 'Test',
  sections: [{ id: 'main', title: 'Main', fields }],
});

/** Validates one answer of one field and returns [cleaned value, error]. */
function one(field: Field, value: unknown, options: ValidateOptions = submit) {
  const result = validateAnswers(form(field), { [field.id]: value } as Answers, options);
  return [result.answers[field.id], result.ok ? undefined : result.errors[field.id]] as const;
}

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('short and long text', () => {
  const name: Field = { id: 'first_name', type: 'short_text', label: 'First name', required: true };
  it('trims, and asks for a missing answer by its label', () => {
    expect(one(name, '  Ana  ')).toEqual(['Ana', undefined]);
    expect(one(name, '   ')).toEqual([undefined, 'Enter your first name']);
    expect(one({ ...name, label: 'Why are you coming in?' }, undefined)[1]).toBe('Answer this question');
    expect(one({ ...name, label: 'ZIP code' }, '')[1]).toBe('Enter your ZIP code');
  });
  it('caps short text at 200 characters and long text at 4000 unless the field says otherwise', () => {
    expect(one(name, 'x'.repeat(200))[1]).toBeUndefined();
    expect(one(name, 'x'.repeat(201))[1]).toBe('Use 200 characters or fewer');
    const notes: Field = { id: 'notes', type: 'long_text', label: 'Notes' };
    expect(one(notes, 'x'.repeat(4000))[1]).toBeUndefined();
    expect(one(notes, 'x'.repeat(4001))[1]).toBe('Use 4000 characters or fewer');
    expect(one({ ...notes, maxLength: 10 }, 'x'.repeat(11))[1]).toBe('Use 10 characters or fewer');
  });
  it('stores line breaks as one character and refuses a value that is not text', () => {
    expect(one({ id: 'notes', type: 'long_text', label: 'Notes' }, 'a\r\nb\rc\n')).toEqual([
      'a\nb\nc',
      undefined,
    ]);
    expect(one(name, true)).toEqual([true, 'Enter text']);
    expect(one(name, 42)).toEqual(['42', undefined]);
  });
});

describe('numbers', () => {
  const age: Field = { id: 'age', type: 'number', label: 'Age', min: 0, max: 120 };
  it('turns typed numbers into numbers', () => {
    expect(one(age, ' 42 ')).toEqual([42, undefined]);
    expect(one(age, '7.5')).toEqual([7.5, undefined]);
    expect(one(age, 12)).toEqual([12, undefined]);
  });
  it('keeps what is not a number beside its error, and names the bounds', () => {
    expect(one(age, 'forty')).toEqual(['forty', 'Enter a number between 0 and 120']);
    expect(one(age, '121')).toEqual([121, 'Enter a number between 0 and 120']);
    expect(one(age, -1)[1]).toBe('Enter a number between 0 and 120');
    expect(one({ ...age, max: undefined }, -1)[1]).toBe('Enter a number of 0 or more');
    expect(one({ ...age, min: undefined }, 500)[1]).toBe('Enter a number of 120 or less');
    expect(one({ ...age, min: undefined, max: undefined }, '1e3')[1]).toBe('Enter a number');
    expect(one({ ...age, min: undefined, max: undefined }, Number.NaN)[1]).toBe('Enter a number');
  });
});

describe('dates', () => {
  const visit: Field = { id: 'visit', type: 'date', label: 'Last visit' };
  const birth: Field = {
    id: 'dob',
    type: 'date',
    label: 'Date of birth',
    required: true,
    prefill: 'dateOfBirth',
  };
  it('takes YYYY-MM-DD calendar dates only', () => {
    expect(one(visit, '2024-02-29')).toEqual(['2024-02-29', undefined]);
    expect(one(visit, '2023-02-29')[1]).toBe('This date is not valid');
    expect(one(visit, '2024-13-01')[1]).toBe('This date is not valid');
    expect(one(visit, '2024-04-31')[1]).toBe('This date is not valid');
    expect(one(visit, '04/23/2015')[1]).toBe('Enter the date as year-month-day, like 2015-04-23');
  });
  it('asks for a missing date of birth, and refuses one in the future', () => {
    expect(one(birth, '')[1]).toBe('Enter your date of birth');
    expect(one(birth, '2026-06-16')[1]).toBe('A date of birth cannot be in the future');
    expect(one(birth, TODAY)[1]).toBeUndefined();
    expect(one(visit, '2030-01-01')[1]).toBeUndefined();
  });
});

describe('phone and email', () => {
  const phone: Field = { id: 'phone', type: 'phone', label: 'Mobile phone number' };
  const email: Field = { id: 'email', type: 'email', label: 'Email address', required: true };
  it('takes phone numbers of 10 to 15 digits in the usual punctuation', () => {
    expect(one(phone, ' (512) 555-0100 ')).toEqual(['(512) 555-0100', undefined]);
    expect(one(phone, '+44 20 7946 0958')[1]).toBeUndefined();
    expect(one(phone, '555-0100')[1]).toBe('Enter a phone number with at least 10 digits');
    expect(one(phone, '512 555 O1OO')[1]).toBe('Enter a phone number with at least 10 digits');
    expect(one(phone, '1234567890123456')[1]).toBe('Enter a phone number of at most 15 digits');
  });
  it('lower-cases email addresses and refuses malformed ones', () => {
    expect(one(email, ' Ana.Diaz@Example.COM ')).toEqual(['ana.diaz@example.com', undefined]);
    expect(one(email, 'ana@example')[1]).toBe('Enter a valid email address');
    expect(one(email, 'ana diaz@example.com')[1]).toBe('Enter a valid email address');
    expect(one(email, undefined)[1]).toBe('Enter your email address');
  });
});

describe('choices and yes/no', () => {
  const options = [
    { value: 'self', label: 'Me' },
    { value: 'parent', label: 'Parent' },
    { value: 'other', label: 'Someone else' },
  ];
  const single: Field = { id: 'who', type: 'single_choice', label: 'Who', required: true, options };
  const multiple: Field = { id: 'which', type: 'multiple_choice', label: 'Which', required: true, options };
  it('matches a single choice to its option, ignoring case and spaces', () => {
    expect(one(single, ' Parent ')).toEqual(['parent', undefined]);
    expect(one(single, 'aunt')).toEqual(['aunt', 'Choose one of the options']);
    expect(one(single, '')[1]).toBe('Choose one');
  });
  it('turns one posted choice into a list, drops repeats and empties, and keeps options only', () => {
    expect(one(multiple, 'self')).toEqual([['self'], undefined]);
    expect(one(multiple, ['other', 'SELF', 'other', ''])).toEqual([['other', 'self'], undefined]);
    expect(one(multiple, ['self', 'aunt'])[1]).toBe('Choose from the options shown');
    expect(one(multiple, [])).toEqual([undefined, 'Choose at least one']);
    expect(one(multiple, [1, 2])[1]).toBe('Choose from the options shown');
  });
  it('reads yes/no from booleans and the words a form posts, and counts "no" as an answer', () => {
    const smokes: Field = { id: 'smokes', type: 'yes_no', label: 'Smoke?', required: true };
    for (const yes of ['yes', 'YES', 'true', 'on', true]) expect(one(smokes, yes)).toEqual([true, undefined]);
    for (const no of ['no', 'false', false]) expect(one(smokes, no)).toEqual([false, undefined]);
    expect(one(smokes, 'maybe')).toEqual(['maybe', 'Choose yes or no']);
    expect(one(smokes, undefined)[1]).toBe('Choose yes or no');
  });
});

describe('consent', () => {
  const agree: Field = { id: 'agree', type: 'consent', label: 'I agree', text: 'Terms', required: true };
  it('is answered only by agreeing', () => {
    expect(one(agree, 'on')).toEqual([true, undefined]);
    expect(one(agree, true)).toEqual([true, undefined]);
    expect(one(agree, false)).toEqual([undefined, 'Tick the box to show you agree']);
    expect(one(agree, 'whatever')[1]).toBe('Tick the box to show you agree');
  });
  it('drops an unticked box of an optional consent without complaint', () => {
    expect(one({ ...agree, required: false }, false)).toEqual([undefined, undefined]);
  });
});

describe('files', () => {
  const card: Field = { id: 'card', type: 'file', label: 'Card', accept: ['image'], required: true };
  const photo = { fileId: 'f_1', name: 'card.jpg', contentType: 'image/jpeg', size: 120_000 };
  it('keeps the four keys of an uploaded file', () => {
    expect(one(card, { ...photo, url: 'https://evil.test' })).toEqual([photo, undefined]);
  });
  it('checks kind and size, and asks again for something that is not an upload', () => {
    expect(one(card, { ...photo, contentType: 'application/pdf' })[1]).toBe('Choose a photo');
    expect(one({ ...card, accept: ['pdf'] }, photo)[1]).toBe('Choose a PDF');
    expect(one({ ...card, accept: undefined }, { ...photo, contentType: 'text/plain' })[1]).toBe(
      'Choose a photo or a PDF',
    );
    expect(one(card, { ...photo, size: 10 * 1024 * 1024 + 1 })[1]).toBe('Choose a file under 10 MB');
    expect(one({ ...card, maxBytes: 500 * 1024 }, { ...photo, size: 600_000 })[1]).toBe(
      'Choose a file under 500 KB',
    );
    expect(one(card, 'card.jpg')[1]).toBe('Upload the file again');
    expect(one(card, { ...photo, fileId: '' })[1]).toBe('Upload the file again');
    expect(one(card, undefined)[1]).toBe('Add a photo');
  });
});

describe('signatures', () => {
  const sign: Field = { id: 'sign', type: 'signature', label: 'Signature', required: true };
  const typed = { kind: 'typed', value: 'Ana Díaz', signerName: 'Ana Díaz' };
  it('takes a typed name of 2 to 120 characters and a PNG drawing', () => {
    expect(one(sign, { ...typed, value: '  Ana Díaz ' })).toEqual([typed, undefined]);
    expect(one(sign, { kind: 'drawn', value: PNG, signerName: 'Ana' })[1]).toBeUndefined();
    expect(one(sign, { ...typed, value: 'A' })[1]).toBe('Type your full name to sign (2 to 120 characters)');
    expect(one(sign, { ...typed, value: 'A'.repeat(121) })[1]).toBe(
      'Type your full name to sign (2 to 120 characters)',
    );
  });
  it('refuses drawings that are not small PNG data URLs', () => {
    expect(one(sign, { kind: 'drawn', value: 'data:image/jpeg;base64,AAAA', signerName: 'Ana' })[1]).toBe(
      'Draw your signature again',
    );
    expect(one(sign, { kind: 'drawn', value: 'data:image/png;base64,<svg>', signerName: 'Ana' })[1]).toBe(
      'Draw your signature again',
    );
    const huge = `data:image/png;base64,${'A'.repeat(200 * 1024)}`;
    expect(one(sign, { kind: 'drawn', value: huge, signerName: 'Ana' })[1]).toBe(
      'Your drawn signature is too large: clear it and sign again',
    );
  });
  it("needs the signer's name, a known kind and a whole guardian", () => {
    expect(one(sign, { ...typed, signerName: ' ' })[1]).toBe("Enter the signer's full name");
    expect(one(sign, { ...typed, kind: 'stamped' })[1]).toBe(
      'Sign again: draw your signature or type your full name',
    );
    expect(one(sign, 'Ana Díaz')[1]).toBe('Sign again: draw your signature or type your full name');
    expect(one(sign, { ...typed, guardian: { name: 'Eva Díaz', relationship: '' } })[1]).toBe(
      "Enter the parent or guardian's name and their relationship to the patient",
    );
  });
  it('treats an empty signature as no answer and drops an empty guardian', () => {
    expect(
      one(sign, { kind: 'typed', value: '', signerName: '', guardian: { name: '', relationship: ' ' } }),
    ).toEqual([undefined, 'Sign here: draw your signature or type your full name']);
    expect(one(sign, { ...typed, guardian: { name: '', relationship: '' } })).toEqual([typed, undefined]);
  });
});

describe('cleaning', () => {
  it('drops unknown keys and empty answers, and keeps no key for them', () => {
    const result = validateAnswers(
      form({ id: 'a', type: 'short_text', label: 'A' }, { id: 'b', type: 'short_text', label: 'B' }),
      { a: ' x ', b: '', stray: 'y' },
      submit,
    );
    expect(result).toEqual({ ok: true, answers: { a: 'x' } });
    expect(Object.keys(result.answers)).toEqual(['a']);
  });
  it('never reads or writes the prototype for odd field ids', () => {
    const result = validateAnswers(
      form({ id: '__proto__', type: 'short_text', label: 'P', required: true }),
      {},
      submit,
    );
    expect(Object.hasOwn(result.ok ? {} : result.errors, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(result.answers)).toBe(Object.prototype);
  });
});

describe('draft and submit', () => {
  const fields: Field[] = [
    { id: 'name', type: 'short_text', label: 'Name', required: true },
    { id: 'email', type: 'email', label: 'Email', required: true },
  ];
  it('requires nothing of a draft but still checks what is given', () => {
    expect(validateAnswers(form(...fields), {}, draft)).toEqual({ ok: true, answers: {} });
    expect(validateAnswers(form(...fields), { email: 'nope' }, draft)).toEqual({
      ok: false,
      answers: { email: 'nope' },
      errors: { email: 'Enter a valid email address' },
    });
  });
  it('requires every required shown field on submit', () => {
    const result = validateAnswers(form(...fields), { email: 'a@b.co' }, submit);
    expect(result.ok ? {} : result.errors).toEqual({ name: 'Enter your name' });
  });
});

describe('one section at a time', () => {
  const definition: FormDefinition = {
    title: 'Steps',
    sections: [
      {
        id: 'one',
        title: 'One',
        fields: [{ id: 'insured', type: 'yes_no', label: 'Insured?', required: true }],
      },
      {
        id: 'two',
        title: 'Two',
        fields: [
          {
            id: 'carrier',
            type: 'short_text',
            label: 'Carrier',
            required: true,
            showWhen: [{ field: 'insured', op: 'equals', value: true }],
          },
          { id: 'email', type: 'email', label: 'Email' },
        ],
      },
    ],
  };
  it("checks only that section's fields, with conditions reading the other sections", () => {
    const result = validateAnswers(
      definition,
      { insured: 'yes', email: 'bad' },
      { ...submit, sectionId: 'two' },
    );
    expect(result.ok ? {} : result.errors).toEqual({
      carrier: 'Enter your carrier',
      email: 'Enter a valid email address',
    });
    const first = validateAnswers(
      definition,
      { insured: 'yes', email: 'bad' },
      { ...submit, sectionId: 'one' },
    );
    expect(first).toEqual({ ok: true, answers: { insured: true, email: 'bad' } });
  });
  it("returns every shown field's cleaned answer, so a step can be saved whole", () => {
    const result = validateAnswers(
      definition,
      { insured: 'no', carrier: 'Delta', email: ' A@B.CO ' },
      {
        ...submit,
        sectionId: 'one',
      },
    );
    expect(result.answers).toEqual({ insured: false, email: 'a@b.co' });
  });
});

describe('conditions', () => {
  const holds = (answer: Answers[string] | undefined, op: Condition['op'], value?: Condition['value']) =>
    conditionHolds({ field: 'q', op, value }, answer === undefined ? {} : { q: answer });

  it('equals compares text trimmed and without case, numbers by value and yes/no as yes/no', () => {
    expect(holds(' Parent ', 'equals', 'parent')).toBe(true);
    expect(holds('parents', 'equals', 'parent')).toBe(false);
    expect(holds(5, 'equals', '5.0')).toBe(true);
    expect(holds('5', 'equals', 5)).toBe(true);
    expect(holds(6, 'equals', 5)).toBe(false);
    expect(holds(true, 'equals', true)).toBe(true);
    expect(holds(true, 'equals', 'yes')).toBe(true);
    expect(holds('no', 'equals', false)).toBe(true);
    expect(holds(false, 'equals', true)).toBe(false);
    expect(holds(undefined, 'equals', 'x')).toBe(false);
  });
  it('equals on a list means the list includes the value', () => {
    expect(holds(['asthma', 'diabetes'], 'equals', 'diabetes')).toBe(true);
    expect(holds(['asthma'], 'equals', 'diabetes')).toBe(false);
  });
  it('one_of holds for an answer in the list, or any overlap of two lists', () => {
    expect(holds('spouse', 'one_of', ['spouse', 'parent'])).toBe(true);
    expect(holds('self', 'one_of', ['spouse', 'parent'])).toBe(false);
    expect(holds(['self', 'parent'], 'one_of', ['spouse', 'parent'])).toBe(true);
    expect(holds(['self'], 'one_of', ['spouse', 'parent'])).toBe(false);
  });
  it('greater_than and less_than compare numbers and dates, and nothing else', () => {
    expect(holds(18, 'greater_than', 17)).toBe(true);
    expect(holds('18', 'greater_than', 18)).toBe(false);
    expect(holds(3, 'less_than', 10)).toBe(true);
    expect(holds('2020-01-02', 'greater_than', '2020-01-01')).toBe(true);
    expect(holds('2020-01-02', 'less_than', '2020-01-01')).toBe(false);
    expect(holds('2019-12-31', 'less_than', '2020-01-01')).toBe(true);
    expect(holds('twenty', 'greater_than', 5)).toBe(false);
    expect(holds('twenty', 'less_than', 5)).toBe(false);
    expect(holds(true, 'greater_than', 0)).toBe(false);
    expect(holds(undefined, 'less_than', 5)).toBe(false);
  });
  it('answered is true for any answer, "no" included, and value false asks for none', () => {
    expect(holds(false, 'answered')).toBe(true);
    expect(holds('x', 'answered', true)).toBe(true);
    expect(holds(' ', 'answered')).toBe(false);
    expect(holds([], 'answered')).toBe(false);
    expect(holds(undefined, 'answered', false)).toBe(true);
    expect(holds('x', 'answered', false)).toBe(false);
  });

  it('requires a field only while its requireWhen holds, and only when shown', () => {
    const subscriber: Field = {
      id: 'subscriber',
      type: 'short_text',
      label: 'Subscriber',
      requireWhen: [{ field: 'relationship', op: 'one_of', value: ['parent', 'other'] }],
    };
    expect(fieldRequired(subscriber, { relationship: 'parent' })).toBe(true);
    expect(fieldRequired(subscriber, { relationship: 'self' })).toBe(false);
    expect(fieldRequired({ ...subscriber, requireWhen: [] }, {})).toBe(false);
    const hidden = { ...subscriber, required: true, showWhen: [{ field: 'x', op: 'answered' as const }] };
    expect(fieldRequired(hidden, { relationship: 'parent' })).toBe(false);
    expect(fieldShown(hidden, { x: 'y' })).toBe(true);
  });
});

describe('chained conditions', () => {
  const chain: FormDefinition = {
    title: 'Chain',
    sections: [
      {
        id: 'main',
        title: 'Main',
        fields: [
          { id: 'a', type: 'yes_no', label: 'A', required: true },
          {
            id: 'b',
            type: 'short_text',
            label: 'B',
            required: true,
            showWhen: [{ field: 'a', op: 'equals', value: true }],
          },
          {
            id: 'c',
            type: 'short_text',
            label: 'C',
            required: true,
            showWhen: [{ field: 'b', op: 'answered' }],
          },
        ],
      },
    ],
  };
  it('shows B when A is yes and C when B is answered', () => {
    expect(visibleFields(chain, { a: 'yes' }).map((f) => f.id)).toEqual(['a', 'b']);
    expect(visibleFields(chain, { a: 'yes', b: 'x' }).map((f) => f.id)).toEqual(['a', 'b', 'c']);
    expect(validateAnswers(chain, { a: 'yes', b: 'x', c: 'y' }, submit)).toEqual({
      ok: true,
      answers: { a: true, b: 'x', c: 'y' },
    });
  });
  it('hides B and C together when A changes, dropping their answers and requirements', () => {
    const answers = { a: 'no', b: 'x', c: 'y' };
    expect(visibleFields(chain, answers).map((f) => f.id)).toEqual(['a']);
    expect(validateAnswers(chain, answers, submit)).toEqual({ ok: true, answers: { a: false } });
    // Read directly, C's own condition would still hold on the raw answers: the chain needs visibleAnswers.
    expect(fieldShown(chain.sections[0]!.fields[2]!, answers)).toBe(true);
    expect(fieldShown(chain.sections[0]!.fields[2]!, visibleAnswers(chain, answers))).toBe(false);
  });
  it('hides a section and everything that depends on its answers', () => {
    const sections: Section[] = [
      { id: 'first', title: 'First', fields: [{ id: 'minor', type: 'yes_no', label: 'Minor?' }] },
      {
        id: 'guardian',
        title: 'Guardian',
        showWhen: [{ field: 'minor', op: 'equals', value: true }],
        fields: [{ id: 'guardian_name', type: 'short_text', label: 'Guardian name', required: true }],
      },
      {
        id: 'last',
        title: 'Last',
        fields: [
          {
            id: 'thanks',
            type: 'short_text',
            label: 'Thanks',
            showWhen: [{ field: 'guardian_name', op: 'answered' }],
          },
        ],
      },
    ];
    const definition = { title: 'S', sections };
    expect(visibleSections(definition, { minor: 'yes' }).map((s) => s.id)).toEqual([
      'first',
      'guardian',
      'last',
    ]);
    expect(
      visibleFields(definition, { minor: 'no', guardian_name: 'Eva', thanks: 'x' }).map((f) => f.id),
    ).toEqual(['minor']);
    expect(sectionShown(sections[1]!, { minor: true })).toBe(true);
  });
  it('ends on a definition with a cycle, reading the later field as not answered', () => {
    const cyclic = form(
      { id: 'a', type: 'short_text', label: 'A', showWhen: [{ field: 'b', op: 'answered' }] },
      { id: 'b', type: 'short_text', label: 'B', showWhen: [{ field: 'a', op: 'answered' }] },
    );
    expect(visibleFields(cyclic, { a: 'x', b: 'y' })).toEqual([]);
    expect(validateAnswers(cyclic, { a: 'x', b: 'y' }, submit)).toEqual({ ok: true, answers: {} });
  });
});

describe('a minor signs with a parent or guardian', () => {
  it('turns 18 on the 18th birthday, exact to the day', () => {
    expect(isMinorOn('2008-06-15', '2026-06-14')).toBe(true);
    expect(isMinorOn('2008-06-15', '2026-06-15')).toBe(false);
    expect(isMinorOn('2008-06-16', '2026-06-15')).toBe(true);
    expect(isMinorOn('2008-12-31', '2027-01-01')).toBe(false);
  });
  it('counts a 29 February birthday as reached on 1 March in a year without one', () => {
    expect(isMinorOn('2008-02-29', '2026-02-28')).toBe(true);
    expect(isMinorOn('2008-02-29', '2026-03-01')).toBe(false);
  });
  it('answers false for dates that are not real', () => {
    expect(isMinorOn('2010-02-30', TODAY)).toBe(false);
    expect(isMinorOn('2010-01-01', 'today')).toBe(false);
  });

  const definition = form(
    { id: 'dob', type: 'date', label: 'Date of birth', prefill: 'dateOfBirth' },
    { id: 'sign', type: 'signature', label: 'Signature', required: true, guardianIfMinor: true },
  );
  const signature = { kind: 'typed' as const, value: 'Eva Díaz', signerName: 'Eva Díaz' };
  const guardian = { name: 'Eva Díaz', relationship: 'Mother' };
  const message = 'A parent or guardian must sign for a patient under 18: enter their name and relationship';

  it('refuses the signature of a patient one day short of 18 without a guardian', () => {
    const result = validateAnswers(definition, { dob: '2008-06-16', sign: signature }, submit);
    expect(result.ok ? {} : result.errors).toEqual({ sign: message });
    expect(
      validateAnswers(definition, { dob: '2008-06-16', sign: { ...signature, guardian } }, submit).ok,
    ).toBe(true);
  });
  it('lets a patient sign alone on their 18th birthday', () => {
    expect(validateAnswers(definition, { dob: '2008-06-15', sign: signature }, submit).ok).toBe(true);
  });
  it("uses the record's date of birth when the form does not ask, and the form's when it does", () => {
    const noDob = form(definition.sections[0]!.fields[1]!);
    expect(
      validateAnswers(noDob, { sign: signature }, { ...submit, subjectDateOfBirth: '2010-01-01' }).ok,
    ).toBe(false);
    expect(
      validateAnswers(noDob, { sign: signature }, { ...submit, subjectDateOfBirth: '1990-01-01' }).ok,
    ).toBe(true);
    expect(validateAnswers(noDob, { sign: signature }, submit).ok).toBe(true);
    const answered = { dob: '1990-01-01', sign: signature };
    expect(validateAnswers(definition, answered, { ...submit, subjectDateOfBirth: '2010-01-01' }).ok).toBe(
      true,
    );
  });
  it('refuses a guardian who is the minor: relationship "self", or the name the form gives the patient', () => {
    const named = form(
      { id: 'first', type: 'short_text', label: 'First name', prefill: 'firstName' },
      { id: 'last', type: 'short_text', label: 'Last name', prefill: 'lastName' },
      ...definition.sections[0]!.fields,
    );
    const answers = { first: 'Lia', last: 'Díaz', dob: '2012-01-01' };
    const errorOf = (g: { name: string; relationship: string }) => {
      const result = validateAnswers(named, { ...answers, sign: { ...signature, guardian: g } }, submit);
      return result.ok ? undefined : result.errors.sign;
    };
    expect(errorOf({ name: 'Eva Díaz', relationship: 'Self' })).toMatch(/must be another person/);
    expect(errorOf({ name: 'lia diaz', relationship: 'Mother' })).toMatch(/must be another person/);
    expect(errorOf(guardian)).toBeUndefined();
  });
  it('asks nothing of a signature without guardianIfMinor, nor of a draft', () => {
    const plain = form(definition.sections[0]!.fields[0]!, {
      ...definition.sections[0]!.fields[1]!,
      guardianIfMinor: false,
    });
    expect(validateAnswers(plain, { dob: '2015-01-01', sign: signature }, submit).ok).toBe(true);
    expect(validateAnswers(definition, { dob: '2015-01-01', sign: signature }, draft).ok).toBe(true);
  });
});

describe('answers from a form posted without JavaScript', () => {
  const definition = form(
    { id: 'name', type: 'short_text', label: 'Name', required: true },
    { id: 'age', type: 'number', label: 'Age' },
    {
      id: 'conditions',
      type: 'multiple_choice',
      label: 'Conditions',
      options: [
        { value: 'asthma', label: 'Asthma' },
        { value: 'diabetes', label: 'Diabetes' },
      ],
    },
    { id: 'smokes', type: 'yes_no', label: 'Smoke?' },
    { id: 'agree', type: 'consent', label: 'I agree', text: 'Terms', required: true },
    { id: 'card', type: 'file', label: 'Card' },
    { id: 'sign', type: 'signature', label: 'Signature', required: true },
  );
  it('reads repeated keys, checkboxes and typed signature parts', () => {
    const answers = formAnswersFromEntries(definition, [
      ['_csrf', 'token'],
      ['name', 'Ana'],
      ['age', '12'],
      ['conditions', 'asthma'],
      ['conditions', 'diabetes'],
      ['smokes', 'no'],
      ['smokes', 'yes'],
      ['agree', 'on'],
      ['card', 'card.jpg'],
      ['sign.signerName', 'Eva Díaz'],
      ['sign.value', 'Eva Díaz'],
      ['sign.guardianName', 'Eva Díaz'],
      ['sign.guardianRelationship', 'Mother'],
    ]);
    expect(answers).toEqual({
      name: 'Ana',
      age: '12',
      conditions: ['asthma', 'diabetes'],
      smokes: 'yes',
      agree: 'on',
      sign: {
        kind: 'typed',
        value: 'Eva Díaz',
        signerName: 'Eva Díaz',
        guardian: { name: 'Eva Díaz', relationship: 'Mother' },
      },
    });
    expect(validateAnswers(definition, answers, submit)).toEqual({
      ok: true,
      answers: { ...answers, age: 12, smokes: true, agree: true },
    });
  });
  it('leaves out what was not filled in, so the validator asks for it', () => {
    const answers = formAnswersFromEntries(definition, [
      ['name', ''],
      ['conditions', ''],
      ['smokes', 'no'],
      ['sign.signerName', ''],
      ['sign.value', ''],
      ['sign.kind', 'typed'],
    ]);
    expect(answers).toEqual({ smokes: 'no' });
    const result = validateAnswers(definition, answers, submit);
    expect(Object.keys(result.ok ? {} : result.errors)).toEqual(['name', 'agree', 'sign']);
  });
  it('keeps a drawn signature posted by the page with its script', () => {
    const answers = formAnswersFromEntries(definition, [
      ['sign.kind', 'drawn'],
      ['sign.value', PNG],
      ['sign.signerName', 'Ana'],
    ]);
    expect(answers.sign).toEqual({ kind: 'drawn', value: PNG, signerName: 'Ana' });
  });
});

describe('definition rules', () => {
  const issues = (definition: FormDefinition) => validateDefinition(definition);
  const text = (id: string, extra: Partial<Field> = {}): Field => ({
    id,
    type: 'short_text',
    label: id,
    ...extra,
  });

  it('accepts a sound definition', () => {
    expect(issues(form(text('a'), text('b', { showWhen: [{ field: 'a', op: 'answered' }] })))).toEqual([]);
  });
  it('refuses repeated and malformed ids', () => {
    expect(issues(form(text('a'), text('a')))).toEqual([
      { path: 'sections.0.fields.1.id', issue: '"a" is used twice' },
    ]);
    expect(issues(form(text('Name')))[0]?.path).toBe('sections.0.fields.0.id');
    const twoSections = {
      title: 'T',
      sections: [0, 1].map((i) => ({ id: 'same', title: 'S', fields: [text(`f${i}`)] })),
    };
    expect(issues(twoSections)).toEqual([{ path: 'sections.1.id', issue: '"same" is used twice' }]);
  });
  it('refuses conditions on later, missing or own answers, and so cycles', () => {
    expect(issues(form(text('a', { showWhen: [{ field: 'b', op: 'answered' }] }), text('b')))).toEqual([
      {
        path: 'sections.0.fields.0.showWhen.0.field',
        issue: '"b" comes later in the form: conditions read earlier answers only',
      },
    ]);
    const cycle = issues(
      form(
        text('a', { showWhen: [{ field: 'b', op: 'answered' }] }),
        text('b', { showWhen: [{ field: 'a', op: 'answered' }] }),
      ),
    );
    expect(cycle.map((i) => i.path)).toEqual(['sections.0.fields.0.showWhen.0.field']);
    expect(issues(form(text('a', { requireWhen: [{ field: 'zzz', op: 'answered' }] })))).toEqual([
      { path: 'sections.0.fields.0.requireWhen.0.field', issue: 'no field "zzz" in this form' },
    ]);
    expect(issues(form(text('a', { showWhen: [{ field: 'a', op: 'answered' }] })))[0]?.issue).toBe(
      'a field cannot depend on its own answer',
    );
    const sectionOnItsOwnField = {
      title: 'T',
      sections: [
        { id: 's', title: 'S', showWhen: [{ field: 'a', op: 'answered' as const }], fields: [text('a')] },
      ],
    };
    expect(issues(sectionOnItsOwnField)[0]?.path).toBe('sections.0.showWhen.0.field');
  });
  it('checks condition values for their test', () => {
    const paths = issues(
      form(
        text('a'),
        text('b', {
          showWhen: [
            { field: 'a', op: 'one_of', value: 'x' },
            { field: 'a', op: 'equals', value: ['x'] },
            { field: 'a', op: 'greater_than', value: 'ten' },
            { field: 'a', op: 'answered', value: 'yes' },
          ],
        }),
      ),
    );
    expect(paths.map((i) => i.issue)).toEqual([
      'one_of needs a list of values',
      'equals needs one value',
      'greater_than needs a number or a date as YYYY-MM-DD',
      'answered takes true or false',
    ]);
  });
  it('needs 1 to 50 distinct options on choice fields and text on consent fields', () => {
    expect(issues(form({ id: 'c', type: 'single_choice', label: 'C' }))).toEqual([
      { path: 'sections.0.fields.0.options', issue: 'give 1 to 50 options' },
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `V${i}` }));
    expect(issues(form({ id: 'c', type: 'multiple_choice', label: 'C', options: many }))).toHaveLength(1);
    const repeated = [
      { value: 'a', label: 'A' },
      { value: 'A', label: 'Also A' },
    ];
    expect(issues(form({ id: 'c', type: 'single_choice', label: 'C', options: repeated }))).toEqual([
      { path: 'sections.0.fields.0.options.1.value', issue: '"A" is used twice' },
    ]);
    expect(issues(form({ id: 'ok', type: 'consent', label: 'OK', text: ' ' }))).toEqual([
      { path: 'sections.0.fields.0.text', issue: 'give the text the person agrees to' },
    ]);
  });
  it('allows one field per prefill key, of the matching type', () => {
    const dob: Field = { id: 'dob', type: 'date', label: 'DOB', prefill: 'dateOfBirth' };
    expect(issues(form(dob, { ...dob, id: 'dob2' }))).toEqual([
      { path: 'sections.0.fields.1.prefill', issue: 'only one field can prefill dateOfBirth' },
    ]);
    expect(issues(form({ ...dob, type: 'short_text' }))[0]?.issue).toBe('dateOfBirth fills a date field');
  });
  it('caps a form at 30 sections and 200 fields, and wants min at most max', () => {
    const sections = Array.from({ length: 31 }, (_, s) => ({
      id: `s${s}`,
      title: 'S',
      fields: Array.from({ length: 7 }, (_, f) => text(`f${s}_${f}`)),
    }));
    expect(issues({ title: 'Big', sections }).map((i) => i.issue)).toEqual([
      'at most 30 sections',
      'at most 200 fields in all',
    ]);
    expect(issues(form({ id: 'n', type: 'number', label: 'N', min: 5, max: 1 }))).toEqual([
      { path: 'sections.0.fields.0.max', issue: 'max is less than min' },
    ]);
  });
});
