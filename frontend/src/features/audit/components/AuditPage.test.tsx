import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aDataSource, aUser, anAuditEvent, fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import AuditPage from './AuditPage';

function auditPage(items: ReturnType<typeof anAuditEvent>[], total = items.length) {
  return { items, page: 1, size: 50, total };
}

function openAuditAt(url: string) {
  window.history.replaceState(null, '', url);
  return renderWithApp(<AuditPage />);
}

const users = () => json([aUser({ username: 'jane' }), aUser({ username: 'admin', role: 'ADMIN' })]);
const lastQuery = (api: ReturnType<typeof fakeApi>) => api.to('GET', '/api/audit').at(-1)?.url.searchParams;

describe('the audit log', () => {
  it('asks the server for the newest events first, a page at a time', async () => {
    const api = fakeApi({ 'GET /api/audit': () => json(auditPage([anAuditEvent()], 120)), 'GET /api/users': users });

    openAuditAt('/audit?page=2');

    expect(await screen.findByText('120 events')).toBeInTheDocument();
    expect(lastQuery(api)?.get('page')).toBe('2');
    expect(lastQuery(api)?.get('size')).toBe('50');
  });

  it('asks for the action and outcome picked, back on page 1, and keeps them in the URL', async () => {
    const api = fakeApi({ 'GET /api/audit': () => json(auditPage([anAuditEvent()], 120)), 'GET /api/users': users });
    const { user } = openAuditAt('/audit?page=2');
    await screen.findByText('120 events');

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByTitle('Data source deleted'));
    await waitFor(() => expect(lastQuery(api)?.get('action')).toBe('DATA_SOURCE_DELETED'));
    await user.click(screen.getByRole('combobox', { name: 'Outcome' }));
    await user.click(await screen.findByTitle('Failure'));

    await waitFor(() => expect(lastQuery(api)?.get('outcome')).toBe('FAILURE'));
    expect(lastQuery(api)?.get('action')).toBe('DATA_SOURCE_DELETED');
    expect(lastQuery(api)?.get('page')).toBe('1');
    expect(window.location.search).toBe('?action=DATA_SOURCE_DELETED&outcome=FAILURE');
  });

  it('asks for the events of the actor typed, once Enter is pressed', async () => {
    const api = fakeApi({ 'GET /api/audit': () => json(auditPage([])), 'GET /api/users': users });
    const { user } = openAuditAt('/audit');
    await screen.findByText('No events match these filters.');

    await user.type(screen.getByRole('combobox', { name: 'Actor' }), 'mallory{Enter}');

    await waitFor(() => expect(lastQuery(api)?.get('actor')).toBe('mallory'));
    expect(api.to('GET', '/api/audit').filter((request) => request.url.searchParams.has('actor'))).toHaveLength(1);
  });

  it('asks for the time range in the URL, to the minute, its last minute included', async () => {
    const api = fakeApi({ 'GET /api/audit': () => json(auditPage([])), 'GET /api/users': users });

    openAuditAt('/audit?from=2026-11-24T08:00:00.000Z&to=2026-11-24T09:00:00.000Z');

    await waitFor(() => expect(lastQuery(api)?.get('from')).toBe('2026-11-24T08:00:00.000Z'));
    expect(lastQuery(api)?.get('to')).toBe('2026-11-24T09:01:00.000Z');
  });

  it('shows what an event changed, old → new, and a secret only as changed', async () => {
    const event = anAuditEvent({
      action: 'DATA_SOURCE_UPDATED',
      changes: [
        { field: 'host', oldValue: '10.0.12.7', newValue: '10.0.12.8' },
        { field: 'remarks', oldValue: null, newValue: 'Moved' },
        { field: 'password', oldValue: '[secret]', newValue: '[secret]' },
      ],
    });
    fakeApi({ 'GET /api/audit': () => json(auditPage([event])), 'GET /api/users': users });
    const { user } = openAuditAt('/audit');

    await user.click(await screen.findByRole('button', { name: /expand row/i }));

    const changes = await screen.findByRole('table', { name: 'Changes' });
    const host = within(changes).getByRole('row', { name: /host/ });
    expect(host).toHaveTextContent('10.0.12.7→to10.0.12.8');
    expect(within(changes).getByRole('row', { name: /remarks/ })).toHaveTextContent('—→toMoved');
    const password = within(changes).getByRole('row', { name: /password/ });
    expect(password).toHaveTextContent('changed (value never recorded)');
    expect(password).not.toHaveTextContent('[secret]');
  });

  it('links to a data source that still exists, and marks one that is gone', async () => {
    const kept = aDataSource({ identifier: 'orders01' });
    const goneId = '00000000-0000-4000-8000-00000000dead';
    fakeApi({
      'GET /api/audit': () =>
        json(
          auditPage([
            anAuditEvent({ dataSourceId: kept.id, dataSourceIdentifier: 'orders01' }),
            anAuditEvent({ action: 'DATA_SOURCE_DELETED', dataSourceId: goneId, dataSourceIdentifier: 'legacy02' }),
          ]),
        ),
      'GET /api/users': users,
      [`GET /api/datasources/${kept.id}`]: () => json(kept),
      [`GET /api/datasources/${goneId}`]: () => problem(404),
    });

    openAuditAt('/audit');

    expect(await screen.findByRole('link', { name: 'Open data source orders01' })).toHaveAttribute(
      'href',
      `/?detail=${kept.id}`,
    );
    const gone = (await screen.findByText('legacy02')).closest('td')!;
    expect(within(gone).getByText('deleted')).toBeInTheDocument();
    expect(within(gone).queryByRole('link')).not.toBeInTheDocument();
  });

  it('names the readiness events, and links them to the readiness of their data source', async () => {
    const source = aDataSource({ identifier: 'orders01' });
    fakeApi({
      'GET /api/audit': () =>
        json(
          auditPage([
            anAuditEvent({
              action: 'READINESS_CHANGED',
              actor: 'readiness-watch',
              clientAddress: null,
              dataSourceId: source.id,
              dataSourceIdentifier: 'orders01',
              detail: 'READY → BLOCKED',
            }),
            anAuditEvent({ action: 'READINESS_RECHECKED', actor: 'jane' }),
          ]),
        ),
      'GET /api/users': users,
      [`GET /api/datasources/${source.id}`]: () => json(source),
    });

    openAuditAt('/audit');

    const changed = (await screen.findByText('Readiness changed')).closest('tr')!;
    expect(within(changed).getByText('readiness-watch')).toBeInTheDocument();
    expect(await within(changed).findByRole('link', { name: 'Open data source orders01' })).toHaveAttribute(
      'href',
      `/?detail=${source.id}&detailTab=readiness`,
    );
    expect(screen.getByText('Readiness re-checked').closest('tr')).toHaveTextContent('jane');
  });

  it('says why the log could not be loaded', async () => {
    fakeApi({
      'GET /api/audit': () => problem(503, [], 'The database of dsm is unreachable.'),
      'GET /api/users': users,
    });

    openAuditAt('/audit');

    expect(await screen.findByText('The database of dsm is unreachable.')).toBeInTheDocument();
  });
});
