import { vi } from 'vitest';
import type {
  AuditEvent,
  Check,
  ConnectionTestResult,
  DataSource,
  Provisioning,
  ProvisioningError,
  ProvisioningFile,
  Role,
  Session,
  User,
} from '@/lib/api/types';

/** A request the console sent, as the fake server saw it. */
export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

export function problem(
  status: number,
  violations: { field: string; message: string }[] = [],
  detail = 'Rejected',
  headers: Record<string, string> = {},
) {
  return json({ type: 'urn:test', title: 'Problem', status, detail, violations }, status, headers);
}

/**
 * Replaces fetch with routes keyed "METHOD /path" (path without query string). Unrouted requests
 * fail the test loudly. Every request is recorded, so a test can assert what was (not) sent.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const requests: SeenRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input instanceof URL ? input.href : input, init);
    const url = new URL(request.url);
    const text = await request.text();
    const seen: SeenRequest = {
      method: request.method,
      url,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    requests.push(seen);
    const handler = routes[`${request.method} ${url.pathname}`];
    if (!handler) throw new Error(`No fake route for ${request.method} ${url.pathname}`);
    return handler(seen);
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    requests,
    /** The requests to one route, oldest first. */
    to: (method: string, path: string) => requests.filter((r) => r.method === method && r.url.pathname === path),
  };
}

let counter = 0;

export function aDataSource(overrides: Partial<DataSource> = {}): DataSource {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    identifier: `orders${counter}`,
    type: 'POSTGRESQL',
    region: 'default',
    attribute: 'PRIMARY',
    heartbeatEnabled: false,
    host: '10.0.12.7',
    port: 5432,
    username: 'migrator',
    passwordSet: true,
    passwordRef: null,
    databaseName: 'orders',
    schemaName: 'public',
    remarks: null,
    standby: null,
    heartbeatSchema: null,
    tls: { mode: 'prefer', caCertificate: null },
    heartbeat: { state: 'DISABLED', lastBeatAt: null, lastError: null, consecutiveFailures: 0, warning: null },
    readiness: { state: 'READY', checkedAt: '2026-11-24T08:20:30Z', blockers: 0, warnings: 0, accepted: 0 },
    provisionedBy: null,
    version: 0,
    createdAt: '2026-11-24T08:15:30Z',
    updatedAt: '2026-11-24T08:15:30Z',
    ...overrides,
  };
}

/** A data source that the provisioning file `file` declares, its password read from a reference. */
export function aProvisionedDataSource(file = 'orders.yaml', overrides: Partial<DataSource> = {}): DataSource {
  return aDataSource({ provisionedBy: file, passwordRef: 'file:orders01.pw', ...overrides });
}

/** GET /api/provisioning's answer: a folder is read, with these files in it. */
export function aProvisioning(files: ProvisioningFile[] = []): Provisioning {
  return { enabled: true, files };
}

/** A provisioning file whose last apply failed for these reasons; nothing of it was applied. */
export function aFailedFile(file: string, errors: ProvisioningError[]): ProvisioningFile {
  return {
    file,
    status: 'FAILED',
    checkedAt: '2026-11-24T08:15:30Z',
    appliedAt: null,
    prune: false,
    dataSources: 0,
    errors,
  };
}

/** A provisioning file applied as it is. */
export function anAppliedFile(file: string, dataSources = 1): ProvisioningFile {
  return {
    file,
    status: 'APPLIED',
    checkedAt: '2026-11-24T08:15:30Z',
    appliedAt: '2026-11-24T08:15:30Z',
    prune: false,
    dataSources,
    errors: [],
  };
}

export function aPage(items: DataSource[], total = items.length) {
  return { items, page: 1, size: 20, total };
}

/** A check of the primary, without hint or SQLSTATE unless given. */
function aCheck(name: Check['name'], status: Check['status'], message: string, more: Partial<Check> = {}): Check {
  return { target: 'PRIMARY', name, status, message, hint: null, sqlState: null, ...more };
}

const NETWORK_PASSED = aCheck('NETWORK', 'PASSED', 'Reached 10.0.12.7:5432');

export const PASSED_TEST: ConnectionTestResult = {
  success: true,
  elapsedMs: 42,
  serverVersion: '15.8',
  checks: [NETWORK_PASSED, aCheck('AUTHENTICATION', 'PASSED', 'Logged in as migrator')],
  readiness: {
    verdicts: [
      { scope: 'FULL_MIGRATION', state: 'READY', blockers: 0, warnings: 0, summary: 'Full migration: ready' },
      { scope: 'INCREMENTAL_SYNC', state: 'READY', blockers: 0, warnings: 0, summary: 'Incremental sync: ready' },
    ],
    findings: [],
    passed: [
      { check: 'server.wal_level', target: 'PRIMARY', message: 'wal_level is logical.' },
      { check: 'role.replication', target: 'PRIMARY', message: 'User "migrator" has the REPLICATION attribute.' },
    ],
  },
};

export const WRONG_PASSWORD_TEST: ConnectionTestResult = {
  success: false,
  elapsedMs: 17,
  serverVersion: null,
  checks: [
    NETWORK_PASSED,
    aCheck('AUTHENTICATION', 'FAILED', 'password authentication failed for user "migrator"', {
      hint: 'Check the username and password.',
      sqlState: '28P01',
    }),
    aCheck('DATABASE', 'SKIPPED', 'Not checked: login failed'),
  ],
  readiness: {
    verdicts: [
      {
        scope: 'FULL_MIGRATION',
        state: 'BLOCKED',
        blockers: 0,
        warnings: 0,
        summary: 'Full migration: blocked, the AUTHENTICATION check failed',
      },
      {
        scope: 'INCREMENTAL_SYNC',
        state: 'BLOCKED',
        blockers: 0,
        warnings: 0,
        summary: 'Incremental sync: blocked, the AUTHENTICATION check failed',
      },
    ],
    findings: [],
    passed: [],
  },
};

/** A console session of a user with this role, as GET and POST /api/session answer it. */
export function aSession(role: Role = 'ADMIN', overrides: Partial<Session> = {}): Session {
  return {
    signedIn: true,
    username: role.toLowerCase(),
    role,
    csrfToken: `csrf-token-of-${role.toLowerCase()}`,
    expiresAt: '2026-11-24T16:15:30Z',
    ...overrides,
  };
}

/** GET /api/session's answer when nobody is signed in. */
export function noSession(): Response {
  return json({ signedIn: false });
}

export function aUser(overrides: Partial<User> = {}): User {
  counter += 1;
  return {
    id: `10000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    username: `user${counter}`,
    role: 'OPERATOR',
    createdAt: '2026-11-24T08:15:30Z',
    updatedAt: '2026-11-24T08:15:30Z',
    version: 0,
    ...overrides,
  };
}

export function anAuditEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  counter += 1;
  return {
    id: counter,
    occurredAt: '2026-11-24T08:15:30Z',
    actor: 'admin',
    clientAddress: '10.0.0.5',
    action: 'DATA_SOURCE_CREATED',
    outcome: 'SUCCESS',
    dataSourceId: null,
    dataSourceIdentifier: null,
    changes: [],
    detail: null,
    ...overrides,
  };
}
