// Seva portal: uploading to the vault: a drop zone (also opens the file picker with Enter or Space), a visible
// "Choose a file…" button, a real progress bar (XMLHttpRequest: fetch cannot report upload progress), Cancel, and
// the API's reason when a file is refused. Used for a new document and for a new version of one.
import { ApiError, cookie, toSignIn } from '/assets/api.js';
import { clearFieldErrors, field, h } from '/assets/dom.js';
import { size, submitForm } from '../../shell.js';

const ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.webp,.docx,.xlsx,.odt,.txt,.csv';
const ACCEPTED_TEXT = 'PDF, PNG, JPEG, TIFF, WebP, Word (DOCX), Excel (XLSX), OpenDocument text, plain text or CSV';

/**
 * POST multipart to /api/v1{path} with the CSRF header as api() sends it.
 * @returns {{promise: Promise<any>, abort: function()}}
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

/** What to tell the user when an upload is refused (null: the usual handling, e.g. field errors). */
function uploadProblem(e, name) {
  if (!(e instanceof ApiError) || e.fieldErrors.length > 0) {
    return null;
  }
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
  return null;
}

/**
 * An upload form. With {@code meta}, the title, type and expiry of a new document too.
 * @param {{id: string, path: string, meta: boolean, title: string, submitText: string,
 *   types?: import('../../ui/types.js').Types, uploaded: function(object): void}} spec
 * @returns {{element: HTMLElement, prepare: function(string): void, focus: function(): void}}
 */
export function uploader(spec) {
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
  const cancel = h('button', { id: `${id}-cancel`, type: 'button', class: 'secondary', text: 'Cancel upload',
    hidden: true });
  const message = h('p', { id: `${id}-message` });
  const typeSelect = spec.meta ? h('select', { id: `${id}-documentType`, name: 'documentType' },
    h('option', { value: '', text: 'Let Seva recognise it' }), ...spec.types.options()) : null;
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
    h('div', { class: 'actions' }, h('button', { id: `${id}-submit`, type: 'submit', text: spec.submitText }),
      cancel),
    progressBox, message);
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
  let file = null;
  submitForm(form, {
    message,
    prefix: `${id}-`,
    send: async () => {
      file = null;
      if (!chosen) {
        choose.focus();
        throw new Error('Choose a file first: drop it on the box or use “Choose a file…”.');
      }
      file = chosen;
      const body = new FormData();
      for (const name of spec.meta ? ['title', 'documentType', 'expiresOn'] : []) {
        const value = form.elements[name].value.trim();
        if (value) {
          body.append(name, value);
        }
      }
      body.append('file', file, file.name);
      progress.value = 0;
      progressText.textContent = `Uploading ${file.name}: 0%`;
      progressBox.hidden = false;
      cancel.hidden = false;
      running = sendMultipart(spec.path, body, (loaded, total) => {
        const percent = total > 0 ? Math.floor((loaded * 100) / total) : 0;
        progress.value = percent;
        progressText.textContent = `Uploading ${file.name}: ${percent}% (${size(loaded)} of ${size(total)})`;
      });
      try {
        return await running.promise;
      } finally {
        running = null;
        cancel.hidden = true;
      }
    },
    problem: (e) => (file ? uploadProblem(e, file.name) : null),
    failed: () => {
      progressBox.hidden = true;
      message.scrollIntoView({ block: 'nearest' });
    },
    done: (created) => {
      progress.value = 100;
      progressText.textContent = `Uploaded ${file.name}.`;
      const name = file.name;
      form.reset();
      pick(null);
      spec.uploaded(created);
      return `Uploaded “${name}”. Seva is reading it now; its status changes by itself.`;
    },
  });
  const element = h('section', { class: 'card', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading`, text: spec.title }), form);
  const focus = () => {
    element.scrollIntoView({ block: 'start' });
    choose.focus();
  };
  return {
    element,
    /** Prepares the form for a checklist requirement: its type chosen, the focus on "Choose a file". */
    prepare(documentType) {
      if (typeSelect) {
        typeSelect.value = documentType;
      }
      focus();
    },
    focus,
  };
}
