// Launches Debian's Chromium through playwright-core with the flags this machine needs
// (see /work/shared/STACK.md): no browser download, no background traffic into a closed network.
import { chromium } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh browser profile (a new --user-data-dir) so no cookie, cache or storage of an earlier
 * run leaks in. Returns the context and a close() that also removes the profile.
 * @param {{ width?: number, height?: number, locale?: string }} [options]
 */
export async function launch({ width = 1280, height = 800, locale = 'en-US' } = {}) {
  const profile = await mkdtemp(path.join(tmpdir(), 'dsm-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: FLAGS,
    viewport: { width, height },
    locale,
    // Screenshots should show settled screens, not fades and smooth scrolls half-way.
    reducedMotion: 'reduce',
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
