import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '@/components/AppLayout';
import { DataSourcesPage } from '@/features/datasources/components/DataSourcesPage';
import type { Language } from '@/lib/i18n/languages';
import { aPage, fakeApi, json } from '@/testing/fake-api';
import { renderWithApp } from '@/testing/render';

function renderConsole(language: Language | 'preferred' = 'preferred') {
  const api = fakeApi({
    'GET /api/datasources': () => json(aPage([])),
    'GET /api/regions': () => json({ regions: ['default'] }),
  });
  return {
    api,
    ...renderWithApp(
      <AppLayout>
        <DataSourcesPage />
      </AppLayout>,
      { language },
    ),
  };
}

function browserPrefers(...languages: string[]) {
  vi.spyOn(window.navigator, 'languages', 'get').mockReturnValue(languages);
}

describe('the console language', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is English for a browser that asks for English', async () => {
    browserPrefers('en-US', 'en');
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Data Source Management' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Create Data Source/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('is Simplified Chinese on a first visit from a browser that prefers Chinese', async () => {
    browserPrefers('zh-SG', 'en-US');
    renderConsole();
    expect(await screen.findByRole('heading', { name: '数据源管理' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('is English for a browser that asks for neither Chinese nor English', async () => {
    browserPrefers('de-DE', 'fr');
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Data Source Management' })).toBeInTheDocument();
  });

  it('keeps a remembered choice over the browser language', async () => {
    browserPrefers('zh-CN');
    window.localStorage.setItem('dsm.language', 'en');
    renderConsole();
    expect(await screen.findByRole('heading', { name: 'Data Source Management' })).toBeInTheDocument();
  });

  it('switches to Simplified Chinese, remembers the choice and asks the server in it from then on', async () => {
    browserPrefers('en-US');
    const { user, api } = renderConsole();
    await screen.findByRole('heading', { name: 'Data Source Management' });
    expect(api.to('GET', '/api/datasources')[0]?.headers.get('Accept-Language')).toBe('en');

    await user.click(screen.getByRole('combobox', { name: 'Language' }));
    await user.click(await screen.findByText('简体中文'));

    expect(await screen.findByRole('heading', { name: '数据源管理' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /新建数据源/ })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem('dsm.language')).toBe('zh-CN');
    // The list the server wrote in English is asked for again, in Chinese.
    await vi.waitFor(() =>
      expect(api.to('GET', '/api/datasources').at(-1)?.headers.get('Accept-Language')).toBe('zh-CN'),
    );
  });
});
