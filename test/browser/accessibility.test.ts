/**
 * axe-core (through @axe-core/playwright) on every page in the states people see them: no serious or critical
 * violations. A failure lists each rule with the elements it flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  ALEX,
  bookByApi,
  card,
  hasChromium,
  launchChromium,
  openPage,
  PHONE,
  SAM,
  screenshot,
  seriousA11yProblems,
  signIn,
  startLocalServer,
  type LocalServer,
} from './support';

describe.skipIf(!hasChromium)('accessibility (axe-core): no serious or critical violations', () => {
  let server: LocalServer;
  let browser: Browser;
  let trackingUrl = '';
  let code = '';

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM, ALEX] });
    browser = await launchChromium();
    ({ trackingUrl, code } = await bookByApi(server.baseUrl, {
      name: 'Dana Whitfield',
      phone: '555-555-0150',
      address: '1801 Soderblom Ave',
      part: 'afternoon',
      items: 'Couch, mattress',
    }));
    await server.text('+15555550150', 'here is a photo of the couch', ['https://example.com/couch.jpg']);
    await server.text('+15555550150', 'do you take paint cans');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('landing page', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(server.baseUrl);
    await page.getByRole('link', { name: 'Book online instead' }).waitFor();
    await page.locator('#text-card').waitFor();
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'index-phone');
    await context.close();
  });

  it('booking page, empty and with field errors', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/book/soderblom-ave`);
    await expect.poll(() => page.getByLabel('Pickup address').inputValue()).toBe('Soderblom Ave');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'book-phone');
    await page.getByRole('button', { name: 'Book my pickup' }).click();
    await expect.poll(() => page.locator('#name-error').textContent()).not.toBe('');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await context.close();
  });

  it('track page', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(trackingUrl);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Booked');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'track-phone');
    await context.close();
  });

  it('dashboard: sign-in form, board, and the details drawer', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/dashboard`);
    await page.getByLabel('Dispatcher password').waitFor();
    expect(await seriousA11yProblems(page)).toEqual([]);

    await signIn(page, server.baseUrl);
    await card(page, code).waitFor();
    expect(await card(page, code).textContent()).toMatch(/Customer text needs an answer/);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard');

    await card(page, code).getByRole('button', { name: `Details for ${code}` }).click();
    await expect.poll(() => page.locator('#drawer').isVisible()).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard-drawer-open', { fullPage: false });
    await context.close();
  });

  it('dashboard on a phone', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await signIn(page, server.baseUrl);
    await card(page, code).waitFor();
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'dashboard-phone', { fullPage: false });
    await context.close();
  });

  it('/dev phone simulator', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.baseUrl}/dev`);
    await page.locator('#phone-1-number').fill('+15555550150');
    await page.locator('#phone-1-number').dispatchEvent('change');
    await expect.poll(() => page.locator('.phone').first().locator('.bubble').count()).toBeGreaterThan(1);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await context.close();
  });
});
