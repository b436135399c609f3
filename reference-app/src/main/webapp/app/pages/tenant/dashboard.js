// Seva portal: the dashboard: the entity being worked on, the user's entities (switch from here too), the account.
import { h } from '/assets/dom.js';
import {
  card, chooseEntity, currentEntity, entityTypes, heading, isStaff, label, me, myEntities, render,
} from '../../shell.js';

export async function dashboard(ticket) {
  const current = currentEntity();
  const list = myEntities();
  // the types' names are a nicety here: without them (the platform's own host), the codes as words
  const types = await entityTypes().catch(() => ({ name: label }));
  render(ticket,
    heading(`Welcome, ${me.name || me.email}`),
    card('current-title', 'Working on',
      current
        ? h('p', {}, h('span', { id: 'current-entity', class: 'current-entity', text: current.legalName }),
          ' ', h('span', { class: 'muted', text: `(${types.name(current.type)})` }))
        : h('p', { id: 'current-entity', class: 'muted', text: 'You are not linked to any entity yet.' })),
    card('mine-title', 'My entities',
      list.length === 0
        ? h('p', { class: 'muted', text: isStaff()
          ? 'You are not a member of any entity. The Entities page lists all of the firm\'s.'
          : 'None yet. Your firm links you to your companies.' })
        : h('ul', { id: 'my-entities', class: 'entities' }, ...list.map((e) => entityItem(e, current, types)))),
    card('you-title', 'Your account',
      h('p', {}, 'Signed in as ', h('strong', { text: me.email }), '.'),
      h('p', { class: 'muted', text: 'Roles: ' + (me.roles || []).map(label).join(', ') }),
      h('p', {}, h('a', { href: '#/security', text: 'Two-step sign-in settings' }))));
}

function entityItem(e, current, types) {
  const selected = current && e.id === current.id;
  return h('li', { class: selected ? 'selected' : null, 'data-entity-id': e.id },
    h('span', { class: 'entity-name', text: e.legalName }), ' ',
    h('span', { class: 'muted', text: `${types.name(e.type)}, ${label(e.membership)}` }), ' ',
    selected
      ? h('span', { class: 'muted', text: '(current)' })
      : h('button', { type: 'button', class: 'secondary', 'aria-label': `Work on ${e.legalName}`,
        text: 'Work on this', onclick: () => chooseEntity(e.id) }));
}
