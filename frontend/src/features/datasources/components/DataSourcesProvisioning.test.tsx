import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Provisioning, Role } from '@/lib/api/types';
import {
  aDataSource,
  aFailedFile,
  aPage,
  aProvisionedDataSource,
  aProvisioning,
  aSession,
  anAppliedFile,
  fakeApi,
  json,
} from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { DataSourcesPage } from './DataSourcesPage';

const oneRegion = () => json({ regions: ['default'] });
const MANAGED_REASON = /Managed by the provisioning file orders\.yaml: change or remove it through that file/;

/** The page for a user of this role, over a server listing these sources and provisioning files. */
function openPage(
  { role = 'ADMIN', provisioning = aProvisioning() }: { role?: Role; provisioning?: Provisioning } = {},
  sources = [aProvisionedDataSource('orders.yaml', { identifier: 'orders01' })],
) {
  const api = fakeApi({
    'GET /api/datasources': () => json(aPage(sources)),
    'GET /api/regions': oneRegion,
    'GET /api/provisioning': () => json(provisioning),
    ...Object.fromEntries(sources.map((source) => [`GET /api/datasources/${source.id}`, () => json(source)])),
  });
  window.history.replaceState(null, '', '/');
  return { api, ...renderWithApp(<DataSourcesPage />, { session: aSession(role) }) };
}

/** A blob's text, through jsdom's own reader (its Blob has no text()). */
function textOf(blob: Blob): Promise<unknown> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.readAsText(blob);
  });
}

const rowOf = async (identifier: string) => (await screen.findByRole('link', { name: identifier })).closest('tr')!;

describe('a data source that a provisioning file manages', () => {
  it('is tagged with the file in the list', async () => {
    openPage();

    expect(within(await rowOf('orders01')).getByText('Managed by orders.yaml')).toBeInTheDocument();
  });

  it('cannot be edited or deleted from its row, and says that the file is the place for changes', async () => {
    openPage();
    const row = await rowOf('orders01');

    for (const action of ['Edit orders01', 'Delete orders01']) {
      const button = within(row).getByRole('button', { name: action });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription(MANAGED_REASON);
    }
  });

  it('can still be copied and tested', async () => {
    openPage();
    const row = await rowOf('orders01');

    expect(within(row).getByRole('button', { name: 'Copy orders01' })).toBeEnabled();
    expect(within(row).getByRole('button', { name: 'Test Connection' })).toBeEnabled();
  });

  it('leaves the actions of the data sources managed here alone', async () => {
    openPage({}, [aDataSource({ identifier: 'billing01' })]);
    const row = await rowOf('billing01');

    expect(within(row).queryByText(/Managed by/)).not.toBeInTheDocument();
    expect(within(row).getByRole('button', { name: 'Edit billing01' })).toBeEnabled();
  });

  it('shows the tag, its reference and the disabled Edit and Delete in its details', async () => {
    const { user } = openPage();

    await user.click(await screen.findByRole('link', { name: 'orders01' }));

    const drawer = await screen.findByRole('dialog');
    expect(await within(drawer).findByText('Managed by orders.yaml')).toBeInTheDocument();
    expect(within(drawer).getByText('file:orders01.pw')).toBeInTheDocument();
    expect(within(drawer).getByText(/read at each use, never stored/)).toBeInTheDocument();
    expect(within(drawer).getByRole('button', { name: /Edit/ })).toHaveAccessibleDescription(MANAGED_REASON);
    expect(within(drawer).getByRole('button', { name: /Delete/ })).toBeDisabled();
    expect(within(drawer).getByRole('button', { name: /^copy Copy$/ })).toBeEnabled();
  });

  it('is tagged in Simplified Chinese too', async () => {
    fakeApi({
      'GET /api/datasources': () => json(aPage([aProvisionedDataSource('orders.yaml', { identifier: 'orders01' })])),
      'GET /api/regions': oneRegion,
      'GET /api/provisioning': () => json(aProvisioning()),
    });
    renderWithApp(<DataSourcesPage />, { language: 'zh-CN' });

    expect(await screen.findByText('由 orders.yaml 管理')).toBeInTheDocument();
  });
});

describe('the banner of a provisioning file that failed', () => {
  const port = { line: 8, field: 'dataSources[0].port', message: 'must be between 1 and 65535' };

  it('tells administrators why the file was not applied, and that nothing of it was', async () => {
    openPage({ provisioning: aProvisioning([anAppliedFile('orders.yaml'), aFailedFile('broken.yaml', [port])]) });

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(
      'Provisioning file broken.yaml was not applied: line 8, dataSources[0].port must be between 1 and 65535',
    );
    expect(banner).toHaveTextContent(/Nothing from this file was applied/);
    expect(screen.queryByText(/orders\.yaml was not applied/)).not.toBeInTheDocument();
  });

  it('lists three errors and counts the rest', async () => {
    const errors = [1, 2, 3, 4, 5].map((line) => ({ line, field: null, message: `problem ${line}` }));
    openPage({ provisioning: aProvisioning([aFailedFile('broken.yaml', errors)]) });

    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('line 1, problem 1; line 2, problem 2; line 3, problem 3; and 2 more');
    expect(banner).not.toHaveTextContent('problem 4');
  });

  it('is not shown when no file fails', async () => {
    const { api } = openPage({ provisioning: aProvisioning([anAppliedFile('orders.yaml')]) });

    await rowOf('orders01');
    await waitFor(() => expect(api.to('GET', '/api/provisioning')).toHaveLength(1));
    expect(screen.queryByText(/was not applied/)).not.toBeInTheDocument();
  });

  it('is not shown to operators, and the page does not ask', async () => {
    const { api } = openPage({ role: 'OPERATOR', provisioning: aProvisioning([aFailedFile('broken.yaml', [port])]) });

    await rowOf('orders01');
    expect(screen.queryByText(/was not applied/)).not.toBeInTheDocument();
    expect(api.to('GET', '/api/provisioning')).toHaveLength(0);
  });
});

describe('Export as code', () => {
  it('downloads the data sources managed here as datasources.yaml, asking for YAML', async () => {
    const yaml = 'apiVersion: dsm/v1\ndataSources: []\n';
    const api = fakeApi({
      'GET /api/datasources': () => json(aPage([aDataSource()])),
      'GET /api/regions': oneRegion,
      'GET /api/provisioning': () => json(aProvisioning()),
      'GET /api/datasources/export': () => new Response(yaml, { headers: { 'Content-Type': 'application/yaml' } }),
    });
    const saved: Blob[] = [];
    // jsdom has no object URLs: keep the blob the console hands over instead.
    Object.assign(URL, {
      createObjectURL: (blob: Blob) => {
        saved.push(blob);
        return 'blob:export';
      },
      revokeObjectURL: () => undefined,
    });
    const downloads: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const { user } = renderWithApp(<DataSourcesPage />);

    await user.click(await screen.findByRole('button', { name: /Export as code/ }));

    await waitFor(() => expect(downloads).toEqual(['datasources.yaml']));
    expect(await textOf(saved[0]!)).toBe(yaml);
    expect(api.to('GET', '/api/datasources/export')[0]?.headers.get('Accept')).toBe('application/yaml');
    click.mockRestore();
  });

  it('is offered to administrators only', async () => {
    openPage({ role: 'OPERATOR' });

    await rowOf('orders01');
    expect(screen.queryByRole('button', { name: /Export as code/ })).not.toBeInTheDocument();
  });
});
