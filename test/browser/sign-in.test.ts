/**
 * Signing in to /dashboard in Chromium: wrong passwords say so, the 6th try in a minute gets the server's 429
 * message, and a signed-in board tells the dispatcher when the API cannot be reached. Each test file starts its
 * own server, so the login limiter this file fills up does not lock other files out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bookByApi, card, hasChromium, launchChromium, openPage, screenshot, signIn, startLocalServer, type LocalServer } from './support';

describe.skipIf(!hasChromium)('dispatcher sign-in in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLocalServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a signed-in board refreshes with conditional requests, notices when the API is unreachable, and recovers', async () => {
    const { code } = await bookByApi(server.baseUrl, { name: 'Pat', phone: '555-555-0170', address: '40 Elm St' });
    const { context, page } = await openPage(browser);
    const unchanged = page.waitForResponse((r) => r.url().endsWith('/api/jobs') && r.status() === 304, { timeout: 12_000 });
    await signIn(page, server.baseUrl);
    await card(page, code).waitFor();
    // The 5-second refresh is conditional: with nothing changed the server answers 304 and the board stays.
    const notModified = await unchanged;
    expect(await notModified.request().headerValue('if-none-match')).toMatch(/^"v\d+-/);
    expect(await card(page, code).isVisible()).toBe(true);
    const offline = page.locator('#offline');
    expect(await offline.isVisible()).toBe(false);

    // The network drops: every board refresh fails as a fetch would with the server gone.
    await page.route('**/api/jobs', (route) => route.abort('internetdisconnected'));
    await expect.poll(() => offline.isVisible(), { timeout: 12_000 }).toBe(true);
    expect(await offline.textContent()).toMatch(/Can't reach the server/);
    // The last board stays on screen meanwhile.
    expect(await card(page, code).isVisible()).toBe(true);
    await screenshot(page, 'dashboard-offline', { fullPage: false });

    await page.unroute('**/api/jobs');
    await expect.poll(() => offline.isVisible(), { timeout: 12_000 }).toBe(false);
    await context.close();
  });

  it('signing out returns to the sign-in form, and the board is not shown without a session', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, server.baseUrl);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => page.getByLabel('Dispatcher password').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Dispatcher password').isVisible()).toBe(true);
    expect(await page.locator('#board-view').isVisible()).toBe(false);
    await context.close();
  });

  it('a wrong password says so, and the 6th try within a minute shows the rate-limit message', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`${server.baseUrl}/dashboard`);
    const password = page.getByLabel('Dispatcher password');
    const error = page.locator('#login-error');
    await password.waitFor();
    await screenshot(page, 'dashboard-sign-in', { fullPage: false });

    for (let attempt = 1; attempt <= 5; attempt++) {
      await password.fill(`not-the-password-${attempt}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => error.textContent()).toBe('Wrong password');
      await error.evaluate((el) => (el.textContent = ''));
    }
    await password.fill('not-the-password-6');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => error.textContent()).toMatch(/^Too many attempts\. Try again in \d+ seconds\.$/);
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#board-view').isVisible()).toBe(false);
    await screenshot(page, 'dashboard-sign-in-429', { fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });
});
