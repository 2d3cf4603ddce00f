import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Language } from '@/lib/i18n/languages';
import { aDataSource, aPage, fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';
import { DataSourcesPage } from './DataSourcesPage';

/** The columns of OMS's own list, which come first. */
const SEED_COLUMNS = ['Data Source Identifier', 'Data Source Type', 'Host IP Address:Port', 'Username', 'Added At'];

function openList({ regions = ['default'], language = 'en' }: { regions?: string[]; language?: Language } = {}) {
  fakeApi({
    'GET /api/datasources': () => json(aPage([aDataSource({ identifier: 'orders01' })])),
    'GET /api/regions': () => json({ regions }),
  });
  return renderWithApp(<DataSourcesPage />, { language });
}

async function headers() {
  const table = await screen.findByRole('table');
  await within(table).findByRole('link', { name: 'orders01' });
  return within(table)
    .getAllByRole('columnheader')
    .map((header) => header.textContent.trim());
}

async function openChooser(
  user: ReturnType<typeof openList>['user'],
  { button, title }: { button: string; title: string } = { button: 'Columns', title: 'Show these columns too' },
) {
  await user.click(await screen.findByRole('button', { name: button }));
  return screen.findByRole('group', { name: title });
}

describe("the list's columns", () => {
  it("are the seed's by default: identifier, type, host and port, username, added at, and the actions", async () => {
    openList();

    expect(await headers()).toEqual([...SEED_COLUMNS, 'Actions']);
  });

  it("add dsm's own from the column chooser, after the seed's", async () => {
    const { user } = openList({ regions: ['cn-hangzhou', 'cn-shanghai'] });
    const chooser = await openChooser(user);

    expect(
      within(chooser)
        .getAllByRole('checkbox')
        .map((box) => box.closest('label')?.textContent),
    ).toEqual(['DB Name / Schema', 'Region', 'Database Attributes', 'Heartbeat', 'Readiness']);
    await user.click(within(chooser).getByRole('checkbox', { name: 'Readiness' }));
    await user.click(within(chooser).getByRole('checkbox', { name: 'DB Name / Schema' }));

    expect(await headers()).toEqual([...SEED_COLUMNS, 'DB Name / Schema', 'Readiness', 'Actions']);
  });

  it('offers no region column where there is one region', async () => {
    const { user } = openList();
    const chooser = await openChooser(user);

    expect(within(chooser).queryByRole('checkbox', { name: 'Region' })).not.toBeInTheDocument();
    expect(within(chooser).getAllByRole('checkbox')).toHaveLength(4);
  });

  it('are remembered in this browser, for the next visit', async () => {
    const { user, unmount } = openList();
    const chooser = await openChooser(user);
    await user.click(within(chooser).getByRole('checkbox', { name: 'Heartbeat' }));
    unmount();

    openList();

    expect(await headers()).toContain('Heartbeat');
  });

  it('read in Chinese', async () => {
    const { user } = openList({ language: 'zh-CN' });

    expect(await headers()).toEqual(['数据源标识', '数据源类型', '主机 IP 地址:端口', '用户名', '添加时间', '操作']);
    const chooser = await openChooser(user, { button: '列设置', title: '同时显示以下列' });
    expect(within(chooser).getByRole('checkbox', { name: '就绪状态' })).toBeInTheDocument();
  });
});
