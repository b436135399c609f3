// Seva portal: the payments set-up (tenant admins): Razorpay keys (secrets are write-only: the page only says "set"),
// the firm's GST state, GSTIN and invoice prefix; failing reconciliation checks, payments on voided invoices, and
// the webhook log.
import { api, ApiError } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  card, has, heading, isCurrent, label, money, notAllowed, pagedList, render, routeQuery, statusBadge, submitForm,
  table, when,
} from '../../shell.js';
import { STATES, stateName } from './common.js';

const WEBHOOK_STATUSES = ['RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED'];
const SETTINGS = ['keyId', 'keySecret', 'webhookSecret', 'stateCode', 'gstin', 'invoicePrefix'];

export async function setupPage(ticket) {
  const title = 'Payments set-up';
  if (!has('TENANT_ADMIN')) {
    notAllowed(ticket, title); // the API refuses anyway (403)
    return;
  }
  const settings = await api('/tenant/payment-settings').catch((e) => {
    if (e instanceof ApiError && e.status === 404) {
      return null; // not set up yet
    }
    throw e;
  });
  const status = routeQuery().get('webhooks') || '';
  const log = pagedList({ path: '/webhooks/razorpay/events', params: WEBHOOK_STATUSES.includes(status)
    ? { status } : {}, id: 'webhook', one: 'event', many: 'events', table: webhookTable });
  const [, failures, unapplied] = await Promise.all([log.load(0), api('/payments/reconciliation/failures'),
    api('/payments/reconciliation/unapplied')]);
  if (!isCurrent(ticket)) {
    return;
  }
  const filter = h('select', { id: 'webhook-status-filter' }, h('option', { value: '', text: 'All' }),
    ...WEBHOOK_STATUSES.map((s) => h('option', { value: s, text: label(s), selected: s === status })));
  filter.addEventListener('change', () => {
    location.hash = '#/payments' + (filter.value ? `?webhooks=${filter.value}` : '');
  });
  const invoiceLink = (id, number) => (id ? h('a', { href: `#/invoices/${encodeURIComponent(id)}`,
    text: number || 'Invoice' }) : '');
  render(ticket, heading(title),
    settingsForm(settings),
    card('reconcile-title', 'Reconciliation problems',
      h('p', { class: 'muted', text: 'Unpaid orders are checked with Razorpay in the background in case a webhook '
        + 'is missed. Checks that fail are listed here until they succeed.' }),
      failures.length === 0
        ? h('p', { id: 'reconcile-failures', class: 'success', text: 'No failing checks.' })
        : table('reconcile-failures', ['Order', 'Invoice', 'Status', 'Attempts', 'Next attempt', 'Error'],
          failures.map((f) => h('tr', { class: 'failed' }, h('td', {}, h('code', { text: f.orderId || '' })),
            h('td', {}, invoiceLink(f.invoiceId, f.invoiceNumber)),
            h('td', { text: f.status === 'FAILED' ? 'Given up' : 'Retrying' }), h('td', { text: String(f.attempts) }),
            h('td', { text: when(f.nextAttemptAt) }), h('td', { class: 'error', text: f.lastError || '' })))),
      h('h3', { id: 'unapplied-title', text: 'Payments on voided invoices' }),
      h('p', { class: 'muted', text: 'Money a client paid after the invoice was voided. It pays nothing and earns no '
        + 'commission; refund it from the invoice.' }),
      unapplied.length === 0
        ? h('p', { id: 'unapplied-payments', class: 'success', text: 'None.' })
        : table('unapplied-payments', ['Payment', 'Invoice', 'Amount', 'Refunded', 'Refund pending', 'To refund'],
          unapplied.map((u) => h('tr', { class: u.refundDuePaise > 0 ? 'failed' : null },
            h('td', {}, h('code', { text: u.paymentId })), h('td', {}, invoiceLink(u.invoiceId, u.invoiceNumber)),
            h('td', { text: money(u.amountPaise) }), h('td', { text: money(u.refundedPaise) }),
            h('td', { text: money(u.refundPendingPaise) }), h('td', { text: money(u.refundDuePaise) }))))),
    card('webhooks-title', 'Webhook log',
      h('p', { class: 'muted', text: 'What Razorpay sent, newest first. Failed events are retried; the error says '
        + 'why.' }),
      h('div', { class: 'filters' }, h('label', { for: 'webhook-status-filter', text: 'Status' }), filter),
      ...log.element));
}

function webhookTable(items) {
  return table('webhook-list', ['Received', 'Event', 'Status', 'Attempts', 'Duplicates', 'Error'], items.map((w) =>
    h('tr', { class: w.status === 'FAILED' ? 'failed' : null, 'data-event-id': w.eventId },
      h('td', { text: when(w.receivedAt) }), h('td', { text: w.eventType }),
      h('td', {}, statusBadge(w.status)), h('td', { text: String(w.attempts) }),
      h('td', { text: String(w.duplicates) }), h('td', { class: w.lastError ? 'error' : null,
        text: w.lastError || '' }))), { empty: 'No webhook events.' });
}

function settingsForm(s) {
  const message = h('p', { id: 'settings-message' });
  const input = (id, value, attrs = {}) => h('input', { id: 'settings-' + id, name: id, type: 'text',
    autocomplete: 'off', value: value || '', ...attrs });
  const state = (id, set) => h('span', { id: `settings-${id}-state`, class: set ? 'success' : 'muted',
    text: set ? 'set' : 'not set' });
  const secret = (id, name, set) => [h('p', {}, `${name}: `, state(id, set)),
    ...field(set ? `New ${name.toLowerCase()} (leave empty to keep it)` : name,
      input(id, '', { type: 'password', autocomplete: 'new-password' }))];
  const form = h('form', { id: 'settings-form', class: 'stack', novalidate: true },
    ...field('Razorpay key id (rzp_live_… or rzp_test_…)', input('keyId', s && s.keyId, { required: true })),
    ...secret('keySecret', 'Key secret', s && s.keySecretSet),
    ...secret('webhookSecret', 'Webhook secret', s && s.webhookSecretSet),
    ...field("Firm's GST state", h('select', { id: 'settings-stateCode', name: 'stateCode' },
      h('option', { value: '', text: 'From the GSTIN' }),
      ...Object.keys(STATES).sort().map((c) => h('option', { value: c, text: stateName(c),
        selected: Boolean(s) && s.stateCode === c })))),
    ...field('GSTIN (optional)', input('gstin', s && s.gstin, { maxlength: '15', autocapitalize: 'characters' })),
    ...field('Invoice number prefix (optional, up to 5 of A-Z 0-9)', input('invoicePrefix',
      s && s.invoicePrefix, { maxlength: '5', autocapitalize: 'characters' })),
    h('button', { id: 'settings-save', type: 'submit', text: 'Save' }), message);
  submitForm(form, {
    message,
    prefix: 'settings-',
    send: () => {
      const body = {};
      for (const name of SETTINGS) {
        const value = name.endsWith('Secret') ? form.elements[name].value : form.elements[name].value.trim();
        if (value) {
          body[name] = name === 'gstin' || name === 'invoicePrefix' ? value.toUpperCase() : value;
        }
      }
      return api('/tenant/payment-settings', { method: 'PUT', json: body });
    },
    done: (saved) => {
      form.elements.keySecret.value = '';
      form.elements.webhookSecret.value = '';
      for (const [id, set] of [['keySecret', saved.keySecretSet], ['webhookSecret', saved.webhookSecretSet]]) {
        form.querySelector(`#settings-${id}-state`).replaceWith(state(id, set));
      }
      form.elements.invoicePrefix.value = saved.invoicePrefix || '';
      return 'Saved. The secrets are stored encrypted and are never shown again.';
    },
  });
  return card('settings-title', 'Razorpay account and GST',
    h('p', { class: 'muted', text: 'Payments go to the firm\'s own Razorpay account. Point its webhook at '
      + `${location.origin}/api/v1/webhooks/razorpay with the webhook secret below.` }),
    form);
}
