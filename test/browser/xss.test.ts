/**
 * Whatever customers and crew type is shown as text on every page: script-looking names, addresses, texts and
 * photo links execute nothing (no global set, no dialog, no injected element, no javascript: link) and read
 * exactly as typed. The pages' CSP would also block inline script; these tests check the pages never build HTML
 * from data in the first place (the payloads use inline handlers, which is what the CSP would stop).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bookByApi, card, hasChromium, launchChromium, openPage, SAM, signIn, startLocalServer, type LocalServer } from './support';

const NAME = '<img src=x onerror="window.__xss=1">Mallory';
const ADDRESS = '<script>window.__xss=1</script>12 Oak St';
const ITEMS = '<a href="javascript:window.__xss=1">click me</a>';
const TEXT = 'javascript:window.__xss=1 <img src=x onerror=window.__xss=1> <script>window.__xss=1</script>';
const PHOTO_URL = 'javascript:window.__xss=1';
const PHONE = '+15555550166';

/** Nothing from the payloads ran or became markup on this page. */
async function expectInert(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
}

describe.skipIf(!hasChromium)('customer and crew text is never markup', () => {
  let server: LocalServer;
  let browser: Browser;
  let trackingUrl = '';
  let code = '';

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
    ({ trackingUrl, code } = await bookByApi(server.baseUrl, { name: NAME, phone: PHONE, address: ADDRESS, items: ITEMS }));
    await server.text(PHONE, TEXT, [PHOTO_URL]);
    // A stranger's text lands in "texts that matched no job" on the board.
    await server.text('+15555550177', TEXT);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the track page shows the address literally', async () => {
    const { context, page, dialogs } = await openPage(browser);
    await page.goto(trackingUrl);
    await expect.poll(() => page.locator('#location').textContent()).toBe(ADDRESS);
    await expectInert(page, dialogs);
    await context.close();
  });

  it('the booking page shows a typed payload back as text in its own fields', async () => {
    const { context, page, dialogs } = await openPage(browser);
    await page.goto(`${server.baseUrl}/book/x-onerror-alert-1`);
    await page.getByLabel('Your name').fill(NAME);
    await page.getByLabel('Mobile number').fill('not a number');
    await page.getByRole('button', { name: 'Book my pickup' }).click();
    await expect.poll(() => page.locator('#phone-error').textContent()).not.toBe('');
    expect(await page.getByLabel('Your name').inputValue()).toBe(NAME);
    await expectInert(page, dialogs);
    await context.close();
  });

  it('the dashboard card, the drawer and the unmatched texts show every payload literally', async () => {
    const { context, page, dialogs } = await openPage(browser);
    await signIn(page, server.baseUrl);
    const job = card(page, code);
    await job.waitFor();
    expect(await job.locator('.card-who').textContent()).toBe(NAME);
    expect(await job.locator('.card-where').textContent()).toBe(ADDRESS);

    await job.getByRole('button', { name: `Details for ${code}` }).click();
    const drawer = page.locator('#drawer');
    await expect.poll(() => drawer.locator('.message-body').allTextContents()).toContain(TEXT);
    expect(await drawer.locator('dd').allTextContents()).toEqual(expect.arrayContaining([NAME, ADDRESS, ITEMS]));
    expect(await drawer.getByLabel('Customer name').inputValue()).toBe(NAME);
    expect(await drawer.locator('.photos').textContent()).toContain('link not shown');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.locator('#unmatched summary').click();
    expect(await page.locator('#unmatched-list .message-body').allTextContents()).toContain(TEXT);
    await expectInert(page, dialogs);
    await context.close();
  });

  it('the /dev phone simulator shows the texts literally', async () => {
    const { context, page, dialogs } = await openPage(browser);
    await page.goto(`${server.baseUrl}/dev`);
    await page.locator('#phone-1-number').fill(PHONE);
    await page.locator('#phone-1-number').dispatchEvent('change');
    await expect.poll(() => page.locator('.phone').first().locator('.bubble-body').allTextContents()).toContain(TEXT);
    await expectInert(page, dialogs);
    await context.close();
  });
});
