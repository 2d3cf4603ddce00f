import { inputRules } from '@/lib/api/input-rules';
import type { DataSourceInput } from '@/lib/api/types';

/**
 * The fields a saved password is bound to, as the API publishes them (x-dsm-password-scope): the
 * server uses a saved password only with the host, port, username and TLS settings it was saved
 * with, and refuses an edit of any of them without the password (400 naming `password`).
 */
const PRIMARY_SCOPE: readonly string[] = inputRules.DataSourceInput.properties.password['x-dsm-password-scope'];
const STANDBY_SCOPE: readonly string[] = inputRules.StandbyInput.properties.password['x-dsm-password-scope'];

/** Which saved passwords the edited values would send to another endpoint. */
export interface MovedEndpoints {
  primary: boolean;
  /** The standby moved, or is new: it was not saved with a standby. */
  standby: boolean;
}

export const NOT_MOVED: MovedEndpoints = { primary: false, standby: false };

/**
 * A field of the endpoint as the server compares it: host names ignoring case, as DNS does; an
 * absent standby username is the primary's, as the API stores it.
 */
function endpointValue(input: DataSourceInput, path: string): unknown {
  if (path === 'standby.username') return input.standby?.username ?? input.username;
  const value = path
    .split('.')
    .reduce<unknown>((object, key) => (object as Record<string, unknown> | undefined)?.[key], input);
  return path.endsWith('host') && typeof value === 'string' ? value.toLowerCase() : (value ?? null);
}

function moved(scope: readonly string[], saved: DataSourceInput, edited: DataSourceInput): boolean {
  return scope.some((path) => endpointValue(saved, path) !== endpointValue(edited, path));
}

/** Compares the request bodies of the saved data source and of the values on screen. */
export function movedEndpoints(saved: DataSourceInput, edited: DataSourceInput): MovedEndpoints {
  return {
    primary: moved(PRIMARY_SCOPE, saved, edited),
    standby: edited.standby !== undefined && (saved.standby === undefined || moved(STANDBY_SCOPE, saved, edited)),
  };
}
