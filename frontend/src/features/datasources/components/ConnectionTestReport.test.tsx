import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult } from '@/lib/api/types';
import { PASSED_TEST, WRONG_PASSWORD_TEST } from '@/testing/fake-api';
import {
  PAIR_TEST,
  READINESS_BLOCKED_TEST,
  REPLICA_IDENTITY_FIX,
  STANDBY_ONLY_TEST,
  TABLES_WITHOUT_IDENTITY,
} from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { ConnectionTestReport } from './ConnectionTestReport';

function showReport(result: ConnectionTestResult, language: 'en' | 'zh-CN' = 'en') {
  return renderWithApp(<ConnectionTestReport result={result} />, { language });
}

const verdicts = () => screen.getByRole('list', { name: 'Migration readiness' });
const findingButton = (name: RegExp) => screen.getByRole('button', { name });

describe('the connection test report', () => {
  it('leads with a verdict per scope, before the findings and the connection checks', () => {
    showReport(READINESS_BLOCKED_TEST);

    const [full, incremental] = within(verdicts()).getAllByRole('listitem');
    expect(full).toHaveTextContent('Full migration: Ready, with warnings 1 warning');
    expect(incremental).toHaveTextContent('Incremental sync: Blocked 1 blocker, 1 warning');
    const findings = screen.getByRole('list', { name: 'Findings (3)' });
    const checks = screen.getByRole('heading', { name: /Connection test passed/ });
    expect(verdicts().compareDocumentPosition(findings)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(findings.compareDocumentPosition(checks)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
  });

  it('lists the most severe finding first, whatever the order it came in', () => {
    showReport(READINESS_BLOCKED_TEST);

    const items = within(screen.getByRole('list', { name: 'Findings (3)' })).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.finding__severity')?.textContent)).toEqual([
      'Blocker',
      'Warning',
      'Info',
    ]);
  });

  it('shows what a finding is about and the server message, with its details closed', () => {
    showReport(READINESS_BLOCKED_TEST);

    const button = findingButton(/Blocker Replica identity/);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(button).toHaveTextContent('Incremental sync');
    expect(screen.getByText(/73 tables in scope have no replica identity/)).toBeVisible();
    expect(screen.queryByText('app.events_01')).not.toBeInTheDocument();
  });

  it('opens a finding to its hint, its objects, how many more there are, and the SQL that fixes it', async () => {
    const { user } = showReport(READINESS_BLOCKED_TEST);

    await user.click(findingButton(/Replica identity/));

    expect(findingButton(/Replica identity/)).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(/Add a primary key where the table has a unique/)).toBeVisible();
    const objects = screen.getByRole('list', { name: 'Affected objects (73)' });
    expect(within(objects).getAllByRole('listitem')).toHaveLength(TABLES_WITHOUT_IDENTITY.length);
    expect(within(objects).getByText('REPLICA IDENTITY NOTHING')).toBeInTheDocument();
    expect(screen.getByText('and 23 more')).toBeInTheDocument();
    expect(screen.getByLabelText('SQL that fixes it')).toHaveTextContent(
      'ALTER TABLE app.events_01 REPLICA IDENTITY FULL; ALTER TABLE app.events_02 REPLICA IDENTITY FULL;',
    );
  });

  it('opens and closes a finding from the keyboard', async () => {
    const { user } = showReport(READINESS_BLOCKED_TEST);
    findingButton(/Replica identity/).focus();

    await user.keyboard('{Enter}');
    expect(screen.getByText('and 23 more')).toBeInTheDocument();

    await user.keyboard(' ');
    expect(findingButton(/Replica identity/)).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('and 23 more')).not.toBeInTheDocument();
  });

  it('keeps a long list of objects in a box the keyboard can scroll', async () => {
    const { user } = showReport(READINESS_BLOCKED_TEST);

    await user.click(findingButton(/Replica identity/));

    const objects = screen.getByRole('list', { name: 'Affected objects (73)' });
    expect(objects).toHaveClass('affected-objects--scrolls');
    expect(objects).toHaveAttribute('tabindex', '0');
  });

  it('copies exactly the SQL of the fix to the clipboard, and says so', async () => {
    const { user } = showReport(READINESS_BLOCKED_TEST);
    await user.click(findingButton(/Replica identity/));

    await user.click(screen.getByRole('button', { name: 'Copy' }));

    expect(await navigator.clipboard.readText()).toBe(REPLICA_IDENTITY_FIX);
    expect(screen.getByRole('button', { name: 'Copied' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Copied to the clipboard.');
  });

  it('says plainly that incremental sync does not apply to a standby-only source', () => {
    showReport(STANDBY_ONLY_TEST);

    const [full, incremental] = within(verdicts()).getAllByRole('listitem');
    expect(full).toHaveTextContent('Full migration: Ready');
    expect(incremental).toHaveTextContent(
      'Incremental sync: Not applicable Incremental sync reads a primary; a standby-only or child-node data source serves full migration only.',
    );
  });

  it('says a scope was not checked because the connection failed', () => {
    const notChecked: ConnectionTestResult = {
      ...WRONG_PASSWORD_TEST,
      readiness: {
        ...WRONG_PASSWORD_TEST.readiness,
        verdicts: WRONG_PASSWORD_TEST.readiness.verdicts.map((verdict) => ({ ...verdict, state: 'NOT_CHECKED' })),
      },
    };
    showReport(notChecked);

    for (const verdict of within(verdicts()).getAllByRole('listitem')) {
      expect(verdict).toHaveTextContent(/Not checked.*Not checked: the connection failed\./);
    }
  });

  it('says a scope is blocked by a failed connection check when it has no blocker of its own', () => {
    showReport(WRONG_PASSWORD_TEST);

    for (const verdict of within(verdicts()).getAllByRole('listitem')) {
      expect(verdict).toHaveTextContent(/Blocked A connection check failed/);
    }
  });

  it('names the endpoint of a finding only when a standby was tested', () => {
    const { unmount } = showReport(READINESS_BLOCKED_TEST);
    expect(findingButton(/Replica identity/)).not.toHaveTextContent('Primary');
    unmount();

    showReport(PAIR_TEST);
    expect(findingButton(/Replica identity/)).toHaveTextContent('Primary');
    expect(findingButton(/Large objects/)).toHaveTextContent('Standby');
  });

  it('keeps the readiness checks that passed collapsed under their count', async () => {
    const { user } = showReport(READINESS_BLOCKED_TEST);
    const summary = screen.getByText('3 readiness checks passed');
    expect(screen.getByText('5 of 5 WAL senders are free.')).not.toBeVisible();

    await user.click(summary);

    expect(screen.getByText('5 of 5 WAL senders are free.')).toBeVisible();
    expect(screen.getByText('Free WAL senders')).toBeVisible();
  });

  it('says nothing needs fixing when both scopes are ready', () => {
    showReport(PASSED_TEST);

    expect(within(verdicts()).getAllByText('Nothing to fix.')).toHaveLength(2);
    expect(screen.queryByRole('list', { name: /Findings/ })).not.toBeInTheDocument();
  });

  it('shows the verdicts and the titles of the checks in Simplified Chinese', async () => {
    showReport(READINESS_BLOCKED_TEST, 'zh-CN');

    const list = await screen.findByRole('list', { name: '迁移就绪情况' });
    expect(within(list).getAllByRole('listitem')[1]).toHaveTextContent('增量同步：受阻 1 个阻塞项，1 个警告');
    expect(screen.getByRole('button', { name: /阻塞 复制标识（replica identity）/ })).toBeInTheDocument();
    expect(screen.getByText('3 项就绪检查通过')).toBeInTheDocument();
  });
});
