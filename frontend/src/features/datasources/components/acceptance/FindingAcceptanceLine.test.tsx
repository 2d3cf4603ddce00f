import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ConnectionTestResult, DataSource, Role } from '@/lib/api/types';
import { READINESS_CHECKS } from '@/testing/acceptance-fixtures';
import { aSession, fakeApi, json } from '@/testing/fake-api';
import { READINESS_BLOCKED_TEST } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { ConnectionTestReport } from '../ConnectionTestReport';
import { AcceptRiskScopeContext } from './accept-risk-scope';

const SOURCE: Pick<DataSource, 'id' | 'provisionedBy'> = {
  id: '00000000-0000-4000-8000-0000000000cc',
  provisionedBy: null,
};

/** The blocked report with its large-objects warning accepted by jane until Christmas. */
const WITH_ACCEPTED_WARNING: ConnectionTestResult = {
  ...READINESS_BLOCKED_TEST,
  readiness: {
    ...READINESS_BLOCKED_TEST.readiness,
    findings: READINESS_BLOCKED_TEST.readiness.findings.map((finding) =>
      finding.check === 'tables.large_objects'
        ? {
            ...finding,
            accepted: {
              id: '20000000-0000-4000-8000-0000000000cc',
              reason: 'Legacy documents, migrated separately.',
              acceptedBy: 'jane',
              expiresAt: '2026-12-25T12:00:00Z',
              severity: 'WARNING',
            },
          }
        : finding,
    ),
  },
};

function showReport({
  role = 'OPERATOR',
  saved = SOURCE,
  catalogue = READINESS_CHECKS,
}: { role?: Role; saved?: typeof SOURCE | null; catalogue?: typeof READINESS_CHECKS } = {}) {
  fakeApi({ 'GET /api/readiness/checks': () => json(catalogue) });
  const report = <ConnectionTestReport result={WITH_ACCEPTED_WARNING} />;
  return renderWithApp(
    saved ? <AcceptRiskScopeContext value={{ dataSource: saved }}>{report}</AcceptRiskScopeContext> : report,
    { session: aSession(role) },
  );
}

const findingTitled = (title: RegExp) => screen.getByRole('button', { name: title }).closest('li')!;

describe('accepting the findings of a report', () => {
  it('shows an accepted finding marked, with its reason, who and until when, and nothing to accept', async () => {
    showReport();

    await screen.findAllByRole('button', { name: /Accept risk…/ });
    const accepted = findingTitled(/Large objects/);
    expect(within(accepted).getByText('Accepted')).toBeInTheDocument();
    expect(accepted).toHaveTextContent('Legacy documents, migrated separately.');
    expect(accepted).toHaveTextContent(/by jane, until Dec 25, 2026/);
    expect(within(accepted).queryByRole('button', { name: /Accept risk…/ })).not.toBeInTheDocument();
  });

  it('offers "Accept risk…" on each open finding of an acceptable check, to an operator', async () => {
    const { user } = showReport();

    const accept = await within(findingTitled(/Replica identity/)).findByRole('button', { name: /Accept risk…/ });
    expect(within(findingTitled(/Sequences/)).getByRole('button', { name: /Accept risk…/ })).toBeEnabled();
    await user.click(accept);

    expect(await screen.findByRole('dialog', { name: 'Accept risk: Replica identity' })).toBeInTheDocument();
  });

  it('offers nothing for a check that cannot be accepted', async () => {
    showReport({
      catalogue: READINESS_CHECKS.map((check) =>
        check.id === 'tables.sequences' ? { ...check, acceptable: false } : check,
      ),
    });

    await within(findingTitled(/Replica identity/)).findByRole('button', { name: /Accept risk…/ });
    expect(within(findingTitled(/Sequences/)).queryByRole('button', { name: /Accept risk…/ })).not.toBeInTheDocument();
  });

  it('offers nothing to a viewer, yet still shows what is accepted', async () => {
    showReport({ role: 'VIEWER' });

    expect(await screen.findByText('Legacy documents, migrated separately.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept risk…/ })).not.toBeInTheDocument();
  });

  it('offers nothing on the report of an unsaved form', async () => {
    showReport({ saved: null });

    expect(await screen.findByText('Legacy documents, migrated separately.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Accept risk…/ })).not.toBeInTheDocument();
  });

  it('keeps the action disabled on a provisioned source, saying its file manages it', async () => {
    showReport({ saved: { ...SOURCE, provisionedBy: 'orders.yaml' } });

    const [accept] = await screen.findAllByRole('button', { name: /Accept risk…/ });
    expect(accept).toBeDisabled();
    expect(accept).toHaveAccessibleDescription(/managed by its provisioning file orders.yaml/);
  });
});
