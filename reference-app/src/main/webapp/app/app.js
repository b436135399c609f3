// Seva portal: the signed-in shell. Hash navigation (#/entities, #/users, ...) over one page; every view asks the API
// and shows what it answers: a 403 becomes "not allowed" whatever the menu shows, a 401 goes to the sign-in page.
// Everything users or tenants typed is inserted as text (dom.js builds elements; no innerHTML anywhere).
// A module's pages live in pages/<module>.js, export their ROUTES entries and are spread into ROUTES below;
// shell.js holds what pages share.
import { api, ApiError, cookie } from '/assets/api.js';
import { applyBranding, isColour, loadBranding } from '/assets/branding.js';
import { clearFieldErrors, field, h, replace, showFieldErrors } from '/assets/dom.js';
import {
  currentEntity, has, isCurrent, isStaff, label, me, myEntities, nextTicket, notAllowed, pagedList, problemPage,
  render, routeName, setMe, setNavigated, showDone, showError, storageKey,
} from './shell.js';
import { ROUTES as DOCUMENT_ROUTES } from './pages/documents.js';
import { ROUTES as PAYMENTS_ROUTES } from './pages/payments.js';
import { ROUTES as AGENTS_ROUTES } from './pages/agents.js';

const ROLES = ['TENANT_ADMIN', 'MANAGER', 'STAFF', 'AGENT', 'CLIENT', 'AUDITOR'];
const ENTITY_TYPES = ['PRIVATE_LIMITED', 'PUBLIC_LIMITED', 'OPC', 'LLP', 'PARTNERSHIP', 'PROPRIETORSHIP', 'TRUST',
  'SOCIETY', 'HUF', 'INDIVIDUAL'];

/** The pages: which menu entries a user sees (a convenience only: each page asks the API, which decides). */
const ROUTES = {
  '': { title: 'Dashboard', render: dashboard, menu: () => Boolean(me.tenant) },
  entities: { title: 'Entities', render: entitiesPage, menu: () => Boolean(me.tenant) },
  ...DOCUMENT_ROUTES,
  users: { title: 'Users', render: usersPage, menu: () => has('TENANT_ADMIN') },
  branding: { title: 'Branding', render: brandingPage, menu: () => has('TENANT_ADMIN') },
  security: { title: 'Security', render: securityPage, menu: () => Boolean(me.tenant) || has('PLATFORM_ADMIN') },
  platform: { title: 'Tenants', render: platformPage, menu: () => has('PLATFORM_ADMIN') },
  ...PAYMENTS_ROUTES,
  ...AGENTS_ROUTES,
};

// --- start ------------------------------------------------------------------------------------------------------

start();

async function start() {
  const branding = loadBranding('Portal');
  setMe(await api('/me'));
  await branding;
  showUser();
  setUpEntitySwitcher();
  document.getElementById('sign-out').addEventListener('submit', () => {
    document.getElementById('sign-out-csrf').value = cookie('seva_csrf') || '';
  });
  window.addEventListener('hashchange', () => {
    setNavigated();
    route();
  });
  if (me.totpEnrolmentRequired === true && routeName() !== 'security') {
    location.replace('#/security');
    return;
  }
  if (!me.tenant && routeName() === '') {
    location.replace('#/platform');
    return;
  }
  route();
}

function showUser() {
  const name = document.getElementById('user-name');
  name.textContent = me.name ? `${me.name} (${me.email})` : me.email;
}

function route() {
  const name = routeName();
  const page = Object.prototype.hasOwnProperty.call(ROUTES, name) ? ROUTES[name] : null;
  buildNav(name);
  const ticket = nextTicket();
  const title = page ? page.title : 'Not found';
  document.title = `${title} · ${document.querySelector('[data-brand="name"]').textContent}`;
  if (!page) {
    render(ticket, h('h1', { tabindex: '-1', text: 'Not found' }), h('p', { text: 'There is no such page here.' }),
      h('p', {}, h('a', { href: '#/', text: 'Back to the dashboard' })));
    return;
  }
  Promise.resolve(page.render(ticket)).catch((e) => {
    if (isCurrent(ticket)) {
      problemPage(ticket, title, e);
    }
  });
}

function buildNav(active) {
  const nav = document.getElementById('nav');
  replace(nav, ...Object.entries(ROUTES).filter(([, r]) => r.menu()).map(([name, r]) => h('li', {},
    h('a', { href: '#/' + name, 'aria-current': name === active ? 'page' : null, text: r.title }))));
}

// --- entity switcher ---------------------------------------------------------------------------------------------

function chooseEntity(id) {
  try {
    localStorage.setItem(storageKey(), id);
  } catch (e) {
    // private mode: the choice lasts this page only
  }
  const select = document.getElementById('entity-select');
  select.value = id;
  if (routeName() === '') {
    route();
  }
}

function setUpEntitySwitcher() {
  const list = myEntities();
  const box = document.getElementById('entity-switcher');
  const select = document.getElementById('entity-select');
  if (list.length === 0) {
    box.hidden = true;
    return;
  }
  replace(select, ...list.map((e) => h('option', { value: e.id, text: e.legalName })));
  select.value = currentEntity().id;
  select.addEventListener('change', () => chooseEntity(select.value));
  box.hidden = false;
}

// --- dashboard ---------------------------------------------------------------------------------------------------

function dashboard(ticket) {
  const current = currentEntity();
  const list = myEntities();
  render(ticket,
    h('h1', { tabindex: '-1', text: `Welcome, ${me.name || me.email}` }),
    h('section', { class: 'card', 'aria-labelledby': 'current-title' },
      h('h2', { id: 'current-title', text: 'Working on' }),
      current
        ? h('p', {}, h('span', { id: 'current-entity', class: 'current-entity', text: current.legalName }),
          ' ', h('span', { class: 'muted', text: `(${label(current.type)})` }))
        : h('p', { id: 'current-entity', class: 'muted', text: 'You are not linked to any entity yet.' })),
    h('section', { class: 'card', 'aria-labelledby': 'mine-title' },
      h('h2', { id: 'mine-title', text: 'My entities' }),
      list.length === 0
        ? h('p', { class: 'muted', text: isStaff()
          ? 'You are not a member of any entity. The Entities page lists all of the firm\'s.'
          : 'None yet. Your firm links you to your companies.' })
        : h('ul', { id: 'my-entities', class: 'entities' }, ...list.map((e) => h('li', {
          class: current && e.id === current.id ? 'selected' : null, 'data-entity-id': e.id },
        h('span', { class: 'entity-name', text: e.legalName }), ' ',
        h('span', { class: 'muted', text: `${label(e.type)}, ${label(e.membership)}` }), ' ',
        current && e.id === current.id
          ? h('span', { class: 'muted', text: '(current)' })
          : h('button', { type: 'button', class: 'secondary', 'aria-label': `Work on ${e.legalName}`,
            text: 'Work on this', onclick: () => chooseEntity(e.id) }))))),
    h('section', { class: 'card', 'aria-labelledby': 'you-title' },
      h('h2', { id: 'you-title', text: 'Your account' }),
      h('p', {}, 'Signed in as ', h('strong', { text: me.email }), '.'),
      h('p', { class: 'muted', text: 'Roles: ' + (me.roles || []).map(label).join(', ') }),
      h('p', {}, h('a', { href: '#/security', text: 'Two-step sign-in settings' }))));
}

// --- entities ----------------------------------------------------------------------------------------------------

async function entitiesPage(ticket) {
  const list = pagedList({ path: '/entities', id: 'entity', one: 'entity', many: 'entities', table: entityTable });
  await list.load(0);
  const parts = [h('h1', { tabindex: '-1', text: 'Entities' }),
    h('section', { class: 'card', 'aria-labelledby': 'list-title' },
      h('h2', { id: 'list-title', text: isStaff() ? "The firm's entities" : 'Your entities' }), list.element)];
  if (isStaff()) {
    parts.push(entityForm(list));
  }
  render(ticket, ...parts);
}

function entityTable(items) {
  if (items.length === 0) {
    return h('p', { id: 'entity-list', class: 'muted', text: 'No entities yet.' });
  }
  return h('div', { class: 'table-wrap' }, h('table', { id: 'entity-list' },
    h('thead', {}, h('tr', {}, ...['Legal name', 'Type', 'PAN', 'GSTIN', 'State'].map((t) => h('th', { scope: 'col',
      text: t })))),
    h('tbody', {}, ...items.map((e) => h('tr', { 'data-entity-id': e.id },
      h('td', { text: e.legalName }), h('td', { text: label(e.type) }), h('td', { text: e.pan || '' }),
      h('td', { text: e.gstin || '' }), h('td', { text: e.state || '' }))))));
}

function entityForm(list) {
  const message = h('p', { id: 'entity-message' });
  const input = (id, attrs = {}) => h('input', { id: 'entity-' + id, name: id, type: 'text', ...attrs });
  const form = h('form', { id: 'entity-form', class: 'stack', novalidate: true },
    ...field('Legal name', input('legalName', { required: true, maxlength: '200', autocomplete: 'organization' })),
    ...field('Type', h('select', { id: 'entity-type', name: 'type', required: true },
      ...ENTITY_TYPES.map((t) => h('option', { value: t, text: label(t) })))),
    ...field('PAN (optional)', input('pan', { maxlength: '10', autocapitalize: 'characters' })),
    ...field('GSTIN (optional)', input('gstin', { maxlength: '15', autocapitalize: 'characters' })),
    ...field('CIN (optional)', input('cin', { maxlength: '21', autocapitalize: 'characters' })),
    ...field('LLPIN (optional)', input('llpin', { maxlength: '8', autocapitalize: 'characters' })),
    ...field('State code (optional, e.g. 27)', input('state', { maxlength: '2', inputmode: 'numeric' })),
    ...field('Address (optional)', h('textarea', { id: 'entity-address', name: 'address', maxlength: '500' })),
    h('button', { id: 'entity-create', type: 'submit', text: 'Create entity' }),
    message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['legalName', 'type', 'pan', 'gstin', 'cin', 'llpin', 'state', 'address']) {
      const value = form.elements[name].value.trim();
      if (value) {
        body[name] = name === 'legalName' || name === 'address' || name === 'type' ? value : value.toUpperCase();
      }
    }
    try {
      const created = await api('/entities', { method: 'POST', json: body });
      form.reset();
      showDone(message, `Created ${created.legalName}.`);
      await list.reload();
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'entity-', e.fieldErrors) : [];
      if (!(e instanceof ApiError) || e.fieldErrors.length === 0 || rest.length > 0) {
        showError(message, e);
      } else {
        showError(message, new Error('Check the marked fields.'));
      }
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-entity-title' },
    h('h2', { id: 'new-entity-title', text: 'New entity' }), form);
}

// --- users (TENANT_ADMIN) ----------------------------------------------------------------------------------------

async function usersPage(ticket) {
  const message = h('p', { id: 'users-message' });
  const list = pagedList({ path: '/users', id: 'user', one: 'user', many: 'users',
    table: (items) => userTable(items, message) });
  await list.load(0);
  render(ticket, h('h1', { tabindex: '-1', text: 'Users' }),
    h('section', { class: 'card', 'aria-labelledby': 'users-title' },
      h('h2', { id: 'users-title', text: "The firm's users" }),
      message, list.element),
    userForm(list));
}

function userTable(items, message) {
  return h('table', { id: 'user-list' },
    h('thead', {}, h('tr', {}, ...['E-mail', 'Name', 'Roles', 'Status', ''].map((t) => h('th', { scope: 'col',
      text: t })))),
    h('tbody', {}, ...items.map((u) => userRow(u, message))));
}

function userRow(u, message) {
  const disabled = u.status === 'DISABLED';
  const button = h('button', { type: 'button', class: 'secondary', 'data-action': disabled ? 'enable' : 'disable',
    'aria-label': `${disabled ? 'Enable' : 'Disable'} ${u.email}`, text: disabled ? 'Enable' : 'Disable' });
  const row = h('tr', { 'data-user-id': u.id, 'data-email': u.email },
    h('td', { text: u.email }), h('td', { text: u.name || '' }),
    h('td', { text: (u.roles || []).map(label).join(', ') }),
    h('td', { class: 'user-status', text: label(u.status) }), h('td', {}, u.id === me.userId ? '' : button));
  button.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const updated = await api('/users/' + encodeURIComponent(u.id), { method: 'PATCH',
        json: { status: disabled ? 'ACTIVE' : 'DISABLED' } });
      row.replaceWith(userRow(updated, message));
      showDone(message, `${updated.email} is now ${label(updated.status).toLowerCase()}.`);
    } catch (e) {
      showError(message, e);
    }
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
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {
      email: form.elements.email.value.trim(),
      name: form.elements.name.value.trim(),
      roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((c) => c.value),
    };
    if (form.elements.password.value) {
      body.password = form.elements.password.value;
    }
    try {
      const created = await api('/users', { method: 'POST', json: body });
      form.reset();
      showDone(message, `Created ${created.email}.`);
      await list.reload();
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors.map((f) => (f.field === 'name'
        ? { ...f, field: 'name-input' } : f)) : [];
      const rest = showFieldErrors(form, 'user-', errors);
      showError(message, errors.length > 0 && rest.length === 0 ? new Error('Check the marked fields.') : e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-user-title' },
    h('h2', { id: 'new-user-title', text: 'New user' }), form);
}

// --- branding (TENANT_ADMIN) -------------------------------------------------------------------------------------

async function brandingPage(ticket) {
  const title = 'Branding';
  if (!has('TENANT_ADMIN')) {
    notAllowed(ticket, title); // the API would refuse the change anyway (403)
    return;
  }
  const b = await api('/branding', { redirectOn401: false });
  const message = h('p', { id: 'branding-message' });
  const text = (id, value, attrs = {}) => h('input', { id: 'brand-' + id, name: id, type: 'text', ...attrs,
    value: value || '' });
  const swatch = (id) => h('span', { id: `brand-${id}-swatch`, class: 'swatch', 'aria-hidden': 'true' });
  const form = h('form', { id: 'branding-form', class: 'stack', novalidate: true },
    ...field('Display name', text('displayName', b.displayName, { required: true, maxlength: '100' })),
    ...field('Primary colour (#rrggbb)', text('primaryColor', b.primaryColor, { required: true, maxlength: '7',
      pattern: '#[0-9a-fA-F]{6}', spellcheck: 'false' })),
    swatch('primaryColor'),
    ...field('Accent colour (#rrggbb)', text('accentColor', b.accentColor, { required: true, maxlength: '7',
      pattern: '#[0-9a-fA-F]{6}', spellcheck: 'false' })),
    swatch('accentColor'),
    ...field('Support e-mail (optional)', h('input', { id: 'brand-supportEmail', name: 'supportEmail', type: 'email',
      maxlength: '254', value: b.supportEmail || '' })),
    ...field('Footer text (optional)', h('textarea', { id: 'brand-footerText', name: 'footerText',
      maxlength: '500' })),
    h('button', { id: 'branding-save', type: 'submit', text: 'Save branding' }), message);
  form.elements.footerText.value = b.footerText || '';
  for (const name of ['primaryColor', 'accentColor']) {
    const paint = () => {
      const value = form.elements[name].value.trim();
      const el = form.querySelector(`#brand-${name}-swatch`);
      if (isColour(value)) {
        el.style.setProperty('background-color', value);
      } else {
        el.style.removeProperty('background-color');
      }
    };
    form.elements[name].addEventListener('input', paint);
    paint();
  }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['displayName', 'primaryColor', 'accentColor', 'supportEmail', 'footerText']) {
      body[name] = form.elements[name].value.trim();
    }
    try {
      const saved = await api('/tenant/branding', { method: 'PUT', json: body });
      applyBranding(saved, title);
      showDone(message, 'Saved. The sign-in page shows the new branding now.');
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'brand-', e.fieldErrors) : [];
      showError(message, e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0
        ? new Error('Check the marked fields.') : e);
    }
  });
  render(ticket, h('h1', { tabindex: '-1', text: title }),
    h('section', { class: 'card', 'aria-labelledby': 'brand-text-title' },
      h('h2', { id: 'brand-text-title', text: 'Name, colours and footer' }), form),
    logoSection(b));
}

function logoSection(b) {
  const message = h('p', { id: 'logo-message' });
  const preview = h('img', { id: 'logo-preview', alt: 'Current logo', hidden: !b.logoUrl });
  if (b.logoUrl && b.logoUrl.startsWith('/api/v1/branding/logo')) {
    preview.src = b.logoUrl;
  }
  const file = h('input', { id: 'logo-file', name: 'logo', type: 'file',
    accept: 'image/png,image/jpeg,image/svg+xml' });
  const upload = h('form', { id: 'logo-form', class: 'stack' },
    ...field('Logo (PNG, JPEG or SVG, at most 256 KiB)', file),
    h('button', { id: 'logo-upload', type: 'submit', text: 'Upload logo' }),
    h('button', { id: 'logo-remove', type: 'button', class: 'secondary', text: 'Remove logo', hidden: !b.logoUrl }),
    message);
  const show = (saved) => {
    applyBranding(saved, 'Branding');
    if (saved.logoUrl && saved.logoUrl.startsWith('/api/v1/branding/logo')) {
      preview.src = saved.logoUrl;
      preview.hidden = false;
      upload.querySelector('#logo-remove').hidden = false;
    } else {
      preview.removeAttribute('src');
      preview.hidden = true;
      upload.querySelector('#logo-remove').hidden = true;
    }
  };
  upload.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    message.textContent = '';
    const chosen = file.files && file.files[0];
    if (!chosen) {
      showError(message, new Error('Choose a file first.'));
      return;
    }
    try {
      const saved = await api('/tenant/branding/logo', { method: 'PUT', body: chosen,
        contentType: chosen.type || 'application/octet-stream' });
      show(saved);
      upload.reset();
      showDone(message, 'Logo uploaded.');
    } catch (e) {
      showError(message, e);
    }
  });
  upload.querySelector('#logo-remove').addEventListener('click', async () => {
    message.textContent = '';
    try {
      await api('/tenant/branding/logo', { method: 'DELETE' });
      show(await api('/branding', { redirectOn401: false }));
      showDone(message, 'Logo removed.');
    } catch (e) {
      showError(message, e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'logo-title' },
    h('h2', { id: 'logo-title', text: 'Logo' }), preview, upload);
}

// --- security: TOTP enrolment ------------------------------------------------------------------------------------

function securityPage(ticket) {
  const title = 'Two-step sign-in';
  const message = h('p', { id: 'totp-message' });
  const area = h('div', { id: 'totp-area' });
  const start = h('button', { id: 'totp-start', type: 'button', text: 'Set up an authenticator app' });
  start.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const enrolment = await api('/me/totp', { method: 'POST' });
      start.hidden = true;
      replace(area, ...enrolmentSteps(enrolment));
      area.querySelector('#totp-code').focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_ALREADY_ENABLED') {
        start.hidden = true;
        showDone(message, 'Two-step sign-in is on for your account already.');
      } else if (e instanceof ApiError && e.status === 403) {
        notAllowed(ticket, title);
      } else {
        showError(message, e);
      }
    }
  });
  render(ticket, h('h1', { tabindex: '-1', text: title }),
    me.totpEnrolmentRequired === true
      ? h('p', { id: 'totp-required', class: 'banner', role: 'alert',
        text: me.tenant
          ? 'Your firm requires two-step sign-in for your role. Set it up to continue.'
          : 'Platform admins must use two-step sign-in. Set it up to continue.' })
      : null,
    h('section', { class: 'card' },
      h('p', { text: 'With two-step sign-in, signing in asks for a code from an authenticator app on your phone '
        + 'as well as your password.' }),
      start, message, area));
}

function enrolmentSteps(enrolment) {
  const qr = h('img', { id: 'totp-qr', class: 'qr', alt: 'QR code to scan with the authenticator app' });
  if (typeof enrolment.qrCode === 'string' && enrolment.qrCode.startsWith('data:image/svg+xml;base64,')) {
    qr.src = enrolment.qrCode;
  } else {
    qr.hidden = true;
  }
  const message = h('p', { id: 'totp-confirm-message' });
  const result = h('div', { id: 'totp-result' });
  const form = h('form', { id: 'totp-confirm-form', class: 'stack', novalidate: true },
    ...field('Code from the app', h('input', { id: 'totp-code', name: 'code', type: 'text', inputmode: 'numeric',
      autocomplete: 'one-time-code', maxlength: '6', required: true })),
    h('button', { id: 'totp-confirm', type: 'submit', text: 'Turn on' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    try {
      const answer = await api('/me/totp/confirm', { method: 'POST',
        json: { code: form.elements.code.value.trim() } });
      form.hidden = true;
      me.totpEnrolmentRequired = false;
      const banner = document.getElementById('totp-required');
      if (banner) {
        banner.hidden = true;
      }
      replace(result,
        h('p', { class: 'success', role: 'status', text: 'Two-step sign-in is on.' }),
        h('h2', { text: 'Recovery codes' }),
        h('p', { text: 'Each code signs you in once if you lose your phone. Keep them somewhere safe: they are '
          + 'shown only now.' }),
        h('ol', { id: 'recovery-codes', class: 'recovery-codes' },
          ...(answer.recoveryCodes || []).map((c) => h('li', {}, h('code', { text: c })))));
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'TOTP_INVALID' || e.fieldErrors.length > 0)) {
        showFieldErrors(form, 'totp-', [{ field: 'code', message: e.code === 'TOTP_INVALID'
          ? 'That code does not match. Check the phone\'s clock and type the current code.'
          : (e.fieldErrors[0] || {}).message || e.message }]);
      } else {
        showError(message, e);
      }
    }
  });
  return [
    h('ol', {},
      h('li', { text: 'Open an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, ...).' }),
      h('li', {}, 'Scan this code, or type the key ', h('code', { id: 'totp-secret', class: 'secret',
        text: enrolment.secret }), ' by hand.'),
      h('li', { text: 'Type the 6-digit code the app shows.' })),
    qr, form, result];
}

// --- platform admin ----------------------------------------------------------------------------------------------

async function platformPage(ticket) {
  const list = pagedList({ path: '/platform/tenants', id: 'tenant', one: 'firm', many: 'firms',
    table: tenantTable });
  await list.load(0);
  render(ticket, h('h1', { tabindex: '-1', text: 'Tenants' }),
    h('section', { class: 'card', 'aria-labelledby': 'tenants-title' },
      h('h2', { id: 'tenants-title', text: 'Firms on this platform' }),
      list.element),
    tenantForm(list));
}

function tenantTable(items) {
  return h('table', { id: 'tenant-list' },
    h('thead', {}, h('tr', {}, ...['Slug', 'Name', 'Status', 'Plan', 'Portal'].map((t) => h('th', { scope: 'col',
      text: t })))),
    h('tbody', {}, ...items.map((t) => h('tr', { 'data-slug': t.slug },
      h('td', { text: t.slug }), h('td', { text: t.name }), h('td', { text: label(t.status) }),
      h('td', { text: label(t.plan) }),
      h('td', {}, /^[a-z0-9-]+$/.test(t.slug)
        ? h('a', { href: `${location.protocol}//${t.slug}.${location.host}/login/`,
          text: `${t.slug}.${location.host}` })
        : '')))));
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
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = {};
    for (const name of ['slug', 'name', 'adminEmail', 'adminPassword']) {
      body[name] = name === 'adminPassword' ? form.elements[name].value : form.elements[name].value.trim();
    }
    try {
      const created = await api('/platform/tenants', { method: 'POST', json: body });
      form.reset();
      showDone(message, `Created ${created.name}.`);
      await list.reload();
    } catch (e) {
      const rest = e instanceof ApiError ? showFieldErrors(form, 'tenant-', e.fieldErrors) : [];
      showError(message, e instanceof ApiError && e.fieldErrors.length > 0 && rest.length === 0
        ? new Error('Check the marked fields.') : e);
    }
  });
  return h('section', { class: 'card', 'aria-labelledby': 'new-tenant-title' },
    h('h2', { id: 'new-tenant-title', text: 'New tenant' }), form);
}
