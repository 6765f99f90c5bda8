// Calls to the service's /api/v1 routes with the signed-in employee's bearer token.
import {currentSession, forgetSession} from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.problem = problem;
  }
}

/** Called when the API says the token is no longer good; main.js sends the person to sign in. */
let onSignedOut = () => {};

export function whenSignedOut(handler) {
  onSignedOut = handler;
}

async function call(method, path, query = {}, accept = 'application/json') {
  const session = currentSession();
  if (!session) {
    onSignedOut();
    throw new ApiError(401, {code: 'authentication-required'});
  }
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, String(value));
    }
  }
  const response = await fetch(url, {
    method,
    headers: {Authorization: `Bearer ${session.accessToken}`, Accept: accept},
  });
  if (response.status === 401) {
    forgetSession();
    onSignedOut();
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not a problem document; the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return accept === 'application/json' ? response.json() : response;
}

export const api = {
  get: (path, query) => call('GET', path, query),
  post: (path) => call('POST', path),
};

/**
 * Downloads a file from the API (a CSV, say): a plain link would go without the bearer token, so
 * the file is fetched with it and handed to the browser as a Blob through an object URL. Returns
 * the blob and the file name the service gave it.
 */
export async function download(path, query, accept, fallbackName) {
  const response = await call('GET', path, query, accept);
  const blob = await response.blob();
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const name = disposition.match(/filename="([^"]+)"/)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click is handled; the URL is then no longer needed
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return {blob, name};
}

/** Every page of a list route, up to maxPages (the caseload for a filter, say). */
export async function allPages(path, query, maxPages = 5) {
  const items = [];
  let cursor;
  for (let page = 0; page < maxPages; page++) {
    const result = await api.get(path, {...query, cursor});
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
