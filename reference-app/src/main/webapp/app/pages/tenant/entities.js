// Seva portal: the entities the user may see; staff also create them (the types come from GET /entity-types).
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  card, entityTypes, heading, isStaff, pagedList, render, submitForm, table,
} from '../../shell.js';

export async function entitiesPage(ticket) {
  const types = await entityTypes();
  const list = pagedList({ path: '/entities', id: 'entity', one: 'entity', many: 'entities',
    table: (items) => entityTable(items, types) });
  await list.load(0);
  render(ticket, heading('Entities'),
    card('list-title', isStaff() ? "The firm's entities" : 'Your entities', ...list.element),
    isStaff() ? entityForm(list, types) : null);
}

function entityTable(items, types) {
  return table('entity-list', ['Legal name', 'Type', 'PAN', 'GSTIN', 'State'], items.map((e) => h('tr',
    { 'data-entity-id': e.id },
    h('td', { text: e.legalName }), h('td', { text: types.name(e.type) }), h('td', { text: e.pan || '' }),
    h('td', { text: e.gstin || '' }), h('td', { text: e.state || '' }))), { empty: 'No entities yet.' });
}

const FIELDS = ['legalName', 'type', 'pan', 'gstin', 'cin', 'llpin', 'state', 'address'];
const AS_TYPED = ['legalName', 'type', 'address']; // the others are identifiers, sent in capitals

function entityForm(list, types) {
  const message = h('p', { id: 'entity-message' });
  const input = (id, attrs = {}) => h('input', { id: 'entity-' + id, name: id, type: 'text', ...attrs });
  const form = h('form', { id: 'entity-form', class: 'stack', novalidate: true },
    ...field('Legal name', input('legalName', { required: true, maxlength: '200', autocomplete: 'organization' })),
    ...field('Type', h('select', { id: 'entity-type', name: 'type', required: true }, ...types.options())),
    ...field('PAN (optional)', input('pan', { maxlength: '10', autocapitalize: 'characters' })),
    ...field('GSTIN (optional)', input('gstin', { maxlength: '15', autocapitalize: 'characters' })),
    ...field('CIN (optional)', input('cin', { maxlength: '21', autocapitalize: 'characters' })),
    ...field('LLPIN (optional)', input('llpin', { maxlength: '8', autocapitalize: 'characters' })),
    ...field('State code (optional, e.g. 27)', input('state', { maxlength: '2', inputmode: 'numeric' })),
    ...field('Address (optional)', h('textarea', { id: 'entity-address', name: 'address', maxlength: '500' })),
    h('button', { id: 'entity-create', type: 'submit', text: 'Create entity' }),
    message);
  submitForm(form, {
    message,
    prefix: 'entity-',
    send: () => {
      const body = {};
      for (const name of FIELDS) {
        const value = form.elements[name].value.trim();
        if (value) {
          body[name] = AS_TYPED.includes(name) ? value : value.toUpperCase();
        }
      }
      return api('/entities', { method: 'POST', json: body });
    },
    done: async (created) => {
      form.reset();
      await list.reload();
      return `Created ${created.legalName}.`;
    },
  });
  return card('new-entity-title', 'New entity', form);
}
