/** "host:port", with an IPv6 literal in brackets so the port stays readable: [fd00::7]:5432. */
export function formatEndpoint(host: string, port: number): string {
  if (!host) return '';
  const shownHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `${shownHost}:${port}`;
}
