import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed client of the dsm API. Same origin: in production the backend serves the console, in
 * development Vite proxies /api. The origin is spelled out because openapi-fetch builds `Request`
 * objects, and outside a browser (tests) a relative URL cannot be parsed.
 *
 * Every request says it comes from the console (`X-Requested-With`): the server then answers a
 * missing sign-in with a plain 401, without the `WWW-Authenticate: Basic` challenge that would make
 * the browser open its own password dialog.
 *
 * Every request also names the language the console shows (`Accept-Language`), so that what the
 * server writes (check results, findings, problems) reads in the same language as the screen.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  headers: { 'X-Requested-With': 'dsm-console' },
  // Look fetch up on every call, not once at start-up, so tests can stub it.
  fetch: (request) => globalThis.fetch(request),
});

/** What the client needs from the session: its anti-forgery token, and whom to tell when it ends. */
export interface SessionLink {
  /** The signed-in session's token, sent as X-CSRF-Token with every change. */
  csrfToken: () => string | null | undefined;
  /** A request was answered 401: the session has ended (expired, signed out elsewhere, revoked). */
  onSessionEnded: () => void;
}

let session: SessionLink = { csrfToken: () => undefined, onSessionEnded: () => undefined };

/** Connects the client to the session (the app does this once, with its query cache). */
export function linkSession(link: SessionLink): void {
  session = link;
}

let language = 'en';

/**
 * Sets the language every request asks for from now on: the console's language tag (`en`,
 * `zh-CN`). The app does this whenever the shown language changes.
 */
export function setRequestLanguage(tag: string): void {
  language = tag;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

api.use({
  onRequest({ request }) {
    request.headers.set('Accept-Language', language);
    if (SAFE_METHODS.has(request.method)) return request;
    const token = session.csrfToken();
    if (token) request.headers.set('X-CSRF-Token', token);
    return request;
  },
  onResponse({ request, response, schemaPath }) {
    // Signing in with a wrong password answers 401 as a matter of course, and so does asking who is
    // signed in with wrong HTTP Basic credentials (signed out, it answers 200 signedIn: false); any
    // other 401 means the session is over.
    const asksAboutSession = schemaPath === '/api/session' && (request.method === 'POST' || request.method === 'GET');
    if (response.status === 401 && !asksAboutSession) session.onSessionEnded();
    return undefined;
  },
});
