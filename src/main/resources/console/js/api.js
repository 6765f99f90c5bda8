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

async function call(method, path, query = {}) {
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
    headers: {Authorization: `Bearer ${session.accessToken}`, Accept: 'application/json'},
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
  return response.json();
}

export const api = {
  get: (path, query) => call('GET', path, query),
  post: (path) => call('POST', path),
};

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
