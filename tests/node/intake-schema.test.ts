import { describe, expect, it } from 'vitest';
import { starterDefinition } from '../../shared/intake/blocks';
import { answersSchema, formDefinitionSchema } from '../../shared/schemas/intake';

const field = { id: 'name', type: 'short_text', label: 'Name' };
const withFields = (...fields: object[]) => ({
  title: 'T',
  sections: [{ id: 'main', title: 'Main', fields }],
});
const issues = (value: unknown) =>
  formDefinitionSchema
    .safeParse(value)
    .error?.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) ?? [];

describe('form definition schema', () => {
  it('refuses unknown keys, long labels and oversized consent text', () => {
    expect(issues(withFields({ ...field, colour: 'red' }))[0]?.path).toBe('sections.0.fields.0');
    expect(issues(withFields({ ...field, label: 'x'.repeat(201) }))[0]?.path).toBe(
      'sections.0.fields.0.label',
    );
    expect(issues(withFields({ ...field, help: 'x'.repeat(501) }))[0]?.path).toBe('sections.0.fields.0.help');
    const consent = { id: 'ok', type: 'consent', label: 'OK', text: 'x'.repeat(20_001) };
    expect(issues(withFields(consent))[0]?.path).toBe('sections.0.fields.0.text');
    expect(issues({ title: 'T', sections: [] })[0]?.message).toBe('Add at least one section');
  });

  it('caps choice options at 50', () => {
    const options = Array.from({ length: 51 }, (_, i) => ({ value: `v${i}`, label: `V${i}` }));
    expect(issues(withFields({ id: 'c', type: 'single_choice', label: 'C', options }))[0]?.path).toBe(
      'sections.0.fields.0.options',
    );
  });

  it("reports the engine's definition rules with their paths", () => {
    const later = { ...field, id: 'first', showWhen: [{ field: 'name', op: 'answered' }] };
    expect(issues(withFields(later, field, field))).toEqual([
      {
        path: 'sections.0.fields.0.showWhen.0.field',
        message: '"name" comes later in the form: conditions read earlier answers only',
      },
      { path: 'sections.0.fields.2.id', message: '"name" is used twice' },
    ]);
  });

  it('trims labels and accepts the starter template', () => {
    expect(
      formDefinitionSchema.parse(withFields({ ...field, label: '  Name ' })).sections[0]?.fields[0]?.label,
    ).toBe('Name');
    expect(formDefinitionSchema.safeParse(starterDefinition()).success).toBe(true);
  });
});

describe('answers schema', () => {
  it('accepts every kind of answer a form gives', () => {
    const answers = {
      name: 'Ana',
      age: 12,
      smokes: false,
      conditions: ['asthma'],
      sign: {
        kind: 'typed',
        value: 'Eva',
        signerName: 'Eva',
        guardian: { name: 'Eva', relationship: 'Mother' },
      },
      card: { fileId: 'f_1', name: 'card.jpg', contentType: 'image/jpeg', size: 1000 },
    };
    expect(answersSchema.parse(answers)).toEqual(answers);
  });

  it('refuses keys that cannot be field ids, too many answers and oversized values', () => {
    // zod drops a `__proto__` key rather than copy it onto the result.
    const parsed = answersSchema.parse(JSON.parse('{"__proto__": "x", "name": "Ana"}'));
    expect(Object.hasOwn(parsed, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(answersSchema.safeParse({ Name: 'x' }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 201 }, (_, i) => [`f${i}`, 'x']));
    expect(answersSchema.safeParse(many).success).toBe(false);
    expect(answersSchema.safeParse({ notes: 'x'.repeat(20_001) }).success).toBe(false);
    expect(answersSchema.safeParse({ list: Array.from({ length: 51 }, () => 'a') }).success).toBe(false);
    expect(answersSchema.safeParse({ obj: { nested: true } }).success).toBe(false);
  });
});
