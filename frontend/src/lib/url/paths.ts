/** The console's pages. The data sources page stays on `/`, where links to it have always pointed. */
export const PATHS = {
  dataSources: '/',
  audit: '/audit',
  users: '/users',
  signIn: '/sign-in',
} as const;

/** The sign-in page, with where to go once signed in (left out when that is the start page). */
export function signInHref(next: string): string {
  const target = safeNext(next);
  return target === PATHS.dataSources ? PATHS.signIn : `${PATHS.signIn}?next=${encodeURIComponent(target)}`;
}

/**
 * Where to go after signing in: `next` when it is a path of this console (same origin, relative,
 * not the sign-in page itself), else the start page. A `next` pointing elsewhere (`//evil.example`,
 * `https://…`, `/\evil`) would make the sign-in page an open redirect.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return PATHS.dataSources;
  let url: URL;
  try {
    url = new URL(next, window.location.origin);
  } catch {
    return PATHS.dataSources;
  }
  if (url.origin !== window.location.origin || url.pathname === PATHS.signIn) return PATHS.dataSources;
  return `${url.pathname}${url.search}${url.hash}`;
}
