import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDataSource, aPage, aSession, fakeApi, json, noSession, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { AppRoutes } from './AppRoutes';

const oneRegion = () => json({ regions: ['default'] });
const here = () => `${window.location.pathname}${window.location.search}`;

function openConsoleAt(url: string, session: Parameters<typeof renderWithApp>[1] = { session: 'ask' }) {
  window.history.replaceState(null, '', url);
  return renderWithApp(<AppRoutes />, session);
}

async function signInAs(user: ReturnType<typeof renderWithApp>['user'], username: string, password: string) {
  await user.type(await screen.findByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('signing in', () => {
  it('sends someone not signed in to the sign-in page, and back to where they were after signing in', async () => {
    let signedIn = false;
    const api = fakeApi({
      'GET /api/session': () => (signedIn ? json(aSession('OPERATOR')) : noSession()),
      'POST /api/session': () => {
        signedIn = true;
        return json(aSession('OPERATOR'));
      },
      'GET /api/datasources': () => json(aPage([aDataSource({ identifier: 'orders01' })])),
      'GET /api/regions': oneRegion,
    });
    const { user } = openConsoleAt('/?q=orders');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(here()).toBe('/sign-in?next=%2F%3Fq%3Dorders');
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();

    await signInAs(user, 'operator', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Data Source Management' })).toBeInTheDocument();
    expect(here()).toBe('/?q=orders');
    expect(api.to('POST', '/api/session')[0]?.body).toEqual({
      username: 'operator',
      password: 'correct horse battery',
    });
    expect(await screen.findByRole('link', { name: 'orders01' })).toBeInTheDocument();
  });

  it('sends the user to sign in when the session ends mid-work (any 401), and back again after', async () => {
    let sessionOver = false;
    fakeApi({
      'GET /api/session': () => (sessionOver ? noSession() : json(aSession('ADMIN'))),
      'POST /api/session': () => {
        sessionOver = false;
        return json(aSession('ADMIN'));
      },
      'GET /api/datasources': () => (sessionOver ? problem(401) : json(aPage([aDataSource()]))),
      'GET /api/regions': oneRegion,
    });
    const { user } = openConsoleAt('/?q=orders&sort=identifier');
    await screen.findByRole('heading', { name: 'Data Source Management' });

    sessionOver = true;
    await user.click(await screen.findByRole('button', { name: 'Refresh' }));

    expect(await screen.findByText(/Your session has ended/)).toBeInTheDocument();
    expect(here()).toBe('/sign-in?next=%2F%3Fq%3Dorders%26sort%3Didentifier');

    await signInAs(user, 'admin', 'correct horse battery');

    await screen.findByRole('heading', { name: 'Data Source Management' });
    expect(here()).toBe('/?q=orders&sort=identifier');
  });

  it('never sends the user off this console after signing in, whatever next says', async () => {
    fakeApi({
      'GET /api/session': () => noSession(),
      'POST /api/session': () => json(aSession('VIEWER')),
      'GET /api/datasources': () => json(aPage([])),
      'GET /api/regions': oneRegion,
    });
    const { user } = openConsoleAt('/sign-in?next=%2F%2Fevil.example%2Fphish');

    await signInAs(user, 'viewer', 'correct horse battery');

    await screen.findByRole('heading', { name: 'Data Source Management' });
    expect(window.location.origin).toBe('http://localhost:3000');
    expect(here()).toBe('/');
  });

  it('shows a spinner while it asks who is signed in', async () => {
    fakeApi({ 'GET /api/session': () => new Promise<Response>(() => undefined) });

    openConsoleAt('/');

    expect(await screen.findByRole('status')).toHaveTextContent('Checking your session…');
  });
});

describe('the header', () => {
  it("shows the signed-in user's name and role, and signs out from its menu", async () => {
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([])),
      'GET /api/regions': oneRegion,
      'DELETE /api/session': () => new Response(null, { status: 204 }),
    });
    const { user } = openConsoleAt('/', { session: aSession('OPERATOR', { username: 'jane.doe' }) });

    const account = await screen.findByRole('button', { name: 'Account: jane.doe Operator' });
    expect(within(account).getByText('Operator')).toBeInTheDocument();

    await user.click(account);
    await user.click(await screen.findByRole('menuitem', { name: /Sign out/ }));

    expect(await screen.findByText('You have signed out.')).toBeInTheDocument();
    expect(here()).toBe('/sign-in');
    expect(api.to('DELETE', '/api/session')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-token-of-operator');
  });

  it('offers the audit log and users only to administrators', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': oneRegion });

    openConsoleAt('/', { session: aSession('OPERATOR') });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByText('Data Sources')).toBeInTheDocument();
    expect(within(nav).queryByText('Audit Log')).not.toBeInTheDocument();
    expect(within(nav).queryByText('Users')).not.toBeInTheDocument();
  });

  it('shows administrators the audit log and users in the navigation', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': oneRegion });

    openConsoleAt('/', { session: aSession('ADMIN') });

    const nav = await screen.findByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Audit Log' })).toHaveAttribute('href', '/audit');
    expect(within(nav).getByRole('link', { name: 'Users' })).toHaveAttribute('href', '/users');
  });
});

describe('pages a role may not open', () => {
  it('answer an operator who opens the audit log directly with a 403 page', async () => {
    const api = fakeApi({});

    openConsoleAt('/audit', { session: aSession('OPERATOR') });

    expect(await screen.findByRole('heading', { name: 'You do not have access to this page' })).toBeInTheDocument();
    expect(screen.getByText('Only administrators can read the audit log; your role is Operator.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the data sources' })).toHaveAttribute('href', '/');
    expect(api.requests).toHaveLength(0);
  });

  it('answer a viewer who opens the users page directly with a 403 page', async () => {
    fakeApi({});

    openConsoleAt('/users', { session: aSession('VIEWER') });

    expect(await screen.findByText('Only administrators can manage users; your role is Viewer.')).toBeInTheDocument();
  });

  it('say so when there is no such page', async () => {
    fakeApi({});

    openConsoleAt('/no-such-page', { session: aSession('ADMIN') });

    expect(await screen.findByRole('heading', { name: 'There is no such page' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('There is no such page · DSM'));
  });
});
