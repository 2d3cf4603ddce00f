/**
 * What this browser remembers for its user (language, list columns). Storage can be missing or
 * refused (private mode, disabled by policy): reading then finds nothing and a choice just does
 * not survive a reload; the console works either way.
 */
export function readStored(key: string): string | null {
  try {
    return globalThis.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    globalThis.localStorage.setItem(key, value);
  } catch {
    // Not remembered; see above.
  }
}
