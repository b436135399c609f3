// Seva portal: an agent's money: earnings by month (a chart drawn with DOM calls, and the same figures in a table),
// the month's statement (with CSV and PDF downloads) and the ledger, a page at a time.
import { api } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';
import { card, label, money, pagedList, showError, table } from '../../shell.js';
import { thisMonth, unavailable } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, String(v));
  }
  children.forEach((c) => el.append(c));
  return el;
}

/** A bar per month (net earnings); the table below says the same in words. */
export function earningsChart(months) {
  const width = 640;
  const height = 220;
  const pad = { top: 16, right: 8, bottom: 36, left: 8 };
  const values = months.map((m) => m.netPaise);
  const max = Math.max(1, ...values.map((v) => Math.abs(v)));
  const hasNegative = values.some((v) => v < 0);
  const plot = height - pad.top - pad.bottom;
  const zero = pad.top + (hasNegative ? plot / 2 : plot);
  const scale = (hasNegative ? plot / 2 : plot) / max;
  const step = (width - pad.left - pad.right) / Math.max(1, months.length);
  const title = svg('title', { id: 'earnings-chart-title' });
  title.textContent = 'Net earnings by month (the table below has the figures)';
  const chart = svg('svg', { id: 'earnings-chart', viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-labelledby': 'earnings-chart-title', class: 'chart' }, title,
  svg('line', { x1: pad.left, x2: width - pad.right, y1: zero, y2: zero, class: 'axis' }));
  months.forEach((m, i) => {
    const v = m.netPaise;
    const barHeight = Math.abs(v) * scale;
    const x = pad.left + i * step + step * 0.15;
    const bar = svg('rect', { x: x.toFixed(1), y: (v >= 0 ? zero - barHeight : zero).toFixed(1),
      width: (step * 0.7).toFixed(1), height: Math.max(v === 0 ? 0 : 1, barHeight).toFixed(1),
      class: v >= 0 ? 'bar' : 'bar negative', 'data-month': m.month });
    const tip = svg('title');
    tip.textContent = `${m.month}: ${money(v)}`;
    bar.append(tip);
    const text = svg('text', { x: (x + step * 0.35).toFixed(1), y: height - 12, 'text-anchor': 'middle',
      class: 'chart-label' });
    text.textContent = m.month.slice(2);
    chart.append(bar, text);
  });
  return chart;
}

export async function earningsSection(agent) {
  const section = card('earnings-title', 'Earnings by month');
  try {
    const e = await api(`/agents/${encodeURIComponent(agent.id)}/earnings?months=12`);
    const months = e.months || [];
    const cell = (paise, cls) => h('td', { class: cls || null, text: money(paise) });
    section.append(earningsChart(months), table('earnings-table',
      ['Month', 'Accrued', 'Overrides', 'Clawed back', 'TDS', 'Paid', 'Net'],
      months.map((m) => h('tr', { 'data-month': m.month }, h('th', { scope: 'row', text: m.month }),
        cell(m.accruedPaise), cell(m.overridesPaise), cell(m.clawedBackPaise), cell(m.tdsPaise), cell(m.paidPaise),
        cell(m.netPaise, 'net'))),
      { caption: 'Earnings by month, in rupees' }));
  } catch (err) {
    section.append(unavailable('earnings-unavailable', 'Earnings', err));
  }
  return section;
}

export async function statementSection(agent) {
  const message = h('p', { id: 'statement-message' });
  const monthInput = h('input', { id: 'statement-month', name: 'month', type: 'month', value: thisMonth(),
    required: true });
  const slot = h('div', { id: 'statement-slot' });
  const path = `/agents/${encodeURIComponent(agent.id)}/statement`;
  const csv = h('a', { id: 'statement-csv', class: 'button secondary', download: '', text: 'Download CSV' });
  const pdf = h('a', { id: 'statement-pdf', class: 'button secondary', download: '', text: 'Download PDF' });
  const show = async () => {
    message.textContent = '';
    const month = encodeURIComponent(monthInput.value);
    csv.href = `/api/v1${path}?month=${month}&format=csv`;
    pdf.href = `/api/v1${path}?month=${month}&format=pdf`;
    try {
      const s = await api(`${path}?month=${month}`);
      const line = (name, paise, id) => h('tr', {}, h('th', { scope: 'row', text: name }),
        h('td', { id, text: money(paise) }));
      replace(slot, h('table', { id: 'statement-table' }, h('caption', { text: `Statement of ${s.month}` }),
        h('tbody', {}, line('Opening balance', s.openingPaise, 'st-opening'),
          line('Accrued', s.accruedPaise, 'st-accrued'), line('Overrides', s.overridesPaise, 'st-overrides'),
          line('Adjustments', s.adjustmentsPaise, 'st-adjustments'),
          line('Clawed back', -s.clawedBackPaise, 'st-clawed'), line('TDS', -s.tdsPaise, 'st-tds'),
          line('Paid', -s.paidPaise, 'st-paid'), line('Closing balance', s.closingPaise, 'st-closing'))));
    } catch (e) {
      replace(slot);
      showError(message, e);
    }
  };
  const form = h('form', { id: 'statement-form', class: 'inline-form', novalidate: true },
    h('label', { for: 'statement-month', text: 'Month' }), monthInput,
    h('button', { id: 'statement-show', type: 'submit', text: 'Show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    show();
  });
  await show();
  return card('statement-title', 'Statement', form, message, slot, h('p', { class: 'downloads' }, csv, ' ', pdf));
}

function ledgerTable(items) {
  return table('ledger-list', ['Date', 'Kind', 'Amount', 'Payment', 'Note'], items.map((x) => h('tr', {
    'data-entry-id': x.id, 'data-kind': x.kind },
  h('td', { text: String(x.occurredAt || '').slice(0, 10) }), h('td', { text: label(x.kind) }),
  h('td', { class: 'amount', text: money(x.amountPaise) }), h('td', { text: x.paymentId || '' }),
  h('td', { text: x.note || '' }))), { empty: 'No entries yet.' });
}

export async function ledgerSection(agent) {
  const list = pagedList({ path: `/agents/${encodeURIComponent(agent.id)}/ledger`, id: 'ledger', one: 'entry',
    many: 'entries', table: ledgerTable });
  const section = card('ledger-title', 'Ledger');
  try {
    await list.load(0);
    section.append(...list.element);
  } catch (e) {
    section.append(unavailable('ledger-unavailable', 'Ledger', e));
  }
  return section;
}
