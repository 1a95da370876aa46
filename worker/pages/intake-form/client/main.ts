/**
 * The public intake page's script. The page works without it (the server
 * handles steps, conditions and errors); with it, conditional fields show and
 * hide as the person answers, errors appear on leaving a field and before a
 * post, drafts save themselves, signatures can be drawn, and the guardian's
 * part shows only for a minor. Every decision is the shared engine's, as on
 * the server.
 */
import type { Answers } from '../../../../shared/intake/definition';
import {
  fieldRequired,
  isCalendarDate,
  isMinorOn,
  validateAnswers,
  visibleAnswers,
  visibleFields,
  visibleSections,
} from '../../../../shared/intake/engine';
import {
  ACTION_ENTRY,
  DATA_BLOCK_ID,
  FORM_ID,
  type PageData,
  SAVE_STATUS_ID,
  STEP_COUNT_ID,
  wrapperId,
} from '../page-contract';
import { createAutosave } from './autosave';
import { showErrorSummary, showFieldError } from './field-errors';
import { currentAnswers, stepAnswers } from './form-state';
import { setupSignaturePad } from './signature-pad';

function start() {
  const form = document.getElementById(FORM_ID) as HTMLFormElement | null;
  const dataBlock = document.getElementById(DATA_BLOCK_ID);
  if (!form || !dataBlock?.textContent) return;
  const data = JSON.parse(dataBlock.textContent) as PageData;
  const { definition } = data;
  const section = definition.sections.find((s) => s.id === data.sectionId);
  if (!section) return;
  document.documentElement.classList.add('js');

  const answersNow = () => currentAnswers(form, definition, section, data.answers);
  const options = () => ({
    sectionId: section.id,
    today: data.today,
    subjectDateOfBirth: data.subjectDateOfBirth,
  });
  const fields = new Map(section.fields.map((f) => [f.id, f]));

  function dateOfBirth(answers: Answers): string | undefined {
    const asked = visibleFields(definition, answers).find((f) => f.prefill === 'dateOfBirth');
    const value = asked ? answers[asked.id] : undefined;
    return isCalendarDate(value) ? value : data.subjectDateOfBirth;
  }

  function applyLogic() {
    const answers = answersNow();
    const shown = new Set(visibleFields(definition, answers).map((f) => f.id));
    const cleaned = visibleAnswers(definition, answers);
    for (const field of section!.fields) {
      const wrapper = document.getElementById(wrapperId(field.id));
      if (!wrapper) continue;
      wrapper.classList.remove('cond-off');
      wrapper.hidden = !shown.has(field.id);
      const marker = wrapper.querySelector<HTMLElement>('.req');
      if (marker) marker.hidden = !fieldRequired(field, cleaned);
    }
    const steps = visibleSections(definition, answers);
    const counter = document.getElementById(STEP_COUNT_ID);
    const index = steps.findIndex((s) => s.id === section!.id);
    if (counter && index >= 0) counter.textContent = `Step ${index + 1} of ${steps.length}`;

    const dob = dateOfBirth(answers);
    const minor = !!dob && isMinorOn(dob, data.today);
    for (const block of form!.querySelectorAll<HTMLFieldSetElement>('[data-guardian-block]')) {
      block.hidden = !minor;
      // A hidden block must not post half-filled guardian details for an adult.
      block.disabled = !minor;
    }
  }

  /** The engine's errors for this step, as a submit would meet them. */
  const stepErrors = () => {
    const result = validateAnswers(definition, answersNow(), options());
    return result.ok ? {} : result.errors;
  };
  const refreshErrors = (ids: string[]) => {
    if (!ids.length) return;
    const errors = stepErrors();
    for (const id of ids) showFieldError(id, errors[id]);
  };
  const shownErrorIds = () =>
    [...form.querySelectorAll<HTMLElement>('[data-field].invalid')].map((w) => w.dataset.field ?? '');

  const autosave = createAutosave(
    data.draftUrl,
    () => ({ sectionId: section.id, answers: stepAnswers(form, definition, section) }),
    document.getElementById(SAVE_STATUS_ID),
  );
  const changed = () => {
    applyLogic();
    // An error shown goes away as soon as the answer is right.
    refreshErrors(shownErrorIds());
    autosave.schedule();
  };
  form.addEventListener('input', changed);
  form.addEventListener('change', changed);

  // On leaving a field: its error, if it has an answer (an empty field is asked for when the step is sent).
  form.addEventListener('focusout', (event) => {
    const wrapper =
      event.target instanceof Element ? event.target.closest<HTMLElement>('[data-field]') : null;
    const field = wrapper ? fields.get(wrapper.dataset.field ?? '') : undefined;
    // Moving between the radios or inputs of one field is not leaving it.
    if (!field || !wrapper || wrapper.contains(event.relatedTarget as Node | null)) return;
    if (Object.hasOwn(stepAnswers(form, definition, section), field.id)) refreshErrors([field.id]);
  });

  form.addEventListener('submit', (event) => {
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.name === ACTION_ENTRY && submitter.value === 'back') {
      autosave.cancel();
      return;
    }
    const errors = stepErrors();
    const list: [string, string][] = [];
    for (const field of section.fields) {
      showFieldError(field.id, errors[field.id]);
      if (errors[field.id]) list.push([field.id, errors[field.id]!]);
    }
    showErrorSummary(form, list);
    if (list.length) event.preventDefault();
    else autosave.cancel();
  });

  for (const wrapper of form.querySelectorAll<HTMLElement>('[data-signature]'))
    setupSignaturePad(wrapper, changed);
  applyLogic();
}

start();
