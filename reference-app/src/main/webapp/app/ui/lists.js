// Seva portal: lists on a page: a table (scrolls sideways inside its card on a phone), a status badge, and one of the
// API's paged lists ({items, page, size, total}) a page at a time with Previous/Next.
import { api } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';
import { label } from './format.js';
import { showError } from './forms.js';

/**
 * A table with column headings, or, when there are no rows and {@code options.empty} says what that means, a
 * paragraph saying it (with the table's id, so that a page or a test finds either).
 * @param {string} id the table's id
 * @param {string[]} headings
 * @param {Node[]} rows {@code tr} elements
 * @param {{caption?: string, empty?: string}} [options]
 */
export function table(id, headings, rows, options = {}) {
  if (rows.length === 0 && options.empty) {
    return h('p', { id, class: 'muted', text: options.empty });
  }
  return h('div', { class: 'table-wrap' }, h('table', { id },
    options.caption ? h('caption', { text: options.caption }) : null,
    h('thead', {}, h('tr', {}, ...headings.map((t) => h('th', { scope: 'col', text: t })))),
    h('tbody', {}, ...rows)));
}

/**
 * A status as a badge: its name for people, the code in {@code data-status} (styles colour by it).
 * @param {string} status the API's code, e.g. PAID
 * @param {{id?: string, names?: Object<string, string>, kind?: string}} [options] names: the code's words when
 *   {@link label} would not do; kind: a class saying what the status is of ('doc-status', 'review-state')
 */
export function statusBadge(status, options = {}) {
  const names = options.names || {};
  return h('span', { id: options.id, class: options.kind ? `status ${options.kind}` : 'status',
    'data-status': status, text: names[status] || label(status) });
}

const PAGE_SIZE = 50;

/**
 * One of the API's lists a page at a time: a count ("52 entities."), the table, Previous/Next with "Page 1 of 2".
 * Element ids derive from {@code spec.id}: {@code <id>-count}, {@code <id>-page}, {@code <id>-prev}, {@code <id>-next}.
 * @param {{path: string, params?: Object<string, string>, id: string, one: string, many: string,
 *   table: function(Array): Node, loaded?: function(Array): void}} spec path may carry a query of its own;
 *   params are added to it, then the page and size; loaded runs after each page is shown
 * @returns {{element: Node[], slot: HTMLElement, load: function(number): Promise<void>,
 *   reload: function(): Promise<void>}}
 */
export function pagedList(spec) {
  let current = 0;
  const count = h('p', { id: `${spec.id}-count`, class: 'muted', role: 'status' });
  const slot = h('div', { class: 'list-slot' });
  const where = h('span', { id: `${spec.id}-page`, class: 'muted' });
  const message = h('p', { id: `${spec.id}-page-message` });
  const prev = h('button', { id: `${spec.id}-prev`, type: 'button', class: 'secondary', text: 'Previous' });
  const next = h('button', { id: `${spec.id}-next`, type: 'button', class: 'secondary', text: 'Next' });
  const pager = h('nav', { class: 'pager', 'aria-label': `Pages of ${spec.many}` }, prev, where, next);
  const load = async (n) => {
    const query = new URLSearchParams(spec.params || {});
    query.set('page', String(n));
    query.set('size', String(PAGE_SIZE));
    const page = await api(`${spec.path}${spec.path.includes('?') ? '&' : '?'}${query}`);
    const items = page.items || [];
    const total = typeof page.total === 'number' ? page.total : items.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    current = n;
    replace(slot, spec.table(items));
    count.textContent = `${total} ${total === 1 ? spec.one : spec.many}.`;
    where.textContent = `Page ${n + 1} of ${pages}`;
    prev.disabled = n === 0;
    next.disabled = n + 1 >= pages;
    pager.hidden = pages <= 1;
    message.textContent = '';
    if (spec.loaded) {
      spec.loaded(items);
    }
  };
  const go = (n) => load(n).catch((e) => showError(message, e));
  prev.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));
  return { element: [count, slot, pager, message], slot, load, reload: () => load(current) };
}
