// Seva portal: the one way pages call the REST API.
// Every call sends the session cookie (credentials: same-origin); every state-changing call carries the double-submit
// CSRF token read from the seva_csrf cookie; a 401 sends the browser to the sign-in page and back afterwards.

/** An error answer of the API, with its problem+json body (code, detail, errors[]) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || null;
  }

  /** @returns {Array<{field: string, message: string}>} the field errors of a validation problem */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

/** @returns {string|null} the value of a cookie readable by scripts */
export function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return null;
}

/** A same-origin path to come back to after signing in, or null when the path is not one of the portal's. */
export function safeNext(value) {
  if (typeof value !== 'string' || !value.startsWith('/app/') || value.startsWith('//') || value.includes('\\')) {
    return null;
  }
  return value;
}

/** Goes to the sign-in page, asking it to come back here. */
export function toSignIn() {
  const here = safeNext(location.pathname + location.search + location.hash) || '/app/';
  location.assign('/login/?next=' + encodeURIComponent(here));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls /api/v1{path}.
 * @param {string} path e.g. '/me'
 * @param {{method?: string, json?: any, body?: Blob|File, contentType?: string, redirectOn401?: boolean}} options
 * @returns {Promise<any>} the parsed JSON answer (null when empty)
 * @throws {ApiError} on any non-2xx answer
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = { Accept: 'application/json' };
  let body;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body !== undefined) {
    headers['Content-Type'] = options.contentType || options.body.type || 'application/octet-stream';
    body = options.body;
  }
  if (UNSAFE.has(method)) {
    const csrf = cookie('seva_csrf');
    if (csrf) {
      headers['X-CSRF-Token'] = csrf;
    }
  }
  let res;
  try {
    res = await fetch('/api/v1' + path, { method, headers, body, credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { detail: 'The server cannot be reached. Check the connection and try again.' });
  }
  const type = res.headers.get('Content-Type') || '';
  let data = null;
  if (res.status !== 204 && (type.includes('application/json') || type.includes('+json'))) {
    try {
      data = await res.json();
    } catch (e) {
      data = null;
    }
  }
  if (res.status === 401 && options.redirectOn401 !== false) {
    toSignIn();
    // the page is going away; never let the caller render half a state meanwhile
    return new Promise(() => {});
  }
  if (!res.ok) {
    throw new ApiError(res.status, data);
  }
  return data;
}
