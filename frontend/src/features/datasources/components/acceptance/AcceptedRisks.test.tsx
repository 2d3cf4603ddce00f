import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AcceptanceResponse, Role } from '@/lib/api/types';
import { anAcceptance } from '@/testing/acceptance-fixtures';
import { aSession, fakeApi, json, problem } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { AcceptedRisks } from './AcceptedRisks';

const SOURCE_ID = '00000000-0000-4000-8000-0000000000bb';
const LIST = `/api/datasources/${SOURCE_ID}/acceptances`;

const AUDIT_TABLE = anAcceptance({ expiresAt: '2026-12-24T00:00:00Z' });
const WAL_KEEP = anAcceptance({
  check: 'server.max_slot_wal_keep_size',
  objects: [],
  reason: 'The DBA weighed it: the disk holds a week of WAL.',
  acceptedBy: 'li',
  expiresAt: null,
});
const EXPIRED = anAcceptance({ check: 'tables.unlogged', objects: ['app.cache'], expired: true });

function showSection(
  acceptances: AcceptanceResponse[],
  {
    role = 'OPERATOR',
    provisionedBy = null,
    revoke,
  }: { role?: Role; provisionedBy?: string | null; revoke?: () => Response } = {},
) {
  let listed = acceptances;
  const api = fakeApi({
    [`GET ${LIST}`]: () => json(listed),
    ...(revoke ? { [`DELETE ${LIST}/${AUDIT_TABLE.id}`]: revoke } : {}),
  });
  const onChanged = vi.fn();
  const rendered = renderWithApp(
    <AcceptedRisks dataSource={{ id: SOURCE_ID, provisionedBy }} onChanged={onChanged} />,
    {
      session: aSession(role),
    },
  );
  return { api, onChanged, setListed: (next: AcceptanceResponse[]) => (listed = next), ...rendered };
}

const itemOf = async (reason: string) => (await screen.findByText(reason)).closest('li')!;

describe('the accepted risks of a data source', () => {
  it('lists each with its check, objects, reason, who, when and until when', async () => {
    showSection([AUDIT_TABLE, WAL_KEEP]);

    const audit = await itemOf(AUDIT_TABLE.reason);
    expect(audit).toHaveTextContent('Replica identitytables.replica_identity');
    expect(audit).toHaveTextContent('app.audit_log');
    expect(audit).toHaveTextContent('Accepted byjane');
    expect(audit).toHaveTextContent(/Accepted at.*2026/);
    expect(audit).toHaveTextContent(/Expires.*Dec 2[34], 2026/);
    const walKeep = await itemOf(WAL_KEEP.reason);
    expect(walKeep).toHaveTextContent('All: the check names no objects');
    expect(walKeep).toHaveTextContent('Expiresuntil revoked');
  });

  it('keeps an expired one for the record, marked, with nothing to revoke', async () => {
    showSection([EXPIRED]);

    const expired = await itemOf(EXPIRED.reason);
    expect(within(expired).getByText('Expired')).toBeInTheDocument();
    expect(within(expired).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
  });

  it('says when none is accepted', async () => {
    showSection([]);

    expect(await screen.findByText(/No risk is accepted/)).toBeInTheDocument();
  });

  it('revokes after a confirmation, then lists again and offers a re-check', async () => {
    const { api, user, onChanged, setListed } = showSection([AUDIT_TABLE, WAL_KEEP], {
      revoke: () => new Response(null, { status: 204 }),
    });

    await user.click(within(await itemOf(AUDIT_TABLE.reason)).getByRole('button', { name: 'Revoke' }));
    expect(api.to('DELETE', `${LIST}/${AUDIT_TABLE.id}`)).toHaveLength(0);
    const confirm = await screen.findByRole('tooltip');
    expect(confirm).toHaveTextContent('Revoke this accepted risk?');
    setListed([WAL_KEEP]);
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));

    await waitFor(() => expect(api.to('DELETE', `${LIST}/${AUDIT_TABLE.id}`)).toHaveLength(1));
    expect(api.to('DELETE', `${LIST}/${AUDIT_TABLE.id}`)[0]?.headers.get('X-CSRF-Token')).toBe(
      'csrf-token-of-operator',
    );
    expect(await screen.findByText('Accepted risk revoked: Replica identity')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText(AUDIT_TABLE.reason)).not.toBeInTheDocument());
    expect(onChanged).toHaveBeenCalledOnce();
  });

  it('says why a revoke failed', async () => {
    const { user } = showSection([AUDIT_TABLE], { revoke: () => problem(503, [], 'The store is unavailable.') });

    await user.click(within(await itemOf(AUDIT_TABLE.reason)).getByRole('button', { name: 'Revoke' }));
    await user.click(within(await screen.findByRole('tooltip')).getByRole('button', { name: 'Revoke' }));

    expect(await screen.findByText('The accepted risk was not revoked: The store is unavailable.')).toBeInTheDocument();
  });

  it('offers no Revoke to a viewer', async () => {
    showSection([AUDIT_TABLE], { role: 'VIEWER' });

    const audit = await itemOf(AUDIT_TABLE.reason);
    expect(within(audit).queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
  });

  it('keeps Revoke disabled on a provisioned source, saying its file manages it', async () => {
    showSection([AUDIT_TABLE], { provisionedBy: 'orders.yaml' });

    const revoke = within(await itemOf(AUDIT_TABLE.reason)).getByRole('button', { name: 'Revoke' });
    expect(revoke).toBeDisabled();
    expect(revoke).toHaveAccessibleDescription(/managed by its provisioning file orders.yaml/);
  });

  it('reads in Chinese', async () => {
    fakeApi({ [`GET ${LIST}`]: () => json([WAL_KEEP]) });
    renderWithApp(<AcceptedRisks dataSource={{ id: SOURCE_ID, provisionedBy: null }} onChanged={() => undefined} />, {
      language: 'zh-CN',
    });

    expect(await screen.findByText('撤销前一直有效')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '已接受的风险' })).toHaveTextContent('接受人li');
    expect(screen.getByRole('button', { name: /^撤\s?销$/ })).toBeInTheDocument();
  });
});
