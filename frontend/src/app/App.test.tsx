import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppLayout } from '@/components/AppLayout';
import { DataSourcesPage } from '@/features/datasources/components/DataSourcesPage';
import { aPage, fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';

function renderConsole(language?: 'en' | 'zh-CN') {
  fakeApi({ 'GET /api/datasources': () => json(aPage([])), 'GET /api/regions': () => json({ regions: ['default'] }) });
  return renderWithApp(
    <AppLayout>
      <DataSourcesPage />
    </AppLayout>,
    { language },
  );
}

describe('the console language', () => {
  it('is English by default', async () => {
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Data Source Management' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Create Data Source/ })).toBeInTheDocument();
  });

  it('switches to Simplified Chinese and remembers the choice', async () => {
    const { user } = renderConsole('en');
    await screen.findByRole('heading', { name: 'Data Source Management' });

    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByText('简体中文'));

    expect(await screen.findByRole('heading', { name: '数据源管理' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /新建数据源/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem('dsm.language')).toBe('zh-CN');
  });
});
