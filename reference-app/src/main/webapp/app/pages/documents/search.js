// Seva portal: search (#/search?q=…&documentType=…): full-text over titles and text, with filters (entity, type,
// status, review, expiring before); the filters live in the address, so a search can be bookmarked or shared.
import { ApiError } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  card, documentTypes, heading, myEntities, pagedList, render, routeQuery, showError,
} from '../../shell.js';
import { REVIEW_NAMES, STATUS_NAMES, entityChoices, entityNamer, resultTable } from './common.js';

const FILTERS = ['q', 'entityId', 'documentType', 'status', 'reviewState', 'expiringBefore'];

export async function searchPage(ticket) {
  const query = routeQuery();
  const [choices, types] = await Promise.all([entityChoices().catch(() => myEntities()), documentTypes()]);
  const entityName = entityNamer(choices);
  const params = {};
  for (const f of FILTERS) {
    const v = (query.get(f) || '').trim();
    if (v) {
      params[f] = v;
    }
  }
  const select = (name, first, values, names) => {
    const s = h('select', { id: 'search-' + name, name }, h('option', { value: '', text: first }),
      ...values.map((v) => h('option', { value: v, text: names(v) })));
    s.value = params[name] || '';
    return s;
  };
  const message = h('p', { id: 'search-message' });
  const form = h('form', { id: 'search-form', class: 'search-form', role: 'search', novalidate: true },
    h('div', { class: 'search-words' }, ...field('Words in the title or the text', h('input', { id: 'search-q',
      name: 'q', type: 'search', maxlength: '200', autocomplete: 'off', value: params.q || '' }))),
    h('div', {}, ...field('Entity', select('entityId', 'All of them', choices.map((e) => e.id), entityName))),
    h('div', {}, ...field('Type', select('documentType', 'Any type', types.list.map((t) => t.code), types.name))),
    h('div', {}, ...field('Status', select('status', 'Any status', Object.keys(STATUS_NAMES),
      (s) => STATUS_NAMES[s]))),
    h('div', {}, ...field('Review', select('reviewState', 'Any', Object.keys(REVIEW_NAMES),
      (s) => REVIEW_NAMES[s]))),
    h('div', {}, ...field('Expiring before', h('input', { id: 'search-expiringBefore', name: 'expiringBefore',
      type: 'date', value: params.expiringBefore || '' }))),
    h('div', { class: 'actions' }, h('button', { id: 'search-submit', type: 'submit', text: 'Search' }),
      h('a', { href: '#/search', class: 'button secondary', text: 'Clear' })),
    message);
  let results = null;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const f of FILTERS) {
      const v = form.elements[f].value.trim();
      if (v) {
        next.set(f, v);
      }
    }
    const hash = '#/search' + (next.toString() ? '?' + next.toString() : '');
    if (hash === location.hash && results) {
      results.reload().catch((e) => showError(message, e));
    } else {
      location.hash = hash;
    }
  });
  const parts = [heading('Search documents'), h('section', { class: 'card' }, form)];
  if (Object.keys(params).length === 0) {
    parts.push(h('p', { id: 'search-hint', class: 'muted',
      text: 'Type words from a document (a name, a number, a word on the page), or choose a filter.' }));
    render(ticket, ...parts);
    return;
  }
  results = pagedList({
    path: '/documents', params, id: 'search', one: 'document found', many: 'documents found',
    table: (items) => resultTable('search-results', items, entityName, types, 'Nothing matches.'),
  });
  try {
    await results.load(0);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400) {
      throw e;
    }
    showError(message, e); // a filter the API refuses (a malformed date...) is said under the form
    render(ticket, ...parts);
    return;
  }
  render(ticket, ...parts, card('results-title', 'Results', ...results.element));
}
