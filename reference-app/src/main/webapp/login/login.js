// Seva portal: the sign-in page. The form posts to the server (Pac4j's FormClient); this script only brands the page,
// shows the outcome of the previous attempt, passes on where to go afterwards, and offers OIDC when the firm has it.
import { loadBranding } from '/assets/branding.js';
import { safeNext } from '/assets/api.js';
import { showError } from '/login/messages.js';

const params = new URLSearchParams(location.search);

showError(document.getElementById('message'), params);
if (params.get('signedOut') === '1') {
  const notice = document.getElementById('notice');
  notice.textContent = 'You have signed out.';
  notice.hidden = false;
}

const next = safeNext(params.get('next'));
if (next) {
  const input = document.getElementById('next');
  input.value = next;
  input.disabled = false;
}

loadBranding('Sign in');
offerOidc();

/** Shows the OIDC button when the firm turned it on (GET /api/v1/auth/methods; absent or failing: password only). */
async function offerOidc() {
  try {
    const res = await fetch('/api/v1/auth/methods', { credentials: 'same-origin',
      headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) {
      return;
    }
    const methods = await res.json();
    const oidc = methods && methods.oidc;
    if (oidc && oidc.enabled === true) {
      const link = document.getElementById('oidc-link');
      if (typeof oidc.label === 'string' && oidc.label.trim()) {
        link.textContent = oidc.label;
      }
      if (next) {
        link.href = '/login/oidc?next=' + encodeURIComponent(next);
      }
      document.getElementById('oidc').hidden = false;
    }
  } catch (e) {
    // no OIDC offered: the password form stays
  }
}

// one click, one attempt; coming back with the browser's back button enables the button again
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('sign-in').disabled = true;
});
window.addEventListener('pageshow', () => {
  document.getElementById('sign-in').disabled = false;
});
