// Seva portal: the firm's leads (#/leads?stage=…, staff): the newest 200, assigned to an agent from the list, and
// converted into a client (an entity of a type from GET /entity-types, and a client user when the lead has an
// e-mail).
import { api } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';
import {
  card, entityTypes, heading, label, render, routeQuery, showDone, showError, submitForm, table,
} from '../../shell.js';
import { STAGES, unavailable } from './common.js';

export async function leadsPage(ticket) {
  const message = h('p', { id: 'leads-message' });
  const [agents, types] = await Promise.all([api('/agents?size=200').then((p) => p.items || [], () => []),
    entityTypes()]);
  const stage = routeQuery().get('stage') || '';
  const slot = h('div', { id: 'lead-slot' });
  const count = h('p', { id: 'lead-count', class: 'muted' });
  const load = async () => {
    const page = await api(`/leads?size=200${stage ? `&stage=${encodeURIComponent(stage)}` : ''}`);
    const items = page.items || [];
    const total = typeof page.total === 'number' ? page.total : items.length;
    count.textContent = total > items.length ? `The newest ${items.length} of ${total} leads.` : `${total} leads.`;
    replace(slot, table('lead-list', ['Name', 'Company', 'Stage', 'Source', 'Agent', ''],
      items.map((l) => leadRow(l, { agents, types, message, reload: load })), { empty: 'No leads.' }));
  };
  const filter = h('select', { id: 'leads-stage', 'aria-label': 'Show the leads of the stage' },
    h('option', { value: '', text: 'Every stage' }), ...STAGES.map((s) => h('option', { value: s, text: label(s),
      selected: s === stage })));
  filter.addEventListener('change', () => {
    location.hash = filter.value ? `#/leads?stage=${filter.value}` : '#/leads';
  });
  let body;
  try {
    await load();
    body = [count, slot];
  } catch (e) {
    body = [unavailable('leads-unavailable', 'Leads', e)];
  }
  render(ticket, heading('Leads'), card('leads-title', "The firm's leads", filter, message, ...body));
}

function leadRow(l, { agents, types, message, reload }) {
  const cells = [h('td', { text: l.name }), h('td', { text: l.companyName || '' }),
    h('td', { class: 'lead-stage', text: label(l.stage) }), h('td', { text: label(l.source) })];
  if (l.stage === 'CONVERTED' || l.stage === 'LOST') {
    return h('tr', { 'data-lead-id': l.id }, ...cells, h('td', { text: l.agentName || '' }), h('td', {}));
  }
  const assign = h('select', { 'aria-label': `Agent of ${l.name}`, 'data-action': 'assign' },
    h('option', { value: '', text: 'Unassigned' }),
    ...agents.map((a) => h('option', { value: a.id, text: a.name, selected: a.id === l.agentId })));
  assign.addEventListener('change', async () => {
    try {
      await api(`/leads/${encodeURIComponent(l.id)}`, { method: 'PATCH', json: { agentId: assign.value } });
      showDone(message, `${l.name} assigned.`);
    } catch (e) {
      showError(message, e);
    }
  });
  const convert = h('button', { type: 'button', class: 'secondary', 'data-action': 'convert',
    'aria-label': `Convert ${l.name}`, text: 'Convert' });
  const legal = h('input', { id: `convert-name-${l.id}`, type: 'text', maxlength: '300',
    value: l.companyName || l.name });
  const type = h('select', { id: `convert-type-${l.id}` }, ...types.options());
  const form = h('form', { class: 'inline-form convert-form', hidden: true },
    h('label', { for: legal.id, text: 'Legal name' }), legal, h('label', { for: type.id, text: 'Type' }), type,
    h('button', { type: 'submit', text: 'Create the client' }));
  convert.addEventListener('click', () => {
    form.hidden = !form.hidden;
    if (!form.hidden) {
      legal.focus();
    }
  });
  submitForm(form, {
    message,
    send: () => api(`/leads/${encodeURIComponent(l.id)}/convert`, { method: 'POST', json: {
      entity: { legalName: legal.value.trim(), type: type.value }, createClientUser: Boolean(l.email) } }),
    done: async () => {
      await reload();
      return `${l.name} converted to a client.`;
    },
  });
  return h('tr', { 'data-lead-id': l.id }, ...cells, h('td', {}, assign), h('td', {}, convert, form));
}
