// Seva portal: payout runs (#/payouts; admins and managers): run a period (idempotent), the runs, each run's payouts
// and its bank file.
import { api } from '/assets/api.js';
import { field, h, replace } from '/assets/dom.js';
import {
  card, heading, label, money, pagedList, render, showDone, showError, submitForm, table,
} from '../../shell.js';
import { unavailable } from './common.js';

const TITLE = 'Payout runs';

function runTable(items, message, slot) {
  return table('payout-run-list', ['Period end', 'Status', 'Payouts', 'Net paid', ''], items.map((r) => {
    const see = h('button', { type: 'button', class: 'secondary', 'aria-label': `See the payouts of ${r.periodEnd}`,
      text: 'See payouts', onclick: () => showRun(r.id, message, slot) });
    return h('tr', { 'data-run-id': r.id }, h('td', { text: r.periodEnd || '' }), h('td', { text: label(r.status) }),
      h('td', { text: String(r.payoutCount ?? '') }), h('td', { text: money(r.netPaise) }),
      h('td', {}, see, ' ', h('a', { href: `/api/v1/payout-runs/${encodeURIComponent(r.id)}/bank-file`,
        download: '', class: 'button secondary', text: 'Bank file' })));
  }), { empty: 'No payout runs yet.' });
}

async function showRun(id, message, slot) {
  try {
    const run = await api(`/payout-runs/${encodeURIComponent(id)}`);
    const payouts = run.payouts || run.items || [];
    replace(slot, h('h3', { id: 'payouts-title', tabindex: '-1', text: `Payouts of ${run.periodEnd}` }),
      table('payout-list', ['Agent', 'Gross', 'TDS', 'Net', 'Reference'], payouts.map((p) => h('tr', {},
        h('td', { text: p.agentName || p.agentId }), h('td', { text: money(p.grossPaise) }),
        h('td', { text: money(p.tdsPaise) }), h('td', { text: money(p.netPaise) }),
        h('td', { text: p.reference || '' }))), { empty: 'Nobody was due a payout.' }));
    slot.querySelector('h3').focus();
  } catch (e) {
    showError(message, e);
  }
}

export async function payoutsPage(ticket) {
  const message = h('p', { id: 'payouts-message' });
  const slot = h('div', { id: 'payout-detail' });
  const list = pagedList({ path: '/payout-runs', id: 'payout-run', one: 'run', many: 'runs',
    table: (items) => runTable(items, message, slot) });
  try {
    await list.load(0);
  } catch (e) {
    render(ticket, heading(TITLE), unavailable('payouts-unavailable', TITLE, e));
    return;
  }
  const form = h('form', { id: 'payout-form', class: 'stack', novalidate: true },
    ...field('Period end', h('input', { id: 'payout-periodEnd', name: 'periodEnd', type: 'date', required: true })),
    h('button', { id: 'payout-run', type: 'submit', text: 'Run payouts' }));
  submitForm(form, {
    message,
    prefix: 'payout-',
    send: () => api('/payout-runs', { method: 'POST', json: { periodEnd: form.elements.periodEnd.value } }),
    done: async (run) => {
      showDone(message, `Payout run for ${run.periodEnd} done.`);
      await list.reload();
      await showRun(run.id, message, slot);
    },
  });
  render(ticket, heading(TITLE),
    card('run-title', 'Run payouts',
      h('p', { class: 'muted', text: 'Pays every agent\'s balance past its hold up to the period end, withholding'
        + ' TDS; running the same period again changes nothing.' }), form),
    card('runs-title', 'Runs', message, ...list.element, slot));
}
