// Seva portal: what the agents pages share: the stages of a lead, this month in India, and a part of a page that
// says it is not available instead of failing the whole page.
import { ApiError } from '/assets/api.js';
import { h } from '/assets/dom.js';

export const STAGES = ['NEW', 'CONTACTED', 'QUALIFIED', 'CONVERTED', 'LOST'];

/** @returns {string} this month as yyyy-mm, in India (the ledger's months are India's) */
export function thisMonth() {
  return new Date(Date.now() + 330 * 60 * 1000).toISOString().slice(0, 7);
}

/** A paragraph that says the part is not available (yet), in place of the part. */
export function unavailable(id, title, e) {
  const text = e instanceof ApiError && e.status === 404
    ? `${title}: not available on this server yet.`
    : `${title}: ${e instanceof Error ? e.message : 'something went wrong.'}`;
  return h('p', { id, class: 'error', role: 'alert', text });
}
