// Seva portal: review. The firm's queue (#/review, staff): documents waiting for a decision, newest first; on a
// document, its review state (a rejected one asks the client for a new version) and the staff's decision.
import { api } from '/assets/api.js';
import { field, h } from '/assets/dom.js';
import {
  act, card, documentTypes, heading, isStaff, notAllowed, pagedList, render,
} from '../../shell.js';
import { entityChoices, entityNamer, resultTable, reviewOf } from './common.js';

export async function reviewPage(ticket) {
  const title = 'Review queue';
  if (!isStaff()) {
    notAllowed(ticket, title); // the API refuses review decisions to others anyway (403)
    return;
  }
  const [choices, types] = await Promise.all([entityChoices(), documentTypes()]);
  const entityName = entityNamer(choices);
  const queue = pagedList({
    path: '/documents', params: { reviewState: 'PENDING_REVIEW' }, id: 'review',
    one: 'document waits for review', many: 'documents wait for review',
    table: (items) => resultTable('review-list', items, entityName, types, 'Nothing waits for review.'),
  });
  await queue.load(0);
  render(ticket, heading(title),
    card('queue-title', 'Waiting for a decision, across the firm',
      h('p', { class: 'muted', text: 'Newest first. Open a document to approve it or to ask the client for a new '
        + 'version.' }),
      ...queue.element));
}

/** A document's review state; {@code newVersion} (an uploader) gets a button when a new version is asked for. */
export function reviewParts(d, staff, newVersion) {
  const parts = [h('p', { id: 'review-state' }, reviewOf(d))];
  const comment = d.review && d.review.comment ? d.review.comment : null;
  if (d.reviewState === 'REJECTED') {
    parts.push(h('div', { id: 'review-rejected', class: 'banner', role: 'alert' },
      h('p', { text: staff
        ? 'Rejected: the client is asked to upload a new version.'
        : 'Your firm asked for a new version of this document. Please upload a new version.' }),
      comment ? h('p', {}, 'Reason: ', h('q', { id: 'review-comment-text', text: comment })) : null,
      newVersion ? h('button', { id: 'review-upload', type: 'button', text: 'Upload a new version',
        onclick: () => newVersion.focus() }) : null));
  } else if (d.reviewState === 'APPROVED') {
    parts.push(h('p', { class: 'success', text: 'Your firm approved this version.' }));
    if (comment) {
      parts.push(h('p', {}, 'Comment: ', h('q', { id: 'review-comment-text', text: comment })));
    }
  } else {
    parts.push(h('p', { class: 'muted', text: staff ? 'Nobody has reviewed this version yet.'
      : 'Your firm has not reviewed this version yet.' }));
  }
  return parts;
}

/** Staff: approve, or reject with a comment (POST {path}/review); {@code updated} gets the document after. */
export function reviewActions(path, updated) {
  const message = h('p', { id: 'review-message' });
  const comment = h('textarea', { id: 'review-comment', name: 'comment', maxlength: '2000' });
  const approve = h('button', { id: 'review-approve', type: 'button', text: 'Approve' });
  const reject = h('button', { id: 'review-reject', type: 'button', class: 'secondary',
    text: 'Reject and ask for a new version' });
  const form = h('form', { id: 'review-form', class: 'stack', novalidate: true },
    ...field('Comment for the client (required to reject)', comment),
    h('div', { class: 'actions' }, approve, reject), message);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const decide = (button, decision, text) => act(button, {
    form,
    message,
    prefix: 'review-',
    send: () => {
      const body = { decision };
      if (comment.value.trim()) {
        body.comment = comment.value.trim();
      }
      return api(path + '/review', { method: 'POST', json: body });
    },
    done: (d) => {
      comment.value = '';
      updated(d);
      return text;
    },
  });
  decide(approve, 'APPROVE', 'Approved.');
  decide(reject, 'REJECT', 'Rejected: the client is asked for a new version.');
  return { element: h('div', { class: 'review-actions' }, h('h3', { text: 'Your decision' }), form) };
}
