// Seva portal: one invoice (#/invoices/{id}): its GST split, payments and refunds, the printable copies, and what
// the user may do with it: pay (Razorpay Checkout), issue a draft, void, refund.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  act, card, has, heading, invalid, isStaff, label, money, render, showDone, statusBadge, submitForm, table, when,
} from '../../shell.js';
import { pay } from './checkout.js';
import { CAN_PAY, CAN_REFUND, stateName, toPaise } from './common.js';

export async function invoicePage(ticket, { id }) {
  showInvoice(ticket, await api('/invoices/' + encodeURIComponent(id)), null);
}

const sum = (list) => list.reduce((total, x) => total + x.amountPaise, 0);

function amount(id, paise) {
  return h('span', { id, class: 'money', text: money(paise) });
}

/** Shows an invoice; {@code note} is a success message to show on top (after paying, refunding...). */
function showInvoice(ticket, inv, note) {
  const message = h('p', { id: 'invoice-action-message' });
  if (note) {
    showDone(message, note);
  }
  const again = (updated, text) => showInvoice(ticket, updated, text);
  const payments = inv.payments || [];
  const refunds = inv.refunds || [];
  const pending = sum(refunds.filter((r) => r.status === 'REQUESTED' || r.status === 'PENDING'));
  // a voided invoice may still hold money a client paid after the void (UNAPPLIED): it is owed back
  const unapplied = sum(payments.filter((p) => p.status === 'UNAPPLIED'));
  const refundable = inv.status === 'VOID'
    ? Math.max(0, unapplied - sum(refunds.filter((r) => r.status === 'PROCESSED')) - pending)
    : Math.max(0, inv.paidPaise - inv.refundedPaise - pending);
  const rows = [
    ['Status', statusBadge(inv.status, { id: 'invoice-status' })],
    ['Entity', h('span', { id: 'invoice-entity', text: inv.entityName + (inv.entityGstin
      ? ` (GSTIN ${inv.entityGstin})` : '') })],
    ['Place of supply', h('span', { id: 'invoice-pos', text: stateName(inv.placeOfSupply)
      + (inv.interState ? ' (inter-state: IGST)' : ' (intra-state: CGST + SGST)') })],
    ['Taxable value', amount('invoice-taxable', inv.taxablePaise)],
    ['CGST', amount('invoice-cgst', inv.cgstPaise)],
    ['SGST', amount('invoice-sgst', inv.sgstPaise)],
    ['IGST', amount('invoice-igst', inv.igstPaise)],
    ['Total', amount('invoice-total', inv.totalPaise)],
    ['Paid', amount('invoice-paid', inv.paidPaise)],
    ['Refunded', amount('invoice-refunded', inv.refundedPaise)],
    ['Due', amount('invoice-due', inv.duePaise)],
  ];
  if (inv.issuedAt) {
    rows.push(['Issued', h('span', { text: when(inv.issuedAt) })]);
  }
  const base = '/api/v1/invoices/' + encodeURIComponent(inv.id);
  const cell = (text, cls) => h('td', { class: cls || null, text });
  render(ticket,
    h('p', {}, h('a', { href: '#/invoices', text: '← All invoices' })),
    heading(inv.number ? `Invoice ${inv.number}` : 'Draft invoice', 'invoice-title'),
    message,
    card('summary-title', 'Summary',
      h('dl', { class: 'invoice-summary' }, ...rows.map(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)])),
      h('p', { class: 'documents' },
        h('a', { id: 'invoice-html', href: base + '/html', target: '_blank', rel: 'noopener',
          text: 'Printable invoice' }),
        ' · ',
        h('a', { id: 'invoice-pdf', href: base + '/pdf', target: '_blank', rel: 'noopener', text: 'PDF' })),
      actions(inv, message, again)),
    card('lines-title', 'Lines',
      table('invoice-lines-table', ['#', 'Description', 'SAC', 'Amount', 'GST rate', 'CGST', 'SGST', 'IGST'],
        (inv.lines || []).map((l) => h('tr', {}, cell(String(l.lineNo)), cell(l.description), cell(l.sac || ''),
          cell(money(l.amountPaise), 'money'), cell(`${l.gstRatePercent}%`), cell(money(l.cgstPaise), 'money'),
          cell(money(l.sgstPaise), 'money'), cell(money(l.igstPaise), 'money'))))),
    card('payments-title', 'Payments',
      table('invoice-payments', ['Payment', 'Amount', 'Status', 'Recorded from', 'When'], payments.map((p) => h('tr',
        {}, h('td', {}, h('code', { text: p.razorpayPaymentId })), cell(money(p.amountPaise), 'money'),
        cell(label(p.status)), cell(label(p.source)), cell(when(p.capturedAt)))), { empty: 'No payments yet.' })),
    card('refunds-title', 'Refunds',
      table('invoice-refunds', ['Refund', 'Amount', 'Status', 'Reason', 'Requested'], refunds.map((r) => h('tr',
        { 'data-refund-status': r.status }, h('td', {}, h('code', { text: r.razorpayRefundId || r.id })),
        cell(money(r.amountPaise), 'money'), cell(label(r.status)), cell(r.reason || ''), cell(when(r.createdAt)))),
      { empty: 'No refunds.' })),
    CAN_REFUND.some(has) && (inv.status === 'PAID' || inv.status === 'PARTIALLY_REFUNDED'
      || (inv.status === 'VOID' && unapplied > 0)) ? refundForm(inv, refundable, again) : null);
}

function actions(inv, message, again) {
  const path = `/invoices/${encodeURIComponent(inv.id)}`;
  const button = (id, text, action, cls) => act(h('button', { id, type: 'button', class: cls || null, text }),
    { message, ...action });
  const buttons = [];
  if (inv.status === 'ISSUED' && inv.duePaise > 0 && CAN_PAY.some(has)) {
    buttons.push(button('invoice-pay', `Pay ${money(inv.duePaise)}`, { send: () => pay(inv, message, again) }));
  }
  if (inv.status === 'DRAFT' && isStaff()) {
    buttons.push(button('invoice-issue', 'Issue', {
      send: () => api(`${path}/issue`, { method: 'POST', json: {} }),
      done: (updated) => again(updated, `Issued as ${updated.number}.`),
    }));
  }
  if ((inv.status === 'DRAFT' || (inv.status === 'ISSUED' && inv.paidPaise === 0)) && CAN_REFUND.some(has)) {
    buttons.push(button('invoice-void', 'Void', {
      send: () => (window.confirm('Void this invoice? It can no longer be paid.')
        ? api(`${path}/void`, { method: 'POST', json: {} }) : null),
      done: (updated) => (updated ? again(updated, 'The invoice is void.') : undefined),
    }, 'secondary'));
  }
  return buttons.length === 0 ? null : h('div', { class: 'actions' }, ...buttons);
}

// --- refunds (TENANT_ADMIN, MANAGER) -----------------------------------------------------------------------------

function refundForm(inv, refundable, again) {
  const path = `/invoices/${encodeURIComponent(inv.id)}`;
  const message = h('p', { id: 'refund-message' });
  const input = h('input', { id: 'refund-amountPaise', name: 'amount', type: 'text', inputmode: 'decimal',
    required: true, value: `${Math.floor(refundable / 100)}.${String(refundable % 100).padStart(2, '0')}` });
  const form = h('form', { id: 'refund-form', class: 'stack', novalidate: true },
    h('p', {}, 'Refundable now: ', amount('refund-refundable', refundable)),
    ...field('Amount to refund (₹)', input),
    ...field('Reason (optional)', h('input', { id: 'refund-reason', name: 'reason', type: 'text',
      maxlength: '500' })),
    h('button', { id: 'refund-submit', type: 'submit', text: 'Refund' }), message);
  submitForm(form, {
    message,
    prefix: 'refund-',
    send: async () => {
      const paise = toPaise(input.value);
      if (paise === null || paise <= 0 || paise > refundable) {
        throw invalid([{ field: 'amountPaise', message: `Type an amount up to ${money(refundable)}, with at most `
          + 'two decimals.' }]);
      }
      const body = { amountPaise: paise };
      if (form.elements.reason.value.trim()) {
        body.reason = form.elements.reason.value.trim();
      }
      const refund = await api(`${path}/refunds`, { method: 'POST', json: body });
      return { refund, updated: await api(path) };
    },
    done: ({ refund, updated }) => again(updated, `Refund of ${money(refund.amountPaise)} ${refund.status
      === 'PROCESSED' ? 'processed' : 'requested (Razorpay confirms it later)'}.`),
  });
  return card('refund-title', 'Refund',
    refundable > 0 ? form : h('p', { class: 'muted', text: 'Nothing is left to refund.' }));
}
