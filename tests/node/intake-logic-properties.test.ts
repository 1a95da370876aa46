/**
 * Property tests of the intake engine's conditional logic: random definitions
 * whose conditions look at earlier fields (as validateDefinition demands),
 * with random and with well-formed answers. A fixed seed keeps CI
 * deterministic; a failure prints the seed and path to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAnswered } from '../../shared/intake/answer-values';
import {
  type Answers,
  type AnswerValue,
  type Condition,
  FIELD_TYPES,
  type Field,
  type FieldType,
  type FormDefinition,
  type Section,
} from '../../shared/intake/definition';
import {
  conditionHolds,
  fieldRequired,
  fieldShown,
  sectionShown,
  type ValidateOptions,
  validateAnswers,
  validateDefinition,
  visibleFields,
} from '../../shared/intake/engine';

const SETTINGS = { seed: 20_260_615, numRuns: 300 };
const TODAY = '2026-06-15';
const OPTIONS = ['a', 'b', 'c'];
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

/** A condition before it is pointed at an earlier field: `pick` chooses which. */
type ConditionSpec = { pick: number; op: Condition['op']; value?: Condition['value'] };
const conditionSpec: fc.Arbitrary<ConditionSpec> = fc.oneof(
  fc.record({
    pick: fc.nat(),
    op: fc.constant('equals' as const),
    value: fc.constantFrom('a', 'b', 5, true, false, 'yes'),
  }),
  fc.record({
    pick: fc.nat(),
    op: fc.constant('one_of' as const),
    value: fc.constantFrom<string[]>(['a'], ['a', 'b'], ['5', 'yes']),
  }),
  fc.record({
    pick: fc.nat(),
    op: fc.constantFrom('greater_than' as const, 'less_than' as const),
    value: fc.constantFrom(0, 5, 100, '2020-01-01'),
  }),
  fc.record(
    { pick: fc.nat(), op: fc.constant('answered' as const), value: fc.constantFrom(true, false) },
    { requiredKeys: ['pick', 'op'] },
  ),
);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined, freq: 2 });

const fieldSpec = fc.record({
  type: fc.constantFrom<FieldType>(...FIELD_TYPES),
  required: fc.boolean(),
  showWhen: maybe(fc.array(conditionSpec, { minLength: 1, maxLength: 2 })),
  requireWhen: maybe(fc.array(conditionSpec, { minLength: 1, maxLength: 2 })),
  guardianIfMinor: fc.boolean(),
});
const sectionSpec = fc.record({
  showWhen: maybe(fc.array(conditionSpec, { minLength: 1, maxLength: 2 })),
  fields: fc.array(fieldSpec, { minLength: 1, maxLength: 5 }),
});

/** Points each condition at an earlier field, dropping those with none before them. */
function pointAt(specs: ConditionSpec[] | undefined, earlier: string[]): Condition[] | undefined {
  if (!specs || earlier.length === 0) return undefined;
  return specs.map(({ pick, ...rest }) => ({ field: earlier[pick % earlier.length]!, ...rest }));
}

const definitionArb: fc.Arbitrary<FormDefinition> = fc
  .array(sectionSpec, { minLength: 1, maxLength: 4 })
  .map((specs) => {
    const earlier: string[] = [];
    let askedDateOfBirth = false;
    const sections = specs.map((spec, s): Section => {
      const section: Section = { id: `s${s}`, title: `S${s}`, fields: [] };
      const sectionShowWhen = pointAt(spec.showWhen, earlier);
      if (sectionShowWhen) section.showWhen = sectionShowWhen;
      for (const f of spec.fields) {
        const field: Field = {
          id: `f${earlier.length}`,
          type: f.type,
          label: `F${earlier.length}`,
          required: f.required,
        };
        const showWhen = pointAt(f.showWhen, earlier);
        const requireWhen = pointAt(f.requireWhen, earlier);
        if (showWhen) field.showWhen = showWhen;
        if (requireWhen) field.requireWhen = requireWhen;
        if (f.type === 'single_choice' || f.type === 'multiple_choice') {
          field.options = OPTIONS.map((value) => ({ value, label: value }));
        }
        if (f.type === 'number') Object.assign(field, { min: 0, max: 120 });
        if (f.type === 'consent') field.text = 'I agree to the terms.';
        if (f.type === 'signature') field.guardianIfMinor = f.guardianIfMinor;
        if (f.type === 'date' && !askedDateOfBirth) {
          field.prefill = 'dateOfBirth';
          askedDateOfBirth = true;
        }
        section.fields.push(field);
        earlier.push(field.id);
      }
      return section;
    });
    return { title: 'Generated', sections };
  });

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'a',
    'B ',
    'yes',
    'no',
    'on',
    'false',
    '2020-01-01',
    '2019-12-31',
    '2023-02-30',
    '5',
    '12.5',
  ),
  fc.constantFrom('abc', '', '  ', 'x@y.co', '(512) 555-0100', '2015-06-15', '2008-06-16'),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -10, max: 200 }),
  fc.double(),
  fc.boolean(),
  fc.array(fc.constantFrom('a', 'b', 'c', 'z', ''), { maxLength: 4 }),
  fc.record(
    {
      kind: fc.constantFrom('typed', 'drawn', 'stamped'),
      value: fc.constantFrom('Ana Díaz', 'A', PNG, ''),
      signerName: fc.constantFrom('Ana', '', ' Bo '),
      guardian: fc.record({ name: fc.constantFrom('Eva', ''), relationship: fc.constantFrom('Mother', '') }),
    },
    { requiredKeys: ['kind', 'value', 'signerName'] },
  ),
  fc.record({
    fileId: fc.constantFrom('f_1', ''),
    name: fc.constant('card.jpg'),
    contentType: fc.constantFrom('image/jpeg', 'application/pdf', 'text/plain'),
    size: fc.constantFrom(0, 1000, 20_000_000),
  }),
  fc.constant(null),
);

const guardian = { name: 'Eva Díaz', relationship: 'Mother' };
/** Answers a patient could give, or a page would post, for each type. */
const GOOD_VALUES: Record<FieldType, unknown[]> = {
  short_text: ['Ana', '  Bo  '],
  long_text: ['Two lines\r\nof text'],
  number: [0, '42', 120],
  date: ['1990-01-01', '2015-06-15', '2008-02-29'],
  phone: ['(512) 555-0100', '+44 20 7946 0958'],
  email: ['ana@example.com', ' Bo@Example.COM '],
  single_choice: OPTIONS,
  multiple_choice: [['a'], ['b', 'c'], 'a'],
  yes_no: [true, false, 'yes', 'no'],
  file: [{ fileId: 'f_1', name: 'card.jpg', contentType: 'image/jpeg', size: 1000 }],
  signature: [
    { kind: 'typed', value: 'Eva Díaz', signerName: 'Eva Díaz', guardian },
    { kind: 'drawn', value: PNG, signerName: 'Eva Díaz', guardian },
    { kind: 'typed', value: 'Ana Díaz', signerName: 'Ana Díaz' },
  ],
  consent: [true, 'on'],
};

const fieldsOf = (definition: FormDefinition) => definition.sections.flatMap((section) => section.fields);

const randomAnswersFor = (definition: FormDefinition) =>
  fc
    .tuple(
      fc.array(fc.option(anyValue, { nil: undefined }), {
        minLength: fieldsOf(definition).length,
        maxLength: fieldsOf(definition).length,
      }),
      fc.dictionary(fc.constantFrom('stray', 'f99', 'constructor'), anyValue, { maxKeys: 2 }),
    )
    .map(([values, strays]) => {
      const answers: Record<string, unknown> = { ...strays };
      fieldsOf(definition).forEach((field, i) => {
        if (values[i] !== undefined) answers[field.id] = values[i];
      });
      return answers as Answers;
    });

const goodAnswersFor = (definition: FormDefinition) =>
  fc
    .tuple(
      ...fieldsOf(definition).map((field) =>
        fc.option(fc.constantFrom(...GOOD_VALUES[field.type]), { freq: 6 }),
      ),
    )
    .map((values) => {
      const answers: Record<string, unknown> = {};
      fieldsOf(definition).forEach((field, i) => {
        if (values[i] !== null) answers[field.id] = values[i];
      });
      return answers as Answers;
    });

const optionsArb: fc.Arbitrary<ValidateOptions> = fc.record(
  {
    today: fc.constantFrom(TODAY, '2026-06-14', '2030-01-01'),
    draft: fc.boolean(),
    sectionId: fc.constantFrom('s0', 's1', 's3', 'nowhere'),
    subjectDateOfBirth: fc.constantFrom('2010-01-01', '1980-05-05'),
  },
  { requiredKeys: ['today'] },
);

const formWithRandomAnswers = definitionArb.chain((definition) =>
  fc.tuple(fc.constant(definition), randomAnswersFor(definition), optionsArb),
);

describe('intake logic properties', () => {
  it('generates definitions that pass validateDefinition (the generator obeys the rules)', () => {
    fc.assert(
      fc.property(definitionArb, (definition) => {
        expect(validateDefinition(definition)).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it('never throws, and speaks only of visible fields (of the section asked for)', () => {
    fc.assert(
      fc.property(formWithRandomAnswers, ([definition, answers, options]) => {
        const result = validateAnswers(definition, answers, options);
        const visible = new Set(visibleFields(definition, answers).map((field) => field.id));
        const inSection = new Set(
          definition.sections
            .filter((s) => s.id === options.sectionId)
            .flatMap((s) => s.fields.map((f) => f.id)),
        );
        for (const id of Object.keys(result.answers)) expect(visible).toContain(id);
        if (!result.ok) {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0);
          for (const id of Object.keys(result.errors)) {
            expect(visible).toContain(id);
            if (options.sectionId !== undefined) expect(inSection).toContain(id);
          }
        }
      }),
      SETTINGS,
    );
  });

  it('is idempotent: validating cleaned answers again changes nothing', () => {
    fc.assert(
      fc.property(formWithRandomAnswers, ([definition, answers, options]) => {
        const first = validateAnswers(definition, answers, options);
        const second = validateAnswers(definition, first.answers, options);
        expect(second).toEqual(first);
      }),
      SETTINGS,
    );
  });

  it('decides visibility from the cleaned answers alone, section and field conditions together', () => {
    fc.assert(
      fc.property(formWithRandomAnswers, ([definition, answers]) => {
        const cleaned = validateAnswers(definition, answers, { today: TODAY, draft: true }).answers;
        const expected = definition.sections.flatMap((section) =>
          sectionShown(section, cleaned) ? section.fields.filter((field) => fieldShown(field, cleaned)) : [],
        );
        expect(visibleFields(definition, answers)).toEqual(expected);
      }),
      SETTINGS,
    );
  });

  it('always shows a field without conditions in a section without conditions', () => {
    fc.assert(
      fc.property(formWithRandomAnswers, ([definition, answers]) => {
        const visible = new Set(visibleFields(definition, answers));
        for (const section of definition.sections) {
          if (section.showWhen) continue;
          for (const field of section.fields) if (!field.showWhen) expect(visible.has(field)).toBe(true);
        }
      }),
      SETTINGS,
    );
  });

  it('never finds an answer both greater and less than a value, and answered true and false disagree', () => {
    const comparable = fc.oneof(anyValue, fc.constantFrom('2020-01-01', '2021-03-04', 7, '7'));
    fc.assert(
      fc.property(comparable, comparable, (answer, value) => {
        const answers = { q: answer } as Answers;
        const test = (op: Condition['op'], v?: unknown) =>
          conditionHolds({ field: 'q', op, value: v as Condition['value'] }, answers);
        expect(test('greater_than', value) && test('less_than', value)).toBe(false);
        expect(test('answered', true)).toBe(!test('answered', false));
        expect(test('answered')).toBe(test('answered', true));
      }),
      { ...SETTINGS, numRuns: 1000 },
    );
  });

  it('on submit, passes only when every required visible field has an answer, and names each missing one', () => {
    let passed = 0;
    fc.assert(
      fc.property(
        definitionArb.chain((definition) => fc.tuple(fc.constant(definition), goodAnswersFor(definition))),
        ([definition, answers]) => {
          const result = validateAnswers(definition, answers, { today: TODAY });
          const missing = visibleFields(definition, result.answers)
            .filter((field) => fieldRequired(field, result.answers))
            .filter((field) => !isAnswered(result.answers[field.id] as AnswerValue | undefined));
          if (result.ok) {
            passed += 1;
            expect(missing).toEqual([]);
          } else {
            for (const field of missing) expect(result.errors[field.id]).toBeDefined();
          }
        },
      ),
      SETTINGS,
    );
    // The property means little unless submissions do pass.
    expect(passed).toBeGreaterThan(SETTINGS.numRuns / 10);
  });
});
