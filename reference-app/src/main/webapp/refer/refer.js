// Seva: the public referral page (no sign-in). /refer/?code=<agent's referral code> shows who referred the visitor
// and posts their details to the public referral API, which records a lead for that agent. The firm is the one the
// host names (as for the sign-in page); its branding is applied. Everything shown is text (no innerHTML).
import { loadBranding } from '/assets/branding.js';
import { cookie } from '/assets/api.js';

const code = (new URLSearchParams(location.search).get('code') || '').trim();
const problem = document.getElementById('refer-problem');
const done = document.getElementById('refer-done');
const form = document.getElementById('refer-form');
const referredBy = document.getElementById('referred-by');
const send = document.getElementById('refer-send');

function say(el, text) {
  el.textContent = text;
  el.hidden = false;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const csrf = cookie('seva_csrf');
  if (csrf && method !== 'GET') {
    headers['X-CSRF-Token'] = csrf;
  }
  const res = await fetch('/api/v1' + path, { method, headers, credentials: 'same-origin', cache: 'no-store',
    body: body === undefined ? undefined : JSON.stringify(body) });
  let data = null;
  try {
    data = await res.json();
  } catch (e) {
    data = null;
  }
  return { status: res.status, data };
}

async function start() {
  loadBranding('Referral');
  if (!/^[A-Za-z0-9]{4,16}$/.test(code)) {
    say(problem, 'This referral link is not complete. Ask the person who sent it for the full link.');
    return;
  }
  let r;
  try {
    r = await call('GET', '/referrals/' + encodeURIComponent(code));
  } catch (e) {
    say(problem, 'The server cannot be reached. Check the connection and try again.');
    return;
  }
  if (r.status === 404) {
    say(problem, 'This referral link is not valid any more. You can still contact the firm directly.');
    return;
  }
  if (r.status === 429) {
    say(problem, 'Too many requests from your network. Please try again in a few minutes.');
    return;
  }
  if (r.status !== 200 || !r.data) {
    say(problem, (r.data && (r.data.detail || r.data.title)) || 'Something went wrong. Please try again later.');
    return;
  }
  const firm = typeof r.data.firmName === 'string' && r.data.firmName ? ` of ${r.data.firmName}` : '';
  say(referredBy, `Referred by ${r.data.agentName}${firm}`);
  form.hidden = false;
}

function clearErrors() {
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field-error').forEach((el) => { el.textContent = ''; });
}

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  clearErrors();
  problem.hidden = true;
  const body = {};
  for (const name of ['name', 'phone', 'email', 'companyName', 'message', 'website']) {
    const value = form.elements[name].value.trim();
    if (value) {
      body[name] = value;
    }
  }
  if (!body.name) {
    form.elements.name.setAttribute('aria-invalid', 'true');
    document.getElementById('refer-name-error').textContent = 'Please give your name.';
    form.elements.name.focus();
    return;
  }
  if (!body.phone && !body.email) {
    form.elements.phone.setAttribute('aria-invalid', 'true');
    document.getElementById('refer-phone-error').textContent = 'Please give a phone number or an e-mail address.';
    form.elements.phone.focus();
    return;
  }
  send.disabled = true;
  let r;
  try {
    r = await call('POST', '/referrals/' + encodeURIComponent(code) + '/leads', body);
  } catch (e) {
    send.disabled = false;
    say(problem, 'The server cannot be reached. Check the connection and try again.');
    return;
  }
  send.disabled = false;
  if (r.status === 202 || r.status === 200 || r.status === 201) {
    form.hidden = true;
    say(done, 'Thank you! Your details have been received; we will contact you soon.');
    return;
  }
  if (r.status === 429) {
    say(problem, 'Too many requests from your network. Please wait a few minutes and send the form again.');
    return;
  }
  const errors = r.data && Array.isArray(r.data.errors) ? r.data.errors : [];
  let marked = 0;
  for (const e of errors) {
    const input = document.getElementById('refer-' + e.field);
    const slot = document.getElementById('refer-' + e.field + '-error');
    if (input && slot) {
      input.setAttribute('aria-invalid', 'true');
      slot.textContent = e.message;
      marked++;
    }
  }
  if (marked > 0) {
    say(problem, 'Please check the marked fields.');
    form.querySelector('[aria-invalid="true"]').focus();
    return;
  }
  say(problem, (r.data && (r.data.detail || r.data.title)) || 'Something went wrong. Please try again later.');
});

start();
