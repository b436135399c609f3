// Seva portal: the firm's users (tenant admins): list, create, disable and enable.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import { act, card, heading, label, me, pagedList, render, submitForm, table } from '../../shell.js';

const ROLES = ['TENANT_ADMIN', 'MANAGER', 'STAFF', 'AGENT', 'CLIENT', 'AUDITOR'];

export async function usersPage(ticket) {
  const message = h('p', { id: 'users-message' });
  const list = pagedList({ path: '/users', id: 'user', one: 'user', many: 'users',
    table: (items) => table('user-list', ['E-mail', 'Name', 'Roles', 'Status', ''],
      items.map((u) => userRow(u, message))) });
  await list.load(0);
  render(ticket, heading('Users'), card('users-title', "The firm's users", message, ...list.element), userForm(list));
}

function userRow(u, message) {
  const disabled = u.status === 'DISABLED';
  const button = h('button', { type: 'button', class: 'secondary', 'data-action': disabled ? 'enable' : 'disable',
    'aria-label': `${disabled ? 'Enable' : 'Disable'} ${u.email}`, text: disabled ? 'Enable' : 'Disable' });
  const row = h('tr', { 'data-user-id': u.id, 'data-email': u.email },
    h('td', { text: u.email }), h('td', { text: u.name || '' }),
    h('td', { text: (u.roles || []).map(label).join(', ') }),
    h('td', { class: 'user-status', text: label(u.status) }), h('td', {}, u.id === me.userId ? '' : button));
  act(button, {
    message,
    send: () => api('/users/' + encodeURIComponent(u.id), { method: 'PATCH',
      json: { status: disabled ? 'ACTIVE' : 'DISABLED' } }),
    done: (updated) => {
      row.replaceWith(userRow(updated, message));
      return `${updated.email} is now ${label(updated.status).toLowerCase()}.`;
    },
  });
  return row;
}

function userForm(list) {
  const message = h('p', { id: 'user-message' });
  const roles = h('fieldset', { id: 'user-roles', 'aria-describedby': 'user-roles-error' },
    h('legend', { text: 'Roles' }),
    ...ROLES.map((r) => h('label', {}, h('input', { type: 'checkbox', name: 'roles', value: r,
      checked: r === 'CLIENT' }), label(r))));
  const form = h('form', { id: 'user-form', class: 'stack', novalidate: true },
    ...field('E-mail', h('input', { id: 'user-email', name: 'email', type: 'email', required: true,
      autocomplete: 'off' })),
    ...field('Name', h('input', { id: 'user-name-input', name: 'name', type: 'text', required: true,
      autocomplete: 'off' })),
    roles, h('p', { id: 'user-roles-error', class: 'field-error' }),
    ...field('First password (12 characters or more)', h('input', { id: 'user-password', name: 'password',
      type: 'password', autocomplete: 'new-password' })),
    h('button', { id: 'user-create', type: 'submit', text: 'Create user' }), message);
  submitForm(form, {
    message,
    prefix: 'user-',
    rename: { name: 'name-input' }, // #user-name is the header's signed-in user
    send: () => {
      const body = {
        email: form.elements.email.value.trim(),
        name: form.elements.name.value.trim(),
        roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((c) => c.value),
      };
      if (form.elements.password.value) {
        body.password = form.elements.password.value;
      }
      return api('/users', { method: 'POST', json: body });
    },
    done: async (created) => {
      form.reset();
      await list.reload();
      return `Created ${created.email}.`;
    },
  });
  return card('new-user-title', 'New user', form);
}
