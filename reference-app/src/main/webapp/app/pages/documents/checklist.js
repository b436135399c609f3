// Seva portal: an entity's checklist: each document its firm needs from entities of its type (provided, missing
// with an "Upload" button, rejected or expired); staff add requirements for the type.
import { api } from '/assets/api.js';
import { field, h, replace } from '/assets/dom.js';
import { card, isStaff, label, submitForm, table } from '../../shell.js';

const CHECKLIST_NAMES = {
  MISSING: 'Missing',
  SATISFIED: 'Provided',
  APPROVED: 'Provided and approved',
  REJECTED: 'Rejected: upload a new version',
  EXPIRED: 'Expired: upload a current one',
  PROCESSING: 'Being read…',
  FAILED: 'Could not be read: upload it again',
  READY: 'Uploaded',
};

/**
 * @param {object} entity the entity whose checklist this is
 * @param {{prepare: function(string): void}|null} upload the page's uploader, if the user may upload
 * @param {{entity: import('../../ui/types.js').Types, document: import('../../ui/types.js').Types}} types
 * @returns {{element: HTMLElement, load: function(): Promise<void>, message: HTMLElement}}
 */
export function checklistSection(entity, upload, types) {
  const message = h('p', { id: 'checklist-message' });
  const slot = h('div', { id: 'checklist' });
  const summary = h('p', { id: 'checklist-summary', role: 'status' });
  const load = async () => {
    const c = await api('/entities/' + encodeURIComponent(entity.id) + '/checklist');
    const items = c.items || [];
    if (items.length === 0) {
      summary.textContent = '';
      replace(slot, h('p', { class: 'muted', id: 'checklist-empty',
        text: 'Your firm has not listed the documents it needs from entities of this type '
          + `(${types.entity.name(c.entityType || entity.type)}) yet.` }));
      return;
    }
    const missing = items.filter((i) => i.required && !i.satisfiedBy).length;
    summary.className = c.complete ? 'success' : 'muted';
    summary.textContent = c.complete ? 'Everything required is here.'
      : `${missing} required document${missing === 1 ? ' is' : 's are'} still missing.`;
    replace(slot, table('checklist-table', ['Document', 'Needed', 'Status', ''],
      items.map((i) => checklistRow(i, upload, types.document))));
  };
  const element = card('checklist-title', 'Checklist', summary, slot, message,
    isStaff() && entity.type ? requirementForm(entity.type, types, load) : null);
  return { element, load, message };
}

function checklistRow(item, upload, documentTypes) {
  const doc = item.satisfiedBy || item.candidate;
  const name = documentTypes.name(item.documentType);
  let action = null;
  if (doc) {
    action = h('a', { href: '#/documents/' + encodeURIComponent(doc), class: 'checklist-document',
      text: `Open the ${name}` });
  }
  if (!item.satisfiedBy && upload) {
    const button = h('button', { type: 'button', class: 'secondary checklist-upload', text: `Upload ${name}`,
      onclick: () => upload.prepare(item.documentType) });
    action = action ? [action, ' ', button] : button;
  }
  return h('tr', { 'data-document-type': item.documentType, 'data-status': item.status },
    h('td', {}, h('span', { class: 'checklist-name', text: name }),
      item.description ? h('span', { class: 'muted block', text: item.description }) : null),
    h('td', { text: item.required ? 'Required' : 'Optional' }),
    h('td', { class: 'checklist-status', 'data-status': item.status,
      text: CHECKLIST_NAMES[item.status] || label(item.status) }),
    h('td', {}, action));
}

/** Staff: ask every entity of this type for a type of document (POST /document-requirements). */
function requirementForm(entityType, types, added) {
  const typeName = types.entity.name(entityType);
  const message = h('p', { id: 'requirement-message' });
  const type = h('select', { id: 'requirement-documentType', name: 'documentType' }, ...types.document.options());
  const required = h('input', { id: 'requirement-required', name: 'required', type: 'checkbox', checked: true });
  const form = h('form', { id: 'requirement-form', class: 'stack', novalidate: true },
    ...field('Document', type),
    ...field('Description (optional)', h('input', { id: 'requirement-description', name: 'description',
      type: 'text', maxlength: '500', autocomplete: 'off' })),
    h('label', { class: 'check' }, required, ' Required (otherwise only recommended)'),
    h('button', { id: 'requirement-add', type: 'submit', text: 'Add to the checklist' }), message);
  submitForm(form, {
    message,
    prefix: 'requirement-',
    send: () => {
      const body = { entityType, documentType: type.value, required: required.checked };
      const description = form.elements.description.value.trim();
      if (description) {
        body.description = description;
      }
      return api('/document-requirements', { method: 'POST', json: body });
    },
    done: async () => {
      form.elements.description.value = '';
      const text = `Every entity of this type (${typeName}) is now asked for: ${types.document.name(type.value)}.`;
      await added();
      return text;
    },
  });
  return h('details', { id: 'requirement-details', class: 'fix-details' },
    h('summary', { text: `Ask every entity of this type (${typeName}) for a document` }), form);
}
