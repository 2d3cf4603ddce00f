import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import ChangePasswordDialog from './ChangePasswordDialog';

function openDialog() {
  return renderWithApp(<ChangePasswordDialog username="jane" onClose={() => undefined} />);
}

async function fill(user: ReturnType<typeof renderWithApp>['user'], current: string, next: string, again = next) {
  const dialog = await screen.findByRole('dialog');
  await user.type(within(dialog).getByLabelText('Current password'), current);
  await user.type(within(dialog).getByLabelText('New password'), next);
  await user.type(within(dialog).getByLabelText('New password, again'), again);
  await user.click(within(dialog).getByRole('button', { name: 'Change password' }));
  return dialog;
}

describe('changing your password', () => {
  it('sends the current and the new password, and says it worked', async () => {
    const api = fakeApi({ 'PUT /api/session/password': () => new Response(null, { status: 204 }) });
    const { user } = openDialog();

    await fill(user, 'the old one, long', 'a brand new passphrase');

    expect(await screen.findByText('Password changed. Your other sessions have been signed out.')).toBeInTheDocument();
    expect(api.to('PUT', '/api/session/password')[0]?.body).toEqual({
      currentPassword: 'the old one, long',
      newPassword: 'a brand new passphrase',
    });
    expect(api.to('PUT', '/api/session/password')[0]?.headers.get('X-CSRF-Token')).toBe('csrf-token-of-admin');
  });

  it("puts the server's verdict on the current password onto its field", async () => {
    fakeApi({
      'PUT /api/session/password': () =>
        problem(400, [{ field: 'currentPassword', message: 'is not your current password' }]),
    });
    const { user } = openDialog();

    const dialog = await fill(user, 'a wrong guess here', 'a brand new passphrase');

    expect(await within(dialog).findByText('This is not your current password')).toBeInTheDocument();
  });

  it('says how long to wait when guessing the current password is throttled', async () => {
    fakeApi({
      'PUT /api/session/password': () =>
        problem(429, [], 'Too many failed sign-ins; retry in 42 s.', { 'Retry-After': '42' }),
    });
    const { user } = openDialog();

    const dialog = await fill(user, 'a wrong guess here', 'a brand new passphrase');

    expect(
      await within(dialog).findByText(
        'Too many wrong passwords for your account or from your address. Try again in 42 seconds.',
      ),
    ).toBeInTheDocument();
  });

  it('checks the rules and the repetition before sending', async () => {
    const api = fakeApi({});
    const { user } = openDialog();

    const dialog = await fill(user, 'the old one, long', 'jane-forever-and-ever', 'something else entirely');

    expect(await within(dialog).findByText('Must not contain your username')).toBeInTheDocument();
    expect(within(dialog).getByText('The two new passwords differ')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });
});
