// Sign-in with OpenID Connect: authorization code with PKCE, in the browser, as a public client.
// The access token lives in sessionStorage (this tab only, gone when it closes) and goes to the API
// as a bearer token; the API verifies it. The claims read here only decide what the pages offer.

const SESSION_KEY = 'mitforlob.console.session';
const PENDING_KEY = 'mitforlob.console.pending';

export class SignInError extends Error {
}

export async function loadConfig() {
  const response = await fetch('config.json', {cache: 'no-store'});
  if (!response.ok) {
    throw new Error(`config.json: ${response.status}`);
  }
  return response.json();
}

async function discover(issuer) {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) {
    throw new SignInError(`discovery: ${response.status}`);
  }
  return response.json();
}

/** Where the issuer sends the browser back to: the console's own address, without query or hash. */
export function redirectUri() {
  return new URL('./', `${location.origin}${location.pathname}`).href;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(bytes) {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** Sends the browser to the issuer; it comes back to redirectUri() with a code. */
export async function signIn(config, returnTo) {
  const metadata = await discover(config.issuer);
  const pending = {verifier: randomString(48), state: randomString(16), nonce: randomString(16), returnTo};
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier)));
  const url = new URL(metadata.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.href);
}

/**
 * Finishes a sign-in when the issuer has sent the browser back with a code: checks the state,
 * exchanges the code (with the PKCE verifier) for tokens and keeps them. Returns where to go next,
 * or null when this page load is no sign-in return.
 */
export async function completeSignIn(config) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) {
    return null;
  }
  history.replaceState(null, '', redirectUri() + location.hash);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null');
  sessionStorage.removeItem(PENDING_KEY);
  if (params.has('error')) {
    throw new SignInError(params.get('error_description') ?? params.get('error'));
  }
  if (!pending || pending.state !== params.get('state')) {
    throw new SignInError('state');
  }
  const metadata = await discover(config.issuer);
  const response = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!response.ok) {
    throw new SignInError(`token: ${response.status}`);
  }
  const tokens = await response.json();
  const idClaims = decodeJwt(tokens.id_token);
  if (!idClaims || idClaims.iss !== config.issuer || idClaims.nonce !== pending.nonce) {
    throw new SignInError('id_token');
  }
  const session = {
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + Number(tokens.expires_in ?? 300) * 1000,
    // the access token's claims are what the API reads; the ID token adds e.g. the name where it lacks them
    claims: {...idClaims, ...(decodeJwt(tokens.access_token) ?? {})},
    endSession: metadata.end_session_endpoint ?? null,
  };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return pending.returnTo || '#/';
}

/** The signed-in session, or null when there is none or it has expired. */
export function currentSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  if (!session || session.expiresAt <= Date.now()) {
    return null;
  }
  return session;
}

export function forgetSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** Ends the session here and, where the issuer offers it, there too. */
export function signOut(config) {
  const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null');
  forgetSession();
  if (session?.endSession) {
    const url = new URL(session.endSession);
    url.search = new URLSearchParams({
      post_logout_redirect_uri: redirectUri(),
      id_token_hint: session.idToken,
      client_id: config.clientId,
    }).toString();
    location.assign(url.href);
  } else {
    location.assign(redirectUri());
  }
}

/** Who is signed in, as the claims the service itself reads (names from config.json). */
export function person(config, session) {
  const claims = session.claims;
  const granted = config.rolesClaim ? values(claims[config.rolesClaim]) : config.roles;
  return {
    name: claims.name ?? claims.sub,
    roles: config.roles.filter((role) => granted.includes(role)),
    municipalities: config.municipalityClaim
      ? values(claims[config.municipalityClaim]).filter((code) => /^\d{3}$/.test(code)) : [],
  };
}

function values(claim) {
  if (Array.isArray(claim)) return claim.filter((v) => typeof v === 'string');
  if (typeof claim === 'string') return claim.trim().split(/[\s,]+/);
  return [];
}

/** The payload of a JWT, unverified (the API verifies); null for anything else, e.g. an opaque token. */
function decodeJwt(token) {
  const parts = typeof token === 'string' ? token.split('.') : [];
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  } catch {
    return null;
  }
}
