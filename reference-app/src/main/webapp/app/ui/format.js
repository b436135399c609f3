// Seva portal: how values are written on a page: codes as words, amounts in rupees, times, days and sizes. Pure
// functions, no DOM.

/** @returns {string} a code as words: {@code PARTIALLY_REFUNDED} → "Partially refunded" */
export function label(code) {
  if (typeof code !== 'string') {
    return '';
  }
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const GROUPING = new Intl.NumberFormat('en-IN');

/**
 * @returns {string} paise as rupees with Indian grouping: 11800000 → "₹1,18,000.00" (integer arithmetic only); ''
 *   when it is not a whole number of paise
 */
export function money(paise) {
  if (typeof paise !== 'number' || !Number.isSafeInteger(paise)) {
    return '';
  }
  const sign = paise < 0 ? '-' : '';
  const abs = Math.abs(paise);
  return `${sign}₹${GROUPING.format(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** @returns {string} an instant as the user's date and time ("5 Mar 2026, 2:30 pm"); '' when there is none */
export function when(value) {
  if (!value) {
    return '';
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? String(value) : d.toLocaleString('en-IN', { dateStyle: 'medium',
    timeStyle: 'short' });
}

/** @returns {string} a day ({@code 2026-03-05}) as "5 Mar 2026"; anything else as it is */
export function day(value) {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return value || '';
  }
  return new Date(value + 'T00:00:00').toLocaleDateString('en-IN', { dateStyle: 'medium' });
}

/** @returns {string} a size in bytes for people: "812 bytes", "3.4 KB", "1.2 MB" */
export function size(bytes) {
  if (typeof bytes !== 'number') {
    return '';
  }
  if (bytes < 1024) {
    return `${bytes} bytes`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
