// Seva portal: the documents of an entity (#/documents?entity=…): the entity being worked on (staff pick any of the
// firm's), its checklist, the upload form, and its documents with their live processing status.
import { api, ApiError } from '/assets/api.js';
import { field, h, replace } from '/assets/dom.js';
import {
  card, currentEntity, documentTypes, entityTypes, has, heading, isStaff, pagedList, render, routeQuery,
  showError, table, when,
} from '../../shell.js';
import { checklistSection } from './checklist.js';
import { documentLink, entityChoices, reviewOf, statusOf, watch } from './common.js';
import { uploader } from './upload.js';

const TITLE = 'Documents';

/** @returns {Promise<object|null>} the entity asked for (?entity=), else the one worked on, else the first */
async function chosenEntity(ticket, choices) {
  const wanted = routeQuery().get('entity');
  const mine = currentEntity();
  const entity = (wanted && choices.find((e) => e.id === wanted))
    || (!wanted && mine && choices.find((e) => e.id === mine.id)) || (!wanted && choices[0]) || null;
  if (entity || !wanted) {
    return entity;
  }
  try {
    const other = await api('/entities/' + encodeURIComponent(wanted));
    choices.push(other);
    return other;
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 403)) {
      throw e;
    }
    render(ticket, heading(TITLE),
      h('p', { id: 'documents-problem', class: 'error', role: 'alert',
        text: 'This entity does not exist, or it is not one of yours.' }),
      h('p', {}, h('a', { href: '#/documents', text: 'Back to your documents' })));
    return undefined;
  }
}

export async function listPage(ticket) {
  const [choices, entity, document] = await Promise.all([entityChoices().then((c) => [...c]), entityTypes(),
    documentTypes()]);
  const types = { entity, document };
  const chosen = await chosenEntity(ticket, choices);
  if (chosen === undefined) {
    return; // the problem is shown
  }
  if (!chosen) {
    render(ticket, heading(TITLE),
      h('p', { id: 'documents-none', class: 'muted', text: isStaff()
        ? 'The firm has no entities yet. Create one on the Entities page first.'
        : 'You are not linked to any entity yet. Your firm links you to your companies.' }));
    return;
  }
  const canUpload = isStaff() || has('CLIENT') || has('AGENT');
  let checklist = null;
  const reloadChecklist = () => checklist.load().catch((e) => showError(checklist.message, e));
  const watching = new Set();
  const list = pagedList({
    path: '/documents', params: { entityId: chosen.id }, id: 'document', one: 'document', many: 'documents',
    table: (items) => documentTable(items, types.document),
    loaded: (items) => items.filter((d) => d.status === 'PROCESSING' && !watching.has(d.id)).forEach((d) => {
      watching.add(d.id);
      watch(ticket, d.id, (fresh) => {
        updateRow(list.slot, fresh, types.document);
        if (fresh.status !== 'PROCESSING') {
          watching.delete(fresh.id);
          reloadChecklist();
        }
      });
    }),
  });
  const upload = canUpload ? uploader({
    id: 'upload', path: `/entities/${encodeURIComponent(chosen.id)}/documents`, meta: true,
    title: 'Upload a document', submitText: 'Upload', types: types.document,
    uploaded: () => Promise.all([list.load(0), checklist.load()]).catch((e) => showError(checklist.message, e)),
  }) : null;
  checklist = checklistSection(chosen, upload, types);
  await Promise.all([list.load(0), checklist.load()]);
  render(ticket,
    heading(TITLE),
    h('p', { class: 'lead' }, 'Documents of ', h('strong', { id: 'documents-entity', text: chosen.legalName }),
      chosen.type ? h('span', { class: 'muted', text: ` (${types.entity.name(chosen.type)})` }) : null),
    choices.length > 1 ? entityPicker(choices, chosen) : null,
    checklist.element,
    upload ? upload.element : null,
    card('documents-title', 'Uploaded documents', ...list.element),
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

function documentTable(items, documentTypes) {
  return table('document-list', ['Title', 'Type', 'Status', 'Review', 'Uploaded'], items.map((d) => h('tr',
    { 'data-document-id': d.id },
    h('td', {}, documentLink(d)),
    h('td', { class: 'doc-type', text: documentTypes.name(d.documentType) }),
    h('td', { class: 'doc-status-cell' }, statusOf(d)),
    h('td', { class: 'doc-review-cell' }, reviewOf(d)),
    h('td', { text: when(d.createdAt) }))), { empty: 'No documents yet.' });
}

/** Shows a watched document's new state in its row. */
function updateRow(slot, d, documentTypes) {
  const row = slot.querySelector(`tr[data-document-id="${CSS.escape(d.id)}"]`);
  if (!row) {
    return;
  }
  replace(row.querySelector('.doc-status-cell'), statusOf(d));
  replace(row.querySelector('.doc-review-cell'), reviewOf(d));
  row.querySelector('.doc-type').textContent = documentTypes.name(d.documentType);
}
