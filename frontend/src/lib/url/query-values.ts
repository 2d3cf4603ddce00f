/** A whole number from 1 up, as read from a URL's query string; undefined when absent or malformed. */
export function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}
