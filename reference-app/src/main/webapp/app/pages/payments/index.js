// Seva portal: the payments module's pages and menu entries: invoices (and paying them) and the admin's set-up.
import { addPages } from '../../nav.js';
import { has, inFirm } from '../../shell.js';
import { invoicePage } from './invoice.js';
import { invoicesPage } from './invoices.js';
import { setupPage } from './setup.js';

addPages(
  { path: 'invoices', title: 'Invoices', render: invoicesPage, menu: { group: 'billing', order: 10, shown: inFirm } },
  { path: 'invoices/:id', title: 'Invoice', render: invoicePage },
  { path: 'payments', title: 'Payments set-up', render: setupPage,
    menu: { group: 'billing', order: 20, shown: () => has('TENANT_ADMIN') } },
);
