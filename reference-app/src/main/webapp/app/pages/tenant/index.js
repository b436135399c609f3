// Seva portal: tenant-core's pages (the dashboard, entities, users, branding, two-step sign-in, the platform's
// tenants) and their menu entries.
import { addPages } from '../../nav.js';
import { has, inFirm } from '../../shell.js';
import { brandingPage } from './branding.js';
import { dashboard } from './dashboard.js';
import { entitiesPage } from './entities.js';
import { platformPage } from './platform.js';
import { securityPage } from './security.js';
import { usersPage } from './users.js';

addPages(
  { path: '', title: 'Dashboard', render: dashboard, menu: { group: null, order: 0, shown: inFirm } },
  { path: 'entities', title: 'Entities', render: entitiesPage, menu: { group: 'clients', order: 10, shown: inFirm } },
  { path: 'users', title: 'Users', render: usersPage,
    menu: { group: 'settings', order: 10, shown: () => has('TENANT_ADMIN') } },
  { path: 'branding', title: 'Branding', render: brandingPage,
    menu: { group: 'settings', order: 20, shown: () => has('TENANT_ADMIN') } },
  { path: 'security', title: 'Security', render: securityPage,
    menu: { group: 'settings', order: 30, shown: () => inFirm() || has('PLATFORM_ADMIN') } },
  { path: 'platform', title: 'Tenants', render: platformPage,
    menu: { group: 'settings', order: 40, shown: () => has('PLATFORM_ADMIN') } },
);
