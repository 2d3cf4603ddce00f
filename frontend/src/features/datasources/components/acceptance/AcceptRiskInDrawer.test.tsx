import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AcceptanceResponse } from '@/lib/api/types';
import { anAcceptance, READINESS_CHECKS } from '@/testing/acceptance-fixtures';
import { aDataSource, aPage, aSession, fakeApi, json } from '@/testing/fake-api';
import { aSourceReadiness } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { DataSourcesPage } from '../DataSourcesPage';

describe('accepting a risk from the readiness tab of the details', () => {
  // The whole page, drawer and modal: far slower in jsdom than a component alone.
  it('accepts, lists the acceptance, and offers the re-check that makes it count', async () => {
    const source = aDataSource({
      readiness: { state: 'BLOCKED', checkedAt: null, blockers: 1, warnings: 1, accepted: 0 },
    });
    const base = `/api/datasources/${source.id}`;
    let acceptances: AcceptanceResponse[] = [];
    const accepted = anAcceptance({
      dataSourceId: source.id,
      check: 'tables.large_objects',
      objects: ['app.docs'],
      reason: 'Legacy documents, migrated separately.',
      acceptedBy: 'operator',
      expiresAt: null,
    });
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': () => json({ regions: ['default'] }),
      'GET /api/readiness/checks': () => json(READINESS_CHECKS),
      [`GET ${base}`]: () => json(source),
      [`GET ${base}/readiness`]: () => json(aSourceReadiness()),
      [`POST ${base}/readiness`]: () => json(aSourceReadiness({ state: 'BLOCKED', warnings: 0 })),
      [`GET ${base}/acceptances`]: () => json(acceptances),
      [`POST ${base}/acceptances`]: () => {
        acceptances = [accepted];
        return json(accepted, 201);
      },
    });
    window.history.replaceState(null, '', `/?detail=${source.id}&detailTab=readiness`);
    const { user } = renderWithApp(<DataSourcesPage />, { session: aSession('OPERATOR') });

    // The drawer's code loads lazily, which takes a while on a busy machine.
    const drawer = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    const report = await within(drawer).findByRole('region', { name: 'Latest report' });
    expect(await within(drawer).findByText(/No risk is accepted/)).toBeInTheDocument();
    const largeObjects = within(report)
      .getByRole('button', { name: /Large objects/ })
      .closest('li')!;
    await user.click(await within(largeObjects).findByRole('button', { name: /Accept risk…/ }));
    // Role queries over the whole page behind the drawer take seconds each in jsdom: find the title.
    const title = await screen.findByText('Accept risk: Large objects', {}, { timeout: 15_000 });
    const modal = title.closest<HTMLElement>('[role="dialog"]')!;
    await user.click(within(modal).getByLabelText('Reason'));
    await user.paste('Legacy documents, migrated separately.');
    await user.click(within(modal).getByRole('button', { name: 'Accept risk' }));

    await waitFor(() => expect(api.to('POST', `${base}/acceptances`)).toHaveLength(1));
    const list = await within(drawer).findByRole('region', { name: 'Accepted risks' });
    expect(await within(list).findByText('Legacy documents, migrated separately.')).toBeInTheDocument();
    const offer = await within(drawer).findByText(/The change counts from the next check/);
    await user.click(within(offer.closest('.ant-alert')!).getByRole('button', { name: /Re-check now/ }));

    await waitFor(() => expect(api.to('POST', `${base}/readiness`)).toHaveLength(1));
    await waitFor(() => expect(within(drawer).queryByText(/The change counts from the next check/)).toBeNull());
  }, 120_000);
});
