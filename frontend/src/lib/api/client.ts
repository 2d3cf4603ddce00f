import createClient from 'openapi-fetch';
import type { paths } from './schema';

/**
 * The typed client of the dsm API. Same origin: in production the backend serves the console, in
 * development Vite proxies /api. The origin is spelled out because openapi-fetch builds `Request`
 * objects, and outside a browser (tests) a relative URL cannot be parsed.
 */
export const api = createClient<paths>({
  baseUrl: globalThis.location.origin,
  // Look fetch up on every call, not once at start-up, so tests can stub it.
  fetch: (request) => globalThis.fetch(request),
});
