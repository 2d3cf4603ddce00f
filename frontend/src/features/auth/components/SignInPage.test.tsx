import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json, noSession, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import SignInPage from './SignInPage';

function openSignIn() {
  window.history.replaceState(null, '', '/sign-in');
  return renderWithApp(<SignInPage />, { session: 'ask' });
}

async function signIn(user: ReturnType<typeof renderWithApp>['user'], password = 'not the password') {
  await user.type(await screen.findByLabelText('Username'), 'admin');
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('the sign-in page', () => {
  it('names the product and asks for a username and a password', async () => {
    fakeApi({ 'GET /api/session': () => noSession() });

    openSignIn();

    expect(await screen.findByText('Data Source Manager')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'current-password');
    expect(document.title).toBe('Sign in · DSM');
  });

  it('says the username or password is wrong, and empties the password for another try', async () => {
    fakeApi({ 'GET /api/session': () => noSession(), 'POST /api/session': () => problem(401, [], 'Wrong') });
    const { user } = openSignIn();

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Username')).toHaveValue('admin');
  });

  it('says how many seconds to wait after too many failed sign-ins, and counts them down', async () => {
    fakeApi({
      'GET /api/session': () => noSession(),
      'POST /api/session': () => problem(429, [], 'Too many failed sign-ins', { 'Retry-After': '42' }),
    });
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const { user } = openSignIn();
    await signIn(user);
    expect(await screen.findByText('Too many failed sign-ins. Try again in 42 seconds.')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(await screen.findByText('Too many failed sign-ins. Try again in 40 seconds.')).toBeInTheDocument();

    await act(() => vi.advanceTimersByTimeAsync(40_000));
    expect(await screen.findByText('You can try again now.')).toBeInTheDocument();
  });

  it('says when the server cannot be reached', async () => {
    fakeApi({
      'GET /api/session': () => noSession(),
      'POST /api/session': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const { user } = openSignIn();

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent('The server cannot be reached.');
  });

  it('asks for what is missing before sending anything', async () => {
    const api = fakeApi({ 'GET /api/session': () => noSession() });
    const { user } = openSignIn();

    await user.click(await screen.findByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(api.to('POST', '/api/session')).toHaveLength(0);
  });

  it('goes straight on when the browser is still signed in', async () => {
    fakeApi({
      'GET /api/session': () =>
        json({ signedIn: true, username: 'admin', role: 'ADMIN', csrfToken: 't', expiresAt: '2026-11-24T16:15:30Z' }),
    });
    window.history.replaceState(null, '', '/sign-in?next=%2Faudit');
    renderWithApp(<SignInPage />, { session: 'ask' });

    await vi.waitFor(() => expect(window.location.pathname).toBe('/audit'));
  });
});
