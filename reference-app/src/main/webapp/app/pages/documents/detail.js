// Seva portal: one document (#/documents/{id}): status (live until READY or FAILED), review, what Seva found, the
// text (fetched only when opened: every read is audited), details, versions (download any, upload a new one).
import { api, ApiError, toSignIn } from '/assets/api.js';
import { h, replace } from '/assets/dom.js';
import {
  card, day, documentTypes, has, heading, isCurrent, isStaff, render, showError, size, table, when,
} from '../../shell.js';
import { entityChoices, entityNamer, statusOf, watch } from './common.js';
import { correctionForm, fieldList } from './fields.js';
import { reviewActions, reviewParts } from './review.js';
import { uploader } from './upload.js';

/** Text answers (api() parses JSON only): the extracted text. */
async function fetchText(path) {
  let res;
  try {
    res = await fetch('/api/v1' + path, { headers: { Accept: 'text/plain' }, credentials: 'same-origin',
      cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check the connection and try again.' });
  }
  if (res.status === 401) {
    toSignIn();
    return new Promise(() => {});
  }
  if (!res.ok) {
    throw new ApiError(res.status, await res.json().catch(() => null));
  }
  return res.text();
}

export async function detailPage(ticket, { id }) {
  const path = '/documents/' + encodeURIComponent(id);
  let d;
  try {
    d = await api(path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || (e.status === 403 && e.code !== 'TOTP_ENROLMENT_REQUIRED'))) {
      render(ticket, heading('Document'),
        h('p', { id: 'document-missing', class: 'not-allowed', role: 'alert',
          text: 'This document does not exist, or you may not open it.' }),
        h('p', {}, h('a', { href: '#/documents', text: 'Back to your documents' })));
      return;
    }
    throw e;
  }
  const [versions, choices, types] = await Promise.all([api(path + '/versions'), entityChoices().catch(() => []),
    documentTypes()]);
  const entityName = entityNamer(choices);
  const staff = isStaff();

  const title = heading(d.title || 'Untitled document', 'document-title');
  const slots = { status: h('div', { id: 'document-status-area' }), review: h('div', { id: 'review-area' }),
    fields: h('div', { id: 'fields-area' }), details: h('div', { id: 'details-area' }),
    versions: h('div', { id: 'versions-area' }) };
  const text = textSection(path);
  const newVersion = staff || has('CLIENT') || has('AGENT') ? uploader({
    id: 'version', path: path + '/versions', meta: false, title: 'Upload a new version',
    submitText: 'Upload the new version', uploaded: () => refresh(true),
  }) : null;
  const correction = staff ? correctionForm(path, (updated) => fill(updated, null)) : null;
  const decision = staff ? reviewActions(path, (updated) => fill(updated, null)) : null;

  let watching = false;
  const fill = (doc, vs) => {
    d = doc;
    title.textContent = doc.title || 'Untitled document';
    replace(slots.status, ...statusParts(doc));
    replace(slots.review, ...reviewParts(doc, staff, newVersion));
    replace(slots.fields, fieldList(doc, types));
    replace(slots.details, detailList(doc, entityName, types));
    if (vs) {
      replace(slots.versions, versionTable(doc, vs, path));
    }
    if (correction) {
      correction.set(doc.fields || {});
    }
    if (decision) {
      decision.element.hidden = doc.status === 'PROCESSING';
    }
    if (doc.status === 'PROCESSING' && !watching) {
      watching = true;
      watch(ticket, doc.id, (fresh) => {
        if (fresh.status === 'PROCESSING') {
          fill(fresh, null);
          return;
        }
        watching = false;
        text.forget();
        api(path + '/versions').then((v) => fill(fresh, v), () => fill(fresh, null));
      });
    }
  };
  const refresh = async (newText) => {
    const [fresh, vs] = await Promise.all([api(path), api(path + '/versions')]);
    if (newText) {
      text.forget();
    }
    if (isCurrent(ticket)) {
      fill(fresh, vs);
    }
  };
  fill(d, versions);

  render(ticket, title,
    h('p', { class: 'lead' }, 'Of ', h('a', { id: 'document-entity', href: '#/documents?entity='
      + encodeURIComponent(d.entityId), text: entityName(d.entityId) || 'its entity' })),
    card('status-title', 'Status', slots.status),
    card('review-title', 'Review', slots.review, decision ? decision.element : null),
    card('fields-title', 'What Seva found', slots.fields, correction ? correction.element : null),
    card('text-title', 'Text', text.element),
    card('details-title', 'Details', slots.details),
    card('versions-title', 'Versions', slots.versions),
    newVersion ? newVersion.element : null);
}

/** The text Seva read, fetched when first opened; forget() closes it so that the next opening reads it again. */
function textSection(path) {
  const box = h('pre', { id: 'document-text', class: 'document-text', tabindex: '0' });
  const message = h('p', { id: 'document-text-message' });
  const element = h('details', { id: 'document-text-details' },
    h('summary', { id: 'document-text-toggle', text: 'Show the text Seva read from it' }), message, box);
  let loaded = false;
  element.addEventListener('toggle', async () => {
    if (!element.open || loaded) {
      return;
    }
    message.className = 'muted';
    message.textContent = 'Loading the text…';
    try {
      const value = await fetchText(path + '/text');
      loaded = true;
      box.textContent = value || '';
      message.textContent = value ? '' : 'No text was found in this document.';
    } catch (e) {
      showError(message, e);
    }
  });
  return { element, forget: () => {
    loaded = false;
    element.open = false;
  } };
}

function statusParts(d) {
  const parts = [h('p', { id: 'document-status', class: 'doc-status-line', role: 'status',
    'data-status': d.status }, statusOf(d),
  d.status === 'PROCESSING' ? h('span', { class: 'muted', text: ' Seva is reading the document; this page updates '
    + 'by itself.' }) : null)];
  if (d.status === 'FAILED') {
    parts.push(h('p', { id: 'document-failure', class: 'error', role: 'alert',
      text: `Why: ${d.failureReason || 'the reason was not recorded.'} The file stays stored; upload a readable `
        + 'version to try again.' }));
  }
  const ocr = d.ocr || {};
  if (ocr.state === 'UNAVAILABLE') {
    parts.push(h('p', { id: 'ocr-unavailable', class: 'banner', role: 'alert',
      text: 'Text recognition (OCR) is not available on the server right now. The document is stored; Seva reads '
        + 'it again once recognition is back.' }));
  } else if (d.status === 'READY') {
    const how = ocrLine(ocr); // how the text was read, once it has been
    if (how) {
      parts.push(h('p', { id: 'document-ocr', class: 'muted', text: how }));
    }
  }
  return parts;
}

function ocrLine(ocr) {
  if (ocr.state === 'DONE') {
    const bits = [`Text recognised (${ocr.engine || 'OCR'})`];
    if (typeof ocr.pages === 'number') {
      bits.push(`${ocr.pages} page${ocr.pages === 1 ? '' : 's'}`);
    }
    if (typeof ocr.confidence === 'number') {
      bits.push(`confidence ${ocr.confidence}%`);
    }
    return bits.join(', ') + '.';
  }
  if (ocr.state === 'NOT_NEEDED') {
    return 'The text was taken from the file itself.';
  }
  if (ocr.state === 'PENDING') {
    return 'Waiting for text recognition.';
  }
  return null;
}

function detailList(d, entityName, types) {
  const rows = [
    ['Type', types.name(d.documentType)],
    ['Entity', entityName(d.entityId) || d.entityId],
    ['Current version', String(d.currentVersion)],
    ['File type', d.mediaType || ''],
    ['Size', size(d.sizeBytes)],
    ['SHA-256', d.sha256 || ''],
    ['Expires on', d.expiresOn ? day(d.expiresOn) : 'No expiry recorded'],
    ['Kept at least until', d.retainUntil ? day(d.retainUntil) : ''],
    ['Legal hold', d.legalHold ? 'Yes: it cannot be deleted' : 'No'],
    ['Uploaded', when(d.createdAt)],
    ['Last changed', when(d.updatedAt)],
  ].filter(([, v]) => v !== '');
  return h('dl', { id: 'document-details', class: 'facts' }, ...rows.flatMap(([k, v]) => [h('dt', { text: k }),
    h('dd', { class: k === 'SHA-256' ? 'hash' : null, text: v })]));
}

function versionTable(d, versions, path) {
  return table('version-list', ['Version', 'File', 'Size', 'Status', 'Uploaded', ''],
    (versions || []).map((v) => h('tr', { 'data-version': v.version },
      h('td', { text: v.version === d.currentVersion ? `${v.version} (current)` : String(v.version) }),
      h('td', {}, h('span', { text: v.originalName || '' }), h('span', { class: 'muted block',
        text: v.mediaType || '' })),
      h('td', { text: size(v.sizeBytes) }),
      h('td', {}, statusOf(v),
        v.status === 'FAILED' && v.failureReason ? h('span', { class: 'muted block', text: v.failureReason }) : null),
      h('td', { text: when(v.createdAt) }),
      // a plain same-origin link: the session cookie authorises the GET and the answer is an attachment, so the
      // browser saves it; no blob: URL (the CSP allows none) and nothing is held in the page's memory
      h('td', {}, h('a', { class: 'download-link', href: `/api/v1${path}/content?version=${v.version}`,
        download: v.originalName || 'document', text: 'Download',
        'aria-label': `Download version ${v.version}` })))), { empty: 'No versions.' });
}
