// Seva portal: what every page of the signed-in shell shares: who is signed in, showing a page (unless the user has
// moved on), problem and success messages, labels, the entity being worked on, paged lists, amounts in rupees. Page
// modules under pages/ import from here; app.js owns navigation.
import { api, ApiError } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';

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

/** @returns {string} the page's name: {@code invoices} for {@code #/invoices/42?x=1} */
export function routeName() {
  return routeParts()[0] || '';
}

/** @returns {string[]} the decoded path segments after {@code #/}: {@code ['invoices', '42']} for {@code #/invoices/42?x=1} */
export function routeParts() {
  const path = location.hash.replace(/^#\/?/, '').split('?')[0];
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

/** Shows a page's content unless the user has moved on to another page meanwhile. */
export function render(ticket, ...children) {
  if (ticket !== renderCount) {
    return false;
  }
  replace(view, ...children);
  // after moving to another page, focus its heading so that keyboard and screen-reader users start there
  const heading = view.querySelector('h1');
  if (heading && navigated) {
    heading.focus();
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
    render(ticket, h('h1', { tabindex: '-1', text: title }),
      h('p', { id: 'not-allowed', class: 'not-allowed', role: 'alert', text: NOT_ALLOWED }));
    return;
  }
  render(ticket, h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'error', role: 'alert', text: e instanceof Error ? e.message : 'Something went wrong.' }));
}

export function notAllowed(ticket, title) {
  problemPage(ticket, title, new ApiError(403, { code: 'FORBIDDEN' }));
}

/** Puts an API error in a message element (role=alert). */
export function showError(el, e) {
  el.className = 'error';
  el.setAttribute('role', 'alert');
  if (e instanceof ApiError && e.status === 403 && e.code !== 'CSRF_FAILED') {
    el.textContent = 'You are not allowed to do this.';
  } else {
    el.textContent = e instanceof Error ? e.message : 'Something went wrong.';
  }
}

export function showDone(el, text) {
  el.className = 'success';
  el.setAttribute('role', 'status');
  el.textContent = text;
}

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

export function label(code) {
  if (typeof code !== 'string') {
    return '';
  }
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const PAGE_SIZE = 50;

/**
 * One of the API's lists ({items, page, size, total}) a page at a time: a count, the table, Previous/Next.
 * {@code spec.path} may carry a query of its own (filters): the page and size are added to it.
 * @param {{path: string, id: string, one: string, many: string, table: function(Array): Node}} spec
 * @returns {{element: Node[], load: function(number): Promise<void>, reload: function(): Promise<void>}}
 */
export function pagedList(spec) {
  let current = 0;
  const count = h('p', { id: `${spec.id}-count`, class: 'muted' });
  const slot = h('div', { class: 'table-wrap' });
  const where = h('span', { id: `${spec.id}-page`, class: 'muted' });
  const message = h('p', { id: `${spec.id}-page-message` });
  const prev = h('button', { id: `${spec.id}-prev`, type: 'button', class: 'secondary', text: 'Previous' });
  const next = h('button', { id: `${spec.id}-next`, type: 'button', class: 'secondary', text: 'Next' });
  const pager = h('nav', { class: 'pager', 'aria-label': `Pages of ${spec.many}` }, prev, where, next);
  const load = async (n) => {
    const page = await api(`${spec.path}${spec.path.includes('?') ? '&' : '?'}page=${n}&size=${PAGE_SIZE}`);
    const total = typeof page.total === 'number' ? page.total : (page.items || []).length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    current = n;
    replace(slot, spec.table(page.items || []));
    count.textContent = `${total} ${total === 1 ? spec.one : spec.many}.`;
    where.textContent = `Page ${n + 1} of ${pages}`;
    prev.disabled = n === 0;
    next.disabled = n + 1 >= pages;
    pager.hidden = pages <= 1;
    message.textContent = '';
  };
  const go = (n) => load(n).catch((e) => showError(message, e));
  prev.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));
  return { element: [count, slot, pager, message], load, reload: () => load(current) };
}

const GROUPING = new Intl.NumberFormat('en-IN');

/** @returns {string} paise as rupees, Indian grouping: 11800000 → "₹1,18,000.00" (integer arithmetic only) */
export function rupees(paise) {
  if (typeof paise !== 'number' || !Number.isSafeInteger(paise)) {
    return '';
  }
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}₹${GROUPING.format(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}
