// Seva portal: what the vault's pages share: the names of statuses and review states, badges and links of a
// document, the entities a user may pick, a table of documents found, and watching a document being read.
import { api, ApiError } from '/assets/api.js';
import { h } from '/assets/dom.js';
import { isCurrent, isStaff, myEntities, statusBadge, table, when } from '../../shell.js';

export const STATUS_NAMES = { PROCESSING: 'Being read…', READY: 'Ready', FAILED: 'Could not be read' };
export const REVIEW_NAMES = { PENDING_REVIEW: 'Waiting for review', APPROVED: 'Approved',
  REJECTED: 'New version requested' };

/** @returns {HTMLElement} a document's (or a version's) processing status */
export function statusOf(d) {
  return statusBadge(d.status, { names: STATUS_NAMES, kind: 'doc-status' });
}

/** @returns {HTMLElement} a document's review state */
export function reviewOf(d) {
  return statusBadge(d.reviewState, { names: REVIEW_NAMES, kind: 'review-state' });
}

export function documentLink(d) {
  return h('a', { href: '#/documents/' + encodeURIComponent(d.id), class: 'document-link',
    text: d.title || 'Untitled document' });
}

/** The entities the user may pick: staff see the firm's (the first 200), others their own. */
export async function entityChoices() {
  if (isStaff()) {
    const page = await api('/entities?page=0&size=200');
    return page.items || [];
  }
  return myEntities();
}

/** @returns {function(string): string} the legal name of an entity id among the choices ('' when not there) */
export function entityNamer(choices) {
  const names = new Map(choices.map((e) => [e.id, e.legalName]));
  return (id) => names.get(id) || '';
}

/** The documents a search or the review queue found, with their entity. */
export function resultTable(id, items, entityName, types, empty) {
  return table(id, ['Title', 'Entity', 'Type', 'Status', 'Review', 'Uploaded'], items.map((d) => h('tr',
    { 'data-document-id': d.id },
    h('td', {}, documentLink(d)),
    h('td', { text: entityName(d.entityId) }),
    h('td', { text: types.name(d.documentType) }),
    h('td', {}, statusOf(d)),
    h('td', {}, reviewOf(d)),
    h('td', { text: when(d.createdAt) }))), { empty });
}

/**
 * Watches a document until it leaves PROCESSING: asks again after 1 s, then 1.5 times longer each time (at most
 * 10 s); stops when the page is left (its ticket is no longer current) or the document is gone.
 */
export function watch(ticket, id, onChange) {
  let delay = 1000;
  const tick = async () => {
    if (!isCurrent(ticket)) {
      return;
    }
    let d;
    try {
      d = await api('/documents/' + encodeURIComponent(id));
    } catch (e) {
      if (!isCurrent(ticket) || (e instanceof ApiError && (e.status === 404 || e.status === 403))) {
        return;
      }
      delay = Math.min(delay * 2, 30000);
      setTimeout(tick, delay);
      return;
    }
    if (!isCurrent(ticket)) {
      return;
    }
    onChange(d);
    if (d.status === 'PROCESSING') {
      delay = Math.min(Math.round(delay * 1.5), 10000);
      setTimeout(tick, delay);
    }
  };
  setTimeout(tick, delay);
}
