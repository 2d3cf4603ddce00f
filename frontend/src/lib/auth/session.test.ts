import { describe, expect, it } from 'vitest';
import { aSession, fakeApi, json, noSession, problem } from '@/testing/fake-api';
import { fetchSession } from './session';

describe('fetchSession', () => {
  it('treats an answer of signedIn false as signed out', async () => {
    fakeApi({ 'GET /api/session': () => noSession() });
    await expect(fetchSession()).resolves.toBeNull();
  });

  it('answers the signed-in user with their role and token', async () => {
    fakeApi({ 'GET /api/session': () => json(aSession('VIEWER')) });
    await expect(fetchSession()).resolves.toMatchObject({
      username: 'viewer',
      role: 'VIEWER',
      csrfToken: 'csrf-token-of-viewer',
    });
  });

  it('still treats a 401 as signed out', async () => {
    fakeApi({ 'GET /api/session': () => problem(401) });
    await expect(fetchSession()).resolves.toBeNull();
  });

  it('fails when the server fails', async () => {
    fakeApi({ 'GET /api/session': () => problem(503) });
    await expect(fetchSession()).rejects.toBeTruthy();
  });
});
