// Seva portal: the firm's agents (#/agents; staff and auditors read, staff create): name, contact, PAN, parent
// agent and commission plan.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import { card, heading, isStaff, label, pagedList, render, submitForm, table } from '../../shell.js';

const FIELDS = ['name', 'email', 'phone', 'pan', 'parentAgentId', 'planId', 'userId'];

export async function agentsPage(ticket) {
  const list = pagedList({ path: '/agents', id: 'agent', one: 'agent', many: 'agents', table: agentTable });
  await list.load(0);
  render(ticket, heading('Agents'), card('agents-title', "The firm's agents", ...list.element),
    isStaff() ? await agentForm(list) : null);
}

function agentTable(items) {
  return table('agent-list', ['Name', 'E-mail', 'Referral code', 'Status'], items.map((a) => h('tr', {
    'data-agent-id': a.id },
  h('td', { text: a.name }), h('td', { text: a.email }), h('td', {}, h('code', { text: a.referralCode })),
  h('td', { text: label(a.status) }))), { empty: 'No agents yet.' });
}

async function agentForm(list) {
  const message = h('p', { id: 'agent-message' });
  let plans = [];
  let agents = [];
  try {
    [plans, agents] = await Promise.all([api('/commission-plans'), api('/agents?size=200').then((p) => p.items)]);
  } catch (e) {
    // the selects stay empty: the form still creates an agent without plan or parent
  }
  const input = (name, attrs = {}) => h('input', { id: 'agent-' + name, name, type: 'text', ...attrs });
  const form = h('form', { id: 'agent-form', class: 'stack', novalidate: true },
    ...field('Name', input('name', { required: true, maxlength: '200' })),
    ...field('E-mail', input('email', { type: 'email', required: true, maxlength: '254' })),
    ...field('Phone', input('phone', { type: 'tel', required: true, maxlength: '20' })),
    ...field('PAN (optional)', input('pan', { maxlength: '10', autocapitalize: 'characters' })),
    ...field('Parent agent (optional)', h('select', { id: 'agent-parentAgentId', name: 'parentAgentId' },
      h('option', { value: '', text: 'None' }), ...agents.map((a) => h('option', { value: a.id, text: a.name })))),
    ...field('Commission plan (optional)', h('select', { id: 'agent-planId', name: 'planId' },
      h('option', { value: '', text: 'The plan in force' }),
      ...plans.map((p) => h('option', { value: p.id, text: `${p.name} v${p.version}` })))),
    ...field('User id of the agent\'s sign-in (optional)', input('userId', { maxlength: '36' })),
    h('button', { id: 'agent-create', type: 'submit', text: 'Create agent' }), message);
  submitForm(form, {
    message,
    prefix: 'agent-',
    send: () => {
      const body = {};
      for (const name of FIELDS) {
        const value = form.elements[name].value.trim();
        if (value) {
          body[name] = name === 'pan' ? value.toUpperCase() : value;
        }
      }
      return api('/agents', { method: 'POST', json: body });
    },
    done: async (created) => {
      form.reset();
      await list.reload();
      return `Created ${created.name}, referral code ${created.referralCode}.`;
    },
  });
  return card('new-agent-title', 'New agent', form);
}
