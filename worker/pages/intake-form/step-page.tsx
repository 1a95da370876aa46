/** @jsxImportSource hono/jsx */
/**
 * One step of the public intake form: a section of the pinned definition,
 * its fields as the current answers make them, the errors of a failed post
 * (a summary linking to each field, and each message beside its field), and
 * the page's script inline with the response's CSP nonce.
 */
import type { Answers, AnswerValue, FormDefinition, Section } from '../../../shared/intake/definition';
import { fieldRequired, visibleAnswers, visibleFields } from '../../../shared/intake/engine';
import { conditionHint, FieldView } from './field-views';
import { FormLayout } from './form-layout';
import { INTAKE_CLIENT_SCRIPT } from './generated/client-bundle';
import {
  ACTION_ENTRY,
  DATA_BLOCK_ID,
  ERROR_SUMMARY_ID,
  FORM_ID,
  inputId,
  type PageData,
  SAVE_STATUS_ID,
  SECTION_ENTRY,
  STEP_COUNT_ID,
} from './page-contract';

export type StepPageProps = {
  nonce?: string;
  /** The form's address, `/f/<token>`: where the steps post. */
  formPath: string;
  definition: FormDefinition;
  practiceName?: string;
  section: Section;
  /** 1-based, among the sections the answers show. */
  stepNumber: number;
  stepCount: number;
  /** Every answer as it stands: the saved draft, with this step's post over it after a failed post. */
  answers: Answers;
  /** Values from the practice's records, by field id. */
  prefill: Answers;
  errors: Record<string, string>;
  today: string;
  subjectDateOfBirth?: string;
};

const own = (answers: Answers, id: string): AnswerValue | undefined =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

function sameAnswer(a: AnswerValue | undefined, b: AnswerValue | undefined) {
  return a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The script's copy of the answers: drawn signatures of other steps dropped (large, and no condition reads them). */
function answersForScript(definition: FormDefinition, section: Section, answers: Answers): Answers {
  const out: Answers = {};
  const here = new Set(section.fields.filter((f) => f.type !== 'file').map((f) => f.id));
  for (const field of definition.sections.flatMap((s) => s.fields)) {
    const value = own(answers, field.id);
    if (value === undefined || here.has(field.id)) continue;
    const slim =
      field.type === 'signature' && typeof value === 'object' && !Array.isArray(value) && 'kind' in value
        ? { ...value, value: '' }
        : value;
    Object.defineProperty(out, field.id, {
      value: slim,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** JSON inside a <script> element: `<` escaped so no text can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function StepPage(props: StepPageProps) {
  const { definition, section, answers, errors } = props;
  const shown = new Set(visibleFields(definition, answers).map((f) => f.id));
  const cleaned = visibleAnswers(definition, answers);
  const ownIds = new Set(section.fields.map((f) => f.id));
  // A field whose condition reads an answer of this step is rendered even when the condition does not
  // hold yet: without JavaScript it must be there to answer (with a hint saying when), and the script hides it.
  const rendered = new Set<string>();
  const fields = section.fields.flatMap((field) => {
    const sameStep = (field.showWhen ?? []).filter((c) => ownIds.has(c.field));
    const dependsHere = sameStep.length > 0 && sameStep.every((c) => rendered.has(c.field));
    if (!shown.has(field.id) && !dependsHere) return [];
    rendered.add(field.id);
    const value = own(answers, field.id);
    return [
      <FieldView
        field={field}
        value={value}
        error={errors[field.id]}
        required={fieldRequired(field, cleaned)}
        prefilled={sameAnswer(value, own(props.prefill, field.id))}
        conditionHint={dependsHere ? conditionHint(field.showWhen ?? [], section) : undefined}
        off={!shown.has(field.id)}
        today={props.today}
      />,
    ];
  });
  const errorList = section.fields.filter((f) => errors[f.id] && rendered.has(f.id));
  const isLast = props.stepNumber === props.stepCount;
  const hasFile = section.fields.some((f) => f.type === 'file' && rendered.has(f.id));
  const data: PageData = {
    definition,
    sectionId: section.id,
    answers: answersForScript(definition, section, answers),
    today: props.today,
    subjectDateOfBirth: props.subjectDateOfBirth,
    draftUrl: `${props.formPath}/draft`,
  };
  const title = `${errorList.length ? 'Error: ' : ''}${section.title} · ${definition.title}`;

  return (
    <FormLayout title={title} nonce={props.nonce}>
      {props.practiceName ? <p class="muted">{props.practiceName}</p> : null}
      <h1>{definition.title}</h1>
      {props.stepNumber === 1 && definition.description ? <p>{definition.description}</p> : null}
      <p class="muted" id={STEP_COUNT_ID}>
        Step {props.stepNumber} of {props.stepCount}
      </p>
      {errorList.length ? (
        // Focused on load so a screen reader starts at the problems.
        <div class="error-summary" id={ERROR_SUMMARY_ID} role="alert" tabindex={-1} autofocus>
          <h2>There is a problem</h2>
          <ul>
            {errorList.map((f) => (
              <li>
                <a href={`#${inputId(f.id)}`}>{errors[f.id]}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        id={FORM_ID}
        method="post"
        action={props.formPath}
        enctype={hasFile ? 'multipart/form-data' : undefined}
        novalidate
      >
        <h2>{section.title}</h2>
        {section.description ? <p class="hint">{section.description}</p> : null}
        <input type="hidden" name={SECTION_ENTRY} value={section.id} />
        {fields}
        <div class="actions">
          <button type="submit" name={ACTION_ENTRY} value={isLast ? 'submit' : 'next'}>
            {isLast ? 'Sign and send' : 'Continue'}
          </button>
          {props.stepNumber > 1 ? (
            <button type="submit" name={ACTION_ENTRY} value="back" class="secondary">
              Back
            </button>
          ) : null}
        </div>
        <p class="status" id={SAVE_STATUS_ID} role="status" />
      </form>
      <script
        type="application/json"
        id={DATA_BLOCK_ID}
        dangerouslySetInnerHTML={{ __html: scriptJson(data) }}
      />
      <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: INTAKE_CLIENT_SCRIPT }} />
    </FormLayout>
  );
}

/** The page as HTML, for the route and for the bench's render timing. */
export async function renderStepPage(props: StepPageProps): Promise<string> {
  return (await (<StepPage {...props} />).toString()) as string;
}
