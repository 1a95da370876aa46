import { describe, expect, it } from 'vitest';
import {
  addField,
  addSection,
  blankField,
  fieldsBefore,
  insertBlock,
  moveField,
  newId,
  removeField,
  removeSection,
  updateField,
} from '../../extension/features/intake/definition-edit';
import { starterDefinition } from '../../shared/intake/blocks';
import type { FormDefinition } from '../../shared/intake/definition';
import { FIELD_TYPES } from '../../shared/intake/definition';
import { validateDefinition } from '../../shared/intake/engine';
import { formDefinitionSchema } from '../../shared/schemas/intake';

const empty: FormDefinition = { title: 'Intake', sections: [] };
const valid = (d: FormDefinition) => {
  expect(validateDefinition(d)).toEqual([]);
  expect(formDefinitionSchema.safeParse(d).success).toBe(true);
};

describe('the builder’s edits', () => {
  it('makes ids from labels that the server accepts and never reuses one', () => {
    let d = addSection(empty, 'About you');
    expect(d.sections[0]!.id).toBe('about_you');
    const a = blankField(d, 'short_text');
    d = addField(d, 'about_you', a);
    const b = blankField(d, 'short_text');
    expect(b.id).not.toBe(a.id);
    expect(newId(d, '2nd phone!')).toBe('f_2nd_phone');
    expect(newId(d, '—')).toBe('field');
  });

  it('gives every kind of question what it needs to be valid', () => {
    let d = addSection(empty, 'Everything');
    for (const type of FIELD_TYPES) d = addField(d, 'everything', blankField(d, type));
    valid(d);
  });

  it('adds ready-made steps twice without clashing ids', () => {
    const d = insertBlock(insertBlock(insertBlock(empty, 'insurance'), 'insurance'), 'consent');
    expect(d.sections.map((s) => s.id)).toEqual(['insurance', 'insurance2', 'consent']);
    valid(d);
  });

  it('drops conditions on a removed question, so the form stays valid', () => {
    const start = starterDefinition();
    const conditional = start.sections.flatMap((s) => s.fields).find((f) => f.showWhen?.length)!;
    const target = conditional.showWhen![0]!.field;
    const d = removeField(start, target);
    const after = d.sections.flatMap((s) => s.fields).find((f) => f.id === conditional.id)!;
    expect(after.showWhen).toEqual([]);
    valid(d);
    valid(removeSection(start, start.sections[1]!.id));
  });

  it('offers only earlier questions to a condition, and keeps ids on edits and moves', () => {
    let d = addSection(empty, 'Step');
    d = addField(d, 'step', { id: 'a', type: 'yes_no', label: 'A' });
    d = addField(d, 'step', { id: 'b', type: 'short_text', label: 'B' });
    expect(fieldsBefore(d, 'b').map((f) => f.id)).toEqual(['a']);
    expect(fieldsBefore(d, 'a')).toEqual([]);
    d = updateField(d, 'b', { id: 'changed', label: 'B2' } as never);
    expect(d.sections[0]!.fields[1]).toMatchObject({ id: 'b', label: 'B2' });
    d = moveField(d, 'step', 'b', -1);
    expect(d.sections[0]!.fields.map((f) => f.id)).toEqual(['b', 'a']);
    expect(moveField(d, 'step', 'b', -1)).toEqual(d);
  });
});
