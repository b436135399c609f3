// Seva portal: two-step sign-in: set up an authenticator app (QR code or key), confirm a code, note the recovery
// codes (shown once). A firm that requires it for the user's role sends them here first.
import { api, ApiError } from '/assets/api.js';
import { field, h, replace } from '/assets/dom.js';
import { heading, me, notAllowed, render, showDone, showError, submitForm } from '../../shell.js';

const TITLE = 'Two-step sign-in';

export function securityPage(ticket) {
  const message = h('p', { id: 'totp-message' });
  const area = h('div', { id: 'totp-area' });
  const start = h('button', { id: 'totp-start', type: 'button', text: 'Set up an authenticator app' });
  start.addEventListener('click', async () => {
    message.textContent = '';
    try {
      const enrolment = await api('/me/totp', { method: 'POST' });
      start.hidden = true;
      replace(area, ...enrolmentSteps(enrolment));
      area.querySelector('#totp-code').focus();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_ALREADY_ENABLED') {
        start.hidden = true;
        showDone(message, 'Two-step sign-in is on for your account already.');
      } else if (e instanceof ApiError && e.status === 403) {
        notAllowed(ticket, TITLE);
      } else {
        showError(message, e);
      }
    }
  });
  render(ticket, heading(TITLE),
    me.totpEnrolmentRequired === true
      ? h('p', { id: 'totp-required', class: 'banner', role: 'alert',
        text: me.tenant
          ? 'Your firm requires two-step sign-in for your role. Set it up to continue.'
          : 'Platform admins must use two-step sign-in. Set it up to continue.' })
      : null,
    h('section', { class: 'card' },
      h('p', { text: 'With two-step sign-in, signing in asks for a code from an authenticator app on your phone '
        + 'as well as your password.' }),
      start, message, area));
}

function enrolmentSteps(enrolment) {
  const qr = h('img', { id: 'totp-qr', class: 'qr', alt: 'QR code to scan with the authenticator app' });
  if (typeof enrolment.qrCode === 'string' && enrolment.qrCode.startsWith('data:image/svg+xml;base64,')) {
    qr.src = enrolment.qrCode;
  } else {
    qr.hidden = true;
  }
  const message = h('p', { id: 'totp-confirm-message' });
  const result = h('div', { id: 'totp-result' });
  const form = h('form', { id: 'totp-confirm-form', class: 'stack', novalidate: true },
    ...field('Code from the app', h('input', { id: 'totp-code', name: 'code', type: 'text', inputmode: 'numeric',
      autocomplete: 'one-time-code', maxlength: '6', required: true })),
    h('button', { id: 'totp-confirm', type: 'submit', text: 'Turn on' }), message);
  submitForm(form, {
    message,
    prefix: 'totp-',
    send: () => api('/me/totp/confirm', { method: 'POST', json: { code: form.elements.code.value.trim() } }),
    // whatever the API says is wrong with the code is said next to the field
    problem: (e) => {
      if (!(e instanceof ApiError) || (e.code !== 'TOTP_INVALID' && e.fieldErrors.length === 0)) {
        return null;
      }
      return [{ field: 'code', message: e.code === 'TOTP_INVALID'
        ? 'That code does not match. Check the phone\'s clock and type the current code.'
        : e.fieldErrors[0].message || e.message }];
    },
    done: (answer) => {
      form.hidden = true;
      me.totpEnrolmentRequired = false;
      const banner = document.getElementById('totp-required');
      if (banner) {
        banner.hidden = true;
      }
      replace(result,
        h('p', { class: 'success', role: 'status', text: 'Two-step sign-in is on.' }),
        h('h2', { text: 'Recovery codes' }),
        h('p', { text: 'Each code signs you in once if you lose your phone. Keep them somewhere safe: they are '
          + 'shown only now.' }),
        h('ol', { id: 'recovery-codes', class: 'recovery-codes' },
          ...(answer.recoveryCodes || []).map((c) => h('li', {}, h('code', { text: c })))));
    },
  });
  return [
    h('ol', {},
      h('li', { text: 'Open an authenticator app (Google Authenticator, Microsoft Authenticator, FreeOTP, ...).' }),
      h('li', {}, 'Scan this code, or type the key ', h('code', { id: 'totp-secret', class: 'secret',
        text: enrolment.secret }), ' by hand.'),
      h('li', { text: 'Type the 6-digit code the app shows.' })),
    qr, form, result];
}
