// Seva portal: the second-factor step. The password was checked already and the pending sign-in lives in the
// server's session; this form posts only the code.
import { loadBranding } from '/assets/branding.js';
import { showError } from '/login/messages.js';

showError(document.getElementById('message'), new URLSearchParams(location.search));
loadBranding('Second step');
document.getElementById('code').focus();
document.getElementById('totp-form').addEventListener('submit', () => {
  document.getElementById('verify').disabled = true;
});
window.addEventListener('pageshow', () => {
  document.getElementById('verify').disabled = false;
});
