// Seva portal: the firm's branding (tenant admins): name, colours, support e-mail, footer and logo, applied at once.
import { api } from '/assets/api.js';
import { applyBranding, isColour } from '/assets/branding.js';
import { field, h } from '/assets/dom.js';
import { act, card, has, heading, notAllowed, render, submitForm } from '../../shell.js';

const TITLE = 'Branding';
const TEXT_FIELDS = ['displayName', 'primaryColor', 'accentColor', 'supportEmail', 'footerText'];

export async function brandingPage(ticket) {
  if (!has('TENANT_ADMIN')) {
    notAllowed(ticket, TITLE); // the API would refuse the change anyway (403)
    return;
  }
  const b = await api('/branding', { redirectOn401: false });
  render(ticket, heading(TITLE), card('brand-text-title', 'Name, colours and footer', brandingForm(b)),
    logoSection(b));
}

function brandingForm(b) {
  const message = h('p', { id: 'branding-message' });
  const text = (id, value, attrs = {}) => h('input', { id: 'brand-' + id, name: id, type: 'text', ...attrs,
    value: value || '' });
  const swatch = (id) => h('span', { id: `brand-${id}-swatch`, class: 'swatch', 'aria-hidden': 'true' });
  const colour = { required: true, maxlength: '7', pattern: '#[0-9a-fA-F]{6}', spellcheck: 'false' };
  const form = h('form', { id: 'branding-form', class: 'stack', novalidate: true },
    ...field('Display name', text('displayName', b.displayName, { required: true, maxlength: '100' })),
    ...field('Primary colour (#rrggbb)', text('primaryColor', b.primaryColor, colour)),
    swatch('primaryColor'),
    ...field('Accent colour (#rrggbb)', text('accentColor', b.accentColor, colour)),
    swatch('accentColor'),
    ...field('Support e-mail (optional)', h('input', { id: 'brand-supportEmail', name: 'supportEmail', type: 'email',
      maxlength: '254', value: b.supportEmail || '' })),
    ...field('Footer text (optional)', h('textarea', { id: 'brand-footerText', name: 'footerText',
      maxlength: '500' })),
    h('button', { id: 'branding-save', type: 'submit', text: 'Save branding' }), message);
  form.elements.footerText.value = b.footerText || '';
  for (const name of ['primaryColor', 'accentColor']) {
    const paint = () => {
      const value = form.elements[name].value.trim();
      const el = form.querySelector(`#brand-${name}-swatch`);
      if (isColour(value)) {
        el.style.setProperty('background-color', value); // a CSSOM property, not an inline style attribute
      } else {
        el.style.removeProperty('background-color');
      }
    };
    form.elements[name].addEventListener('input', paint);
    paint();
  }
  return submitForm(form, {
    message,
    prefix: 'brand-',
    send: () => api('/tenant/branding', { method: 'PUT',
      json: Object.fromEntries(TEXT_FIELDS.map((name) => [name, form.elements[name].value.trim()])) }),
    done: (saved) => {
      applyBranding(saved, TITLE);
      return 'Saved. The sign-in page shows the new branding now.';
    },
  });
}

function ownLogo(b) {
  return typeof b.logoUrl === 'string' && b.logoUrl.startsWith('/api/v1/branding/logo') ? b.logoUrl : null;
}

function logoSection(b) {
  const message = h('p', { id: 'logo-message' });
  const preview = h('img', { id: 'logo-preview', alt: 'Current logo', hidden: !b.logoUrl });
  if (ownLogo(b)) {
    preview.src = ownLogo(b);
  }
  const file = h('input', { id: 'logo-file', name: 'logo', type: 'file',
    accept: 'image/png,image/jpeg,image/svg+xml' });
  const remove = h('button', { id: 'logo-remove', type: 'button', class: 'secondary', text: 'Remove logo',
    hidden: !b.logoUrl });
  const upload = h('form', { id: 'logo-form', class: 'stack' },
    ...field('Logo (PNG, JPEG or SVG, at most 256 KiB)', file),
    h('button', { id: 'logo-upload', type: 'submit', text: 'Upload logo' }), remove, message);
  const show = (saved) => {
    applyBranding(saved, TITLE);
    if (ownLogo(saved)) {
      preview.src = ownLogo(saved);
    } else {
      preview.removeAttribute('src');
    }
    preview.hidden = !ownLogo(saved);
    remove.hidden = !ownLogo(saved);
  };
  submitForm(upload, {
    message,
    send: () => {
      const chosen = file.files && file.files[0];
      if (!chosen) {
        throw new Error('Choose a file first.');
      }
      return api('/tenant/branding/logo', { method: 'PUT', body: chosen,
        contentType: chosen.type || 'application/octet-stream' });
    },
    done: (saved) => {
      show(saved);
      upload.reset();
      return 'Logo uploaded.';
    },
  });
  act(remove, {
    message,
    send: () => api('/tenant/branding/logo', { method: 'DELETE' }),
    done: async () => {
      show(await api('/branding', { redirectOn401: false }));
      return 'Logo removed.';
    },
  });
  return card('logo-title', 'Logo', preview, upload);
}
