// Seva portal: the payments pages. Invoices (clients see their entities' invoices, staff all of the firm's), an
// invoice with its GST split, payments and refunds, paying it through Razorpay Checkout (its script, from the URL the
// checkout answer names; the server's CSP allows exactly that origin), and the admin's payments set-up: Razorpay keys
// (secrets are write-only), the webhook log, failing reconciliation checks and payments on voided invoices. Amounts are paise (integers) end to
// end: rupees typed by staff are parsed as a decimal string, never through floating point.
import { api, ApiError } from '/assets/api.js';
import { clearFieldErrors, field, h, replace, showFieldErrors } from '/assets/dom.js';
import {
  has, isCurrent, isStaff, label, me, notAllowed, pagedList, render, routeParts, routeQuery, rupees, showDone,
  showError,
} from '../shell.js';

const STATUSES = ['DRAFT', 'ISSUED', 'PAID', 'PARTIALLY_REFUNDED', 'REFUNDED', 'VOID'];
const WEBHOOK_STATUSES = ['RECEIVED', 'PROCESSED', 'IGNORED', 'FAILED'];
const GST_RATES = ['18', '12', '5', '28', '0'];
/** GST state codes (the first two digits of a GSTIN). */
const STATES = {
  '01': 'Jammu and Kashmir', '02': 'Himachal Pradesh', '03': 'Punjab', '04': 'Chandigarh', '05': 'Uttarakhand',
  '06': 'Haryana', '07': 'Delhi', '08': 'Rajasthan', '09': 'Uttar Pradesh', 10: 'Bihar', 11: 'Sikkim',
  12: 'Arunachal Pradesh', 13: 'Nagaland', 14: 'Manipur', 15: 'Mizoram', 16: 'Tripura', 17: 'Meghalaya', 18: 'Assam',
  19: 'West Bengal', 20: 'Jharkhand', 21: 'Odisha', 22: 'Chhattisgarh', 23: 'Madhya Pradesh', 24: 'Gujarat',
  26: 'Dadra and Nagar Haveli and Daman and Diu', 27: 'Maharashtra', 29: 'Karnataka', 30: 'Goa', 31: 'Lakshadweep',
  32: 'Kerala', 33: 'Tamil Nadu', 34: 'Puducherry', 35: 'Andaman and Nicobar Islands', 36: 'Telangana',
  37: 'Andhra Pradesh', 38: 'Ladakh', 97: 'Other Territory',
};
const CAN_PAY = ['TENANT_ADMIN', 'MANAGER', 'STAFF', 'CLIENT'];
const CAN_REFUND = ['TENANT_ADMIN', 'MANAGER'];

/** The pages of this module (app.js spreads them into its ROUTES). */
export const ROUTES = {
  invoices: { title: 'Invoices', render: invoicesRoute, menu: () => Boolean(me.tenant) },
  payments: { title: 'Payments set-up', render: setupPage, menu: () => has('TENANT_ADMIN') },
};

/**
 * Parses rupees as typed ("1,180", "1180.5", "1180.50") into paise, exactly: the digits are read as a string.
 * @returns {number|null} paise, or null when the text is not an amount with at most two decimals
 */
export function toPaise(text) {
  const s = String(text || '').trim().replace(/[,\s]/g, '').replace(/^₹/, '');
  const m = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) {
    return null;
  }
  return Number(m[1]) * 100 + Number((m[2] || '').padEnd(2, '0'));
}

function stateName(code) {
  return code ? `${code} ${STATES[code] || ''}`.trim() : '';
}

function when(iso) {
  if (!iso) {
    return '';
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString('en-IN');
}

function statusBadge(status, id) {
  return h('span', { id, class: `status status-${String(status).toLowerCase()}`, 'data-status': status,
    text: label(status) });
}

function table(id, heads, rows) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    h('thead', {}, h('tr', {}, ...heads.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows)));
}

// --- invoices ----------------------------------------------------------------------------------------------------

function invoicesRoute(ticket) {
  const parts = routeParts();
  return parts.length > 1 ? invoicePage(ticket, parts[1]) : invoicesPage(ticket);
}

async function invoicesPage(ticket) {
  const status = routeQuery().get('status') || '';
  const path = '/invoices' + (STATUSES.includes(status) ? `?status=${status}` : '');
  const list = pagedList({ path, id: 'invoice', one: 'invoice', many: 'invoices', table: invoiceTable });
  await list.load(0);
  const filter = h('select', { id: 'invoice-status-filter', name: 'status' },
    h('option', { value: '', text: 'All' }),
    ...STATUSES.map((s) => h('option', { value: s, text: label(s), selected: s === status })));
  filter.addEventListener('change', () => {
    location.hash = '#/invoices' + (filter.value ? `?status=${filter.value}` : '');
  });
  const parts = [h('h1', { tabindex: '-1', text: 'Invoices' }),
    h('section', { class: 'card', 'aria-labelledby': 'invoices-title' },
      h('h2', { id: 'invoices-title', text: isStaff() ? "The firm's invoices" : 'Your invoices' }),
      h('div', { class: 'filters' }, h('label', { for: 'invoice-status-filter', text: 'Status' }), filter),
      list.element)];
  if (isStaff()) {
    parts.push(await invoiceForm(list));
  }
  render(ticket, ...parts);
}

function invoiceTable(items) {
  if (items.length === 0) {
    return h('p', { id: 'invoice-list', class: 'muted', text: 'No invoices.' });
  }
  return table('invoice-list', ['Number', 'Entity', 'Status', 'Total', 'Due', 'Issued'], items.map((i) => h('tr',
    { 'data-invoice-id': i.id },
    h('td', {}, h('a', { href: `#/invoices/${encodeURIComponent(i.id)}`, text: i.number || 'Draft' })),
    h('td', { text: i.entityName || '' }), h('td', {}, statusBadge(i.status)),
    h('td', { class: 'money', text: rupees(i.totalPaise) }), h('td', { class: 'money', text: rupees(i.duePaise) }),
    h('td', { text: when(i.issuedAt) }))));
}

async function allEntities() {
  const page = await api('/entities?page=0&size=200');
  return page.items || [];
}

async function invoiceForm(list) {
  const entities = await allEntities();
  const message = h('p', { id: 'invoice-message' });
  const lines = h('div', { id: 'invoice-lines', class: 'invoice-lines' });
  let count = 0;
  const addLine = () => {
    const n = count++;
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
    lines.appendChild(set);
  };
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
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const local = [];
    const body = { entityId: entity.value, lines: [], draft: form.elements.draft.checked };
    if (!entity.value) {
      local.push({ field: 'entityId', message: 'Choose an entity.' });
    }
    if (pos.value) {
      body.placeOfSupply = pos.value;
    }
    // the API names fields by position among the lines sent: renumber the ids first (lines may have been removed)
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
    lines.querySelectorAll('fieldset.invoice-line').forEach((set) => {
      const value = (f) => set.querySelector(`[data-field="${f}"]`);
      const amountInput = value('amount');
      const paise = toPaise(amountInput.value);
      if (paise === null || paise <= 0) {
        local.push({ field: amountInput.id.replace(/^invoice-/, ''),
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
      showFieldErrors(form, 'invoice-', local);
      showError(message, new Error('Check the marked fields.'));
      return;
    }
    try {
      const created = await api('/invoices', { method: 'POST', json: body });
      showDone(message, `Created ${created.number ? 'invoice ' + created.number : 'a draft'} for `
        + `${created.entityName}: ${rupees(created.totalPaise)}.`);
      message.appendChild(document.createTextNode(' '));
      message.appendChild(h('a', { id: 'invoice-created-link', href: `#/invoices/${encodeURIComponent(created.id)}`,
        text: 'Open it' }));
      await list.reload();
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'invoice-', e.fieldErrors) : [];
      showError(message, e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0
        ? new Error('Check the marked fields.') : e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-invoice-title' },
    h('h2', { id: 'new-invoice-title', text: 'New invoice' }),
    entities.length === 0
      ? h('p', { class: 'muted', text: 'Create an entity first: invoices are made out to an entity.' })
      : form);
}

async function invoicePage(ticket, id) {
  const inv = await api('/invoices/' + encodeURIComponent(id));
  showInvoice(ticket, inv, null);
}

/** Shows an invoice; {@code note} is a success message to show on top (after paying, refunding...). */
function showInvoice(ticket, inv, note) {
  const message = h('p', { id: 'invoice-action-message' });
  if (note) {
    showDone(message, note);
  }
  const again = (updated, text) => showInvoice(ticket, updated, text);
  const pending = (inv.refunds || []).filter((r) => r.status === 'REQUESTED' || r.status === 'PENDING')
    .reduce((sum, r) => sum + r.amountPaise, 0);
  // a voided invoice may still hold money a client paid after the void (UNAPPLIED): it is owed back
  const sum = (list) => list.reduce((total, x) => total + x.amountPaise, 0);
  const unapplied = sum((inv.payments || []).filter((p) => p.status === 'UNAPPLIED'));
  const refundable = inv.status === 'VOID'
    ? Math.max(0, unapplied - sum((inv.refunds || []).filter((r) => r.status === 'PROCESSED')) - pending)
    : Math.max(0, inv.paidPaise - inv.refundedPaise - pending);
  const rows = [
    ['Status', statusBadge(inv.status, 'invoice-status')],
    ['Entity', h('span', { id: 'invoice-entity', text: inv.entityName + (inv.entityGstin
      ? ` (GSTIN ${inv.entityGstin})` : '') })],
    ['Place of supply', h('span', { id: 'invoice-pos', text: stateName(inv.placeOfSupply)
      + (inv.interState ? ' (inter-state: IGST)' : ' (intra-state: CGST + SGST)') })],
    ['Taxable value', money('invoice-taxable', inv.taxablePaise)],
    ['CGST', money('invoice-cgst', inv.cgstPaise)],
    ['SGST', money('invoice-sgst', inv.sgstPaise)],
    ['IGST', money('invoice-igst', inv.igstPaise)],
    ['Total', money('invoice-total', inv.totalPaise)],
    ['Paid', money('invoice-paid', inv.paidPaise)],
    ['Refunded', money('invoice-refunded', inv.refundedPaise)],
    ['Due', money('invoice-due', inv.duePaise)],
  ];
  if (inv.issuedAt) {
    rows.push(['Issued', h('span', { text: when(inv.issuedAt) })]);
  }
  const base = '/api/v1/invoices/' + encodeURIComponent(inv.id);
  render(ticket,
    h('p', {}, h('a', { href: '#/invoices', text: '← All invoices' })),
    h('h1', { tabindex: '-1', id: 'invoice-title', text: inv.number ? `Invoice ${inv.number}` : 'Draft invoice' }),
    message,
    h('section', { class: 'card', 'aria-labelledby': 'summary-title' },
      h('h2', { id: 'summary-title', text: 'Summary' }),
      h('dl', { class: 'invoice-summary' }, ...rows.map(([k, v]) => [h('dt', { text: k }), h('dd', {}, v)])),
      h('p', { class: 'documents' },
        h('a', { id: 'invoice-html', href: base + '/html', target: '_blank', rel: 'noopener', text: 'Printable invoice' }),
        ' · ',
        h('a', { id: 'invoice-pdf', href: base + '/pdf', target: '_blank', rel: 'noopener', text: 'PDF' })),
      actions(inv, message, again)),
    h('section', { class: 'card', 'aria-labelledby': 'lines-title' },
      h('h2', { id: 'lines-title', text: 'Lines' }),
      table('invoice-lines-table', ['#', 'Description', 'SAC', 'Amount', 'GST rate', 'CGST', 'SGST', 'IGST'],
        (inv.lines || []).map((l) => h('tr', {}, h('td', { text: String(l.lineNo) }), h('td', { text: l.description }),
          h('td', { text: l.sac || '' }), h('td', { class: 'money', text: rupees(l.amountPaise) }),
          h('td', { text: `${l.gstRatePercent}%` }), h('td', { class: 'money', text: rupees(l.cgstPaise) }),
          h('td', { class: 'money', text: rupees(l.sgstPaise) }),
          h('td', { class: 'money', text: rupees(l.igstPaise) }))))),
    h('section', { class: 'card', 'aria-labelledby': 'payments-title' },
      h('h2', { id: 'payments-title', text: 'Payments' }),
      (inv.payments || []).length === 0
        ? h('p', { id: 'invoice-payments', class: 'muted', text: 'No payments yet.' })
        : table('invoice-payments', ['Payment', 'Amount', 'Status', 'Recorded from', 'When'],
          inv.payments.map((p) => h('tr', {}, h('td', {}, h('code', { text: p.razorpayPaymentId })),
            h('td', { class: 'money', text: rupees(p.amountPaise) }), h('td', { text: label(p.status) }),
            h('td', { text: label(p.source) }), h('td', { text: when(p.capturedAt) }))))),
    h('section', { class: 'card', 'aria-labelledby': 'refunds-title' },
      h('h2', { id: 'refunds-title', text: 'Refunds' }),
      (inv.refunds || []).length === 0
        ? h('p', { id: 'invoice-refunds', class: 'muted', text: 'No refunds.' })
        : table('invoice-refunds', ['Refund', 'Amount', 'Status', 'Reason', 'Requested'],
          inv.refunds.map((r) => h('tr', { 'data-refund-status': r.status },
            h('td', {}, h('code', { text: r.razorpayRefundId || r.id })),
            h('td', { class: 'money', text: rupees(r.amountPaise) }), h('td', { text: label(r.status) }),
            h('td', { text: r.reason || '' }), h('td', { text: when(r.createdAt) }))))),
    CAN_REFUND.some(has) && (inv.status === 'PAID' || inv.status === 'PARTIALLY_REFUNDED'
      || (inv.status === 'VOID' && unapplied > 0)) ? refundForm(inv, refundable, again) : null);
}

function money(id, paise) {
  return h('span', { id, class: 'money', text: rupees(paise) });
}

function actions(inv, message, again) {
  const buttons = [];
  const act = (id, text, fn, cls) => {
    const b = h('button', { id, type: 'button', class: cls || null, text });
    b.addEventListener('click', async () => {
      message.textContent = '';
      b.disabled = true;
      try {
        await fn();
      } catch (e) {
        showError(message, e);
      } finally {
        b.disabled = false;
      }
    });
    buttons.push(b);
  };
  if (inv.status === 'ISSUED' && inv.duePaise > 0 && CAN_PAY.some(has)) {
    act('invoice-pay', `Pay ${rupees(inv.duePaise)}`, () => pay(inv, message, again));
  }
  if (inv.status === 'DRAFT' && isStaff()) {
    act('invoice-issue', 'Issue', async () => {
      const updated = await api(`/invoices/${encodeURIComponent(inv.id)}/issue`, { method: 'POST', json: {} });
      again(updated, `Issued as ${updated.number}.`);
    });
  }
  if ((inv.status === 'DRAFT' || (inv.status === 'ISSUED' && inv.paidPaise === 0)) && CAN_REFUND.some(has)) {
    act('invoice-void', 'Void', async () => {
      if (!window.confirm('Void this invoice? It can no longer be paid.')) {
        return;
      }
      const updated = await api(`/invoices/${encodeURIComponent(inv.id)}/void`, { method: 'POST', json: {} });
      again(updated, 'The invoice is void.');
    }, 'secondary');
  }
  return buttons.length === 0 ? null : h('div', { class: 'actions' }, ...buttons);
}

// --- paying through Razorpay Checkout ----------------------------------------------------------------------------

const scripts = new Map();

/** Loads Checkout's script once (its URL comes from the API; the CSP allows only the configured origin). */
function loadCheckout(url) {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
    return Promise.reject(new Error('The payment page is not configured (no Checkout script).'));
  }
  if (!scripts.has(url)) {
    scripts.set(url, new Promise((resolve, reject) => {
      const s = h('script', { src: url, async: true });
      s.addEventListener('load', () => (typeof window.Razorpay === 'function' ? resolve()
        : reject(new Error('Razorpay Checkout did not load.'))));
      s.addEventListener('error', () => {
        scripts.delete(url);
        s.remove();
        reject(new Error('Razorpay Checkout could not be loaded. Check the connection and try again.'));
      });
      document.head.appendChild(s);
    }));
  }
  return scripts.get(url);
}

async function pay(inv, message, again) {
  const c = await api(`/invoices/${encodeURIComponent(inv.id)}/checkout`, { method: 'POST', json: {} });
  await loadCheckout(c.checkoutScript);
  const busy = (text) => {
    message.className = 'muted';
    message.setAttribute('role', 'status');
    message.textContent = text;
  };
  const checkout = new window.Razorpay({
    key: c.keyId,
    amount: c.amountPaise,
    currency: c.currency,
    name: c.name,
    description: c.description,
    order_id: c.razorpayOrderId,
    prefill: { name: me.name || '', email: me.email || '' },
    notes: { invoice: c.invoiceNumber || '' },
    handler: async (answer) => {
      busy('Payment received; confirming it…');
      try {
        const paid = await api('/payments/verify', { method: 'POST', json: {
          razorpayOrderId: answer.razorpay_order_id,
          razorpayPaymentId: answer.razorpay_payment_id,
          razorpaySignature: answer.razorpay_signature,
        } });
        again(paid, `Thank you: ${rupees(paid.paidPaise)} received. The invoice is ${label(paid.status)
          .toLowerCase()}.`);
      } catch (e) {
        showError(message, e instanceof ApiError && e.code === 'PAYMENT_SIGNATURE_INVALID'
          ? new Error('The payment could not be confirmed (its signature does not match). If money left your '
            + 'account, the firm will see it when Razorpay reports it; do not pay again.')
          : e);
      }
    },
    modal: {
      ondismiss: () => {
        if (message.getAttribute('role') !== 'alert') {
          showError(message, new Error('Payment cancelled: the Razorpay window was closed before paying. Nothing '
            + 'was charged; you can pay again.'));
        }
      },
    },
  });
  checkout.on('payment.failed', (answer) => {
    const why = answer && answer.error && answer.error.description ? answer.error.description : 'No reason given.';
    showError(message, new Error(`The payment failed: ${why} Nothing was charged; you can try again.`));
  });
  busy('Razorpay Checkout is open.');
  checkout.open();
}

// --- refunds (TENANT_ADMIN, MANAGER) -----------------------------------------------------------------------------

function refundForm(inv, refundable, again) {
  const message = h('p', { id: 'refund-message' });
  const amount = h('input', { id: 'refund-amountPaise', name: 'amount', type: 'text', inputmode: 'decimal',
    required: true, value: `${Math.floor(refundable / 100)}.${String(refundable % 100).padStart(2, '0')}` });
  const form = h('form', { id: 'refund-form', class: 'stack', novalidate: true },
    h('p', {}, 'Refundable now: ', money('refund-refundable', refundable)),
    ...field('Amount to refund (₹)', amount),
    ...field('Reason (optional)', h('input', { id: 'refund-reason', name: 'reason', type: 'text',
      maxlength: '500' })),
    h('button', { id: 'refund-submit', type: 'submit', text: 'Refund' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const paise = toPaise(amount.value);
    if (paise === null || paise <= 0 || paise > refundable) {
      showFieldErrors(form, 'refund-', [{ field: 'amountPaise', message: `Type an amount up to ${rupees(refundable)}`
        + ', with at most two decimals.' }]);
      return;
    }
    try {
      const body = { amountPaise: paise };
      if (form.elements.reason.value.trim()) {
        body.reason = form.elements.reason.value.trim();
      }
      const refund = await api(`/invoices/${encodeURIComponent(inv.id)}/refunds`, { method: 'POST', json: body });
      const updated = await api('/invoices/' + encodeURIComponent(inv.id));
      again(updated, `Refund of ${rupees(refund.amountPaise)} ${refund.status === 'PROCESSED' ? 'processed'
        : 'requested (Razorpay confirms it later)'}.`);
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'refund-', e.fieldErrors) : [];
      showError(message, e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0
        ? new Error('Check the marked fields.') : e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'refund-title' },
    h('h2', { id: 'refund-title', text: 'Refund' }),
    refundable > 0 ? form : h('p', { class: 'muted', text: 'Nothing is left to refund.' }));
}

// --- payments set-up (TENANT_ADMIN) ------------------------------------------------------------------------------

async function setupPage(ticket) {
  const title = 'Payments set-up';
  if (!has('TENANT_ADMIN')) {
    notAllowed(ticket, title); // the API refuses anyway (403)
    return;
  }
  let settings = null;
  try {
    settings = await api('/tenant/payment-settings');
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) {
      throw e;
    }
  }
  const status = routeQuery().get('webhooks') || '';
  const log = pagedList({ path: '/webhooks/razorpay/events' + (WEBHOOK_STATUSES.includes(status)
    ? `?status=${status}` : ''), id: 'webhook', one: 'event', many: 'events', table: webhookTable });
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
  render(ticket, h('h1', { tabindex: '-1', text: title }),
    settingsForm(settings),
    h('section', { class: 'card', 'aria-labelledby': 'reconcile-title' },
      h('h2', { id: 'reconcile-title', text: 'Reconciliation problems' }),
      h('p', { class: 'muted', text: 'Unpaid orders are checked with Razorpay in the background in case a webhook '
        + 'is missed. Checks that fail are listed here until they succeed.' }),
      failures.length === 0
        ? h('p', { id: 'reconcile-failures', class: 'success', text: 'No failing checks.' })
        : table('reconcile-failures', ['Order', 'Invoice', 'Status', 'Attempts', 'Next attempt', 'Error'],
          failures.map((f) => h('tr', { class: 'failed' }, h('td', {}, h('code', { text: f.orderId || '' })),
            h('td', {}, f.invoiceId ? h('a', { href: `#/invoices/${encodeURIComponent(f.invoiceId)}`,
              text: f.invoiceNumber || 'Invoice' }) : ''),
            h('td', { text: f.status === 'FAILED' ? 'Given up' : 'Retrying' }), h('td', { text: String(f.attempts) }),
            h('td', { text: when(f.nextAttemptAt) }), h('td', { class: 'error', text: f.lastError || '' })))),
      h('h3', { id: 'unapplied-title', text: 'Payments on voided invoices' }),
      h('p', { class: 'muted', text: 'Money a client paid after the invoice was voided. It pays nothing and earns no '
        + 'commission; refund it from the invoice.' }),
      unapplied.length === 0
        ? h('p', { id: 'unapplied-payments', class: 'success', text: 'None.' })
        : table('unapplied-payments', ['Payment', 'Invoice', 'Amount', 'Refunded', 'Refund pending', 'To refund'],
          unapplied.map((u) => h('tr', { class: u.refundDuePaise > 0 ? 'failed' : null },
            h('td', {}, h('code', { text: u.paymentId })),
            h('td', {}, h('a', { href: `#/invoices/${encodeURIComponent(u.invoiceId)}`,
              text: u.invoiceNumber || 'Invoice' })),
            h('td', { text: rupees(u.amountPaise) }), h('td', { text: rupees(u.refundedPaise) }),
            h('td', { text: rupees(u.refundPendingPaise) }), h('td', { text: rupees(u.refundDuePaise) }))))),
    h('section', { class: 'card', 'aria-labelledby': 'webhooks-title' },
      h('h2', { id: 'webhooks-title', text: 'Webhook log' }),
      h('p', { class: 'muted', text: 'What Razorpay sent, newest first. Failed events are retried; the error says '
        + 'why.' }),
      h('div', { class: 'filters' }, h('label', { for: 'webhook-status-filter', text: 'Status' }), filter),
      log.element));
}

function webhookTable(items) {
  if (items.length === 0) {
    return h('p', { id: 'webhook-list', class: 'muted', text: 'No webhook events.' });
  }
  return table('webhook-list', ['Received', 'Event', 'Status', 'Attempts', 'Duplicates', 'Error'], items.map((w) =>
    h('tr', { class: w.status === 'FAILED' ? 'failed' : null, 'data-event-id': w.eventId },
      h('td', { text: when(w.receivedAt) }), h('td', { text: w.eventType }),
      h('td', {}, statusBadge(w.status)), h('td', { text: String(w.attempts) }),
      h('td', { text: String(w.duplicates) }), h('td', { class: w.lastError ? 'error' : null,
        text: w.lastError || '' }))));
}

function settingsForm(s) {
  const message = h('p', { id: 'settings-message' });
  const input = (id, value, attrs = {}) => h('input', { id: 'settings-' + id, name: id, type: 'text',
    autocomplete: 'off', value: value || '', ...attrs });
  const setState = (id, set) => h('span', { id: `settings-${id}-state`, class: set ? 'success' : 'muted',
    text: set ? 'set' : 'not set' });
  const form = h('form', { id: 'settings-form', class: 'stack', novalidate: true },
    ...field('Razorpay key id (rzp_live_… or rzp_test_…)', input('keyId', s && s.keyId, { required: true })),
    h('p', {}, 'Key secret: ', setState('keySecret', s && s.keySecretSet)),
    ...field(s && s.keySecretSet ? 'New key secret (leave empty to keep it)' : 'Key secret',
      input('keySecret', '', { type: 'password', autocomplete: 'new-password' })),
    h('p', {}, 'Webhook secret: ', setState('webhookSecret', s && s.webhookSecretSet)),
    ...field(s && s.webhookSecretSet ? 'New webhook secret (leave empty to keep it)' : 'Webhook secret',
      input('webhookSecret', '', { type: 'password', autocomplete: 'new-password' })),
    ...field("Firm's GST state", h('select', { id: 'settings-stateCode', name: 'stateCode' },
      h('option', { value: '', text: 'From the GSTIN' }),
      ...Object.keys(STATES).sort().map((c) => h('option', { value: c, text: stateName(c),
        selected: Boolean(s) && s.stateCode === c })))),
    ...field('GSTIN (optional)', input('gstin', s && s.gstin, { maxlength: '15', autocapitalize: 'characters' })),
    ...field('Invoice number prefix (optional, up to 5 of A-Z 0-9)', input('invoicePrefix',
      s && s.invoicePrefix, { maxlength: '5', autocapitalize: 'characters' })),
    h('button', { id: 'settings-save', type: 'submit', text: 'Save' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['keyId', 'keySecret', 'webhookSecret', 'stateCode', 'gstin', 'invoicePrefix']) {
      const value = name.endsWith('Secret') ? form.elements[name].value : form.elements[name].value.trim();
      if (value) {
        body[name] = name === 'gstin' || name === 'invoicePrefix' ? value.toUpperCase() : value;
      }
    }
    try {
      const saved = await api('/tenant/payment-settings', { method: 'PUT', json: body });
      form.elements.keySecret.value = '';
      form.elements.webhookSecret.value = '';
      for (const [id, set] of [['keySecret', saved.keySecretSet], ['webhookSecret', saved.webhookSecretSet]]) {
        const el = form.querySelector(`#settings-${id}-state`);
        el.textContent = set ? 'set' : 'not set';
        el.className = set ? 'success' : 'muted';
      }
      form.elements.invoicePrefix.value = saved.invoicePrefix || '';
      showDone(message, 'Saved. The secrets are stored encrypted and are never shown again.');
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'settings-', e.fieldErrors) : [];
      showError(message, e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0
        ? new Error('Check the marked fields.') : e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'settings-title' },
    h('h2', { id: 'settings-title', text: 'Razorpay account and GST' }),
    h('p', { class: 'muted', text: 'Payments go to the firm\'s own Razorpay account. Point its webhook at '
      + `${location.origin}/api/v1/webhooks/razorpay with the webhook secret below.` }),
    form);
}
