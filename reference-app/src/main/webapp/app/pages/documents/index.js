// Seva portal: the document vault's pages and menu entries: the documents of an entity, one document, search and
// the staff's review queue.
import { addPages } from '../../nav.js';
import { inFirm, isStaff, onEntityChange, routeName, routeParts } from '../../shell.js';
import { detailPage } from './detail.js';
import { listPage } from './list.js';
import { reviewPage } from './review.js';
import { searchPage } from './search.js';

addPages(
  { path: 'documents', title: 'Documents', render: listPage, menu: { group: 'clients', order: 20, shown: inFirm } },
  { path: 'documents/:id', title: 'Document', render: detailPage },
  { path: 'review', title: 'Review queue', render: reviewPage,
    menu: { group: 'work', order: 10, shown: () => inFirm() && isStaff() } },
  { path: 'search', title: 'Search documents', render: searchPage,
    menu: { group: 'work', order: 20, shown: inFirm } },
);

// the header's "Working on" also switches the documents page to that entity
onEntityChange((id) => {
  if (routeName() === 'documents' && routeParts().length === 1) {
    location.hash = '#/documents?entity=' + encodeURIComponent(id);
  }
});
