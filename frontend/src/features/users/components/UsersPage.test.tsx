import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aSession, aUser, fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import UsersPage from './UsersPage';

function openUsers() {
  window.history.replaceState(null, '', '/users');
  return renderWithApp(<UsersPage />, { session: aSession('ADMIN', { username: 'admin' }) });
}

/** A dialog by its title (not by accessible name: under test, rc-util's generated ids all collide). */
async function findDialog(title: string) {
  return waitFor(() => {
    const dialog = screen.queryAllByRole('dialog').find((candidate) => within(candidate).queryByText(title));
    if (!dialog) throw new Error(`No dialog titled ${title}`);
    return dialog;
  });
}

describe('the users page', () => {
  it('lists every user with their role, and marks the signed-in one', async () => {
    fakeApi({
      'GET /api/users': () =>
        json([aUser({ username: 'admin', role: 'ADMIN' }), aUser({ username: 'jane', role: 'VIEWER' })]),
    });

    openUsers();

    const admin = (await screen.findByText('admin')).closest('tr')!;
    expect(within(admin).getByText('Administrator')).toBeInTheDocument();
    expect(within(admin).getByText('you')).toBeInTheDocument();
    expect(within(admin).getByRole('button', { name: 'Delete admin' })).toBeDisabled();
    const jane = screen.getByText('jane').closest('tr')!;
    expect(within(jane).getByText('Viewer')).toBeInTheDocument();
    expect(within(jane).getByRole('button', { name: 'Delete jane' })).toBeEnabled();
  });

  it('creates a user with a role and a password', async () => {
    let users = [aUser({ username: 'admin', role: 'ADMIN' })];
    const api = fakeApi({
      'GET /api/users': () => json(users),
      'POST /api/users': () => {
        const created = aUser({ username: 'jane.doe', role: 'OPERATOR' });
        users = [...users, created];
        return json(created, 201);
      },
    });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: /Create User/ }));
    const dialog = await findDialog('Create User');
    await user.type(within(dialog).getByLabelText('Username'), 'jane.doe');
    await user.click(within(dialog).getByLabelText(/^Operator/));
    await user.type(within(dialog).getByLabelText('Password'), 'a long enough secret');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await screen.findByText('User jane.doe created')).toBeInTheDocument();
    expect(api.to('POST', '/api/users')[0]?.body).toEqual({
      username: 'jane.doe',
      role: 'OPERATOR',
      password: 'a long enough secret',
    });
    expect(await screen.findByText('jane.doe')).toBeInTheDocument();
  });

  it('puts a taken username on its field', async () => {
    fakeApi({
      'GET /api/users': () => json([aUser({ username: 'admin', role: 'ADMIN' })]),
      'POST /api/users': () =>
        problem(409, [{ field: 'username', message: 'is already taken' }], 'A user named Jane already exists.'),
    });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: /Create User/ }));
    const dialog = await findDialog('Create User');
    await user.type(within(dialog).getByLabelText('Username'), 'Jane');
    await user.type(within(dialog).getByLabelText('Password'), 'a long enough secret');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await within(dialog).findByText('Is already taken')).toBeInTheDocument();
  });

  it('checks the password rules before sending', async () => {
    const api = fakeApi({ 'GET /api/users': () => json([aUser({ username: 'admin', role: 'ADMIN' })]) });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: /Create User/ }));
    const dialog = await findDialog('Create User');
    await user.type(within(dialog).getByLabelText('Username'), 'jane');
    await user.type(within(dialog).getByLabelText('Password'), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));
    expect(await within(dialog).findByText('At least 12 characters')).toBeInTheDocument();

    await user.clear(within(dialog).getByLabelText('Password'));
    await user.type(within(dialog).getByLabelText('Password'), 'jane-is-the-best');
    expect(await within(dialog).findByText('Must not contain the username')).toBeInTheDocument();
    expect(api.to('POST', '/api/users')).toHaveLength(0);
  });

  it('changes a role, sending the version it read, and keeps the password when left empty', async () => {
    const jane = aUser({ username: 'jane', role: 'VIEWER', version: 3 });
    const api = fakeApi({
      'GET /api/users': () => json([aUser({ username: 'admin', role: 'ADMIN' }), jane]),
      [`PUT /api/users/${jane.id}`]: () => json({ ...jane, role: 'OPERATOR', version: 4 }),
      'GET /api/session': () => json(aSession('ADMIN', { username: 'admin' })),
    });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: 'Edit jane' }));
    const dialog = await findDialog('Edit User jane');
    await user.click(within(dialog).getByLabelText(/^Operator/));
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await screen.findByText('User jane saved')).toBeInTheDocument();
    expect(api.to('PUT', `/api/users/${jane.id}`)[0]?.body).toEqual({ role: 'OPERATOR', version: 3 });
  });

  it('explains why the last administrator cannot lose the role', async () => {
    const me = aUser({ username: 'admin', role: 'ADMIN' });
    fakeApi({
      'GET /api/users': () => json([me]),
      [`PUT /api/users/${me.id}`]: () =>
        problem(409, [], 'User admin is the last administrator and cannot be demoted; make another user ADMIN first.'),
    });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: 'Edit admin' }));
    const dialog = await findDialog('Edit User admin');
    await user.click(within(dialog).getByLabelText(/^Viewer/));
    expect(within(dialog).getByText(/This is your own account/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'OK' }));

    expect(await within(dialog).findByText('The user was not saved')).toBeInTheDocument();
    expect(within(dialog).getByText(/is the last administrator and cannot be demoted/)).toBeInTheDocument();
  });

  it('asks before deleting a user, and shows why the server refused', async () => {
    const jane = aUser({ username: 'jane', role: 'ADMIN' });
    fakeApi({
      'GET /api/users': () => json([aUser({ username: 'admin', role: 'ADMIN' }), jane]),
      [`DELETE /api/users/${jane.id}`]: () =>
        problem(409, [], 'User jane is the last administrator and cannot be deleted.'),
    });
    const { user } = openUsers();

    await user.click(await screen.findByRole('button', { name: 'Delete jane' }));
    const confirm = await findDialog('Delete user jane?');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await within(confirm).findByText(/cannot be deleted/)).toBeInTheDocument();
    await waitFor(() => expect(within(confirm).getByText('User jane was not deleted')).toBeInTheDocument());
  });
});
