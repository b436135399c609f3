// Seva portal: the agents module's pages. The agent portal (an AGENT user: referral link and QR code, leads board,
// earnings by month, statement downloads, ledger) and the staff pages (agents, leaderboard, leads, payout runs).
// Every page asks the API, which decides what the user may see (an agent: itself and its downline; anything else 404).
import { api, ApiError } from '/assets/api.js';
import { clearFieldErrors, field, h, replace, showFieldErrors } from '/assets/dom.js';
import { has, isStaff, label, pagedList, render, routeQuery, rupees, showDone, showError } from '../shell.js';

const STAGES = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST'];
const ENTITY_TYPES = ['PRIVATE_LIMITED', 'PUBLIC_LIMITED', 'OPC', 'LLP', 'PARTNERSHIP', 'PROPRIETORSHIP', 'TRUST',
  'SOCIETY', 'HUF', 'INDIVIDUAL'];
const SVG = 'http://www.w3.org/2000/svg';

/** @returns {string} paise as rupees, e.g. ₹1,00,000.00 (a missing amount shows as ₹0.00) */
export function money(paise) {
  return rupees(typeof paise === 'number' ? paise : 0);
}

function thisMonth() {
  // India's month, which the ledger's months are
  const now = new Date(Date.now() + 330 * 60 * 1000);
  return now.toISOString().slice(0, 7);
}

function table(id, headings, rows, caption) {
  return h('div', { class: 'table-wrap' }, h('table', { id },
    caption ? h('caption', { text: caption }) : null,
    h('thead', {}, h('tr', {}, ...headings.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows)));
}

function formError(form, prefix, message, e) {
  const rest = e instanceof ApiError ? showFieldErrors(form, prefix, e.fieldErrors) : [];
  if (e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0) {
    showError(message, new Error('Check the marked fields.'));
  } else {
    showError(message, e);
  }
}

/** A section that says the part is not available (yet) instead of failing the whole page. */
function unavailable(id, title, e) {
  const text = e instanceof ApiError && e.status === 404
    ? `${title}: not available on this server yet.`
    : `${title}: ${e instanceof Error ? e.message : 'something went wrong.'}`;
  return h('p', { id, class: 'error', role: 'alert', text });
}

// --- the agent portal ------------------------------------------------------------------------------------------

async function portalPage(ticket) {
  let agent;
  try {
    agent = await api('/agents/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      render(ticket, h('h1', { tabindex: '-1', text: 'Agent portal' }),
        h('p', { id: 'not-an-agent', role: 'alert', class: 'error',
          text: 'Your user is not linked to an agent of the firm. Ask the firm to link it.' }));
      return;
    }
    throw e;
  }
  const sections = await Promise.all([referralSection(agent), leadsBoard(agent), earningsSection(agent),
    statementSection(agent), ledgerSection(agent)]);
  render(ticket, h('h1', { tabindex: '-1', text: 'Agent portal' }),
    h('p', { class: 'muted' }, 'Signed in as agent ', h('strong', { id: 'agent-name', text: agent.name }), ' (code ',
      h('code', { id: 'agent-code', text: agent.referralCode }), ').'),
    ...sections);
}

async function referralSection(agent) {
  const link = `${location.origin}/refer/?code=${encodeURIComponent(agent.referralCode)}`;
  const message = h('p', { id: 'referral-message', role: 'status' });
  const input = h('input', { id: 'referral-link', type: 'text', readonly: true, value: link, size: '40' });
  const copy = h('button', { id: 'referral-copy', type: 'button', text: 'Copy link' });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link);
    } catch (e) {
      // no clipboard API (insecure origin or refused): select the text so that Ctrl+C copies it
      input.select();
      try {
        document.execCommand('copy');
      } catch (ignored) {
        showError(message, new Error('Copy it by hand: the text is selected.'));
        return;
      }
    }
    showDone(message, 'Referral link copied.');
  });
  return h('section', { class: 'card', 'aria-labelledby': 'referral-title' },
    h('h2', { id: 'referral-title', text: 'Your referral link' }),
    h('p', { class: 'muted', text: 'Share it: whoever fills in its form becomes your lead.' }),
    h('div', { class: 'referral-row' }, h('label', { for: 'referral-link', class: 'visually-hidden',
      text: 'Referral link' }), input, copy),
    message,
    h('img', { id: 'referral-qr', class: 'qr', src: `/api/v1/agents/${encodeURIComponent(agent.id)}/referral-qr`,
      alt: `QR code of your referral link ${link}`, width: '220', height: '220' }));
}

// --- leads board (the agent's and their downline's) ----------------------------------------------------------

async function leadsBoard(agent) {
  const message = h('p', { id: 'board-message' });
  const board = h('div', { id: 'leads-board', class: 'board' });
  const section = h('section', { class: 'card', 'aria-labelledby': 'board-title' },
    h('h2', { id: 'board-title', text: 'Leads' }), message, board);
  const load = async () => {
    const page = await api('/leads?size=200');
    const items = page.items || [];
    replace(board, ...STAGES.map((stage) => {
      const mine = items.filter((l) => l.stage === stage);
      const id = `stage-${stage.toLowerCase()}`;
      return h('section', { class: 'board-column', 'aria-labelledby': id, 'data-stage': stage },
        h('h3', { id, text: `${label(stage)} (${mine.length})` }),
        mine.length === 0 ? h('p', { class: 'muted', text: 'None.' })
          : h('ul', { class: 'lead-cards' }, ...mine.map((l) => leadCard(l, message, load))));
    }));
  };
  try {
    await load();
  } catch (e) {
    replace(board, unavailable('leads-unavailable', 'Leads', e));
    return section;
  }
  section.append(newLeadForm(agent, load));
  return section;
}

/** @returns {string[]} where a lead may move by hand: forward through the open stages, or LOST */
function nextStages(stage) {
  const open = ['NEW', 'CONTACTED', 'QUALIFIED'];
  const at = open.indexOf(stage);
  return at < 0 ? [] : [...open.slice(at + 1), 'LOST'];
}

function leadCard(l, message, reload) {
  const id = `move-${l.id}`;
  const select = h('select', { id, 'aria-label': `Move ${l.name} to` },
    ...nextStages(l.stage).map((s) => h('option', { value: s, text: label(s) })));
  const move = h('button', { type: 'button', class: 'secondary', 'data-action': 'move',
    'aria-label': `Move ${l.name}`, text: 'Move' });
  move.addEventListener('click', async () => {
    message.textContent = '';
    const body = { stage: select.value };
    if (select.value === 'LOST') {
      body.lostReason = 'Marked lost by the agent';
    }
    try {
      await api(`/leads/${encodeURIComponent(l.id)}`, { method: 'PATCH', json: body });
      showDone(message, `${l.name} moved to ${label(select.value).toLowerCase()}.`);
      await reload();
    } catch (e) {
      showError(message, e);
    }
  });
  const closed = l.stage === 'CONVERTED' || l.stage === 'LOST';
  return h('li', { class: 'lead-card', 'data-lead-id': l.id },
    h('strong', { class: 'lead-name', text: l.name }),
    l.companyName ? h('span', { class: 'muted', text: l.companyName }) : null,
    h('span', { class: 'muted', text: [l.phone, l.email].filter(Boolean).join(' · ') }),
    l.agentName ? h('span', { class: 'muted', text: `Agent: ${l.agentName}` }) : null,
    closed ? null : h('span', { class: 'lead-move' }, select, move));
}

function newLeadForm(agent, reload) {
  const message = h('p', { id: 'lead-message' });
  const input = (name, attrs = {}) => h('input', { id: 'lead-' + name, name, type: 'text', ...attrs });
  const form = h('form', { id: 'lead-form', class: 'stack', novalidate: true },
    ...field('Name', input('name', { required: true, maxlength: '200', autocomplete: 'off' })),
    ...field('Phone', input('phone', { type: 'tel', maxlength: '20', autocomplete: 'off' })),
    ...field('E-mail', input('email', { type: 'email', maxlength: '254', autocomplete: 'off' })),
    ...field('Company (optional)', input('companyName', { maxlength: '200' })),
    ...field('City (optional)', input('city', { maxlength: '100' })),
    h('button', { id: 'lead-create', type: 'submit', text: 'Add lead' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['name', 'phone', 'email', 'companyName', 'city']) {
      const value = form.elements[name].value.trim();
      if (value) {
        body[name] = value;
      }
    }
    try {
      const created = await api('/leads', { method: 'POST', json: body });
      form.reset();
      showDone(message, `Added ${created.name}.`);
      await reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'LEAD_DUPLICATE') {
        showError(message, new Error('This person is a lead already'
          + (e.problem.existingLeadId ? ` (lead ${e.problem.existingLeadId}).` : '.')));
        return;
      }
      formError(form, 'lead-', message, e);
    }
  });
  return h('details', { class: 'new-lead' }, h('summary', { text: 'Add a lead' }), form);
}

// --- earnings chart ------------------------------------------------------------------------------------------

function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) {
    el.setAttribute(k, String(v));
  }
  children.forEach((c) => el.append(c));
  return el;
}

/** A bar per month (net earnings), drawn with DOM calls; the table below says the same in words. */
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

async function earningsSection(agent) {
  const section = h('section', { class: 'card', 'aria-labelledby': 'earnings-title' },
    h('h2', { id: 'earnings-title', text: 'Earnings by month' }));
  try {
    const e = await api(`/agents/${encodeURIComponent(agent.id)}/earnings?months=12`);
    const months = e.months || [];
    section.append(earningsChart(months), table('earnings-table',
      ['Month', 'Accrued', 'Overrides', 'Clawed back', 'TDS', 'Paid', 'Net'],
      months.map((m) => h('tr', { 'data-month': m.month }, h('th', { scope: 'row', text: m.month }),
        h('td', { text: money(m.accruedPaise) }), h('td', { text: money(m.overridesPaise) }),
        h('td', { text: money(m.clawedBackPaise) }), h('td', { text: money(m.tdsPaise) }),
        h('td', { text: money(m.paidPaise) }), h('td', { class: 'net', text: money(m.netPaise) }))),
      'Earnings by month, in rupees'));
  } catch (err) {
    section.append(unavailable('earnings-unavailable', 'Earnings', err));
  }
  return section;
}

// --- statement -----------------------------------------------------------------------------------------------

async function statementSection(agent) {
  const message = h('p', { id: 'statement-message' });
  const monthInput = h('input', { id: 'statement-month', name: 'month', type: 'month', value: thisMonth(),
    required: true });
  const slot = h('div', { id: 'statement-slot' });
  const base = `/api/v1/agents/${encodeURIComponent(agent.id)}/statement`;
  const csv = h('a', { id: 'statement-csv', class: 'button secondary', download: '' , text: 'Download CSV' });
  const pdf = h('a', { id: 'statement-pdf', class: 'button secondary', download: '', text: 'Download PDF' });
  const show = async () => {
    message.textContent = '';
    const month = monthInput.value;
    csv.href = `${base}?month=${encodeURIComponent(month)}&format=csv`;
    pdf.href = `${base}?month=${encodeURIComponent(month)}&format=pdf`;
    try {
      const s = await api(`/agents/${encodeURIComponent(agent.id)}/statement?month=${encodeURIComponent(month)}`);
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
  return h('section', { class: 'card', 'aria-labelledby': 'statement-title' },
    h('h2', { id: 'statement-title', text: 'Statement' }), form, message, slot,
    h('p', { class: 'downloads' }, csv, ' ', pdf));
}

// --- ledger --------------------------------------------------------------------------------------------------

function ledgerTable(items) {
  if (items.length === 0) {
    return h('p', { id: 'ledger-list', class: 'muted', text: 'No entries yet.' });
  }
  return table('ledger-list', ['Date', 'Kind', 'Amount', 'Payment', 'Note'], items.map((x) => h('tr', {
    'data-entry-id': x.id, 'data-kind': x.kind },
  h('td', { text: String(x.occurredAt || '').slice(0, 10) }), h('td', { text: label(x.kind) }),
  h('td', { class: 'amount', text: money(x.amountPaise) }), h('td', { text: x.paymentId || '' }),
  h('td', { text: x.note || '' }))));
}

async function ledgerSection(agent) {
  const list = pagedList({ path: `/agents/${encodeURIComponent(agent.id)}/ledger`, id: 'ledger', one: 'entry',
    many: 'entries', table: ledgerTable });
  const section = h('section', { class: 'card', 'aria-labelledby': 'ledger-title' },
    h('h2', { id: 'ledger-title', text: 'Ledger' }));
  try {
    await list.load(0);
    section.append(...list.element);
  } catch (e) {
    section.append(unavailable('ledger-unavailable', 'Ledger', e));
  }
  return section;
}

// --- staff: agents -------------------------------------------------------------------------------------------

async function agentsPage(ticket) {
  const list = pagedList({ path: '/agents', id: 'agent', one: 'agent', many: 'agents', table: agentTable });
  await list.load(0);
  const parts = [h('h1', { tabindex: '-1', text: 'Agents' }),
    h('section', { class: 'card', 'aria-labelledby': 'agents-title' },
      h('h2', { id: 'agents-title', text: "The firm's agents" }), ...list.element)];
  if (isStaff()) {
    parts.push(await agentForm(list));
  }
  render(ticket, ...parts);
}

function agentTable(items) {
  if (items.length === 0) {
    return h('p', { id: 'agent-list', class: 'muted', text: 'No agents yet.' });
  }
  return table('agent-list', ['Name', 'E-mail', 'Referral code', 'Status'], items.map((a) => h('tr', {
    'data-agent-id': a.id },
  h('td', { text: a.name }), h('td', { text: a.email }), h('td', {}, h('code', { text: a.referralCode })),
  h('td', { text: label(a.status) }))));
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
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['name', 'email', 'phone', 'pan', 'parentAgentId', 'planId', 'userId']) {
      const value = form.elements[name].value.trim();
      if (value) {
        body[name] = name === 'pan' ? value.toUpperCase() : value;
      }
    }
    try {
      const created = await api('/agents', { method: 'POST', json: body });
      form.reset();
      showDone(message, `Created ${created.name}, referral code ${created.referralCode}.`);
      await list.reload();
    } catch (e) {
      formError(form, 'agent-', message, e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-agent-title' },
    h('h2', { id: 'new-agent-title', text: 'New agent' }), form);
}

// --- staff: leaderboard --------------------------------------------------------------------------------------

async function leaderboardPage(ticket) {
  const month = routeQuery().get('month') || thisMonth();
  const board = await api(`/agents/leaderboard?month=${encodeURIComponent(month)}&limit=100`);
  const monthInput = h('input', { id: 'leaderboard-month', type: 'month', value: board.month, required: true });
  const form = h('form', { id: 'leaderboard-form', class: 'inline-form' },
    h('label', { for: 'leaderboard-month', text: 'Month' }), monthInput,
    h('button', { type: 'submit', text: 'Show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = `#/leaderboard?month=${encodeURIComponent(monthInput.value)}`;
  });
  const items = board.items || [];
  render(ticket, h('h1', { tabindex: '-1', text: 'Leaderboard' }),
    h('section', { class: 'card', 'aria-labelledby': 'board-title' },
      h('h2', { id: 'board-title', text: `Agents in ${board.month}` }), form,
      h('p', { class: 'muted', text: `Conversions: ${board.conversionsAre}. Volume: payments captured from the`
        + ' agent\'s clients. Commission: accruals and overrides less clawbacks.' }),
      items.length === 0 ? h('p', { id: 'leaderboard', class: 'muted', text: 'No agents yet.' })
        : table('leaderboard', ['Rank', 'Agent', 'Conversions', 'Captured volume', 'Commission'],
          items.map((l) => h('tr', { 'data-agent-id': l.agentId }, h('td', { text: String(l.rank) }),
            h('th', { scope: 'row', text: l.agentName }), h('td', { text: String(l.conversions) }),
            h('td', { text: money(l.capturedPaise) }), h('td', { class: 'commission', text: money(l.commissionPaise) }))),
          `Leaderboard of ${board.month}`)));
}

// --- staff: leads --------------------------------------------------------------------------------------------

async function leadsPage(ticket) {
  const message = h('p', { id: 'leads-message' });
  let agents = [];
  try {
    agents = (await api('/agents?size=200')).items || [];
  } catch (e) {
    agents = [];
  }
  const stage = routeQuery().get('stage') || '';
  const slot = h('div', { id: 'lead-slot' });
  const count = h('p', { id: 'lead-count', class: 'muted' });
  const load = async () => {
    const page = await api(`/leads?size=200${stage ? `&stage=${encodeURIComponent(stage)}` : ''}`);
    const items = page.items || [];
    const total = typeof page.total === 'number' ? page.total : items.length;
    count.textContent = total > items.length ? `The newest ${items.length} of ${total} leads.` : `${total} leads.`;
    replace(slot, leadTable(items, agents, message, load));
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
  render(ticket, h('h1', { tabindex: '-1', text: 'Leads' }),
    h('section', { class: 'card', 'aria-labelledby': 'leads-title' },
      h('h2', { id: 'leads-title', text: "The firm's leads" }), filter, message, ...body));
}

function leadTable(items, agents, message, reload) {
  if (items.length === 0) {
    return h('p', { id: 'lead-list', class: 'muted', text: 'No leads.' });
  }
  return table('lead-list', ['Name', 'Company', 'Stage', 'Source', 'Agent', ''], items.map((l) => {
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
    const type = h('select', { id: `convert-type-${l.id}` }, ...ENTITY_TYPES.map((t) => h('option', { value: t,
      text: label(t) })));
    const confirm = h('button', { type: 'submit', text: 'Create the client' });
    const convertForm = h('form', { class: 'inline-form convert-form', hidden: true },
      h('label', { for: legal.id, text: 'Legal name' }), legal, h('label', { for: type.id, text: 'Type' }), type,
      confirm);
    convert.addEventListener('click', () => {
      convertForm.hidden = !convertForm.hidden;
      if (!convertForm.hidden) {
        legal.focus();
      }
    });
    convertForm.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        await api(`/leads/${encodeURIComponent(l.id)}/convert`, { method: 'POST', json: {
          entity: { legalName: legal.value.trim(), type: type.value }, createClientUser: Boolean(l.email) } });
        showDone(message, `${l.name} converted to a client.`);
        await reload();
      } catch (e) {
        showError(message, e);
      }
    });
    const closed = l.stage === 'CONVERTED' || l.stage === 'LOST';
    return h('tr', { 'data-lead-id': l.id }, h('td', { text: l.name }), h('td', { text: l.companyName || '' }),
      h('td', { class: 'lead-stage', text: label(l.stage) }), h('td', { text: label(l.source) }),
      h('td', {}, closed ? (l.agentName || '') : assign), h('td', {}, closed ? '' : [convert, convertForm]));
  }));
}

// --- staff: payout runs --------------------------------------------------------------------------------------

function runTable(items, message, slot) {
  if (items.length === 0) {
    return h('p', { id: 'payout-run-list', class: 'muted', text: 'No payout runs yet.' });
  }
  return table('payout-run-list', ['Period end', 'Status', 'Payouts', 'Net paid', ''], items.map((r) => {
    const see = h('button', { type: 'button', class: 'secondary', 'aria-label': `See the payouts of ${r.periodEnd}`,
      text: 'See payouts' });
    see.addEventListener('click', () => showRun(r.id, message, slot));
    return h('tr', { 'data-run-id': r.id }, h('td', { text: r.periodEnd || '' }), h('td', { text: label(r.status) }),
      h('td', { text: String(r.payoutCount ?? '') }),
      h('td', { text: r.netPaise !== undefined ? money(r.netPaise) : '' }),
      h('td', {}, see, ' ', h('a', { href: `/api/v1/payout-runs/${encodeURIComponent(r.id)}/bank-file`,
        download: '', class: 'button secondary', text: 'Bank file' })));
  }));
}

async function showRun(id, message, slot) {
  try {
    const run = await api(`/payout-runs/${encodeURIComponent(id)}`);
    const payouts = run.payouts || run.items || [];
    replace(slot, h('h3', { id: 'payouts-title', tabindex: '-1', text: `Payouts of ${run.periodEnd}` }),
      payouts.length === 0 ? h('p', { class: 'muted', text: 'Nobody was due a payout.' })
        : table('payout-list', ['Agent', 'Gross', 'TDS', 'Net', 'Reference'], payouts.map((p) => h('tr', {},
          h('td', { text: p.agentName || p.agentId }), h('td', { text: money(p.grossPaise) }),
          h('td', { text: money(p.tdsPaise) }), h('td', { text: money(p.netPaise) }),
          h('td', { text: p.reference || '' })))));
    slot.querySelector('h3').focus();
  } catch (e) {
    showError(message, e);
  }
}

async function payoutsPage(ticket) {
  const message = h('p', { id: 'payouts-message' });
  const slot = h('div', { id: 'payout-detail' });
  const list = pagedList({ path: '/payout-runs', id: 'payout-run', one: 'run', many: 'runs',
    table: (items) => runTable(items, message, slot) });
  let body;
  try {
    await list.load(0);
    body = list.element;
  } catch (e) {
    render(ticket, h('h1', { tabindex: '-1', text: 'Payout runs' }), unavailable('payouts-unavailable',
      'Payout runs', e));
    return;
  }
  const form = h('form', { id: 'payout-form', class: 'stack', novalidate: true },
    ...field('Period end', h('input', { id: 'payout-periodEnd', name: 'periodEnd', type: 'date', required: true })),
    h('button', { id: 'payout-run', type: 'submit', text: 'Run payouts' }));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    try {
      const run = await api('/payout-runs', { method: 'POST', json: { periodEnd: form.elements.periodEnd.value } });
      showDone(message, `Payout run for ${run.periodEnd} done.`);
      await list.reload();
      await showRun(run.id, message, slot);
    } catch (e) {
      formError(form, 'payout-', message, e);
    }
  });
  render(ticket, h('h1', { tabindex: '-1', text: 'Payout runs' }),
    h('section', { class: 'card', 'aria-labelledby': 'run-title' },
      h('h2', { id: 'run-title', text: 'Run payouts' }),
      h('p', { class: 'muted', text: 'Pays every agent\'s balance past its hold up to the period end, withholding'
        + ' TDS; running the same period again changes nothing.' }), form),
    h('section', { class: 'card', 'aria-labelledby': 'runs-title' },
      h('h2', { id: 'runs-title', text: 'Runs' }), message, ...body, slot));
}

const STAFF_OR_AUDITOR = () => isStaff() || has('AUDITOR');

/** The agents module's routes. */
export const ROUTES = {
  agent: { title: 'Agent portal', render: portalPage, menu: () => has('AGENT') },
  agents: { title: 'Agents', render: agentsPage, menu: STAFF_OR_AUDITOR },
  leaderboard: { title: 'Leaderboard', render: leaderboardPage, menu: STAFF_OR_AUDITOR },
  leads: { title: 'Leads', render: leadsPage, menu: () => isStaff() },
  payouts: { title: 'Payout runs', render: payoutsPage, menu: () => has('TENANT_ADMIN') || has('MANAGER') },
};
