import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PASSED_TEST, aDataSource, aPage, aSession, fakeApi, json, problem } from '@/testing/fake-api';
import { READINESS_BLOCKED_TEST } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { storeColumns } from '../utils/list-columns';
import { DataSourcesPage } from './DataSourcesPage';

const oneRegion = () => json({ regions: ['default'] });

function openPageAt(url: string) {
  window.history.replaceState(null, '', url);
  return renderWithApp(<DataSourcesPage />);
}

const search = () => new URLSearchParams(window.location.search);

/**
 * A dialog by its title. Not by accessible name: under test, rc-util gives every generated id the
 * same value, so aria-labelledby cannot be trusted here (browsers get unique ids).
 */
async function findDialog(title: string) {
  await screen.findByText(title);
  const dialog = screen.getAllByRole('dialog').find((candidate) => within(candidate).queryByText(title));
  if (!dialog) throw new Error(`No dialog titled ${title}`);
  return dialog;
}

describe('the Data Source Management page', () => {
  it('asks the API for what the URL describes', async () => {
    const api = fakeApi({ 'GET /api/datasources': () => json(aPage([aDataSource()])), 'GET /api/regions': oneRegion });

    openPageAt('/?q=orders&attribute=STANDBY&sort=identifier&page=2');

    await screen.findByRole('table');
    const asked = api.to('GET', '/api/datasources')[0]?.url.searchParams;
    expect(asked?.get('q')).toBe('orders');
    expect(asked?.get('attribute')).toBe('STANDBY');
    expect(asked?.get('sort')).toBe('identifier');
    expect(asked?.get('page')).toBe('2');
    expect(screen.getByRole('searchbox', { name: 'Search data sources' })).toHaveValue('orders');
  });

  it('lists each data source with its address, user, and database and heartbeat when chosen', async () => {
    storeColumns(['database', 'heartbeat']);
    fakeApi({
      'GET /api/datasources': () =>
        json(
          aPage([
            aDataSource({
              identifier: 'orders01',
              host: '10.0.12.7',
              port: 5433,
              username: 'migrator',
              databaseName: 'orders',
              schemaName: 'sales',
              heartbeatEnabled: true,
              heartbeat: {
                state: 'FAILING',
                lastBeatAt: null,
                lastError: 'permission denied for schema sales',
                consecutiveFailures: 3,
                warning: null,
              },
            }),
          ]),
        ),
      'GET /api/regions': oneRegion,
    });

    openPageAt('/');

    const row = (await screen.findByRole('link', { name: 'orders01' })).closest('tr')!;
    expect(within(row).getByText('10.0.12.7:5433')).toBeInTheDocument();
    expect(within(row).getByText('migrator')).toBeInTheDocument();
    expect(within(row).getByText('/ sales', { exact: false })).toBeInTheDocument();
    expect(within(row).getByText('Failing')).toBeInTheDocument();
    // In the tooltip for the eye, and in the cell itself for screen readers.
    expect(within(row).getByText(/permission denied for schema sales · 3 failed beats in a row/)).toBeInTheDocument();
  });

  it('puts the search into the URL once typing pauses, back on page 1', async () => {
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([aDataSource()], 60)),
      'GET /api/regions': oneRegion,
    });
    const { user } = openPageAt('/?page=3');
    const box = await screen.findByRole('searchbox', { name: 'Search data sources' });

    await user.type(box, 'ord');

    await waitFor(() => expect(search().get('q')).toBe('ord'));
    expect(search().get('page')).toBeNull();
    // One request for the typed word, not one per keystroke.
    await waitFor(() =>
      expect(api.to('GET', '/api/datasources').filter((r) => r.url.searchParams.has('q'))).toHaveLength(1),
    );
  });

  it('sorts by Added At, oldest first, when asked', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([aDataSource()])), 'GET /api/regions': oneRegion });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('columnheader', { name: /Added At/ }));

    await waitFor(() => expect(search().get('sort')).toBe('createdAt'));
  });

  it('explains what a data source is when there is none yet, and offers to create one', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': oneRegion });

    openPageAt('/');

    expect(await screen.findByText('No data sources yet')).toBeInTheDocument();
    expect(screen.getByText(/A data source is a PostgreSQL database registered once/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Create your first data source/ })).toBeInTheDocument();
  });

  it('says when nothing matches a search, and offers to clear it', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': oneRegion });

    openPageAt('/?q=nothing');

    expect(await screen.findByText('Nothing matches this search and these filters.')).toBeInTheDocument();
    expect(screen.queryByText('No data sources yet')).not.toBeInTheDocument();
  });

  it('shows why the list failed to load and loads it again on Retry', async () => {
    let calls = 0;
    fakeApi({
      'GET /api/datasources': () => {
        calls += 1;
        return calls === 1
          ? problem(503, [], 'The database of dsm is unreachable.')
          : json(aPage([aDataSource({ identifier: 'back01' })]));
      },
      'GET /api/regions': oneRegion,
    });
    const { user } = openPageAt('/');

    expect(await screen.findByText('The database of dsm is unreachable.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /Retry/ }));

    expect(await screen.findByRole('link', { name: 'back01' })).toBeInTheDocument();
  });

  it('shows the region filter, and the region column to who chose it, when there are several regions', async () => {
    storeColumns(['region']);
    fakeApi({
      'GET /api/datasources': () => json(aPage([aDataSource({ region: 'cn-shanghai' })])),
      'GET /api/regions': () => json({ regions: ['cn-hangzhou', 'cn-shanghai'] }),
    });

    openPageAt('/');

    expect(await screen.findByRole('columnheader', { name: 'Region' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Region' })).toBeInTheDocument();
  });

  it('has no region column with a single region, even for who chose it', async () => {
    storeColumns(['region']);
    fakeApi({ 'GET /api/datasources': () => json(aPage([aDataSource()])), 'GET /api/regions': oneRegion });

    openPageAt('/');

    await screen.findByRole('table');
    expect(screen.queryByRole('columnheader', { name: 'Region' })).not.toBeInTheDocument();
  });

  it('opens the details of a data source from its identifier, and keeps it in the URL', async () => {
    const source = aDataSource({ identifier: 'orders01', remarks: 'Order service' });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`GET /api/datasources/${source.id}`]: () => json(source),
    });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('link', { name: 'orders01' }));

    expect(search().get('detail')).toBe(source.id);
    expect(await screen.findByText('Data source orders01')).toBeInTheDocument();
    expect(screen.getByText('Order service')).toBeInTheDocument();
    expect(screen.getByText('Stored (never shown)')).toBeInTheDocument();
  });

  it('asks before deleting, naming the data source, then removes it', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    let items = [source];
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage(items)),
      'GET /api/regions': oneRegion,
      [`DELETE /api/datasources/${source.id}`]: () => {
        items = [];
        return new Response(null, { status: 204 });
      },
    });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('button', { name: 'Delete orders01' }));
    const confirm = await findDialog('Delete data source orders01?');
    expect(
      within(confirm).getByText(/The database itself, its data and its users are not touched/),
    ).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByText('Data source orders01 deleted')).toBeInTheDocument();
    expect(api.to('DELETE', `/api/datasources/${source.id}`)).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('link', { name: 'orders01' })).not.toBeInTheDocument());
  });

  it('tests a row and shows the result next to it', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`POST /api/datasources/${source.id}/test-connection`]: () => json(PASSED_TEST),
    });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('button', { name: 'Test Connection' }));

    expect(await screen.findByText('Connection test of orders01')).toBeInTheDocument();
    expect(screen.getByText('Connection test passed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connection test passed' })).toBeInTheDocument();
  });

  it('shows the readiness verdicts first in the report of a row test, and its findings open', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`POST /api/datasources/${source.id}/test-connection`]: () => json(READINESS_BLOCKED_TEST),
    });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('button', { name: 'Test Connection' }));

    const report = await screen.findByRole('region', { name: 'Connection test passed' });
    const verdicts = within(report).getByRole('list', { name: 'Migration readiness' });
    expect(report.querySelector('h3')).toHaveTextContent('Migration readiness');
    expect(
      within(verdicts)
        .getAllByRole('listitem')
        .map((verdict) => verdict.textContent),
    ).toEqual(['Full migration: Ready, with warnings 1 warning', 'Incremental sync: Blocked 1 blocker, 1 warning']);
    await user.click(within(report).getByRole('button', { name: /Replica identity/ }));
    expect(within(report).getByText('and 23 more')).toBeInTheDocument();
  });

  it('opens a copy of a row with its identifier and password empty', async () => {
    const source = aDataSource({ identifier: 'orders01', host: '10.1.2.3' });
    fakeApi({ 'GET /api/datasources': () => json(aPage([source])), 'GET /api/regions': oneRegion });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('button', { name: 'Copy orders01' }));

    const dialog = await findDialog('Copy Data Source orders01');
    expect(within(dialog).getByLabelText('Data Source Identifier')).toHaveValue('');
    expect(within(dialog).getByLabelText('Host IP Address')).toHaveValue('10.1.2.3');
  });

  it('steps back to the last page when the page in the URL is past the end', async () => {
    fakeApi({
      'GET /api/datasources': (request) =>
        json({ ...aPage(request.url.searchParams.get('page') === '2' ? [aDataSource()] : [], 21), page: 1 }),
      'GET /api/regions': oneRegion,
    });

    openPageAt('/?page=5');

    await waitFor(() => expect(search().get('page')).toBe('2'));
  });

  it('warns, next to a beating heartbeat, when its beats cannot do their job', async () => {
    storeColumns(['heartbeat']);
    fakeApi({
      'GET /api/datasources': () =>
        json(
          aPage([
            aDataSource({
              heartbeatEnabled: true,
              heartbeat: {
                state: 'ACTIVE',
                lastBeatAt: new Date().toISOString(),
                lastError: null,
                consecutiveFailures: 0,
                warning: 'Publication orders_pub does not include the heartbeat table.',
              },
            }),
          ]),
        ),
      'GET /api/regions': oneRegion,
    });

    openPageAt('/');

    expect(await screen.findByText('Active')).toBeInTheDocument();
    expect(screen.getByText(/Publication orders_pub does not include the heartbeat table/)).toBeInTheDocument();
    expect(screen.getByText(/last beat/)).toBeInTheDocument();
  });

  it('offers to drop the heartbeat table on delete, and keeps the data source when that fails', async () => {
    const source = aDataSource({ identifier: 'orders01', heartbeatEnabled: true, heartbeatSchema: 'ops' });
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`DELETE /api/datasources/${source.id}`]: () =>
        problem(409, [], 'permission denied for table oms_postgres_heartbeat; nothing was deleted.'),
    });
    const { user } = openPageAt('/');

    await user.click(await screen.findByRole('button', { name: 'Delete orders01' }));
    const confirm = await findDialog('Delete data source orders01?');
    await user.click(within(confirm).getByLabelText(/Also drop the heartbeat table ops.oms_postgres_heartbeat/));
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await within(confirm).findByText(/permission denied for table oms_postgres_heartbeat/)).toBeInTheDocument();
    expect(api.to('DELETE', `/api/datasources/${source.id}`)[0]?.url.searchParams.get('dropHeartbeatTable')).toBe(
      'true',
    );
    expect(screen.getByRole('link', { name: 'orders01' })).toBeInTheDocument();
  });
});

describe('what the signed-in role may do on the data sources page', () => {
  it('shows a viewer every control where they expect it, disabled, with the reason', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({ 'GET /api/datasources': () => json(aPage([source])), 'GET /api/regions': oneRegion });
    window.history.replaceState(null, '', '/');
    const { user } = renderWithApp(<DataSourcesPage />, { session: aSession('VIEWER') });

    const create = await screen.findByRole('button', { name: /Create Data Source/ });
    expect(create).toBeDisabled();
    expect(create).toHaveAccessibleDescription('Your role, Viewer, can view data sources but not change or test them.');
    expect(await screen.findByRole('button', { name: 'Test Connection' })).toBeDisabled();
    for (const name of ['Copy orders01', 'Edit orders01', 'Delete orders01']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
    expect(screen.getByText(/You are signed in as a Viewer: you can view data sources/)).toBeInTheDocument();

    await user.hover(create.closest('.disabled-reason')!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Your role, Viewer, can view data sources but not change or test them.',
    );
  });

  it('still lets a viewer open the details of a data source', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`GET /api/datasources/${source.id}`]: () => json(source),
    });
    window.history.replaceState(null, '', '/');
    const { user } = renderWithApp(<DataSourcesPage />, { session: aSession('VIEWER') });

    await user.click(await screen.findByRole('link', { name: 'orders01' }));

    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Stored (never shown)')).toBeInTheDocument();
    expect(within(drawer).getByRole('button', { name: /Edit/ })).toBeDisabled();
    expect(within(drawer).queryByRole('link', { name: /Audit history/ })).not.toBeInTheDocument();
  });

  it('lets an operator create, change and test, without the read-only notice', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([aDataSource()])), 'GET /api/regions': oneRegion });
    window.history.replaceState(null, '', '/');
    renderWithApp(<DataSourcesPage />, { session: aSession('OPERATOR') });

    expect(await screen.findByRole('button', { name: /Create Data Source/ })).toBeEnabled();
    expect(await screen.findByRole('button', { name: 'Test Connection' })).toBeEnabled();
    expect(screen.queryByText(/You are signed in as a/)).not.toBeInTheDocument();
  });
});

describe('requests from the console', () => {
  it('say they come from the console, and carry the session token on changes but not on reads', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`DELETE /api/datasources/${source.id}`]: () => new Response(null, { status: 204 }),
      [`POST /api/datasources/${source.id}/test-connection`]: () => json(PASSED_TEST),
    });
    window.history.replaceState(null, '', '/');
    const { user } = renderWithApp(<DataSourcesPage />, {
      session: aSession('OPERATOR', { csrfToken: 'token-from-the-session' }),
    });

    await user.click(await screen.findByRole('button', { name: 'Test Connection' }));
    await screen.findByText('Connection test of orders01');
    await user.click(screen.getByRole('button', { name: 'Delete orders01' }));
    await user.click(within(await findDialog('Delete data source orders01?')).getByRole('button', { name: 'Delete' }));
    await screen.findByText('Data source orders01 deleted');

    for (const request of api.requests) {
      expect(request.headers.get('X-Requested-With')).toBe('dsm-console');
    }
    const [read] = api.to('GET', '/api/datasources');
    expect(read?.headers.has('X-CSRF-Token')).toBe(false);
    const [test] = api.to('POST', `/api/datasources/${source.id}/test-connection`);
    expect(test?.headers.get('X-CSRF-Token')).toBe('token-from-the-session');
    const [remove] = api.to('DELETE', `/api/datasources/${source.id}`);
    expect(remove?.headers.get('X-CSRF-Token')).toBe('token-from-the-session');
  });

  it('show the reason the server gives when it refuses a change (403)', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`DELETE /api/datasources/${source.id}`]: () =>
        problem(403, [], 'Your role does not allow this. Ask an administrator for the role it needs.'),
    });
    window.history.replaceState(null, '', '/');
    const { user } = renderWithApp(<DataSourcesPage />, { session: aSession('OPERATOR') });

    await user.click(await screen.findByRole('button', { name: 'Delete orders01' }));
    const confirm = await findDialog('Delete data source orders01?');
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await within(confirm).findByText(/Your role does not allow this/)).toBeInTheDocument();
  });
});
