// Seva portal: invoices (#/invoices?status=…): clients see their entities' invoices, staff all of the firm's, a page
// at a time; staff also make new ones (entity, place of supply, lines with SAC, amount in rupees and GST rate).
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  card, heading, invalid, isStaff, label, money, pagedList, render, routeQuery, showDone, statusBadge, submitForm,
  table, when,
} from '../../shell.js';
import { STATES, STATUSES, stateName, toPaise } from './common.js';

const GST_RATES = ['18', '12', '5', '28', '0'];

export async function invoicesPage(ticket) {
  const status = routeQuery().get('status') || '';
  const list = pagedList({ path: '/invoices', params: STATUSES.includes(status) ? { status } : {}, id: 'invoice',
    one: 'invoice', many: 'invoices', table: invoiceTable });
  await list.load(0);
  const filter = h('select', { id: 'invoice-status-filter', name: 'status' },
    h('option', { value: '', text: 'All' }),
    ...STATUSES.map((s) => h('option', { value: s, text: label(s), selected: s === status })));
  filter.addEventListener('change', () => {
    location.hash = '#/invoices' + (filter.value ? `?status=${filter.value}` : '');
  });
  render(ticket, heading('Invoices'),
    card('invoices-title', isStaff() ? "The firm's invoices" : 'Your invoices',
      h('div', { class: 'filters' }, h('label', { for: 'invoice-status-filter', text: 'Status' }), filter),
      ...list.element),
    isStaff() ? await invoiceForm(list) : null);
}

function invoiceTable(items) {
  return table('invoice-list', ['Number', 'Entity', 'Status', 'Total', 'Due', 'Issued'], items.map((i) => h('tr',
    { 'data-invoice-id': i.id },
    h('td', {}, h('a', { href: `#/invoices/${encodeURIComponent(i.id)}`, text: i.number || 'Draft' })),
    h('td', { text: i.entityName || '' }), h('td', {}, statusBadge(i.status)),
    h('td', { class: 'money', text: money(i.totalPaise) }), h('td', { class: 'money', text: money(i.duePaise) }),
    h('td', { text: when(i.issuedAt) }))), { empty: 'No invoices.' });
}

/** One line's fields; ids are renumbered before sending (the API names fields by position among the lines sent). */
function lineFields(n, lines) {
  const id = (f) => `invoice-lines[${n}].${f}`;
  const remove = h('button', { type: 'button', class: 'secondary', text: 'Remove line',
    'aria-label': `Remove line ${n + 1}` });
  const set = h('fieldset', { class: 'invoice-line', 'data-line': String(n) },
    h('legend', { text: `Line ${n + 1}` }),
    ...field('Description', h('input', { id: id('description'), type: 'text', required: true,
      maxlength: '500', 'data-field': 'description' })),
    ...field('SAC (optional, e.g. 998231)', h('input', { id: id('sac'), type: 'text', inputmode: 'numeric',
      maxlength: '8', 'data-field': 'sac' })),
    ...field('Amount before GST (₹)', h('input', { id: id('amountPaise'), type: 'text', inputmode: 'decimal',
      required: true, placeholder: '1000.00', 'data-field': 'amount' })),
    ...field('GST rate', h('select', { id: id('gstRatePercent'), 'data-field': 'rate' },
      ...GST_RATES.map((r) => h('option', { value: r, text: `${r}%` })))),
    remove);
  remove.addEventListener('click', () => {
    if (lines.querySelectorAll('fieldset.invoice-line').length > 1) {
      set.remove();
    }
  });
  return set;
}

/** Gives the lines' fields the ids of their position: invoice-lines[i].amountPaise and so on. */
function renumber(lines) {
  lines.querySelectorAll('fieldset.invoice-line').forEach((set, i) => {
    set.querySelectorAll('[data-field]').forEach((input) => {
      const suffix = input.id.slice(input.id.indexOf('].') + 2);
      input.id = `invoice-lines[${i}].${suffix}`;
      input.setAttribute('aria-describedby', input.id + '-error');
      const err = input.nextElementSibling;
      if (err && err.classList.contains('field-error')) {
        err.id = input.id + '-error';
      }
      const lab = input.previousElementSibling;
      if (lab && lab.tagName === 'LABEL') {
        lab.setAttribute('for', input.id);
      }
    });
  });
}

async function invoiceForm(list) {
  const page = await api('/entities?page=0&size=200');
  const entities = page.items || [];
  if (entities.length === 0) {
    return card('new-invoice-title', 'New invoice',
      h('p', { class: 'muted', text: 'Create an entity first: invoices are made out to an entity.' }));
  }
  const message = h('p', { id: 'invoice-message' });
  const lines = h('div', { id: 'invoice-lines', class: 'invoice-lines' });
  let count = 0;
  const addLine = () => lines.appendChild(lineFields(count++, lines));
  addLine();
  const entity = h('select', { id: 'invoice-entityId', name: 'entityId', required: true },
    h('option', { value: '', text: 'Choose an entity' }),
    ...entities.map((e) => h('option', { value: e.id, 'data-state': e.state || '',
      text: e.legalName + (e.state ? ` (${stateName(e.state)})` : '') })));
  const pos = h('select', { id: 'invoice-placeOfSupply', name: 'placeOfSupply' },
    h('option', { value: '', text: "The entity's state" }),
    ...Object.keys(STATES).sort().map((c) => h('option', { value: c, text: stateName(c) })));
  const form = h('form', { id: 'invoice-form', class: 'stack', novalidate: true },
    ...field('Entity', entity),
    ...field('Place of supply', pos),
    lines,
    h('button', { id: 'invoice-add-line', type: 'button', class: 'secondary', text: 'Add a line', onclick: addLine }),
    h('label', {}, h('input', { id: 'invoice-draft', name: 'draft', type: 'checkbox' }),
      ' Save as a draft (numbered when issued)'),
    h('button', { id: 'invoice-create', type: 'submit', text: 'Create invoice' }), message);
  submitForm(form, {
    message,
    prefix: 'invoice-',
    send: () => {
      renumber(lines);
      const local = entity.value ? [] : [{ field: 'entityId', message: 'Choose an entity.' }];
      const body = { entityId: entity.value, lines: [], draft: form.elements.draft.checked };
      if (pos.value) {
        body.placeOfSupply = pos.value;
      }
      lines.querySelectorAll('fieldset.invoice-line').forEach((set) => {
        const value = (f) => set.querySelector(`[data-field="${f}"]`);
        const paise = toPaise(value('amount').value);
        if (paise === null || paise <= 0) {
          local.push({ field: value('amount').id.replace(/^invoice-/, ''),
            message: 'Type an amount in rupees, with at most two decimals (for example 1180.50).' });
        }
        const line = { description: value('description').value.trim(), amountPaise: paise,
          gstRatePercent: Number(value('rate').value) };
        if (value('sac').value.trim()) {
          line.sac = value('sac').value.trim();
        }
        body.lines.push(line);
      });
      if (local.length > 0) {
        throw invalid(local);
      }
      return api('/invoices', { method: 'POST', json: body });
    },
    done: async (created) => {
      showDone(message, `Created ${created.number ? 'invoice ' + created.number : 'a draft'} for `
        + `${created.entityName}: ${money(created.totalPaise)}.`);
      message.append(' ', h('a', { id: 'invoice-created-link', href: `#/invoices/${encodeURIComponent(created.id)}`,
        text: 'Open it' }));
      await list.reload();
    },
  });
  return card('new-invoice-title', 'New invoice', form);
}
