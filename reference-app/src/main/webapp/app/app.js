// Seva portal: the signed-in shell's start-up and its router. Hash navigation (#/entities, #/documents/42, ...) over
// one page; every page asks the API and shows what it answers: a 403 becomes "not allowed" whatever the menu shows,
// a 401 goes to the sign-in page. Everything users or tenants typed is inserted as text (no innerHTML anywhere).
// Each module's pages/<module>/index.js adds its pages and menu entries (nav.js): one import per module below.
import { api, cookie } from '/assets/api.js';
import { loadBranding } from '/assets/branding.js';
import { h, replace } from '/assets/dom.js';
import { buildNav, findPage, setUpMenu } from './nav.js';
import {
  chooseEntity, currentEntity, heading, isCurrent, me, myEntities, nextTicket, onEntityChange, problemPage, render,
  routeName, routeParts, setMe, setNavigated,
} from './shell.js';
import './pages/tenant/index.js';
import './pages/documents/index.js';
import './pages/payments/index.js';
import './pages/agents/index.js';

start();

async function start() {
  const branding = loadBranding('Portal');
  setMe(await api('/me'));
  await branding;
  showUser();
  setUpEntitySwitcher();
  setUpMenu();
  document.getElementById('sign-out').addEventListener('submit', () => {
    document.getElementById('sign-out-csrf').value = cookie('seva_csrf') || '';
  });
  window.addEventListener('hashchange', () => {
    setNavigated();
    route();
  });
  if (me.totpEnrolmentRequired === true && routeName() !== 'security') {
    location.replace('#/security');
    return;
  }
  if (!me.tenant && routeName() === '') {
    location.replace('#/platform');
    return;
  }
  route();
}

function showUser() {
  const name = document.getElementById('user-name');
  name.textContent = me.name ? `${me.name} (${me.email})` : me.email;
}

/** Shows the page the hash names (or "Not found"); a page that fails shows its problem instead. */
function route() {
  const found = findPage(routeParts());
  buildNav(routeName());
  const ticket = nextTicket();
  const title = found ? found.page.title : 'Not found';
  document.title = `${title} · ${document.querySelector('[data-brand="name"]').textContent}`;
  if (!found) {
    render(ticket, heading('Not found'), h('p', { text: 'There is no such page here.' }),
      h('p', {}, h('a', { href: '#/', text: 'Back to the dashboard' })));
    return;
  }
  Promise.resolve().then(() => found.page.render(ticket, found.params)).catch((e) => {
    if (isCurrent(ticket)) {
      problemPage(ticket, title, e);
    }
  });
}

function setUpEntitySwitcher() {
  const list = myEntities();
  const box = document.getElementById('entity-switcher');
  const select = document.getElementById('entity-select');
  if (list.length === 0) {
    box.hidden = true;
    return;
  }
  replace(select, ...list.map((e) => h('option', { value: e.id, text: e.legalName })));
  select.value = currentEntity().id;
  select.addEventListener('change', () => chooseEntity(select.value));
  box.hidden = false;
  onEntityChange(() => {
    if (routeName() === '') {
      route(); // the dashboard shows the entity being worked on
    }
  });
}
