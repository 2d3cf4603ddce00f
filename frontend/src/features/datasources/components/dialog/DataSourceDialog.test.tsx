import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { ConnectionTestResult } from '@/lib/api/types';
import type { Session } from '@/lib/api/types';
import type { Language } from '@/lib/i18n/languages';
import { PASSED_TEST, WRONG_PASSWORD_TEST, aDataSource, aSession, fakeApi, json, problem } from '@/testing/fake-api';
import { READINESS_BLOCKED_TEST } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import DataSourceDialog from './DataSourceDialog';
import type { DialogRequest } from './dialog-request';

const available = () => json({ available: true });

function openDialog(
  request: DialogRequest = { mode: 'create' },
  regions: string[] = ['default'],
  options: { session?: Session; language?: Language } = {},
) {
  const onSaved = vi.fn();
  const onClose = vi.fn();
  const view = renderWithApp(
    <DataSourceDialog
      request={request}
      regions={regions}
      multiRegion={regions.length > 1}
      onSaved={onSaved}
      onClose={onClose}
    />,
    options,
  );
  return { ...view, onSaved, onClose, dialog: () => screen.getByRole('dialog') };
}

/** Pastes into a field: one input event instead of one per character keeps the tests fast. */
async function fill(user: UserEvent, label: string, text: string) {
  await user.click(screen.getByLabelText(label));
  await user.paste(text);
}

/** Moves the primary to another host: the saved password may not follow it. */
async function moveHost(user: UserEvent, host = 'elsewhere.example.com') {
  await user.clear(screen.getByLabelText('Host IP Address'));
  await fill(user, 'Host IP Address', host);
}

/** An edit that leaves every endpoint where it was. */
async function changeDatabaseName(user: UserEvent) {
  await user.clear(screen.getByLabelText('DB Name'));
  await fill(user, 'DB Name', 'invoices');
}

/** The server's refusal under a field: marked first, its text a moment later, through Ant Design's motion. */
async function expectRefusalUnder(label: string, message: string) {
  await waitFor(() => expect(screen.getByLabelText(label)).toHaveAttribute('aria-invalid', 'true'));
  expect(await screen.findByText(message)).toBeInTheDocument();
}

async function fillConnection(user: UserEvent) {
  await fill(user, 'Data Source Identifier', 'orders01');
  await fill(user, 'Host IP Address', '10.0.12.7');
  await fill(user, 'Username', 'migrator');
  await fill(user, 'Password', 's3cret');
  await fill(user, 'DB Name', 'orders');
}

const okButton = () => screen.getByRole('button', { name: 'OK' });
const testButton = () => screen.getByRole('button', { name: /Test Connection|Test Again/ });

/** Opens the create dialog against a server whose test answers `result`, fills it in and tests. */
async function testNewDataSource(result: ConnectionTestResult) {
  fakeApi({
    'GET /api/datasources/identifier-availability': available,
    'POST /api/datasources/test-connection': () => json(result),
  });
  const view = openDialog();
  await fillConnection(view.user);
  await view.user.click(testButton());
  return view;
}

describe('the Create Data Source dialog', () => {
  it('shows the seed fields in the seed order', () => {
    fakeApi({});
    openDialog();
    const labels = [...document.querySelectorAll('.datasource-form label')].map((label) =>
      label.textContent.replace('*', ''),
    );
    const seedOrder = [
      'Data Source Type',
      'Data Source Identifier',
      'Database Attributes',
      'Host IP Address',
      'Port',
      'Username',
      'Password',
      'DB Name',
      'Schema Name (Optional)',
      'Remarks (Optional)',
    ];
    expect(labels.filter((label) => seedOrder.includes(label))).toEqual(seedOrder);
  });

  it('offers OK only after a passed test', async () => {
    const api = fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () => json(PASSED_TEST),
    });
    const { user } = openDialog();
    await fillConnection(user);
    expect(okButton()).toBeDisabled();

    await user.click(testButton());

    expect(await screen.findByText('Connection test passed')).toBeInTheDocument();
    expect(okButton()).toBeEnabled();
    expect(api.to('POST', '/api/datasources/test-connection')[0]?.body).toMatchObject({
      host: '10.0.12.7',
      username: 'migrator',
      password: 's3cret',
    });
  });

  it('offers OK after a passed test even when incremental sync is blocked: readiness never blocks saving', async () => {
    await testNewDataSource(READINESS_BLOCKED_TEST);

    const verdicts = await screen.findByRole('list', { name: 'Migration readiness' });
    expect(within(verdicts).getByText('Blocked')).toBeInTheDocument();
    expect(okButton()).toBeEnabled();
  });

  it('takes OK away again when a connection field changes after the test', async () => {
    const { user } = await testNewDataSource(PASSED_TEST);
    await waitFor(() => expect(okButton()).toBeEnabled());

    await user.type(screen.getByLabelText('Host IP Address'), '1');

    expect(okButton()).toBeDisabled();
    expect(screen.getAllByText(/A connection field changed since the last test/).length).toBeGreaterThan(0);
  });

  it('keeps OK after a remark is changed: remarks are not part of the connection', async () => {
    const { user } = await testNewDataSource(PASSED_TEST);
    await waitFor(() => expect(okButton()).toBeEnabled());

    await fill(user, 'Remarks (Optional)', 'orders, production');

    expect(okButton()).toBeEnabled();
  });

  it('shows every check of a failed test with its message and hint, and keeps OK off', async () => {
    await testNewDataSource(WRONG_PASSWORD_TEST);

    const report = await screen.findByRole('region', { name: 'Connection test failed' });
    expect(within(report).getByText('Authentication')).toBeInTheDocument();
    expect(within(report).getByText('password authentication failed for user "migrator"')).toBeInTheDocument();
    expect(within(report).getByText(/Check the username and password/)).toBeInTheDocument();
    expect(within(report).getByText('SQLSTATE 28P01')).toBeInTheDocument();
    expect(within(report).getByText('Skipped')).toBeInTheDocument();
    expect(okButton()).toBeDisabled();
  });

  it('does not test while a connection field is invalid, and says which', async () => {
    const api = fakeApi({ 'GET /api/datasources/identifier-availability': available });
    const { user } = openDialog();
    await fill(user, 'Host IP Address', 'db/evil');

    await user.click(testButton());

    expect(await screen.findByText(/Must not contain spaces or any of/)).toBeInTheDocument();
    expect(api.to('POST', '/api/datasources/test-connection')).toHaveLength(0);
  });

  it('says when too many tests run at once, with the wait the server asked for', async () => {
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () =>
        json({ status: 429, title: 'Too many' }, 429, { 'Retry-After': '3' }),
    });
    const { user } = openDialog();
    await fillConnection(user);

    await user.click(testButton());

    expect(await screen.findByText(/Try again in 3 s/)).toBeInTheDocument();
  });

  it('checks the identifier as it is typed, refusing a space', async () => {
    fakeApi({ 'GET /api/datasources/identifier-availability': available });
    const { user } = openDialog();

    await user.type(screen.getByLabelText('Data Source Identifier'), 'order db');

    expect(await screen.findByText('Use English letters, digits, _ or - only, without spaces')).toBeInTheDocument();
  });

  it('says when another data source already uses the identifier', async () => {
    const api = fakeApi({ 'GET /api/datasources/identifier-availability': () => json({ available: false }) });
    const { user } = openDialog();

    await user.type(screen.getByLabelText('Data Source Identifier'), 'Orders01');

    expect(await screen.findByText(/already uses this identifier/)).toBeInTheDocument();
    // Asked once, after typing paused, not once per keystroke.
    expect(api.to('GET', '/api/datasources/identifier-availability')).toHaveLength(1);
    expect(api.to('GET', '/api/datasources/identifier-availability')[0]?.url.searchParams.get('identifier')).toBe(
      'Orders01',
    );
  });

  it('asks the server about an identifier with underscores and hyphens exactly as typed', async () => {
    const api = fakeApi({ 'GET /api/datasources/identifier-availability': () => json({ available: false }) });
    const { user } = openDialog();

    await user.type(screen.getByLabelText('Data Source Identifier'), 'PG-HZ_01');

    expect(await screen.findByText(/already uses this identifier/)).toBeInTheDocument();
    expect(api.to('GET', '/api/datasources/identifier-availability')[0]?.url.searchParams.get('identifier')).toBe(
      'PG-HZ_01',
    );
  });

  it('puts the server violations on their fields when saving is refused', async () => {
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () => json(PASSED_TEST),
      'POST /api/datasources': () =>
        problem(400, [
          { field: 'standby.port', message: 'must be between 1 and 65535' },
          { field: 'databaseName', message: 'does not exist on this server' },
        ]),
    });
    const { user } = openDialog();
    await user.click(screen.getByLabelText(/Primary Database \+ Standby Database/));
    await fillConnection(user);
    await fill(user, 'Standby Host IP Address', '10.0.12.8');
    await user.click(testButton());
    await waitFor(() => expect(okButton()).toBeEnabled());

    await user.click(okButton());

    const standbyPort = screen.getByLabelText('Standby Port');
    await waitFor(() => expect(standbyPort).toHaveAttribute('aria-invalid', 'true'));
    // Error texts appear through Ant Design's motion, a moment after the field is marked.
    expect(await screen.findByText('must be between 1 and 65535')).toBeInTheDocument();
    expect(await screen.findByText('does not exist on this server')).toBeInTheDocument();
  });

  it('saves on OK and hands back the new data source', async () => {
    const created = aDataSource({ identifier: 'orders01' });
    const api = fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () => json(PASSED_TEST),
      'POST /api/datasources': () => json(created, 201),
    });
    const { user, onSaved } = openDialog();
    await fillConnection(user);
    await user.click(testButton());
    await waitFor(() => expect(okButton()).toBeEnabled());

    await user.click(okButton());

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created, 'create'));
    expect(api.to('POST', '/api/datasources')[0]?.body).toMatchObject({
      identifier: 'orders01',
      type: 'POSTGRESQL',
      attribute: 'PRIMARY',
      port: 5432,
    });
  });
});

describe('what the dialog shows depends on the choices', () => {
  it('asks for the region only when there are several', () => {
    fakeApi({});
    openDialog({ mode: 'create' }, ['default']);
    expect(screen.queryByLabelText('Region')).not.toBeInTheDocument();
  });

  it('requires a region when there are several', async () => {
    fakeApi({});
    openDialog({ mode: 'create' }, ['cn-hangzhou', 'cn-shanghai']);
    expect(await screen.findByLabelText('Region')).toBeRequired();
  });

  it('offers the heartbeat option for the two primary attributes only', async () => {
    fakeApi({});
    const { user } = openDialog();
    const heartbeat = /Allow the service to automatically write incremental heartbeat data/;
    expect(screen.getByLabelText(heartbeat)).toBeInTheDocument();
    expect(screen.getByText(/oms_postgres_heartbeat/)).toBeInTheDocument();

    await user.click(screen.getByLabelText(/^Standby Database/));
    expect(screen.queryByLabelText(heartbeat)).not.toBeInTheDocument();

    await user.click(screen.getByLabelText(/Child Node/));
    expect(screen.queryByLabelText(heartbeat)).not.toBeInTheDocument();

    await user.click(screen.getByLabelText(/Primary Database \+ Standby Database/));
    expect(screen.getByLabelText(heartbeat)).toBeInTheDocument();
  });

  it('asks for the heartbeat table schema once the heartbeat is on, and tests with it', async () => {
    const api = fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () => json(PASSED_TEST),
    });
    const { user } = openDialog();
    expect(screen.queryByLabelText('Heartbeat Table Schema (Optional)')).not.toBeInTheDocument();

    await user.click(screen.getByLabelText(/Allow the service to automatically write incremental heartbeat data/));
    await fillConnection(user);
    await fill(user, 'Heartbeat Table Schema (Optional)', 'ops');
    await user.click(testButton());

    await screen.findByText('Connection test passed');
    expect(api.to('POST', '/api/datasources/test-connection')[0]?.body).toMatchObject({
      heartbeatEnabled: true,
      heartbeatSchema: 'ops',
    });
  });

  it('shows the standby section for Primary + Standby only', async () => {
    fakeApi({});
    const { user } = openDialog();
    expect(screen.queryByLabelText('Standby Host IP Address')).not.toBeInTheDocument();

    await user.click(screen.getByLabelText(/Primary Database \+ Standby Database/));

    for (const label of [
      'Standby Host IP Address',
      'Standby Port',
      'Standby Username (Optional)',
      'Standby Password (Optional)',
    ]) {
      expect(screen.getByLabelText(label)).toBeInTheDocument();
    }
    expect(screen.getByLabelText('Standby Port')).toHaveValue('5432');
  });

  it('masks the password and reveals it on request', async () => {
    fakeApi({});
    const { user } = openDialog();
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('type', 'password');

    await user.click(screen.getAllByRole('button', { name: 'Show password' })[0]!);

    expect(password).toHaveAttribute('type', 'text');
  });
});

describe('editing a data source', () => {
  const stored = aDataSource({ identifier: 'orders01', version: 4 });

  it('says that an empty password keeps the current one', () => {
    fakeApi({});
    openDialog({ mode: 'edit', source: stored });
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveAttribute(
      'placeholder',
      'Leave empty to keep the current password',
    );
  });

  it('tests the stored data source without a password unless one is typed', async () => {
    const api = fakeApi({
      [`POST /api/datasources/${stored.id}/test-connection`]: () => json(PASSED_TEST),
    });
    const { user } = openDialog({ mode: 'edit', source: stored });
    await changeDatabaseName(user);

    await user.click(testButton());

    await screen.findByText('Connection test passed');
    const sent = api.to('POST', `/api/datasources/${stored.id}/test-connection`)[0]?.body;
    expect(sent).toMatchObject({ databaseName: 'invoices', version: 4 });
    expect(sent).not.toHaveProperty('password');
  });

  it('requires the password as soon as the host changes', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: stored });
    expect(screen.getByLabelText('Password')).not.toBeRequired();

    await moveHost(user);

    expect(screen.getByLabelText('Password')).toBeRequired();
  });

  it('says why the password is asked for again', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: stored });

    await moveHost(user);

    expect(screen.getByLabelText('Password')).toHaveAttribute('placeholder', 'Type the password again');
    expect(screen.getByText(/The connection changed: a saved password is used only with the host/)).toBeInTheDocument();
  });

  it('tests nothing while a moved endpoint has no password', async () => {
    const api = fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: stored });
    await moveHost(user);

    await user.click(testButton());

    expect(await screen.findByText('Password is required')).toBeInTheDocument();
    expect(api.to('POST', `/api/datasources/${stored.id}/test-connection`)).toHaveLength(0);
  });

  it('tests a moved endpoint with the password typed again', async () => {
    const api = fakeApi({
      [`POST /api/datasources/${stored.id}/test-connection`]: () => json(PASSED_TEST),
    });
    const { user } = openDialog({ mode: 'edit', source: stored });
    await user.clear(screen.getByLabelText('Port'));
    await fill(user, 'Port', '6432');
    await fill(user, 'Password', 's3cret');

    await user.click(testButton());

    await screen.findByText('Connection test passed');
    expect(api.to('POST', `/api/datasources/${stored.id}/test-connection`)[0]?.body).toMatchObject({
      port: 6432,
      password: 's3cret',
    });
  });

  it('no longer requires the password once the host is back to the saved one, in any letters', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: aDataSource({ host: 'db.example.com' }) });
    await moveHost(user);

    await moveHost(user, 'DB.example.COM');

    expect(screen.getByLabelText('Password')).not.toBeRequired();
  });

  it('takes back "Password is required" once the host is back to the saved one', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: stored });
    await moveHost(user);
    await user.click(testButton());
    await screen.findByText('Password is required');

    await moveHost(user, stored.host);

    await waitFor(() => expect(screen.queryByText('Password is required')).not.toBeInTheDocument());
  });

  it("puts the server's refusal of a test naming the password under the password field", async () => {
    fakeApi({
      [`POST /api/datasources/${stored.id}/test-connection`]: () =>
        problem(400, [{ field: 'password', message: 'the TLS mode changed: type the password again' }]),
    });
    const { user } = openDialog({ mode: 'edit', source: stored });
    await changeDatabaseName(user);

    await user.click(testButton());

    await expectRefusalUnder('Password', 'the TLS mode changed: type the password again');
  });

  it("puts the server's refusal of a save naming the password under the password field", async () => {
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      [`PUT /api/datasources/${stored.id}`]: () =>
        problem(400, [{ field: 'password', message: 'the host changed: type the password again' }]),
    });
    const { user } = openDialog({ mode: 'edit', source: stored });
    await fill(user, 'Remarks (Optional)', 'moved');

    await user.click(okButton());

    await expectRefusalUnder('Password', 'the host changed: type the password again');
  });

  it('explains in Chinese why the password is asked for again', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: stored }, ['default'], { language: 'zh-CN' });
    const host = await screen.findByLabelText('主机 IP 地址');
    await user.clear(host);
    await fill(user, '主机 IP 地址', '10.0.12.9');

    expect(screen.getByLabelText('密码')).toHaveAttribute('placeholder', '请重新输入密码');
    expect(
      screen.getByText(/连接信息已修改：已保存的密码只会用于保存时的主机、端口、用户名和 TLS 设置。/),
    ).toBeInTheDocument();
  });

  it('saves a change of remarks without a new test', async () => {
    const api = fakeApi({
      'GET /api/datasources/identifier-availability': available,
      [`PUT /api/datasources/${stored.id}`]: () => json({ ...stored, remarks: 'moved', version: 5 }),
    });
    const { user, onSaved } = openDialog({ mode: 'edit', source: stored });
    await fill(user, 'Remarks (Optional)', 'moved');

    await user.click(okButton());

    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(api.to('PUT', `/api/datasources/${stored.id}`)[0]?.body).toMatchObject({ remarks: 'moved', version: 4 });
  });

  it('explains a version conflict and reloads the current values on request', async () => {
    const newer = { ...stored, remarks: 'changed by a colleague', version: 5 };
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      [`PUT /api/datasources/${stored.id}`]: () => problem(409, [{ field: 'version', message: 'is out of date' }]),
      [`GET /api/datasources/${stored.id}`]: () => json(newer),
    });
    const { user } = openDialog({ mode: 'edit', source: stored });
    await fill(user, 'Remarks (Optional)', 'mine');
    await user.click(okButton());

    expect(await screen.findByText('Someone else changed this data source')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reload' }));

    await waitFor(() => expect(screen.getByLabelText('Remarks (Optional)')).toHaveValue('changed by a colleague'));
  });
});

describe('editing the standby of a pair', () => {
  const pair = aDataSource({
    attribute: 'PRIMARY_STANDBY',
    standby: { host: '10.0.12.8', port: 5433, username: 'migrator', passwordSet: true, passwordRef: null },
  });

  async function moveStandby(user: UserEvent) {
    await user.clear(screen.getByLabelText('Standby Host IP Address'));
    await fill(user, 'Standby Host IP Address', '10.0.12.9');
  }

  it("requires the standby's password when the standby's host changes, saying why", async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: pair });

    await moveStandby(user);

    expect(screen.getByLabelText('Standby Password')).toBeRequired();
    expect(screen.getByText(/The standby's connection changed/)).toBeInTheDocument();
  });

  it("needs no standby password for a moved standby when the primary's is typed", async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: pair });
    await moveStandby(user);

    await fill(user, 'Password', 's3cret');

    expect(screen.getByLabelText('Standby Password (Optional)')).not.toBeRequired();
  });

  it('requires a password for a standby the edit adds', async () => {
    fakeApi({});
    const { user } = openDialog({ mode: 'edit', source: aDataSource({ attribute: 'PRIMARY' }) });

    await user.click(screen.getByLabelText(/Primary Database \+ Standby Database/));

    expect(screen.getByLabelText('Standby Password')).toBeRequired();
  });

  it("puts the server's refusal naming standby.password under the standby password field", async () => {
    fakeApi({
      [`POST /api/datasources/${pair.id}/test-connection`]: () =>
        problem(400, [{ field: 'standby.password', message: 'the CA certificate changed: type the standby password' }]),
    });
    const { user } = openDialog({ mode: 'edit', source: pair });
    await changeDatabaseName(user);

    await user.click(testButton());

    await expectRefusalUnder('Standby Password (Optional)', 'the CA certificate changed: type the standby password');
  });
});

describe('copying a data source', () => {
  it('starts from the same values with the identifier and password empty', () => {
    fakeApi({});
    openDialog({ mode: 'copy', source: aDataSource({ identifier: 'orders01', host: '10.9.9.9' }) });
    expect(screen.getByLabelText('Data Source Identifier')).toHaveValue('');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Host IP Address')).toHaveValue('10.9.9.9');
    expect(okButton()).toBeDisabled();
  });
});

describe('a password reference instead of a password', () => {
  const chooseReference = (user: UserEvent) => user.click(screen.getByLabelText('Reference'));

  it('tests and saves with the reference, and without a password', async () => {
    const created = aDataSource({ identifier: 'orders01', passwordRef: 'file:orders01.pw' });
    const api = fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () => json(PASSED_TEST),
      'POST /api/datasources': () => json(created, 201),
    });
    const { user, onSaved } = openDialog();
    await fillConnection(user);
    await chooseReference(user);
    await fill(user, 'Password Reference', 'file:orders01.pw');

    await user.click(testButton());
    await waitFor(() => expect(okButton()).toBeEnabled());
    await user.click(okButton());

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(created, 'create'));
    for (const sent of [api.to('POST', '/api/datasources/test-connection')[0], api.to('POST', '/api/datasources')[0]]) {
      expect(sent?.body).toMatchObject({ passwordRef: 'file:orders01.pw' });
      expect(sent?.body).not.toHaveProperty('password');
    }
  });

  it('explains where a reference is read from, and checks its form as the API states it', async () => {
    fakeApi({});
    const { user } = openDialog();
    await chooseReference(user);

    expect(screen.getByText(/file:NAME is a file in the folder DSM_SECRETS_DIR/)).toBeInTheDocument();
    await fill(user, 'Password Reference', '/etc/shadow');

    expect(await screen.findByText(/Use file:NAME \(a file under DSM_SECRETS_DIR\)/)).toBeInTheDocument();
  });

  it("shows the server's refusal of a reference under the field", async () => {
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () =>
        problem(400, [{ field: 'passwordRef', message: 'names no file under DSM_SECRETS_DIR' }]),
    });
    const { user } = openDialog();
    await fillConnection(user);
    await chooseReference(user);
    await fill(user, 'Password Reference', 'file:missing.pw');

    await user.click(testButton());

    await expectRefusalUnder('Password Reference', 'names no file under DSM_SECRETS_DIR');
  });

  it('puts a refused standby reference under the standby field', async () => {
    fakeApi({
      'GET /api/datasources/identifier-availability': available,
      'POST /api/datasources/test-connection': () =>
        problem(400, [{ field: 'standby.passwordRef', message: 'names a variable that is not set' }]),
    });
    const { user } = openDialog();
    await user.click(screen.getByLabelText(/Primary Database \+ Standby Database/));
    await fillConnection(user);
    await fill(user, 'Standby Host IP Address', '10.0.12.8');
    const standby = screen.getByRole('group', { name: 'Standby Database' });
    await user.click(within(standby).getByLabelText('Reference'));
    await fill(user, 'Standby Password Reference', 'env:DSM_SOURCE_STANDBY');

    await user.click(testButton());

    await expectRefusalUnder('Standby Password Reference', 'names a variable that is not set');
  });

  it('opens an edit of a referenced data source with the reference chosen and filled in', () => {
    fakeApi({});
    openDialog({ mode: 'edit', source: aDataSource({ passwordRef: 'env:DSM_SOURCE_ORDERS01_PASSWORD' }) });

    expect(screen.getByLabelText('Reference')).toBeChecked();
    expect(screen.getByLabelText('Password Reference')).toHaveValue('env:DSM_SOURCE_ORDERS01_PASSWORD');
  });

  it('requires a password from one who switches a referenced data source to a stored password', async () => {
    const source = aDataSource({ passwordRef: 'file:orders01.pw' });
    const api = fakeApi({});
    const { user } = openDialog({ mode: 'edit', source });

    await user.click(screen.getByLabelText('Stored password'));
    await user.click(testButton());

    expect(await screen.findByText('Password is required')).toBeInTheDocument();
    expect(api.to('POST', `/api/datasources/${source.id}/test-connection`)).toHaveLength(0);
  });
});

describe('password references for one who is not an administrator', () => {
  const asOperator = { session: aSession('OPERATOR') };

  it('offers no reference on create', () => {
    fakeApi({});
    openDialog({ mode: 'create' }, ['default'], asOperator);

    expect(screen.queryByLabelText('Reference')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toBeRequired();
  });

  it('copies a referenced data source with the password to type instead', () => {
    fakeApi({});
    openDialog({ mode: 'copy', source: aDataSource({ passwordRef: 'file:orders01.pw' }) }, ['default'], asOperator);

    expect(screen.queryByLabelText('Password Reference')).not.toBeInTheDocument();
    expect(screen.getByLabelText('Password')).toHaveValue('');
  });

  it("shows a data source's reference read-only, saying who may change it", () => {
    fakeApi({});
    openDialog({ mode: 'edit', source: aDataSource({ passwordRef: 'file:orders01.pw' }) }, ['default'], asOperator);

    expect(screen.getByLabelText('Password Reference')).toHaveAttribute('readonly');
    expect(screen.getByText(/Only administrators can give or change a password reference/)).toBeInTheDocument();
  });

  it('refuses the kept reference for a moved endpoint before testing', async () => {
    const source = aDataSource({ passwordRef: 'file:orders01.pw' });
    const api = fakeApi({});
    const { user } = openDialog({ mode: 'edit', source }, ['default'], asOperator);
    await moveHost(user);

    await user.click(testButton());

    expect(await screen.findByText(/only an administrator can use the reference with it/)).toBeInTheDocument();
    expect(api.to('POST', `/api/datasources/${source.id}/test-connection`)).toHaveLength(0);
  });

  it("shows the server's refusal of the reference to one who is not an administrator under the field", async () => {
    const source = aDataSource({ passwordRef: 'file:orders01.pw' });
    fakeApi({
      [`POST /api/datasources/${source.id}/test-connection`]: () =>
        problem(403, [{ field: 'passwordRef', message: 'needs the ADMIN role' }], 'Only an administrator may'),
    });
    const { user } = openDialog({ mode: 'edit', source }, ['default'], asOperator);
    await changeDatabaseName(user);

    await user.click(testButton());

    await expectRefusalUnder('Password Reference', 'needs the ADMIN role');
  });
});
