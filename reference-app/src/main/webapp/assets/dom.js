// Seva portal: building DOM without innerHTML. Strings become text nodes (textContent), attributes go through
// setAttribute / properties, so nothing a tenant or user typed is ever parsed as markup.

/**
 * Creates an element.
 * @param {string} tag
 * @param {Object<string, any>} [attrs] attributes; 'class', 'text' (textContent), 'on<event>' (listeners),
 *   booleans set or remove the attribute, null/undefined are skipped
 * @param {...(Node|string|number|null|undefined|Array)} children strings become text nodes
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'text') {
      el.textContent = String(value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * A label, the control it names and a place for the control's error message (linked by aria-describedby).
 * @param {string} label the label's text
 * @param {HTMLElement} control an input, select or textarea with an id
 */
export function field(label, control) {
  const errorId = control.id + '-error';
  control.setAttribute('aria-describedby', errorId);
  return [h('label', { for: control.id, text: label }), control, h('p', { id: errorId, class: 'field-error' })];
}

/** Shows problem+json field errors next to their fields (ids: prefix + field name) and returns the unmatched ones. */
export function showFieldErrors(form, prefix, errors) {
  clearFieldErrors(form);
  const unmatched = [];
  for (const e of errors) {
    const input = form.querySelector('#' + CSS.escape(prefix + e.field));
    const slot = form.querySelector('#' + CSS.escape(prefix + e.field + '-error'));
    if (input && slot) {
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = e.message;
    } else {
      unmatched.push(e);
    }
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) {
    first.focus();
  }
  return unmatched;
}

/** Removes the field errors of a form. */
export function clearFieldErrors(form) {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
}
