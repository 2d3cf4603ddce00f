import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DataSource, ReadinessSummary, Role, SourceReadiness } from '@/lib/api/types';
import { READINESS_CHECKS } from '@/testing/acceptance-fixtures';
import { aDataSource, aPage, aSession, fakeApi, json, problem } from '@/testing/fake-api';
import { aSourceReadiness } from '@/testing/readiness-fixtures';
import { renderWithApp } from '@/testing/render';
import { storeColumns } from '../utils/list-columns';
import { DataSourcesPage } from './DataSourcesPage';

const oneRegion = () => json({ regions: ['default'] });
const search = () => new URLSearchParams(window.location.search);

function sourceIn(state: ReadinessSummary['state'], counts: Partial<ReadinessSummary> = {}): DataSource {
  return aDataSource({
    identifier: `${state.toLowerCase()}01`,
    readiness: {
      state,
      checkedAt: new Date(Date.now() - 180_000).toISOString(),
      blockers: 0,
      warnings: 0,
      accepted: 0,
      ...counts,
    },
  });
}

/** The page with one data source whose readiness the server answers as given. */
function pageWithReadiness(
  source: DataSource,
  readiness: () => Response,
  { url = '/', role = 'ADMIN', recheck }: { url?: string; role?: Role; recheck?: () => Response } = {},
) {
  const api = fakeApi({
    'GET /api/datasources': () => json(aPage([source])),
    'GET /api/regions': oneRegion,
    [`GET /api/datasources/${source.id}`]: () => json(source),
    [`GET /api/datasources/${source.id}/readiness`]: readiness,
    [`GET /api/datasources/${source.id}/acceptances`]: () => json([]),
    'GET /api/readiness/checks': () => json(READINESS_CHECKS),
    ...(recheck ? { [`POST /api/datasources/${source.id}/readiness`]: recheck } : {}),
  });
  window.history.replaceState(null, '', url);
  return { api, ...renderWithApp(<DataSourcesPage />, { session: aSession(role) }) };
}

const readinessTabOf = (source: DataSource) => `/?detail=${source.id}&detailTab=readiness`;

describe('the readiness column', () => {
  // Not one of the seed's columns: shown for a user who chose it.
  beforeEach(() => {
    storeColumns(['readiness']);
  });

  it('shows each state as a badge with its blockers and warnings', async () => {
    fakeApi({
      'GET /api/datasources': () =>
        json(
          aPage([
            sourceIn('READY'),
            sourceIn('WARNINGS', { warnings: 2 }),
            sourceIn('BLOCKED', { blockers: 1, warnings: 1 }),
            sourceIn('UNREACHABLE', { blockers: 1 }),
            sourceIn('UNKNOWN', { checkedAt: null }),
          ]),
        ),
      'GET /api/regions': oneRegion,
    });
    window.history.replaceState(null, '', '/');
    renderWithApp(<DataSourcesPage />);

    const badgeOf = async (identifier: string) => {
      const row = (await screen.findByRole('link', { name: identifier })).closest('tr')!;
      return row.querySelector('.readiness-badge');
    };
    expect(await screen.findByRole('columnheader', { name: 'Readiness' })).toBeInTheDocument();
    expect(await badgeOf('ready01')).toHaveTextContent(/^Ready$/);
    expect(await badgeOf('warnings01')).toHaveTextContent('Warnings2 warnings');
    expect(await badgeOf('blocked01')).toHaveTextContent('Blocked1 blocker, 1 warning');
    expect(await badgeOf('unreachable01')).toHaveTextContent('Unreachable1 blocker');
    expect(await badgeOf('unknown01')).toHaveTextContent(/^Not checked yet$/);
  });

  it('says when the source was checked, on hover', async () => {
    fakeApi({ 'GET /api/datasources': () => json(aPage([sourceIn('BLOCKED')])), 'GET /api/regions': oneRegion });
    window.history.replaceState(null, '', '/');
    const { user } = renderWithApp(<DataSourcesPage />);

    await user.hover(await screen.findByRole('link', { name: /Blocked/ }));

    expect(await screen.findByRole('tooltip')).toHaveTextContent('Checked 3 minutes ago');
  });

  it('asks the API for the readiness states in the URL, worst first', async () => {
    const api = fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': oneRegion });
    window.history.replaceState(null, '', '/?readiness=UNREACHABLE,BLOCKED,NONSENSE');
    renderWithApp(<DataSourcesPage />);

    await waitFor(() => expect(api.to('GET', '/api/datasources')).toHaveLength(1));
    expect(api.to('GET', '/api/datasources')[0]?.url.searchParams.get('readiness')).toBe('BLOCKED,UNREACHABLE');
  });

  it('puts the states picked in the filter into the URL and the request, back on page 1', async () => {
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([sourceIn('READY')], 60)),
      'GET /api/regions': oneRegion,
    });
    window.history.replaceState(null, '', '/?page=2');
    const { user } = renderWithApp(<DataSourcesPage />);

    await user.click(await screen.findByRole('combobox', { name: 'Readiness' }));
    await user.click(await screen.findByRole('option', { name: 'Unreachable' }));
    await user.click(await screen.findByRole('option', { name: 'Blocked' }));

    await waitFor(() => expect(search().get('readiness')).toBe('BLOCKED,UNREACHABLE'));
    expect(search().get('page')).toBeNull();
    await waitFor(() =>
      expect(api.to('GET', '/api/datasources').at(-1)?.url.searchParams.get('readiness')).toBe('BLOCKED,UNREACHABLE'),
    );
  });

  it('opens the details on their readiness tab from the badge', async () => {
    const source = sourceIn('BLOCKED', { blockers: 1, warnings: 1 });
    const { user } = pageWithReadiness(source, () => json(aSourceReadiness()));

    await user.click(await screen.findByRole('link', { name: /Blocked/ }));

    expect(search().get('detail')).toBe(source.id);
    expect(search().get('detailTab')).toBe('readiness');
    expect(await screen.findByRole('tab', { name: 'Readiness', selected: true })).toBeInTheDocument();
  });
});

describe('the readiness tab of the details', () => {
  it('shows the latest report and the history as a timeline, newest first', async () => {
    const source = sourceIn('BLOCKED', { blockers: 1, warnings: 1 });
    pageWithReadiness(source, () => json(aSourceReadiness()), { url: readinessTabOf(source) });

    const drawer = await screen.findByRole('dialog');
    const report = await within(drawer).findByRole('region', { name: 'Latest report' });
    expect(within(report).getByRole('list', { name: 'Migration readiness' })).toHaveTextContent(
      'Incremental sync: Blocked 1 blocker, 1 warning',
    );
    expect(within(report).getByRole('button', { name: /Replica identity/ })).toBeInTheDocument();
    const history = within(drawer).getByRole('region', { name: 'History' });
    const checks = history.querySelectorAll('.readiness-check');
    expect(checks).toHaveLength(2);
    expect(checks[0]).toHaveTextContent('State changed from Ready to Blocked');
    expect(checks[0]).toHaveTextContent('New finding');
    expect(checks[0]).toHaveTextContent('Replica identitytables.replica_identity');
    expect(checks[0]).toHaveTextContent('checked by the background watch');
    expect(checks[1]).toHaveTextContent('State changed from Unreachable to Ready');
    expect(checks[1]).toHaveTextContent('ResolvedNetworkconnection.network');
    expect(checks[1]).toHaveTextContent('checked by jane');
  });

  it('asks again every few seconds while the source is not checked yet, until it is', async () => {
    const source = sourceIn('UNKNOWN', { checkedAt: null });
    let firstCheckDone = false;
    pageWithReadiness(
      source,
      () =>
        json(
          firstCheckDone
            ? aSourceReadiness()
            : aSourceReadiness({ state: 'UNKNOWN', checkedAt: null, latest: null, history: [] }),
        ),
      { url: readinessTabOf(source) },
    );
    // The first render loads the drawer's code, which takes a while when this test runs alone.
    expect(
      await screen.findByText('No report yet: the first check has not finished.', {}, { timeout: 5000 }),
    ).toBeInTheDocument();

    firstCheckDone = true;

    await waitFor(
      () =>
        expect(screen.getByRole('region', { name: 'Latest report' })).toHaveTextContent('Incremental sync: Blocked'),
      { timeout: 6000 },
    );
  });

  it('hides Re-check now from a viewer', async () => {
    const source = sourceIn('BLOCKED');
    pageWithReadiness(source, () => json(aSourceReadiness()), { url: readinessTabOf(source), role: 'VIEWER' });

    expect(await screen.findByRole('region', { name: 'Latest report' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Re-check now/ })).not.toBeInTheDocument();
  });

  it('re-checks for an operator, shows the new state and refreshes the list', async () => {
    const source = sourceIn('BLOCKED', { blockers: 1, warnings: 1 });
    const { api, user } = pageWithReadiness(source, () => json(aSourceReadiness()), {
      url: readinessTabOf(source),
      role: 'OPERATOR',
      recheck: () => json(aSourceReadiness({ state: 'READY', blockers: 0, warnings: 0 })),
    });
    const listRequests = () => api.to('GET', '/api/datasources').length;
    await screen.findByRole('region', { name: 'Latest report' });
    const before = listRequests();

    await user.click(screen.getByRole('button', { name: /Re-check now/ }));

    expect(await screen.findByText(`Re-checked ${source.identifier}: Ready`)).toBeInTheDocument();
    const [recheck] = api.to('POST', `/api/datasources/${source.id}/readiness`);
    expect(recheck?.headers.get('X-CSRF-Token')).toBe('csrf-token-of-operator');
    await waitFor(() => expect(listRequests()).toBeGreaterThan(before));
  });

  it('says when a re-check asked too soon may be tried again, in the server words too', async () => {
    const source = sourceIn('BLOCKED');
    const { user } = pageWithReadiness(source, () => json(aSourceReadiness()), {
      url: readinessTabOf(source),
      recheck: () =>
        problem(429, [], 'This data source was re-checked moments ago; it can be re-checked again in 27 s.', {
          'Retry-After': '27',
        }),
    });
    const drawer = await screen.findByRole('dialog');
    await within(drawer).findByRole('region', { name: 'Latest report' });
    // Role queries over the whole page behind the drawer take seconds each in jsdom: ask the drawer.
    const recheck = within(drawer).getByRole('button', { name: /Re-check now/ });

    await user.click(recheck);

    const alert = await within(drawer).findByRole('alert');
    expect(alert).toHaveTextContent(/Not re-checked: try again in 2[67] s/);
    expect(alert).toHaveTextContent('it can be re-checked again in 27 s.');
    expect(recheck).toBeDisabled();
  });

  it('says a check is running already when the server answers 409', async () => {
    const source = sourceIn('BLOCKED');
    const { user } = pageWithReadiness(source, () => json(aSourceReadiness()), {
      url: readinessTabOf(source),
      recheck: () => problem(409, [], 'This data source is being checked right now.'),
    });
    await screen.findByRole('region', { name: 'Latest report' });

    await user.click(screen.getByRole('button', { name: /Re-check now/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('A check of this data source is running right now');
    expect(alert).toHaveTextContent('This data source is being checked right now.');
  });

  it('reads in Chinese', async () => {
    storeColumns(['readiness']);
    const source = sourceIn('BLOCKED', { blockers: 1, warnings: 1 });
    fakeApi({
      'GET /api/datasources': () => json(aPage([source])),
      'GET /api/regions': oneRegion,
      [`GET /api/datasources/${source.id}`]: () => json(source),
      [`GET /api/datasources/${source.id}/readiness`]: () => json(aSourceReadiness() satisfies SourceReadiness),
      [`GET /api/datasources/${source.id}/acceptances`]: () => json([]),
      'GET /api/readiness/checks': () => json(READINESS_CHECKS),
    });
    window.history.replaceState(null, '', readinessTabOf(source));
    renderWithApp(<DataSourcesPage />, { language: 'zh-CN' });

    expect(await screen.findByRole('columnheader', { name: '就绪状态' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: /立即重新检查/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '变更历史' })).toHaveTextContent('从就绪变为受阻');
  });
});
