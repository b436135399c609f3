// Seva portal: the platform admin's page, on the bare host: the firms on this platform and a form to add one.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import { card, heading, label, pagedList, render, submitForm, table } from '../../shell.js';

export async function platformPage(ticket) {
  const list = pagedList({ path: '/platform/tenants', id: 'tenant', one: 'firm', many: 'firms',
    table: tenantTable });
  await list.load(0);
  render(ticket, heading('Tenants'), card('tenants-title', 'Firms on this platform', ...list.element),
    tenantForm(list));
}

function tenantTable(items) {
  return table('tenant-list', ['Slug', 'Name', 'Status', 'Plan', 'Portal'], items.map((t) => h('tr',
    { 'data-slug': t.slug },
    h('td', { text: t.slug }), h('td', { text: t.name }), h('td', { text: label(t.status) }),
    h('td', { text: label(t.plan) }),
    h('td', {}, /^[a-z0-9-]+$/.test(t.slug)
      ? h('a', { href: `${location.protocol}//${t.slug}.${location.host}/login/`,
        text: `${t.slug}.${location.host}` })
      : ''))));
}

function tenantForm(list) {
  const message = h('p', { id: 'tenant-message' });
  const input = (id, attrs) => h('input', { id: 'tenant-' + id, name: id, type: 'text', required: true,
    autocomplete: 'off', ...attrs });
  const form = h('form', { id: 'tenant-form', class: 'stack', novalidate: true },
    ...field('Slug (the portal is at slug.' + location.host + ')', input('slug', { maxlength: '32' })),
    ...field('Firm name', input('name', { maxlength: '200' })),
    ...field("First admin's e-mail", input('adminEmail', { type: 'email' })),
    ...field("First admin's password", input('adminPassword', { type: 'password', autocomplete: 'new-password' })),
    h('button', { id: 'tenant-create', type: 'submit', text: 'Create tenant' }), message);
  submitForm(form, {
    message,
    prefix: 'tenant-',
    send: () => {
      const body = {};
      for (const name of ['slug', 'name', 'adminEmail', 'adminPassword']) {
        body[name] = name === 'adminPassword' ? form.elements[name].value : form.elements[name].value.trim();
      }
      return api('/platform/tenants', { method: 'POST', json: body });
    },
    done: async (created) => {
      form.reset();
      await list.reload();
      return `Created ${created.name}.`;
    },
  });
  return card('new-tenant-title', 'New tenant', form);
}
