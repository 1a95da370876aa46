import { INTAKE_BLOCKS, type IntakeBlockKind } from '../../../shared/intake/blocks';
import type { Field, FieldType, FormDefinition, Section } from '../../../shared/intake/definition';

/**
 * The builder's edits to a form definition, as pure functions returning a new
 * definition: the panel keeps the draft in state and saves it whole, and the
 * server's validator has the last word on what is valid.
 */

const ID_MAX = 50;

/** A field or section id from its label, unique within the definition (ids key the answers). */
export function newId(definition: FormDefinition, label: string): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .replace(/^(\d)/, 'f_$1')
      .slice(0, ID_MAX - 4) || 'field';
  const taken = new Set(definition.sections.flatMap((s) => [s.id, ...s.fields.map((f) => f.id)]));
  let id = /^[a-z]/.test(base) ? base : `f_${base}`.slice(0, ID_MAX - 4);
  for (let n = 2; taken.has(id); n++) id = `${base}_${n}`;
  return id;
}

const DEFAULT_LABELS: Record<FieldType, string> = {
  short_text: 'Short answer',
  long_text: 'Long answer',
  number: 'Number',
  date: 'Date',
  phone: 'Phone number',
  email: 'Email address',
  single_choice: 'Choose one',
  multiple_choice: 'Choose any',
  yes_no: 'Yes or no',
  file: 'Upload a file',
  signature: 'Signature',
  consent: 'I agree',
};

/** A new field of a type, with the options or text that type cannot do without. */
export function blankField(definition: FormDefinition, type: FieldType): Field {
  const label = DEFAULT_LABELS[type];
  const field: Field = { id: newId(definition, label), type, label };
  if (type === 'single_choice' || type === 'multiple_choice')
    field.options = [
      { value: 'option_1', label: 'Option 1' },
      { value: 'option_2', label: 'Option 2' },
    ];
  if (type === 'consent') field.text = 'The consent text the person reads before agreeing.';
  if (type === 'signature') field.guardianIfMinor = true;
  return field;
}

const mapSection = (
  d: FormDefinition,
  sectionId: string,
  change: (s: Section) => Section,
): FormDefinition => ({
  ...d,
  sections: d.sections.map((s) => (s.id === sectionId ? change(s) : s)),
});

export function addSection(d: FormDefinition, title: string): FormDefinition {
  return { ...d, sections: [...d.sections, { id: newId(d, title), title, fields: [] }] };
}

export function updateSection(
  d: FormDefinition,
  sectionId: string,
  change: Partial<Section>,
): FormDefinition {
  return mapSection(d, sectionId, (s) => ({ ...s, ...change, id: s.id, fields: s.fields }));
}

/** Removes a section and every condition that pointed at its fields (they would point at nothing). */
export function removeSection(d: FormDefinition, sectionId: string): FormDefinition {
  const gone = new Set(d.sections.find((s) => s.id === sectionId)?.fields.map((f) => f.id));
  return dropConditionsOn({ ...d, sections: d.sections.filter((s) => s.id !== sectionId) }, gone);
}

export function addField(d: FormDefinition, sectionId: string, field: Field): FormDefinition {
  return mapSection(d, sectionId, (s) => ({ ...s, fields: [...s.fields, field] }));
}

/** Changes a field; its id never changes (submitted answers are keyed by it). */
export function updateField(d: FormDefinition, fieldId: string, change: Partial<Field>): FormDefinition {
  return {
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      fields: s.fields.map((f) => (f.id === fieldId ? { ...f, ...change, id: f.id } : f)),
    })),
  };
}

export function removeField(d: FormDefinition, fieldId: string): FormDefinition {
  return dropConditionsOn(
    { ...d, sections: d.sections.map((s) => ({ ...s, fields: s.fields.filter((f) => f.id !== fieldId) })) },
    new Set([fieldId]),
  );
}

/** Moves a field up or down within its section, or a section within the form. */
export function move<T extends { id: string }>(items: T[], id: string, step: -1 | 1): T[] {
  const i = items.findIndex((x) => x.id === id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= items.length) return items;
  const next = [...items];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

export function moveField(
  d: FormDefinition,
  sectionId: string,
  fieldId: string,
  step: -1 | 1,
): FormDefinition {
  return mapSection(d, sectionId, (s) => ({ ...s, fields: move(s.fields, fieldId, step) }));
}

export function moveSection(d: FormDefinition, sectionId: string, step: -1 | 1): FormDefinition {
  return { ...d, sections: move(d.sections, sectionId, step) };
}

/** A ready-made block as a new section, with a prefix no other section uses. */
export function insertBlock(d: FormDefinition, kind: IntakeBlockKind): FormDefinition {
  const taken = new Set(d.sections.flatMap((s) => [s.id, ...s.fields.map((f) => f.id)]));
  let prefix = kind.replace('_history', '');
  for (let n = 2; [...taken].some((id) => id === prefix || id.startsWith(`${prefix}_`)); n++)
    prefix = `${kind.replace('_history', '')}${n}`;
  return { ...d, sections: [...d.sections, INTAKE_BLOCKS[kind].build(prefix)] };
}

/** Fields a condition on `fieldId` may look at: those before it in the form (no loops). */
export function fieldsBefore(d: FormDefinition, fieldId: string): Field[] {
  const all = d.sections.flatMap((s) => s.fields);
  const i = all.findIndex((f) => f.id === fieldId);
  return i < 0 ? all : all.slice(0, i);
}

function dropConditionsOn(d: FormDefinition, gone: Set<string | undefined>): FormDefinition {
  const clean = (list?: Field['showWhen']) => list?.filter((c) => !gone.has(c.field));
  return {
    ...d,
    sections: d.sections.map((s) => ({
      ...s,
      ...(s.showWhen ? { showWhen: clean(s.showWhen) } : {}),
      fields: s.fields.map((f) => ({
        ...f,
        ...(f.showWhen ? { showWhen: clean(f.showWhen) } : {}),
        ...(f.requireWhen ? { requireWhen: clean(f.requireWhen) } : {}),
      })),
    })),
  };
}
