// Seva portal: the month's leaderboard (#/leaderboard?month=yyyy-mm; staff and auditors): conversions, captured
// volume and commission per agent.
import { api } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { card, heading, money, render, routeQuery, table } from '../../shell.js';
import { thisMonth } from './common.js';

export async function leaderboardPage(ticket) {
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
  render(ticket, heading('Leaderboard'),
    card('board-title', `Agents in ${board.month}`, form,
      h('p', { class: 'muted', text: `Conversions: ${board.conversionsAre}. Volume: payments captured from the`
        + ' agent\'s clients. Commission: accruals and overrides less clawbacks.' }),
      table('leaderboard', ['Rank', 'Agent', 'Conversions', 'Captured volume', 'Commission'],
        (board.items || []).map((l) => h('tr', { 'data-agent-id': l.agentId }, h('td', { text: String(l.rank) }),
          h('th', { scope: 'row', text: l.agentName }), h('td', { text: String(l.conversions) }),
          h('td', { text: money(l.capturedPaise) }), h('td', { class: 'commission', text: money(l.commissionPaise) }))),
        { caption: `Leaderboard of ${board.month}`, empty: 'No agents yet.' })));
}
