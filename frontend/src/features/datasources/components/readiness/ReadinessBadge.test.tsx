import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReadinessSummary } from '@/lib/api/types';
import { renderWithApp } from '@/testing/render';
import { ReadinessBadge } from './ReadinessBadge';

const CHECKED = '2026-11-24T08:20:30Z';

function showBadge(summary: Partial<ReadinessSummary>, language: 'en' | 'zh-CN' = 'en') {
  const full: ReadinessSummary = {
    state: 'READY',
    checkedAt: CHECKED,
    blockers: 0,
    warnings: 0,
    accepted: 0,
    ...summary,
  };
  return renderWithApp(<ReadinessBadge summary={full} />, { language });
}

function badge(summary: Partial<ReadinessSummary>): HTMLElement {
  const found = showBadge(summary).container.querySelector<HTMLElement>('.readiness-badge');
  if (!found) throw new Error('no readiness badge');
  return found;
}

describe('the readiness badge', () => {
  it('says how many findings are accepted beside the state they are left out of', () => {
    const shown = badge({ state: 'READY', accepted: 2 });

    expect(shown).toHaveTextContent(/^Ready2 accepted$/);
    expect(screen.getByText('2 accepted')).toHaveClass('readiness-badge__accepted');
  });

  it('shows the accepted count after the blockers and warnings that still count', () => {
    expect(badge({ state: 'BLOCKED', blockers: 1, warnings: 1, accepted: 1 })).toHaveTextContent(
      /^Blocked1 blocker, 1 warning1 accepted$/,
    );
  });

  it('says nothing about acceptances when none covers a finding', () => {
    expect(badge({ state: 'WARNINGS', warnings: 2 })).toHaveTextContent(/^Warnings2 warnings$/);
    expect(screen.queryByText(/accepted/)).not.toBeInTheDocument();
  });

  it('says it in Simplified Chinese', async () => {
    showBadge({ state: 'READY', accepted: 3 }, 'zh-CN');

    // The Chinese messages load on demand: the badge shows once they have.
    const accepted = await screen.findByText('已接受 3 项');
    expect(accepted.closest('.readiness-badge')).toHaveTextContent(/^就绪已接受 3 项$/);
  });
});
