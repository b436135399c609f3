// Seva portal: the document vault's pages. The documents of an entity (upload with drag-and-drop and a progress bar,
// the entity's checklist, the list with live processing status), one document (status, classification, fields,
// text, versions, review), the firm's review queue (staff) and search. Every page asks the API, which decides who may
// see what; everything a user or a document says is put on the page as text.
import { api, ApiError, cookie, toSignIn } from '/assets/api.js';
import { clearFieldErrors, field, h, replace, showFieldErrors } from '/assets/dom.js';
import {
  currentEntity, has, isCurrent, isStaff, label, me, myEntities, notAllowed, render, routeName, routeParts,
  routeQuery, showDone, showError,
} from '../shell.js';

const DOCUMENT_TYPES = ['PAN_CARD', 'AADHAAR', 'GST_CERTIFICATE', 'INCORPORATION_CERTIFICATE', 'CANCELLED_CHEQUE',
  'BANK_STATEMENT', 'INVOICE', 'OTHER'];
const TYPE_NAMES = {
  PAN_CARD: 'PAN card',
  AADHAAR: 'Aadhaar',
  GST_CERTIFICATE: 'GST registration certificate',
  INCORPORATION_CERTIFICATE: 'Certificate of incorporation',
  CANCELLED_CHEQUE: 'Cancelled cheque',
  BANK_STATEMENT: 'Bank statement',
  INVOICE: 'Invoice',
  OTHER: 'Other',
};
const STATUSES = ['PROCESSING', 'READY', 'FAILED'];
const STATUS_NAMES = { PROCESSING: 'Being read…', READY: 'Ready', FAILED: 'Could not be read' };
const REVIEW_STATES = ['PENDING_REVIEW', 'APPROVED', 'REJECTED'];
const REVIEW_NAMES = { PENDING_REVIEW: 'Waiting for review', APPROVED: 'Approved', REJECTED: 'New version requested' };
const CHECKLIST_NAMES = {
  MISSING: 'Missing',
  SATISFIED: 'Provided',
  APPROVED: 'Provided and approved',
  REJECTED: 'Rejected: upload a new version',
  EXPIRED: 'Expired: upload a current one',
  PROCESSING: 'Being read…',
  FAILED: 'Could not be read: upload it again',
  READY: 'Uploaded',
};
/** Field names as the API gives them; the page shows exactly the API's values (Aadhaar arrives masked). */
const FIELD_NAMES = {
  pan: 'PAN',
  gstin: 'GSTIN',
  cin: 'CIN',
  ifsc: 'IFSC',
  aadhaarMasked: 'Aadhaar (only the last 4 digits are kept)',
  name: 'Name',
  dateOfBirth: 'Date of birth',
  issuedOn: 'Issued on',
  validFrom: 'Valid from',
  expiresOn: 'Expires on',
  incorporatedOn: 'Incorporated on',
  invoiceDate: 'Invoice date',
  dates: 'Other dates',
};
const TEXT_FIELDS = ['pan', 'gstin', 'cin', 'ifsc', 'name'];
const DATE_FIELDS = ['dateOfBirth', 'issuedOn', 'validFrom', 'expiresOn', 'incorporatedOn', 'invoiceDate'];
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp,.docx,.xlsx,.odt,.txt,.csv';
const ACCEPTED_TEXT = 'PDF, PNG, JPEG, TIFF, WebP, Word (DOCX), Excel (XLSX), OpenDocument text, plain text or CSV';
const PAGE_SIZE = 50;

/** The vault's pages, spread into app.js's ROUTES. */
export const ROUTES = {
  documents: { title: 'Documents', render: documentsRoute, menu: () => Boolean(me.tenant) },
  search: { title: 'Search documents', render: searchPage, menu: () => Boolean(me.tenant) },
  review: { title: 'Review queue', render: reviewPage, menu: () => Boolean(me.tenant) && isStaff() },
};

// the header's "Working on" switcher also switches the documents page (app.js re-renders only the dashboard)
const switcher = document.getElementById('entity-select');
if (switcher) {
  switcher.addEventListener('change', () => {
    if (routeName() === 'documents' && routeParts().length === 1) {
      location.hash = '#/documents?entity=' + encodeURIComponent(switcher.value);
    }
  });
}

// --- small helpers ----------------------------------------------------------------------------------------------

function typeName(code) {
  return TYPE_NAMES[code] || label(code);
}

function documentLink(d) {
  return h('a', { href: '#/documents/' + encodeURIComponent(d.id), class: 'document-link',
    text: d.title || 'Untitled document' });
}

function statusBadge(d) {
  return h('span', { class: 'doc-status', 'data-status': d.status, text: STATUS_NAMES[d.status] || label(d.status) });
}

function reviewBadge(d) {
  return h('span', { class: 'review-state', 'data-review': d.reviewState,
    text: REVIEW_NAMES[d.reviewState] || label(d.reviewState) });
}

function size(bytes) {
  if (typeof bytes !== 'number') {
    return '';
  }
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function when(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString('en-IN', { dateStyle: 'medium',
    timeStyle: 'short' });
}

function day(value) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value || '';
  }
  const d = new Date(value + 'T00:00:00');
  return d.toLocaleDateString('en-IN', { dateStyle: 'medium' });
}

/** The entities the user may pick: staff see the firm's (the first 200), others their own. */
async function entityChoices() {
  if (isStaff()) {
    const page = await api('/entities?page=0&size=200');
    return page.items || [];
  }
  return myEntities();
}

function entityNamer(choices) {
  const names = new Map(choices.map((e) => [e.id, e.legalName]));
  return (id) => names.get(id) || '';
}

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
    let problem = null;
    try {
      problem = await res.json();
    } catch (e) {
      problem = null;
    }
    throw new ApiError(res.status, problem);
  }
  return res.text();
}

/**
 * Watches a document until it leaves PROCESSING: asks again after 1 s, then 1.5 times longer each time (at most
 * 10 s); stops when the page is left (its ticket is no longer current) or the document is gone.
 */
function watch(ticket, id, onChange) {
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

/**
 * A page of GET /documents at a time with the given filters: a count, the table, Previous/Next.
 * @returns {{element: Node[], load: function(number): Promise<void>, reload: function(): Promise<void>}}
 */
function documentPages(spec) {
  let current = 0;
  const count = h('p', { id: `${spec.id}-count`, class: 'muted', role: 'status' });
  const slot = h('div', { class: 'table-wrap' });
  const where = h('span', { id: `${spec.id}-page`, class: 'muted' });
  const message = h('p', { id: `${spec.id}-page-message` });
  const prev = h('button', { id: `${spec.id}-prev`, type: 'button', class: 'secondary', text: 'Previous' });
  const next = h('button', { id: `${spec.id}-next`, type: 'button', class: 'secondary', text: 'Next' });
  const pager = h('nav', { class: 'pager', 'aria-label': `Pages of ${spec.many}` }, prev, where, next);
  const load = async (n) => {
    const params = new URLSearchParams(spec.params);
    params.set('page', String(n));
    params.set('size', String(PAGE_SIZE));
    const page = await api('/documents?' + params.toString());
    const items = page.items || [];
    const total = typeof page.total === 'number' ? page.total : items.length;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    current = n;
    replace(slot, items.length === 0 ? h('p', { id: spec.id + '-list', class: 'muted', text: spec.empty })
      : spec.table(items));
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
  return { element: [count, slot, pager, message], load, reload: () => load(current), slot };
}

// --- uploading --------------------------------------------------------------------------------------------------

/**
 * POST multipart to /api/v1{path} with XMLHttpRequest (fetch cannot report upload progress), with the CSRF header
 * as api() sends it. @returns {{promise: Promise<any>, abort: function()}}
 */
function sendMultipart(path, form, onProgress) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise((resolve, reject) => {
    xhr.open('POST', '/api/v1' + path);
    xhr.setRequestHeader('Accept', 'application/json');
    const csrf = cookie('seva_csrf');
    if (csrf) {
      xhr.setRequestHeader('X-CSRF-Token', csrf);
    }
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded, e.total);
      }
    });
    xhr.addEventListener('load', () => {
      const type = xhr.getResponseHeader('Content-Type') || '';
      let data = null;
      if (xhr.status !== 204 && (type.includes('application/json') || type.includes('+json'))) {
        try {
          data = JSON.parse(xhr.responseText);
        } catch (e) {
          data = null;
        }
      }
      if (xhr.status === 401) {
        toSignIn();
        return;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data);
      } else {
        reject(new ApiError(xhr.status, data));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, { detail: 'The upload stopped before the server '
      + 'answered. Check the connection and try again; a very large file may be over your firm\'s limit.' })));
    xhr.addEventListener('abort', () => reject(new ApiError(0, { code: 'UPLOAD_CANCELLED',
      detail: 'The upload was cancelled.' })));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** What to tell the user when an upload is refused. */
function uploadProblem(e, name) {
  if (e instanceof ApiError) {
    switch (e.code) {
      case 'DOCUMENT_TYPE_NOT_ALLOWED':
        return `“${name}” was not accepted. ${e.message}`;
      case 'DOCUMENT_TOO_LARGE':
        return `“${name}” is too large. ${e.message}`;
      case 'DOCUMENT_EMPTY':
        return `“${name}” is empty (0 bytes). Choose the file again; it may not have been saved completely.`;
      case 'MALFORMED_REQUEST':
        return `“${name}” did not arrive completely. Try again.`;
      default:
        break;
    }
    if (e.status === 404) {
      return 'You cannot upload here: it does not exist or is not one of yours.';
    }
    if (e.status === 403) {
      return 'You are not allowed to upload documents.';
    }
  }
  return e instanceof Error ? e.message : 'The upload failed.';
}

/**
 * An upload form: a drop zone (also opens the file picker with Enter or Space), a visible "Choose a file" button, a
 * progress bar and the API's answer. With {@code meta}, the title, type and expiry of a new document too.
 * @param {{id: string, path: string, meta: boolean, title: string, submitText: string,
 *   uploaded: function(object): void}} spec
 */
function uploader(spec) {
  const id = spec.id;
  let chosen = null;
  let running = null;
  const input = h('input', { id: `${id}-file`, type: 'file', accept: ACCEPT, class: 'visually-hidden',
    tabindex: '-1', 'aria-hidden': 'true' });
  const choose = h('button', { id: `${id}-choose`, type: 'button', class: 'secondary', text: 'Choose a file…' });
  const chosenText = h('p', { id: `${id}-chosen`, class: 'muted', text: 'No file chosen yet.' });
  const zone = h('div', { id: `${id}-drop`, class: 'drop-zone', tabindex: '0', role: 'button',
    'aria-describedby': `${id}-chosen ${id}-accepted` },
  h('span', { class: 'drop-title', text: 'Drop a file here' }),
  h('span', { class: 'muted', text: ' or press Enter to choose one' }));
  const accepted = h('p', { id: `${id}-accepted`, class: 'muted small', text: `Accepted: ${ACCEPTED_TEXT}.` });
  const progress = h('progress', { id: `${id}-progress`, max: '100', value: '0', 'aria-labelledby':
    `${id}-progress-text` });
  const progressText = h('p', { id: `${id}-progress-text`, class: 'muted', role: 'status' });
  const progressBox = h('div', { class: 'upload-progress', hidden: true }, progress, progressText);
  const submit = h('button', { id: `${id}-submit`, type: 'submit', text: spec.submitText });
  const cancel = h('button', { id: `${id}-cancel`, type: 'button', class: 'secondary', text: 'Cancel upload',
    hidden: true });
  const message = h('p', { id: `${id}-message` });
  const typeSelect = spec.meta ? h('select', { id: `${id}-documentType`, name: 'documentType' },
    h('option', { value: '', text: 'Let Seva recognise it' }),
    ...DOCUMENT_TYPES.map((t) => h('option', { value: t, text: typeName(t) }))) : null;
  const meta = spec.meta ? [
    ...field('Title (optional)', h('input', { id: `${id}-title`, name: 'title', type: 'text', maxlength: '200',
      autocomplete: 'off' })),
    ...field('Type', typeSelect),
    ...field('Expires on (optional)', h('input', { id: `${id}-expiresOn`, name: 'expiresOn', type: 'date' })),
  ] : [];
  const form = h('form', { id: `${id}-form`, class: 'stack upload-form', novalidate: true },
    zone, h('div', { class: 'actions' }, choose, input), chosenText,
    h('p', { id: `${id}-file-error`, class: 'field-error' }), accepted,
    ...meta,
    h('div', { class: 'actions' }, submit, cancel), progressBox, message);
  input.setAttribute('aria-describedby', `${id}-file-error`);

  const pick = (file) => {
    chosen = file || null;
    chosenText.textContent = chosen ? `Chosen: ${chosen.name} (${size(chosen.size)})` : 'No file chosen yet.';
    chosenText.className = chosen ? 'chosen' : 'muted';
    message.textContent = '';
    clearFieldErrors(form);
  };
  const open = () => input.click();
  choose.addEventListener('click', open);
  zone.addEventListener('click', open);
  zone.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      open();
    }
  });
  input.addEventListener('change', () => pick(input.files && input.files[0]));
  zone.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    zone.classList.add('dragover');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragover'));
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    zone.classList.remove('dragover');
    const files = ev.dataTransfer && ev.dataTransfer.files;
    if (!files || files.length === 0) {
      return;
    }
    pick(files[0]);
    if (files.length > 1) {
      message.className = 'muted';
      message.textContent = `One file at a time: ${files[0].name} is chosen.`;
    }
  });
  cancel.addEventListener('click', () => {
    if (running) {
      running.abort();
    }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (running) {
      return;
    }
    clearFieldErrors(form);
    message.textContent = '';
    if (!chosen) {
      showError(message, new Error('Choose a file first: drop it on the box or use “Choose a file…”.'));
      choose.focus();
      return;
    }
    const file = chosen;
    const body = new FormData();
    if (spec.meta) {
      for (const name of ['title', 'documentType', 'expiresOn']) {
        const value = form.elements[name].value.trim();
        if (value) {
          body.append(name, value);
        }
      }
    }
    body.append('file', file, file.name);
    progress.value = 0;
    progressText.textContent = `Uploading ${file.name}: 0%`;
    progressBox.hidden = false;
    submit.disabled = true;
    cancel.hidden = false;
    running = sendMultipart(spec.path, body, (loaded, total) => {
      const percent = total > 0 ? Math.floor((loaded * 100) / total) : 0;
      progress.value = percent;
      progressText.textContent = `Uploading ${file.name}: ${percent}% (${size(loaded)} of ${size(total)})`;
    });
    try {
      const created = await running.promise;
      progress.value = 100;
      progressText.textContent = `Uploaded ${file.name}.`;
      form.reset();
      pick(null);
      showDone(message, `Uploaded “${file.name}”. Seva is reading it now; its status changes by itself.`);
      spec.uploaded(created);
    } catch (e) {
      progressBox.hidden = true;
      const fieldErrors = e instanceof ApiError ? e.fieldErrors : [];
      if (fieldErrors.length > 0) {
        const rest = showFieldErrors(form, `${id}-`, fieldErrors);
        showError(message, rest.length === 0 ? new Error('Check the marked fields.') : e);
      } else {
        showError(message, new Error(uploadProblem(e, file.name)));
      }
      message.scrollIntoView({ block: 'nearest' });
    } finally {
      running = null;
      submit.disabled = false;
      cancel.hidden = true;
    }
  });
  const element = h('section', { class: 'card', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading`, text: spec.title }), form);
  return {
    element,
    /** Prepares the form for a checklist requirement: its type chosen, the focus on "Choose a file". */
    prepare(documentType) {
      if (typeSelect) {
        typeSelect.value = documentType;
      }
      element.scrollIntoView({ block: 'start' });
      choose.focus();
    },
    focus() {
      element.scrollIntoView({ block: 'start' });
      choose.focus();
    },
  };
}

// --- the documents of an entity ----------------------------------------------------------------------------------

function documentsRoute(ticket) {
  const parts = routeParts();
  if (parts.length > 1) {
    return documentPage(ticket, parts[1]);
  }
  return entityDocumentsPage(ticket);
}

async function entityDocumentsPage(ticket) {
  const title = 'Documents';
  const choices = [...await entityChoices()];
  const wanted = routeQuery().get('entity');
  const mine = currentEntity();
  let entity = (wanted && choices.find((e) => e.id === wanted))
    || (!wanted && mine && choices.find((e) => e.id === mine.id)) || (!wanted && choices[0]) || null;
  if (!entity && wanted) {
    try {
      entity = await api('/entities/' + encodeURIComponent(wanted));
      choices.push(entity);
    } catch (e) {
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 403)) {
        throw e;
      }
      render(ticket, h('h1', { tabindex: '-1', text: title }),
        h('p', { id: 'documents-problem', class: 'error', role: 'alert',
          text: 'This entity does not exist, or it is not one of yours.' }),
        h('p', {}, h('a', { href: '#/documents', text: 'Back to your documents' })));
      return;
    }
  }
  if (!entity) {
    render(ticket, h('h1', { tabindex: '-1', text: title }),
      h('p', { id: 'documents-none', class: 'muted', text: isStaff()
        ? 'The firm has no entities yet. Create one on the Entities page first.'
        : 'You are not linked to any entity yet. Your firm links you to your companies.' }));
    return;
  }
  const canUpload = isStaff() || has('CLIENT') || has('AGENT');
  const eid = encodeURIComponent(entity.id);
  let checklist = null;
  const watching = new Set();
  const list = documentPages({
    id: 'document', one: 'document', many: 'documents', empty: 'No documents yet.',
    params: { entityId: entity.id },
    table: documentTable,
    loaded: (items) => items.filter((d) => d.status === 'PROCESSING' && !watching.has(d.id)).forEach((d) => {
      watching.add(d.id);
      watch(ticket, d.id, (fresh) => {
        updateRow(list.slot, fresh);
        if (fresh.status !== 'PROCESSING') {
          watching.delete(fresh.id);
          checklist.load().catch((e) => showError(checklist.message, e));
        }
      });
    }),
  });
  const upload = canUpload ? uploader({
    id: 'upload', path: `/entities/${eid}/documents`, meta: true, title: 'Upload a document',
    submitText: 'Upload',
    uploaded: () => Promise.all([list.load(0), checklist.load()]).catch((e) => showError(checklist.message, e)),
  }) : null;
  checklist = checklistSection(entity, upload);
  await Promise.all([list.load(0), checklist.load()]);
  const picker = choices.length > 1 ? entityPicker(choices, entity) : null;
  render(ticket,
    h('h1', { tabindex: '-1', text: title }),
    h('p', { class: 'lead' }, 'Documents of ', h('strong', { id: 'documents-entity', text: entity.legalName }),
      entity.type ? h('span', { class: 'muted', text: ` (${label(entity.type)})` }) : null),
    picker,
    checklist.element,
    upload ? upload.element : null,
    h('section', { class: 'card', 'aria-labelledby': 'documents-title' },
      h('h2', { id: 'documents-title', text: 'Uploaded documents' }), list.element),
    h('p', {}, h('a', { href: '#/search', text: 'Search all documents' })));
}

function entityPicker(choices, entity) {
  const select = h('select', { id: 'documents-entity-select' },
    ...choices.map((e) => h('option', { value: e.id, text: e.legalName })));
  select.value = entity.id;
  const form = h('form', { id: 'documents-entity-form', class: 'inline-form' },
    ...field('Show the documents of', select),
    h('button', { type: 'submit', class: 'secondary', text: 'Show' }));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = '#/documents?entity=' + encodeURIComponent(select.value);
  });
  return form;
}

function documentTable(items) {
  return h('table', { id: 'document-list' },
    h('thead', {}, h('tr', {}, ...['Title', 'Type', 'Status', 'Review', 'Uploaded'].map((t) => h('th',
      { scope: 'col', text: t })))),
    h('tbody', {}, ...items.map((d) => h('tr', { 'data-document-id': d.id },
      h('td', {}, documentLink(d)),
      h('td', { class: 'doc-type', text: typeName(d.documentType) }),
      h('td', { class: 'doc-status-cell' }, statusBadge(d)),
      h('td', { class: 'doc-review-cell' }, reviewBadge(d)),
      h('td', { text: when(d.createdAt) })))));
}

function updateRow(slot, d) {
  const row = slot.querySelector(`tr[data-document-id="${CSS.escape(d.id)}"]`);
  if (!row) {
    return;
  }
  replace(row.querySelector('.doc-status-cell'), statusBadge(d));
  replace(row.querySelector('.doc-review-cell'), reviewBadge(d));
  row.querySelector('.doc-type').textContent = typeName(d.documentType);
}

function checklistSection(entity, upload) {
  const message = h('p', { id: 'checklist-message' });
  const slot = h('div', { id: 'checklist' });
  const summary = h('p', { id: 'checklist-summary', role: 'status' });
  const load = async () => {
    const c = await api('/entities/' + encodeURIComponent(entity.id) + '/checklist');
    const items = c.items || [];
    if (items.length === 0) {
      summary.textContent = '';
      replace(slot, h('p', { class: 'muted', id: 'checklist-empty',
        text: `Your firm has not listed the documents it needs from a ${label(c.entityType || entity.type)} `
          + 'entity yet.' }));
      return;
    }
    const missing = items.filter((i) => i.required && !i.satisfiedBy).length;
    summary.className = c.complete ? 'success' : 'muted';
    summary.textContent = c.complete ? 'Everything required is here.'
      : `${missing} required document${missing === 1 ? ' is' : 's are'} still missing.`;
    replace(slot, h('div', { class: 'table-wrap' }, h('table', { id: 'checklist-table' },
      h('thead', {}, h('tr', {}, ...['Document', 'Needed', 'Status', ''].map((t) => h('th', { scope: 'col',
        text: t })))),
      h('tbody', {}, ...items.map((i) => checklistRow(i, upload))))));
  };
  const element = h('section', { class: 'card', 'aria-labelledby': 'checklist-title' },
    h('h2', { id: 'checklist-title', text: 'Checklist' }), summary, slot, message,
    isStaff() && entity.type ? requirementForm(entity.type, () => load()) : null);
  return { element, load, message };
}

/** Staff: ask every entity of this type for a type of document (POST /document-requirements). */
function requirementForm(entityType, added) {
  const message = h('p', { id: 'requirement-message' });
  const type = h('select', { id: 'requirement-documentType', name: 'documentType' },
    ...DOCUMENT_TYPES.map((t) => h('option', { value: t, text: typeName(t) })));
  const required = h('input', { id: 'requirement-required', name: 'required', type: 'checkbox', checked: true });
  const form = h('form', { id: 'requirement-form', class: 'stack', novalidate: true },
    ...field('Document', type),
    ...field('Description (optional)', h('input', { id: 'requirement-description', name: 'description',
      type: 'text', maxlength: '500', autocomplete: 'off' })),
    h('label', { class: 'check' }, required, ' Required (otherwise only recommended)'),
    h('button', { id: 'requirement-add', type: 'submit', text: 'Add to the checklist' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const body = { entityType, documentType: type.value, required: required.checked };
    const description = form.elements.description.value.trim();
    if (description) {
      body.description = description;
    }
    try {
      await api('/document-requirements', { method: 'POST', json: body });
      form.elements.description.value = '';
      showDone(message, `Every ${label(entityType)} entity is now asked for: ${typeName(type.value)}.`);
      await added();
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors : [];
      const rest = showFieldErrors(form, 'requirement-', errors);
      showError(message, errors.length > 0 && rest.length === 0 ? new Error('Check the marked fields.') : e);
    }
  });
  return h('details', { id: 'requirement-details', class: 'fix-details' },
    h('summary', { text: `Ask every ${label(entityType)} entity for a document` }), form);
}

function checklistRow(item, upload) {
  const doc = item.satisfiedBy || item.candidate;
  const name = typeName(item.documentType);
  let action = null;
  if (doc) {
    action = h('a', { href: '#/documents/' + encodeURIComponent(doc), class: 'checklist-document',
      text: `Open the ${name}` });
  }
  if (!item.satisfiedBy && upload) {
    const button = h('button', { type: 'button', class: 'secondary checklist-upload', text: `Upload ${name}`,
      onclick: () => upload.prepare(item.documentType) });
    action = action ? [action, ' ', button] : button;
  }
  return h('tr', { 'data-document-type': item.documentType, 'data-status': item.status },
    h('td', {}, h('span', { class: 'checklist-name', text: name }),
      item.description ? h('span', { class: 'muted block', text: item.description }) : null),
    h('td', { text: item.required ? 'Required' : 'Optional' }),
    h('td', { class: 'checklist-status', 'data-status': item.status,
      text: CHECKLIST_NAMES[item.status] || label(item.status) }),
    h('td', {}, action));
}

// --- one document ------------------------------------------------------------------------------------------------

async function documentPage(ticket, id) {
  const title = 'Document';
  const path = '/documents/' + encodeURIComponent(id);
  let d;
  try {
    d = await api(path);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || (e.status === 403 && e.code !== 'TOTP_ENROLMENT_REQUIRED'))) {
      render(ticket, h('h1', { tabindex: '-1', text: title }),
        h('p', { id: 'document-missing', class: 'not-allowed', role: 'alert',
          text: 'This document does not exist, or you may not open it.' }),
        h('p', {}, h('a', { href: '#/documents', text: 'Back to your documents' })));
      return;
    }
    throw e;
  }
  const [versions, choices] = await Promise.all([api(path + '/versions'), entityChoices().catch(() => [])]);
  const entityName = entityNamer(choices);
  const staff = isStaff();
  const canUpload = staff || has('CLIENT') || has('AGENT');

  const heading = h('h1', { id: 'document-title', tabindex: '-1', text: d.title || 'Untitled document' });
  const statusSlot = h('div', { id: 'document-status-area' });
  const reviewSlot = h('div', { id: 'review-area' });
  const fieldsSlot = h('div', { id: 'fields-area' });
  const detailsSlot = h('div', { id: 'details-area' });
  const versionsSlot = h('div', { id: 'versions-area', class: 'table-wrap' });
  const textBox = h('pre', { id: 'document-text', class: 'document-text', tabindex: '0' });
  const textMessage = h('p', { id: 'document-text-message' });
  const text = h('details', { id: 'document-text-details' },
    h('summary', { id: 'document-text-toggle', text: 'Show the text Seva read from it' }), textMessage, textBox);
  let textLoaded = false;
  text.addEventListener('toggle', async () => {
    if (!text.open || textLoaded) {
      return;
    }
    textMessage.className = 'muted';
    textMessage.textContent = 'Loading the text…';
    try {
      const value = await fetchText(path + '/text');
      textLoaded = true;
      textBox.textContent = value || '';
      textMessage.textContent = value ? '' : 'No text was found in this document.';
    } catch (e) {
      showError(textMessage, e);
    }
  });

  const newVersion = canUpload ? uploader({
    id: 'version', path: path + '/versions', meta: false, title: 'Upload a new version',
    submitText: 'Upload the new version',
    uploaded: () => refresh(true),
  }) : null;
  const correction = staff ? correctionForm(path, (updated) => fill(updated, null)) : null;
  const reviewForm = staff ? reviewActions(path, (updated) => fill(updated, null)) : null;

  let watchingNow = false;
  const fill = (doc, vs) => {
    d = doc;
    heading.textContent = doc.title || 'Untitled document';
    replace(statusSlot, ...statusParts(doc));
    replace(reviewSlot, ...reviewParts(doc, staff, newVersion));
    replace(fieldsSlot, fieldList(doc));
    replace(detailsSlot, detailList(doc, entityName));
    if (vs) {
      replace(versionsSlot, versionTable(doc, vs, path));
    }
    if (correction) {
      correction.set(doc.fields || {}); // keeps what staff are typing unless the fields themselves changed
    }
    if (reviewForm) {
      reviewForm.element.hidden = doc.status === 'PROCESSING';
    }
    if (doc.status === 'PROCESSING' && !watchingNow) {
      watchingNow = true;
      watch(ticket, doc.id, (fresh) => {
        if (fresh.status !== 'PROCESSING') {
          watchingNow = false;
          textLoaded = false;
          text.open = false;
          api(path + '/versions').then((v) => fill(fresh, v), () => fill(fresh, null));
        } else {
          fill(fresh, null);
        }
      });
    }
  };
  const refresh = async (newText) => {
    const [fresh, vs] = await Promise.all([api(path), api(path + '/versions')]);
    if (newText) {
      textLoaded = false;
      text.open = false;
    }
    if (isCurrent(ticket)) {
      fill(fresh, vs);
    }
  };
  fill(d, versions);

  render(ticket, heading,
    h('p', { class: 'lead' }, 'Of ', h('a', { id: 'document-entity', href: '#/documents?entity='
      + encodeURIComponent(d.entityId), text: entityName(d.entityId) || 'its entity' })),
    h('section', { class: 'card', 'aria-labelledby': 'status-title' },
      h('h2', { id: 'status-title', text: 'Status' }), statusSlot),
    h('section', { class: 'card', 'aria-labelledby': 'review-title' },
      h('h2', { id: 'review-title', text: 'Review' }), reviewSlot, reviewForm ? reviewForm.element : null),
    h('section', { class: 'card', 'aria-labelledby': 'fields-title' },
      h('h2', { id: 'fields-title', text: 'What Seva found' }), fieldsSlot, correction ? correction.element : null),
    h('section', { class: 'card', 'aria-labelledby': 'text-title' },
      h('h2', { id: 'text-title', text: 'Text' }), text),
    h('section', { class: 'card', 'aria-labelledby': 'details-title' },
      h('h2', { id: 'details-title', text: 'Details' }), detailsSlot),
    h('section', { class: 'card', 'aria-labelledby': 'versions-title' },
      h('h2', { id: 'versions-title', text: 'Versions' }), versionsSlot),
    newVersion ? newVersion.element : null);
}

function statusParts(d) {
  const parts = [h('p', { id: 'document-status', class: 'doc-status-line', role: 'status',
    'data-status': d.status }, statusBadge(d),
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

function reviewParts(d, staff, newVersion) {
  const parts = [h('p', { id: 'review-state' }, reviewBadge(d))];
  const comment = d.review && d.review.comment ? d.review.comment : null;
  if (d.reviewState === 'REJECTED') {
    const ask = h('div', { id: 'review-rejected', class: 'banner', role: 'alert' },
      h('p', { text: staff
        ? 'Rejected: the client is asked to upload a new version.'
        : 'Your firm asked for a new version of this document. Please upload a new version.' }),
      comment ? h('p', {}, 'Reason: ', h('q', { id: 'review-comment-text', text: comment })) : null,
      newVersion ? h('button', { id: 'review-upload', type: 'button', text: 'Upload a new version',
        onclick: () => newVersion.focus() }) : null);
    parts.push(ask);
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

function reviewActions(path, updated) {
  const message = h('p', { id: 'review-message' });
  const comment = h('textarea', { id: 'review-comment', name: 'comment', maxlength: '2000' });
  const approve = h('button', { id: 'review-approve', type: 'button', text: 'Approve' });
  const reject = h('button', { id: 'review-reject', type: 'button', class: 'secondary',
    text: 'Reject and ask for a new version' });
  const form = h('form', { id: 'review-form', class: 'stack', novalidate: true },
    ...field('Comment for the client (required to reject)', comment),
    h('div', { class: 'actions' }, approve, reject), message);
  form.addEventListener('submit', (ev) => ev.preventDefault());
  const decide = async (decision) => {
    clearFieldErrors(form);
    message.textContent = '';
    try {
      const body = { decision };
      if (comment.value.trim()) {
        body.comment = comment.value.trim();
      }
      const d = await api(path + '/review', { method: 'POST', json: body });
      comment.value = '';
      updated(d);
      showDone(message, decision === 'APPROVE' ? 'Approved.' : 'Rejected: the client is asked for a new version.');
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors : [];
      const rest = showFieldErrors(form, 'review-', errors);
      showError(message, errors.length > 0 && rest.length === 0 ? new Error('Check the marked field.') : e);
    }
  };
  approve.addEventListener('click', () => decide('APPROVE'));
  reject.addEventListener('click', () => decide('REJECT'));
  return { element: h('div', { class: 'review-actions' }, h('h3', { text: 'Your decision' }), form) };
}

function fieldList(d) {
  const fields = d.fields || {};
  const names = Object.keys(fields);
  const parts = [];
  parts.push(h('p', { id: 'document-classification' }, 'Recognised as: ',
    h('strong', { text: d.classification ? typeName(d.classification) : 'not recognised yet' })));
  if (names.length === 0) {
    parts.push(h('p', { id: 'document-fields', class: 'muted', text: d.status === 'PROCESSING'
      ? 'Seva has not finished reading the document.' : 'No identifiers or dates were found.' }));
    return h('div', {}, ...parts);
  }
  const known = Object.keys(FIELD_NAMES).filter((n) => names.includes(n));
  const other = names.filter((n) => !FIELD_NAMES[n]).sort();
  parts.push(h('dl', { id: 'document-fields', class: 'facts' }, ...[...known, ...other].flatMap((n) => [
    h('dt', { text: FIELD_NAMES[n] || label(n) }),
    h('dd', { 'data-field': n, text: DATE_FIELDS.includes(n) ? `${day(fields[n])}` : String(fields[n]) })])));
  return h('div', {}, ...parts);
}

function correctionForm(path, updated) {
  const message = h('p', { id: 'fix-message' });
  let current = {};
  let lastShown = null;
  const inputs = {};
  for (const name of TEXT_FIELDS) {
    inputs[name] = h('input', { id: 'fix-' + name, name, type: 'text', autocomplete: 'off',
      autocapitalize: name === 'name' ? 'words' : 'characters', maxlength: '200' });
  }
  for (const name of DATE_FIELDS) {
    inputs[name] = h('input', { id: 'fix-' + name, name, type: 'date' });
  }
  const aadhaar = h('input', { id: 'fix-aadhaar', name: 'aadhaar', type: 'text', inputmode: 'numeric',
    autocomplete: 'off', maxlength: '14' });
  const form = h('form', { id: 'fix-form', class: 'stack', novalidate: true },
    ...TEXT_FIELDS.flatMap((n) => field(FIELD_NAMES[n], inputs[n])),
    ...field('Aadhaar number (type the full number to correct it; only its last 4 digits are kept)', aadhaar),
    ...DATE_FIELDS.flatMap((n) => field(FIELD_NAMES[n], inputs[n])),
    h('button', { id: 'fix-save', type: 'submit', text: 'Save the corrections' }), message);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clearFieldErrors(form);
    message.textContent = '';
    const changes = {};
    for (const [name, input] of Object.entries(inputs)) {
      const value = input.value.trim();
      const before = current[name] || '';
      if (value !== before) {
        changes[name] = value === '' ? null : (TEXT_FIELDS.includes(name) && name !== 'name'
          ? value.toUpperCase() : value);
      }
    }
    if (aadhaar.value.trim()) {
      changes.aadhaar = aadhaar.value.replace(/\s+/g, '');
    }
    if (Object.keys(changes).length === 0) {
      showError(message, new Error('Nothing was changed.'));
      return;
    }
    try {
      const d = await api(path + '/fields', { method: 'PATCH', json: changes });
      aadhaar.value = '';
      updated(d);
      showDone(message, 'Corrections saved.');
    } catch (e) {
      const errors = e instanceof ApiError ? e.fieldErrors : [];
      const rest = showFieldErrors(form, 'fix-', errors);
      showError(message, errors.length > 0 && rest.length === 0 ? new Error('Check the marked fields.') : e);
    }
  });
  const element = h('details', { id: 'fix-details', class: 'fix-details' },
    h('summary', { text: 'Correct the fields' }), form);
  return {
    element,
    set(fields) {
      const shown = JSON.stringify(fields);
      if (shown === lastShown) {
        return;
      }
      lastShown = shown;
      current = {};
      for (const [name, input] of Object.entries(inputs)) {
        const value = typeof fields[name] === 'string' ? fields[name] : '';
        current[name] = value;
        input.value = value;
      }
    },
  };
}

function detailList(d, entityName) {
  const rows = [
    ['Type', typeName(d.documentType)],
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
  if (!Array.isArray(versions) || versions.length === 0) {
    return h('p', { class: 'muted', text: 'No versions.' });
  }
  return h('table', { id: 'version-list' },
    h('thead', {}, h('tr', {}, ...['Version', 'File', 'Size', 'Status', 'Uploaded', ''].map((t) => h('th',
      { scope: 'col', text: t })))),
    h('tbody', {}, ...versions.map((v) => h('tr', { 'data-version': v.version },
      h('td', { text: v.version === d.currentVersion ? `${v.version} (current)` : String(v.version) }),
      h('td', {}, h('span', { text: v.originalName || '' }), h('span', { class: 'muted block',
        text: v.mediaType || '' })),
      h('td', { text: size(v.sizeBytes) }),
      h('td', {}, statusBadge(v), v.status === 'FAILED' && v.failureReason
        ? h('span', { class: 'muted block', text: v.failureReason }) : null),
      h('td', { text: when(v.createdAt) }),
      // a plain same-origin link: the session cookie authorises the GET and the answer is an attachment, so the
      // browser saves it; no blob: URL (the CSP allows none) and nothing is held in the page's memory
      h('td', {}, h('a', { class: 'download-link', href: `/api/v1${path}/content?version=${v.version}`,
        download: v.originalName || 'document', text: 'Download',
        'aria-label': `Download version ${v.version}` }))))));
}

// --- search -------------------------------------------------------------------------------------------------------

async function searchPage(ticket) {
  const title = 'Search documents';
  const query = routeQuery();
  const choices = await entityChoices().catch(() => myEntities());
  const entityName = entityNamer(choices);
  const filters = ['q', 'entityId', 'documentType', 'status', 'reviewState', 'expiringBefore'];
  const params = {};
  for (const f of filters) {
    const v = (query.get(f) || '').trim();
    if (v) {
      params[f] = v;
    }
  }
  const select = (id, name, first, values, names) => {
    const s = h('select', { id, name }, h('option', { value: '', text: first }),
      ...values.map((v) => h('option', { value: v, text: names(v) })));
    s.value = params[name] || '';
    return s;
  };
  const q = h('input', { id: 'search-q', name: 'q', type: 'search', maxlength: '200', autocomplete: 'off',
    value: params.q || '' });
  const expiring = h('input', { id: 'search-expiringBefore', name: 'expiringBefore', type: 'date',
    value: params.expiringBefore || '' });
  const message = h('p', { id: 'search-message' });
  const form = h('form', { id: 'search-form', class: 'search-form', role: 'search', novalidate: true },
    h('div', { class: 'search-words' }, ...field('Words in the title or the text', q)),
    h('div', {}, ...field('Entity', select('search-entityId', 'entityId', 'All of them', choices.map((e) => e.id),
      entityName))),
    h('div', {}, ...field('Type', select('search-documentType', 'documentType', 'Any type', DOCUMENT_TYPES,
      typeName))),
    h('div', {}, ...field('Status', select('search-status', 'status', 'Any status', STATUSES,
      (s) => STATUS_NAMES[s]))),
    h('div', {}, ...field('Review', select('search-reviewState', 'reviewState', 'Any', REVIEW_STATES,
      (s) => REVIEW_NAMES[s]))),
    h('div', {}, ...field('Expiring before', expiring)),
    h('div', { class: 'actions' }, h('button', { id: 'search-submit', type: 'submit', text: 'Search' }),
      h('a', { href: '#/search', class: 'button secondary', text: 'Clear' })),
    message);
  let results = null;
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const next = new URLSearchParams();
    for (const f of filters) {
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
  const parts = [h('h1', { tabindex: '-1', text: title }), h('section', { class: 'card' }, form)];
  if (Object.keys(params).length === 0) {
    parts.push(h('p', { id: 'search-hint', class: 'muted',
      text: 'Type words from a document (a name, a number, a word on the page), or choose a filter.' }));
    render(ticket, ...parts);
    return;
  }
  results = documentPages({
    id: 'search', one: 'document found', many: 'documents found', empty: 'Nothing matches.', params,
    table: (items) => resultTable('search-results', items, entityName),
  });
  try {
    await results.load(0);
  } catch (e) {
    if (!(e instanceof ApiError) || e.status !== 400) {
      throw e;
    }
    showError(message, e);
    render(ticket, ...parts);
    return;
  }
  parts.push(h('section', { class: 'card', 'aria-labelledby': 'results-title' },
    h('h2', { id: 'results-title', text: 'Results' }), results.element));
  render(ticket, ...parts);
}

function resultTable(id, items, entityName) {
  return h('table', { id },
    h('thead', {}, h('tr', {}, ...['Title', 'Entity', 'Type', 'Status', 'Review', 'Uploaded'].map((t) => h('th',
      { scope: 'col', text: t })))),
    h('tbody', {}, ...items.map((d) => h('tr', { 'data-document-id': d.id },
      h('td', {}, documentLink(d)),
      h('td', { text: entityName(d.entityId) }),
      h('td', { text: typeName(d.documentType) }),
      h('td', {}, statusBadge(d)),
      h('td', {}, reviewBadge(d)),
      h('td', { text: when(d.createdAt) })))));
}

// --- the review queue (staff) ----------------------------------------------------------------------------------

async function reviewPage(ticket) {
  const title = 'Review queue';
  if (!isStaff()) {
    notAllowed(ticket, title); // the API refuses review decisions to others anyway (403)
    return;
  }
  const choices = await entityChoices();
  const entityName = entityNamer(choices);
  const queue = documentPages({
    id: 'review', one: 'document waits for review', many: 'documents wait for review',
    empty: 'Nothing waits for review.', params: { reviewState: 'PENDING_REVIEW' },
    table: (items) => resultTable('review-list', items, entityName),
  });
  await queue.load(0);
  render(ticket, h('h1', { tabindex: '-1', text: title }),
    h('section', { class: 'card', 'aria-labelledby': 'queue-title' },
      h('h2', { id: 'queue-title', text: 'Waiting for a decision, across the firm' }),
      h('p', { class: 'muted', text: 'Newest first. Open a document to approve it or to ask the client for a new '
        + 'version.' }),
      queue.element));
}
