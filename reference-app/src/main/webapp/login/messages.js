// Seva portal: what the sign-in pages say for the error codes the server redirects with (?error=CODE).
// Only known codes are shown; anything else in the address bar gets a generic sentence, never the raw text.

const MESSAGES = {
  INVALID_CREDENTIALS: 'The e-mail or the password is not right.',
  RATE_LIMITED: 'Too many attempts. Wait a few minutes and try again.',
  OIDC_FAILED: 'Signing in through your organisation did not work, or no account here is linked to it.',
  TOTP_INVALID: 'That code is not right or was used already. Try the next code from your app.',
  SIGN_IN_EXPIRED: 'The sign-in took too long. Start again with your e-mail and password.',
  TENANT_SUSPENDED: "This firm's portal is suspended. Please contact its administrator.",
};

/** @returns {string|null} the sentence for the page's ?error=, or null when there is none */
export function errorMessage(params) {
  const code = params.get('error');
  if (code === null) {
    return null;
  }
  return Object.prototype.hasOwnProperty.call(MESSAGES, code) ? MESSAGES[code] : 'Signing in did not work. Try again.';
}

/** Shows the page's ?error= message in an element (textContent; the element is role=alert). */
export function showError(el, params) {
  const text = errorMessage(params);
  if (text) {
    el.textContent = text;
    el.hidden = false;
  }
}
