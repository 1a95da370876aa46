import { describe, expect, it } from 'vitest';
import { INTAKE_BLOCK_KINDS, INTAKE_BLOCKS, starterDefinition } from '../../shared/intake/blocks';
import { type FormDefinition, PREFILL_KEYS } from '../../shared/intake/definition';
import { validateAnswers, validateDefinition, visibleFields } from '../../shared/intake/engine';
import { formDefinitionSchema } from '../../shared/schemas/intake';

const TODAY = '2026-06-15';
const ids = (definition: FormDefinition, answers: Record<string, unknown>) =>
  visibleFields(definition, answers as never).map((field) => field.id);

function expectSound(definition: FormDefinition) {
  expect(validateDefinition(definition)).toEqual([]);
  const parsed = formDefinitionSchema.safeParse(definition);
  expect(parsed.error?.issues ?? []).toEqual([]);
  // Trimming and defaults must not change a ready-made definition.
  expect(parsed.data).toEqual(definition);
}

describe('ready-made blocks', () => {
  it.each(INTAKE_BLOCK_KINDS)('%s passes the schema and the definition rules', (kind) => {
    const section = INTAKE_BLOCKS[kind].build(kind);
    expectSound({ title: INTAKE_BLOCKS[kind].label, sections: [section] });
    expect(section.fields.every((field) => field.id.startsWith(`${kind}_`))).toBe(true);
  });

  it('lets two blocks of a kind sit in one form under different prefixes', () => {
    const definition = {
      title: 'Two policies',
      sections: [
        INTAKE_BLOCKS.insurance.build('insurance'),
        INTAKE_BLOCKS.insurance.build('second_insurance'),
      ],
    };
    expectSound(definition);
    expect(ids(definition, { second_insurance_has_insurance: 'yes' })).toEqual([
      'insurance_has_insurance',
      'second_insurance_has_insurance',
      'second_insurance_carrier',
      'second_insurance_member_id',
      'second_insurance_group_number',
      'second_insurance_subscriber_relationship',
      'second_insurance_subscriber_name',
      'second_insurance_subscriber_dob',
      'second_insurance_card_front',
      'second_insurance_card_back',
    ]);
  });

  it('shows the insurance details only once the patient says they have insurance', () => {
    const definition = { title: 'Insurance', sections: [INTAKE_BLOCKS.insurance.build('ins')] };
    expect(ids(definition, {})).toEqual(['ins_has_insurance']);
    expect(ids(definition, { ins_has_insurance: 'no', ins_carrier: 'Delta Dental' })).toEqual([
      'ins_has_insurance',
    ]);
    expect(ids(definition, { ins_has_insurance: 'yes' })).toHaveLength(9);
    const result = validateAnswers(
      definition,
      { ins_has_insurance: 'no', ins_carrier: 'Delta Dental' },
      { today: TODAY },
    );
    expect(result).toEqual({ ok: true, answers: { ins_has_insurance: false } });
  });

  it("asks for the subscriber's details only when someone else holds the policy", () => {
    const definition = { title: 'Insurance', sections: [INTAKE_BLOCKS.insurance.build('ins')] };
    const base = { ins_has_insurance: 'yes', ins_carrier: 'Delta Dental', ins_member_id: 'X123' };
    expect(
      validateAnswers(definition, { ...base, ins_subscriber_relationship: 'self' }, { today: TODAY }).ok,
    ).toBe(true);
    const parent = validateAnswers(
      definition,
      { ...base, ins_subscriber_relationship: 'parent' },
      { today: TODAY },
    );
    expect(parent.ok ? [] : Object.keys(parent.errors)).toEqual([
      'ins_subscriber_name',
      'ins_subscriber_dob',
    ]);
  });

  it('asks for the list of medicines and allergies only after a yes', () => {
    const definition = { title: 'Medical', sections: [INTAKE_BLOCKS.medical_history.build('med')] };
    expect(ids(definition, { med_takes_medications: 'no', med_has_allergies: 'no' })).not.toContain(
      'med_medications',
    );
    const result = validateAnswers(
      definition,
      { med_conditions: 'none', med_takes_medications: 'yes', med_has_allergies: 'yes' },
      { today: TODAY },
    );
    expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['med_medications', 'med_allergies']);
  });
});

describe('starter template', () => {
  const starter = starterDefinition();
  const complete = {
    first_name: 'Mia',
    last_name: 'Díaz',
    date_of_birth: '2012-03-28',
    email: 'eva@example.com',
    phone: '512 555 0100',
    medical_conditions: ['asthma'],
    medical_takes_medications: 'yes',
    medical_medications: 'Albuterol inhaler as needed',
    medical_has_allergies: 'no',
    dental_previous_orthodontics: 'no',
    insurance_has_insurance: 'no',
    consent_treatment: 'on',
    consent_general: 'on',
    consent_financial: 'on',
    consent_signature: { kind: 'typed', value: 'Eva Díaz', signerName: 'Eva Díaz' },
  };

  it('passes the schema and the definition rules, and pre-fills every recipient detail', () => {
    expectSound(starter);
    const prefilled = starter.sections
      .flatMap((s) => s.fields)
      .flatMap((f) => (f.prefill ? [f.prefill] : []));
    expect(prefilled.sort()).toEqual([...PREFILL_KEYS].sort());
    expect(starter.sections.map((s) => s.id)).toEqual([
      'patient',
      'medical',
      'dental',
      'insurance',
      'consent',
    ]);
  });

  it("needs a parent or guardian's signature for a child, and submits with one", () => {
    const withoutGuardian = validateAnswers(starter, complete as never, { today: TODAY });
    expect(withoutGuardian.ok ? {} : withoutGuardian.errors).toEqual({
      consent_signature:
        'A parent or guardian must sign for a patient under 18: enter their name and relationship',
    });
    const signature = {
      ...complete.consent_signature,
      guardian: { name: 'Eva Díaz', relationship: 'Mother' },
    };
    const signed = validateAnswers(starter, { ...complete, consent_signature: signature } as never, {
      today: TODAY,
    });
    expect(signed.ok).toBe(true);
    expect(signed.answers.medical_takes_medications).toBe(true);
  });
});
