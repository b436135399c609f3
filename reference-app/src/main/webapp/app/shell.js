// Seva portal: what every page of the signed-in shell shares, in one import: who is signed in, the route, showing a
// page (unless the user has moved on), problem pages, the entity being worked on, and (re-exported from ui/) forms,
// lists, formats and the lists of types. Page modules under pages/ import from here; app.js routes, nav.js navigates.
import { ApiError } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';

export { label, money, when, day, size } from './ui/format.js';
export { showError, showDone, invalid, submitForm, act } from './ui/forms.js';
export { table, statusBadge, pagedList } from './ui/lists.js';
export { entityTypes, documentTypes } from './ui/types.js';

const STAFF = ['TENANT_ADMIN', 'MANAGER', 'STAFF'];
const NOT_ALLOWED = 'You are not allowed to open this page.';
const view = document.getElementById('view');

/** The signed-in user as {@code GET /me} answered (a live binding: set once by app.js at start). */
export let me = null;
let renderCount = 0;
let navigated = false;

/** Called by app.js once {@code /me} has answered. */
export function setMe(value) {
  me = value;
}

/** Called by app.js when the user moves to another page: the next page's heading takes the focus. */
export function setNavigated() {
  navigated = true;
}

/** @returns {number} a ticket for the page about to be rendered; older tickets no longer render */
export function nextTicket() {
  return ++renderCount;
}

/** @returns {boolean} whether {@code ticket} is still the page being shown */
export function isCurrent(ticket) {
  return ticket === renderCount;
}

/** @returns {boolean} whether the signed-in user has {@code role} */
export function has(role) {
  return Array.isArray(me.roles) && me.roles.includes(role);
}

/** @returns {boolean} whether the user is the firm's staff (admin, manager or staff) */
export function isStaff() {
  return STAFF.some(has);
}

/** @returns {boolean} whether the user belongs to a firm (not the tenant-less platform admin) */
export function inFirm() {
  return Boolean(me.tenant);
}

/** @returns {string} the page's name: {@code invoices} for {@code #/invoices/42?x=1} */
export function routeName() {
  return routeParts()[0] || '';
}

/** @returns {string[]} the decoded path segments after {@code #/}: {@code ['invoices', '42']} for {@code #/invoices/42?x=1} */
export function routeParts() {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0].replace(/\/$/, '');
  return path === '' ? [] : path.split('/').map((p) => {
    try {
      return decodeURIComponent(p);
    } catch (e) {
      return p; // a malformed escape: the page will not find it, and says so
    }
  });
}

/** @returns {URLSearchParams} the query after {@code ?} in the hash */
export function routeQuery() {
  const hash = location.hash;
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

/** @returns {HTMLHeadingElement} a page's heading (it takes the focus after moving to the page) */
export function heading(text, id) {
  return h('h1', { id, tabindex: '-1', text });
}

/** @returns {HTMLElement} a card: a section named by its h2 ({@code titleId}), then the children */
export function card(titleId, title, ...children) {
  return h('section', { class: 'card', 'aria-labelledby': titleId }, h('h2', { id: titleId, text: title }),
    ...children);
}

/** Shows a page's content unless the user has moved on to another page meanwhile. */
export function render(ticket, ...children) {
  if (ticket !== renderCount) {
    return false;
  }
  replace(view, ...children);
  // after moving to another page, focus its heading so that keyboard and screen-reader users start there
  const first = view.querySelector('h1');
  if (first && navigated) {
    first.focus();
  }
  return true;
}

/** The page for an error answer: 403 → not allowed; anything else → its detail. */
export function problemPage(ticket, title, e) {
  if (e instanceof ApiError && e.status === 403 && e.code === 'TOTP_ENROLMENT_REQUIRED') {
    location.replace('#/security');
    return;
  }
  if (e instanceof ApiError && e.status === 403) {
    render(ticket, heading(title), h('p', { id: 'not-allowed', class: 'not-allowed', role: 'alert',
      text: NOT_ALLOWED }));
    return;
  }
  render(ticket, heading(title),
    h('p', { class: 'error', role: 'alert', text: e instanceof Error ? e.message : 'Something went wrong.' }));
}

export function notAllowed(ticket, title) {
  problemPage(ticket, title, new ApiError(403, { code: 'FORBIDDEN' }));
}

// --- the entity being worked on (the header's "Working on") ------------------------------------------------------

const entityListeners = [];

export function storageKey() {
  return 'seva.entity.' + (me.tenant || '') + '.' + me.userId;
}

export function myEntities() {
  return Array.isArray(me.entities) ? me.entities : [];
}

/** @returns {object|null} the entity the user works on: the remembered one if still theirs, else the first */
export function currentEntity() {
  const list = myEntities();
  let id = null;
  try {
    id = localStorage.getItem(storageKey());
  } catch (e) {
    id = null;
  }
  return list.find((e) => e.id === id) || list[0] || null;
}

/** Works on another entity: remembered in the browser, shown in the header, told to every listener. */
export function chooseEntity(id) {
  try {
    localStorage.setItem(storageKey(), id);
  } catch (e) {
    // private mode: the choice lasts this page only
  }
  document.getElementById('entity-select').value = id;
  entityListeners.forEach((fn) => fn(id));
}

/** Calls {@code fn(id)} whenever the user chooses another entity to work on. */
export function onEntityChange(fn) {
  entityListeners.push(fn);
}
