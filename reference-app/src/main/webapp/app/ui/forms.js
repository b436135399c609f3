// Seva portal: the one way a page sends what the user asked for and says how it went. A form (submitForm) or a
// button (act) runs its send(); while the call runs, its button says it is busy (aria-disabled) and further presses
// are ignored; then a sentence in the message element (role=status on success, role=alert on failure), and the API's
// field errors next to their fields.
import { ApiError } from '/assets/api.js';
import { clearFieldErrors, showFieldErrors } from '/assets/dom.js';

/** Puts an error in a message element (role=alert): a refusal (403) as "not allowed", anything else as its text. */
export function showError(el, e) {
  el.className = 'error';
  el.setAttribute('role', 'alert');
  if (e instanceof ApiError && e.status === 403 && e.code !== 'CSRF_FAILED') {
    el.textContent = 'You are not allowed to do this.';
  } else {
    el.textContent = e instanceof Error ? e.message : 'Something went wrong.';
  }
}

/** Puts a success in a message element (role=status). */
export function showDone(el, text) {
  el.className = 'success';
  el.setAttribute('role', 'status');
  el.textContent = text;
}

/**
 * A refusal found before asking the API, shaped like the API's own (problem+json with errors[]), so that a page's
 * send() can throw it and have the fields marked the same way.
 * @param {Array<{field: string, message: string}>} errors field names as the API would name them
 */
export function invalid(errors) {
  return new ApiError(400, { code: 'VALIDATION_FAILED', detail: 'Check the marked fields.', errors });
}

/**
 * @typedef {object} Action
 * @property {HTMLElement} message where the outcome is said
 * @property {function(): Promise<any>} send builds the request and calls the API (may throw invalid([...]) or an
 *   Error whose message is the sentence to show)
 * @property {function(any): (string|void|Promise<string|void>)} [done] after success: reloads what changed; a string
 *   it returns is shown as the success
 * @property {string} [prefix] field ids are prefix + the API's field name (e.g. 'entity-' for #entity-pan)
 * @property {Object<string, string>} [rename] API field names whose input has another id suffix
 * @property {function(Error): (string|Array<{field: string, message: string}>|null)} [problem] a better sentence,
 *   or the field errors, for an error the page knows (a code such as LEAD_DUPLICATE); null: the usual handling
 * @property {function(Error): void} [failed] after a failure has been shown (put a progress bar away...)
 * @property {HTMLFormElement} [form] for act(): the form whose fields the errors mark
 */

/**
 * Sends a form: on submit, clears its errors and message and runs the action (see {@link Action}).
 * @param {HTMLFormElement} form
 * @param {Action} action
 */
export function submitForm(form, action) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    run(form, form.querySelector('button[type="submit"]'), action);
  });
  return form;
}

/**
 * Runs an action when a button is pressed (approve, disable, issue...); with {@code action.form}, field errors are
 * marked in that form.
 * @param {HTMLButtonElement} button
 * @param {Action} action
 */
export function act(button, action) {
  button.addEventListener('click', () => run(action.form || null, button, action));
  return button;
}

const running = new WeakSet();

async function run(form, button, action) {
  const key = form || button;
  if (running.has(key)) {
    return; // one at a time: a second Enter while the first call runs does nothing
  }
  if (form) {
    clearFieldErrors(form);
  }
  action.message.textContent = '';
  running.add(key);
  if (button) {
    // not the disabled property: a disabled button would lose the keyboard focus; the guard above ignores presses
    button.setAttribute('aria-disabled', 'true');
  }
  let answer;
  try {
    answer = await action.send();
  } catch (e) {
    settle(key, button);
    fail(form, action, e);
    return;
  }
  settle(key, button);
  try {
    const text = action.done ? await action.done(answer) : undefined;
    if (typeof text === 'string') {
      showDone(action.message, text);
    }
  } catch (e) {
    showError(action.message, e);
  }
}

function settle(key, button) {
  running.delete(key);
  if (button) {
    button.removeAttribute('aria-disabled');
  }
}

function fail(form, action, e) {
  const known = action.problem ? action.problem(e) : null;
  let errors = Array.isArray(known) ? known : (e instanceof ApiError ? e.fieldErrors : []);
  if (action.rename) {
    errors = errors.map((f) => (action.rename[f.field] ? { ...f, field: action.rename[f.field] } : f));
  }
  if (typeof known === 'string') {
    showError(action.message, new Error(known));
  } else if (form && errors.length > 0 && showFieldErrors(form, action.prefix || '', errors).length === 0) {
    showError(action.message, new Error(errors.length === 1 ? 'Check the marked field.'
      : 'Check the marked fields.'));
  } else {
    showError(action.message, e);
  }
  if (action.failed) {
    action.failed(e);
  }
}
