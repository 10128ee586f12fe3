/**
 * The History view in Chromium: with a seeded history (npm run seed's generator, archived as the sweep leaves it),
 * the dispatcher finds an archived job by its code, opens it read-only with every status and text, and gets the
 * month's CSV link.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { findArchivedByToken } from '../../handlers/archive';
import { seedStore } from '../../scripts/seed';
import { hasChromium, launchChromium, openPage, seriousA11yProblems, signIn, startLocalServer, type LocalServer } from './support';

describe.skipIf(!hasChromium)('the History view in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  let archived: { code: string; status: string; closedAt: string | null; messages: unknown[] };

  beforeAll(async () => {
    server = await startLocalServer();
    const summary = await seedStore(server.deps.store, { jobs: 200, open: 10, days: 40 }, server.deps.config, new Date());
    archived = (await findArchivedByToken(server.deps.store, summary.sampleArchivedToken!))!;
    browser = await launchChromium();
    ({ page } = await openPage(browser));
    await signIn(page, server.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('finds an archived job by its code and opens it read-only with its statuses and texts', async () => {
    await page.getByRole('button', { name: 'History' }).click();
    await page.getByLabel('Code, phone, address or name').fill(archived.code);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    const open = page.getByRole('button', { name: `Open ${archived.code}` }).first();
    await open.click();
    const dialog = page.locator('#history-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.locator('#history-dialog-title').textContent()).toContain(`${archived.code} (archived, read-only)`);
    expect(await dialog.locator('.timeline li').count()).toBeGreaterThanOrEqual(2);
    expect(await dialog.locator('.messages li').count()).toBe(archived.messages.length);
    expect(await dialog.locator('input, textarea, select').count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await page.locator('#history-dialog-close').click();
    // A search, a job read from the archive and an axe scan: generous on a shared 2-core machine.
  }, 90_000);

  it('offers the chosen month as a CSV download', async () => {
    const month = await page.locator('#history-month option').nth(1).getAttribute('value');
    await page.locator('#history-month').selectOption(month!);
    const link = page.locator('#history-csv');
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await link.getAttribute('href')).toBe(`/api/history/${month}.csv`);
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), `/api/history/${month}.csv`);
    expect(csv.split('\r\n')[0]).toMatch(/^code,status,customer name,customer phone,address/);
  }, 60_000);
});
