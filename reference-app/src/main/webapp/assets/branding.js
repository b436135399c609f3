// Seva portal: the tenant's branding, applied to any page that has the brand slots
// (#brand-name, #brand-logo, #brand-footer, #brand-support). Every value is tenant-typed text: it goes in through
// textContent and attribute setters only, colours only after matching #rrggbb, the logo only from our own API.

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const DEFAULT = Object.freeze({ displayName: 'Seva', primaryColor: null, accentColor: null, logoUrl: null,
  supportEmail: null, footerText: null });

/** @returns {Promise<object>} the resolved tenant's branding, or the platform's defaults (bare host, errors) */
export async function fetchBranding() {
  try {
    const res = await fetch('/api/v1/branding', { credentials: 'same-origin', headers: { Accept: 'application/json' },
      cache: 'no-store' });
    if (!res.ok) {
      return DEFAULT;
    }
    return await res.json();
  } catch (e) {
    return DEFAULT;
  }
}

/** @returns {boolean} whether the value is a colour the page may use */
export function isColour(value) {
  return typeof value === 'string' && COLOUR.test(value);
}

/** @returns {boolean} whether a logo URL is the API's own logo path (never another origin, never a script URL) */
function isOwnLogo(url) {
  return typeof url === 'string' && url.startsWith('/api/v1/branding/logo') && !url.startsWith('//');
}

/** Applies the branding to this page; @param {string} [pageTitle] what the page is (becomes "title · name") */
export function applyBranding(b, pageTitle) {
  const root = document.documentElement;
  if (isColour(b.primaryColor)) {
    root.style.setProperty('--primary', b.primaryColor);
  } else {
    root.style.removeProperty('--primary');
  }
  if (isColour(b.accentColor)) {
    root.style.setProperty('--accent', b.accentColor);
  } else {
    root.style.removeProperty('--accent');
  }
  const name = typeof b.displayName === 'string' && b.displayName.trim() ? b.displayName : 'Seva';
  document.title = pageTitle ? `${pageTitle} · ${name}` : name;
  document.querySelectorAll('[data-brand="name"]').forEach((el) => { el.textContent = name; });

  const logo = document.getElementById('brand-logo');
  if (logo) {
    if (isOwnLogo(b.logoUrl)) {
      logo.src = b.logoUrl;
      logo.alt = name + ' logo';
      logo.hidden = false;
    } else {
      logo.removeAttribute('src');
      logo.hidden = true;
    }
  }
  const footer = document.getElementById('brand-footer');
  if (footer) {
    footer.textContent = typeof b.footerText === 'string' ? b.footerText : '';
    footer.hidden = !footer.textContent;
  }
  const support = document.getElementById('brand-support');
  if (support) {
    const email = typeof b.supportEmail === 'string' ? b.supportEmail : '';
    support.textContent = email;
    if (email) {
      support.href = 'mailto:' + encodeURIComponent(email).replace('%40', '@');
    } else {
      support.removeAttribute('href');
    }
    const box = support.closest('[data-brand="support-box"]');
    if (box) {
      box.hidden = !email;
    }
  }
}

/** Fetches and applies the branding; @returns {Promise<object>} it */
export async function loadBranding(pageTitle) {
  const b = await fetchBranding();
  applyBranding(b, pageTitle);
  return b;
}
