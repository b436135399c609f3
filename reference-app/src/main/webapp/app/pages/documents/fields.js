// Seva portal: what Seva found in a document (its classification and fields, exactly as the API gives them:
// Aadhaar arrives masked) and, for staff, the form that corrects them.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import { day, label, submitForm } from '../../shell.js';

const FIELD_NAMES = {
  pan: 'PAN',
  gstin: 'GSTIN',
  cin: 'CIN',
  ifsc: 'IFSC',
  aadhaarMasked: 'Aadhaar (only the last 4 digits are kept)',
  name: 'Name',
  dateOfBirth: 'Date of birth',
  issuedOn: 'Issued on',
  validFrom: 'Valid from',
  expiresOn: 'Expires on',
  incorporatedOn: 'Incorporated on',
  invoiceDate: 'Invoice date',
  dates: 'Other dates',
};
const TEXT_FIELDS = ['pan', 'gstin', 'cin', 'ifsc', 'name'];
const DATE_FIELDS = ['dateOfBirth', 'issuedOn', 'validFrom', 'expiresOn', 'incorporatedOn', 'invoiceDate'];

/** The classification and the fields found, known fields first in a fixed order, then the others by name. */
export function fieldList(d, documentTypes) {
  const fields = d.fields || {};
  const names = Object.keys(fields);
  const recognised = h('p', { id: 'document-classification' }, 'Recognised as: ',
    h('strong', { text: d.classification ? documentTypes.name(d.classification) : 'not recognised yet' }));
  if (names.length === 0) {
    return h('div', {}, recognised, h('p', { id: 'document-fields', class: 'muted', text: d.status === 'PROCESSING'
      ? 'Seva has not finished reading the document.' : 'No identifiers or dates were found.' }));
  }
  const known = Object.keys(FIELD_NAMES).filter((n) => names.includes(n));
  const other = names.filter((n) => !FIELD_NAMES[n]).sort();
  return h('div', {}, recognised, h('dl', { id: 'document-fields', class: 'facts' },
    ...[...known, ...other].flatMap((n) => [
      h('dt', { text: FIELD_NAMES[n] || label(n) }),
      h('dd', { 'data-field': n, text: DATE_FIELDS.includes(n) ? `${day(fields[n])}` : String(fields[n]) })])));
}

/**
 * Staff: correct the fields. Sends only what changed (an emptied field as null); a typed Aadhaar number is sent
 * whole and never kept on the page.
 * @returns {{element: HTMLElement, set: function(object): void}} set: shows a document's fields (keeps what staff
 *   are typing unless the fields themselves changed)
 */
export function correctionForm(path, updated) {
  const message = h('p', { id: 'fix-message' });
  let current = {};
  let lastShown = null;
  const inputs = {};
  for (const name of TEXT_FIELDS) {
    inputs[name] = h('input', { id: 'fix-' + name, name, type: 'text', autocomplete: 'off',
      autocapitalize: name === 'name' ? 'words' : 'characters', maxlength: '200' });
  }
  for (const name of DATE_FIELDS) {
    inputs[name] = h('input', { id: 'fix-' + name, name, type: 'date' });
  }
  const aadhaar = h('input', { id: 'fix-aadhaar', name: 'aadhaar', type: 'text', inputmode: 'numeric',
    autocomplete: 'off', maxlength: '14' });
  const form = h('form', { id: 'fix-form', class: 'stack', novalidate: true },
    ...TEXT_FIELDS.flatMap((n) => field(FIELD_NAMES[n], inputs[n])),
    ...field('Aadhaar number (type the full number to correct it; only its last 4 digits are kept)', aadhaar),
    ...DATE_FIELDS.flatMap((n) => field(FIELD_NAMES[n], inputs[n])),
    h('button', { id: 'fix-save', type: 'submit', text: 'Save the corrections' }), message);
  submitForm(form, {
    message,
    prefix: 'fix-',
    send: () => {
      const changes = {};
      for (const [name, input] of Object.entries(inputs)) {
        const value = input.value.trim();
        if (value !== (current[name] || '')) {
          changes[name] = value === '' ? null : (TEXT_FIELDS.includes(name) && name !== 'name'
            ? value.toUpperCase() : value);
        }
      }
      if (aadhaar.value.trim()) {
        changes.aadhaar = aadhaar.value.replace(/\s+/g, '');
      }
      if (Object.keys(changes).length === 0) {
        throw new Error('Nothing was changed.');
      }
      return api(path + '/fields', { method: 'PATCH', json: changes });
    },
    done: (d) => {
      aadhaar.value = '';
      updated(d);
      return 'Corrections saved.';
    },
  });
  return {
    element: h('details', { id: 'fix-details', class: 'fix-details' }, h('summary', { text: 'Correct the fields' }),
      form),
    set(fields) {
      const shown = JSON.stringify(fields);
      if (shown === lastShown) {
        return;
      }
      lastShown = shown;
      current = {};
      for (const [name, input] of Object.entries(inputs)) {
        const value = typeof fields[name] === 'string' ? fields[name] : '';
        current[name] = value;
        input.value = value;
      }
    },
  };
}
