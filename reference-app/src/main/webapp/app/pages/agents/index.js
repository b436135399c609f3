// Seva portal: the agents module's pages and menu entries: the agent's own portal, and the staff's agents,
// leaderboard, leads and payout runs.
import { addPages } from '../../nav.js';
import { has, isStaff } from '../../shell.js';
import { agentsPage } from './agents.js';
import { leaderboardPage } from './leaderboard.js';
import { leadsPage } from './leads.js';
import { payoutsPage } from './payouts.js';
import { portalPage } from './portal.js';

const staffOrAuditor = () => isStaff() || has('AUDITOR');

addPages(
  { path: 'agent', title: 'Agent portal', render: portalPage,
    menu: { group: 'agents', order: 0, shown: () => has('AGENT') } },
  { path: 'agents', title: 'Agents', render: agentsPage, menu: { group: 'agents', order: 10, shown: staffOrAuditor } },
  { path: 'leaderboard', title: 'Leaderboard', render: leaderboardPage,
    menu: { group: 'agents', order: 20, shown: staffOrAuditor } },
  { path: 'leads', title: 'Leads', render: leadsPage, menu: { group: 'agents', order: 30, shown: isStaff } },
  { path: 'payouts', title: 'Payout runs', render: payoutsPage,
    menu: { group: 'agents', order: 40, shown: () => has('TENANT_ADMIN') || has('MANAGER') } },
);
