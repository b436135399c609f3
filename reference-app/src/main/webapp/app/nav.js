// Seva portal: the pages and the navigation. Each module's pages/<module>/index.js adds its pages here (addPages);
// app.js imports that one file per module, so a new module brings its pages and menu entries with one import.
// The firm's staff see the menu in groups (Clients, Work, Billing, Agents, Settings); others, who see a few entries,
// a plain list. Wide screens show it beside the page; at phone width it folds behind a "Menu" button.
import { h, replace } from '/assets/dom.js';
import { isStaff } from './shell.js';

/** The groups of the staff menu, in order; an entry's {@code menu.group} names one (or null: above the groups). */
export const GROUPS = Object.freeze([
  { id: 'clients', title: 'Clients' },
  { id: 'work', title: 'Work' },
  { id: 'billing', title: 'Billing' },
  { id: 'agents', title: 'Agents' },
  { id: 'settings', title: 'Settings' },
]);

/**
 * @typedef {object} Page
 * @property {string} path the hash path: 'documents', or 'documents/:id' (a ':' segment matches any one segment and
 *   arrives in params), or '' for the dashboard
 * @property {string} title the page's title (the browser tab, and the menu entry)
 * @property {function(number, Object<string, string>): (void|Promise<void>)} render shows the page for a ticket
 *   (see shell.js render) with the path's params; a rejection becomes the problem page
 * @property {{group: (string|null), order: number, shown: function(): boolean}} [menu] the page's menu entry: its
 *   group, its place in the group, and whether this user sees it (a convenience: the API decides what they may do)
 */

const pages = [];

/** Adds pages (see {@link Page}); a path added twice is a mistake and throws. */
export function addPages(...list) {
  for (const page of list) {
    if (pages.some((p) => p.path === page.path)) {
      throw new Error(`The page #/${page.path} is added twice.`);
    }
    if (page.menu && page.menu.group !== null && !GROUPS.some((g) => g.id === page.menu.group)) {
      throw new Error(`The page #/${page.path} names no menu group: ${page.menu.group}.`);
    }
    pages.push(Object.freeze(page));
  }
}

/** @returns {{page: Page, params: Object<string, string>}|null} the page for the route's path segments */
export function findPage(parts) {
  for (const page of pages) {
    const pattern = page.path === '' ? [] : page.path.split('/');
    if (pattern.length !== parts.length) {
      continue;
    }
    if (pattern.every((p, i) => p.startsWith(':') || p === parts[i])) {
      const params = {};
      pattern.forEach((p, i) => {
        if (p.startsWith(':')) {
          params[p.slice(1)] = parts[i];
        }
      });
      return { page, params };
    }
  }
  return null;
}

function order(a, b) {
  const group = (p) => (p.menu.group === null ? -1 : GROUPS.findIndex((g) => g.id === p.menu.group));
  return group(a) - group(b) || a.menu.order - b.menu.order;
}

function entry(page, active) {
  return h('li', {}, h('a', { href: '#/' + page.path, 'aria-current': page.path === active ? 'page' : null,
    text: page.title }));
}

/** Shows the menu entries this user sees; the entry of {@code active} (the route's first segment) is marked. */
export function buildNav(active) {
  const nav = document.getElementById('nav');
  const shown = pages.filter((p) => p.menu && p.menu.shown()).sort(order);
  if (!isStaff()) {
    nav.className = 'nav-list';
    replace(nav, ...shown.map((p) => entry(p, active)));
    return;
  }
  nav.className = 'nav-list grouped';
  replace(nav, ...shown.filter((p) => p.menu.group === null).map((p) => entry(p, active)),
    ...GROUPS.map((g) => {
      const mine = shown.filter((p) => p.menu.group === g.id);
      if (mine.length === 0) {
        return null;
      }
      const id = `nav-group-${g.id}`;
      return h('li', { class: 'nav-group', 'data-group': g.id },
        h('span', { id, class: 'nav-group-title', text: g.title }),
        h('ul', { 'aria-labelledby': id }, ...mine.map((p) => entry(p, active))));
    }));
}

/** The phone-width menu: the button opens and closes it; Escape and choosing a page close it. */
export function setUpMenu() {
  const box = document.getElementById('main-nav');
  const toggle = document.getElementById('nav-toggle');
  const show = (open) => {
    box.classList.toggle('open', open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  toggle.addEventListener('click', () => show(toggle.getAttribute('aria-expanded') !== 'true'));
  box.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      show(false);
      toggle.focus();
    }
  });
  window.addEventListener('hashchange', () => show(false));
}
