// Seva portal: the agent portal (#/agent, an AGENT user): the referral link and its QR code, the leads board (the
// agent's and their downline's), earnings by month, the month's statement and the ledger.
import { api, ApiError } from '/assets/api.js';
import { field, h, replace } from '/assets/dom.js';
import { act, card, heading, label, render, showDone, showError, submitForm } from '../../shell.js';
import { STAGES, unavailable } from './common.js';
import { earningsSection, ledgerSection, statementSection } from './earnings.js';

export async function portalPage(ticket) {
  let agent;
  try {
    agent = await api('/agents/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      render(ticket, heading('Agent portal'),
        h('p', { id: 'not-an-agent', role: 'alert', class: 'error',
          text: 'Your user is not linked to an agent of the firm. Ask the firm to link it.' }));
      return;
    }
    throw e;
  }
  const sections = await Promise.all([referralSection(agent), leadsBoard(), earningsSection(agent),
    statementSection(agent), ledgerSection(agent)]);
  render(ticket, heading('Agent portal'),
    h('p', { class: 'muted' }, 'Signed in as agent ', h('strong', { id: 'agent-name', text: agent.name }), ' (code ',
      h('code', { id: 'agent-code', text: agent.referralCode }), ').'),
    ...sections);
}

function referralSection(agent) {
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
  return card('referral-title', 'Your referral link',
    h('p', { class: 'muted', text: 'Share it: whoever fills in its form becomes your lead.' }),
    h('div', { class: 'referral-row' }, h('label', { for: 'referral-link', class: 'visually-hidden',
      text: 'Referral link' }), input, copy),
    message,
    h('img', { id: 'referral-qr', class: 'qr', src: `/api/v1/agents/${encodeURIComponent(agent.id)}/referral-qr`,
      alt: `QR code of your referral link ${link}`, width: '220', height: '220' }));
}

// --- leads board -------------------------------------------------------------------------------------------------

async function leadsBoard() {
  const message = h('p', { id: 'board-message' });
  const board = h('div', { id: 'leads-board', class: 'board' });
  const section = card('board-title', 'Leads', message, board);
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
  section.append(newLeadForm(load));
  return section;
}

/** @returns {string[]} where a lead may move by hand: forward through the open stages, or LOST */
function nextStages(stage) {
  const open = ['NEW', 'CONTACTED', 'QUALIFIED'];
  const at = open.indexOf(stage);
  return at < 0 ? [] : [...open.slice(at + 1), 'LOST'];
}

function leadCard(l, message, reload) {
  const select = h('select', { id: `move-${l.id}`, 'aria-label': `Move ${l.name} to` },
    ...nextStages(l.stage).map((s) => h('option', { value: s, text: label(s) })));
  const move = act(h('button', { type: 'button', class: 'secondary', 'data-action': 'move',
    'aria-label': `Move ${l.name}`, text: 'Move' }), {
    message,
    send: () => {
      const body = { stage: select.value };
      if (select.value === 'LOST') {
        body.lostReason = 'Marked lost by the agent';
      }
      return api(`/leads/${encodeURIComponent(l.id)}`, { method: 'PATCH', json: body });
    },
    done: async () => {
      const text = `${l.name} moved to ${label(select.value).toLowerCase()}.`;
      await reload();
      return text;
    },
  });
  const closed = l.stage === 'CONVERTED' || l.stage === 'LOST';
  return h('li', { class: 'lead-card', 'data-lead-id': l.id },
    h('strong', { class: 'lead-name', text: l.name }),
    l.companyName ? h('span', { class: 'muted', text: l.companyName }) : null,
    h('span', { class: 'muted', text: [l.phone, l.email].filter(Boolean).join(' · ') }),
    l.agentName ? h('span', { class: 'muted', text: `Agent: ${l.agentName}` }) : null,
    closed ? null : h('span', { class: 'lead-move' }, select, move));
}

function newLeadForm(reload) {
  const message = h('p', { id: 'lead-message' });
  const input = (name, attrs = {}) => h('input', { id: 'lead-' + name, name, type: 'text', ...attrs });
  const form = h('form', { id: 'lead-form', class: 'stack', novalidate: true },
    ...field('Name', input('name', { required: true, maxlength: '200', autocomplete: 'off' })),
    ...field('Phone', input('phone', { type: 'tel', maxlength: '20', autocomplete: 'off' })),
    ...field('E-mail', input('email', { type: 'email', maxlength: '254', autocomplete: 'off' })),
    ...field('Company (optional)', input('companyName', { maxlength: '200' })),
    ...field('City (optional)', input('city', { maxlength: '100' })),
    h('button', { id: 'lead-create', type: 'submit', text: 'Add lead' }), message);
  submitForm(form, {
    message,
    prefix: 'lead-',
    send: () => {
      const body = {};
      for (const name of ['name', 'phone', 'email', 'companyName', 'city']) {
        const value = form.elements[name].value.trim();
        if (value) {
          body[name] = value;
        }
      }
      return api('/leads', { method: 'POST', json: body });
    },
    problem: (e) => (e instanceof ApiError && e.code === 'LEAD_DUPLICATE' ? 'This person is a lead already'
      + (e.problem.existingLeadId ? ` (lead ${e.problem.existingLeadId}).` : '.') : null),
    done: async (created) => {
      form.reset();
      await reload();
      return `Added ${created.name}.`;
    },
  });
  return h('details', { class: 'new-lead' }, h('summary', { text: 'Add a lead' }), form);
}
