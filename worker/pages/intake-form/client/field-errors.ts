/**
 * Errors next to their fields, in the same markup the server renders on a
 * failed post: the message in `<p class="error" id="f-<id>-error">` before the
 * element marked `data-error-before`, named in the `aria-describedby` of the
 * element marked `data-described`, and `aria-invalid` on the inputs.
 */
import { ERROR_SUMMARY_ID, errorId, inputId, wrapperId } from '../page-contract';

function describedBy(el: Element, id: string, on: boolean) {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (on) ids.push(id);
  if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
  else el.removeAttribute('aria-describedby');
}

export function showFieldError(fieldId: string, message: string | undefined) {
  const wrapper = document.getElementById(wrapperId(fieldId));
  if (!wrapper) return;
  const id = errorId(fieldId);
  let error = document.getElementById(id);
  if (message) {
    if (!error) {
      error = document.createElement('p');
      error.className = 'error';
      error.id = id;
      const before = wrapper.querySelector('[data-error-before]');
      wrapper.insertBefore(error, before ?? null);
    }
    error.textContent = message;
  } else error?.remove();
  const described = wrapper.querySelector('[data-described]') ?? wrapper;
  describedBy(described, id, !!message);
  wrapper.classList.toggle('invalid', !!message);
  for (const input of wrapper.querySelectorAll('input:not([type=hidden]),textarea')) {
    if (message) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }
}

/** The list at the top of the form that links each problem to its field; focused so it is read first. */
export function showErrorSummary(form: HTMLFormElement, errors: [string, string][]) {
  document.getElementById(ERROR_SUMMARY_ID)?.remove();
  if (!errors.length) return;
  const summary = document.createElement('div');
  summary.id = ERROR_SUMMARY_ID;
  summary.className = 'error-summary';
  summary.tabIndex = -1;
  summary.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.textContent = 'There is a problem';
  const list = document.createElement('ul');
  for (const [fieldId, message] of errors) {
    const link = document.createElement('a');
    link.href = `#${inputId(fieldId)}`;
    link.textContent = message;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  summary.append(title, list);
  form.before(summary);
  summary.focus();
}
