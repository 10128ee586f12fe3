/**
 * The main path in a real Chromium: a customer books on a phone, follows the link to the track page; the
 * dispatcher signs in, finds the card in the right column, moves it by button and by drag; the track page follows
 * on its next load and the customer's outbox holds the en-route text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  card,
  column,
  hasChromium,
  launchChromium,
  openPage,
  PHONE,
  SAM,
  screenshot,
  signIn,
  startLocalServer,
  type LocalServer,
} from './support';

const CUSTOMER = { name: 'Dana Whitfield', phone: '(555) 555-0188', e164: '+15555550188' };

describe.skipIf(!hasChromium)('booking, dispatching and tracking in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  let trackUrl = '';
  let code = '';

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a customer books on a phone from a street link and lands on a track page showing the job', async () => {
    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/book/soderblom-ave`);
    await expect.poll(() => page.getByLabel('Pickup address').inputValue()).toBe('Soderblom Ave');

    await page.getByLabel('Your name').fill(CUSTOMER.name);
    await page.getByLabel('Mobile number').fill(CUSTOMER.phone);
    await page.getByLabel('Pickup address').fill('1801 Soderblom Ave');
    await page.getByText('Tomorrow', { exact: true }).click();
    await page.getByText('Afternoon').click();
    await page.getByLabel('What needs hauling?').fill('Old couch and 6 bags of yard waste');
    await screenshot(page, 'book-phone-filled');
    await page.getByRole('button', { name: 'Book my pickup' }).click();

    await expect.poll(() => page.locator('#done').isVisible()).toBe(true);
    code = (await page.locator('#done-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
    const link = page.getByRole('link', { name: 'Follow your pickup' });
    trackUrl = (await link.getAttribute('href')) ?? '';
    expect(trackUrl.startsWith(`${server.baseUrl}/track/`)).toBe(true);
    await screenshot(page, 'book-phone-booked');

    await link.click();
    await page.waitForURL(`${server.baseUrl}/track/**`);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Booked');
    expect(await page.locator('#location').textContent()).toBe('1801 Soderblom Ave');
    expect(await page.locator('#window').textContent()).toMatch(/Tomorrow/);
    expect(await page.locator('#code').textContent()).toContain(code);
    await screenshot(page, 'track-phone-booked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the booking page shows each problem next to its field and books nothing', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/book/elm-st`);
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Book my pickup' }).click();
    await expect.poll(() => page.locator('#phone-error').textContent()).toMatch(/phone number/i);
    expect(await page.locator('#name-error').textContent()).toMatch(/name/i);
    // The message is tied to its field for screen readers, and the field is marked invalid.
    expect(await page.getByLabel('Mobile number').getAttribute('aria-describedby')).toContain('phone-error');
    expect(await page.getByLabel('Mobile number').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#done').isVisible()).toBe(false);
    await screenshot(page, 'book-phone-errors');
    await context.close();
  });

  async function openBoard(): Promise<{ page: Page; close: () => Promise<void>; errors: string[] }> {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, server.baseUrl);
    return { page, errors, close: () => context.close() };
  }

  it('the dispatcher finds the card in Booked, moves it by button, then by drag to Crew on the way', async () => {
    const { page, close, errors } = await openBoard();
    const booked = card(page, code);
    await expect.poll(() => column(page, 'booking_confirmed').locator(`[data-code="${code}"]`).count()).toBe(1);
    expect(await booked.textContent()).toContain(CUSTOMER.name);
    expect(await booked.textContent()).toContain('1801 Soderblom Ave');
    expect(await page.locator('#sync').textContent()).toMatch(/Last updated/);
    await screenshot(page, 'dashboard-board');

    await booked.getByRole('button', { name: `Move ${code} to Ready for pickup` }).click();
    await expect.poll(() => column(page, 'ready_for_pickup').locator(`[data-code="${code}"]`).count()).toBe(1);

    await card(page, code).dragTo(column(page, 'en_route'));
    await expect.poll(() => column(page, 'en_route').locator(`[data-code="${code}"]`).count()).toBe(1);
    await expect.poll(() => page.locator('#board-message').textContent()).toBe(`${code} moved to Crew on the way.`);
    expect(errors).toEqual([]);
    await close();
  });

  it('a drag the status table forbids snaps back and says why', async () => {
    const { page, close } = await openBoard();
    await card(page, code).dragTo(column(page, 'booking_confirmed'));
    await expect.poll(() => page.locator('#board-message').textContent()).toMatch(new RegExp(`${code} can't go from "Crew on the way" to "Booked"`));
    await expect.poll(() => column(page, 'en_route').locator(`[data-code="${code}"]`).count()).toBe(1);
    expect(await column(page, 'booking_confirmed').locator(`[data-code="${code}"]`).count()).toBe(0);
    await screenshot(page, 'dashboard-refused-move', { fullPage: false });
    await close();
  });

  it('the track page shows the new status on its next load, and the customer was texted once', async () => {
    const { context, page } = await openPage(browser, PHONE);
    await page.goto(trackUrl);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Crew on the way');
    await screenshot(page, 'track-phone-en-route');
    await context.close();

    const texts = (await server.sms()).filter((sms) => sms.to === CUSTOMER.e164 && /on the way/.test(sms.body));
    expect(texts).toHaveLength(1);
    expect(texts[0]!.body).toContain(trackUrl);
  });

  it('the details drawer shows the history and sets a price, which texts the customer a quote', async () => {
    const { page, close } = await openBoard();
    await card(page, code).getByRole('button', { name: `Details for ${code}` }).click();
    const drawer = page.locator('#drawer');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    expect(await drawer.locator('.timeline').textContent()).toMatch(/Booked.*Ready for pickup.*Crew on the way/s);

    await drawer.getByLabel('Driver').selectOption(SAM.phone);
    await drawer.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => card(page, code).locator('.card-crew').textContent()).toContain('Sam Rivera');

    await drawer.getByLabel(/Price in dollars/).fill('450');
    await drawer.getByRole('button', { name: 'Text the quote' }).click();
    await expect.poll(() => drawer.locator('.drawer-status').textContent()).toBe('Quote texted to the customer.');
    await expect.poll(async () => (await server.sms()).some((sms) => sms.to === CUSTOMER.e164 && sms.body.includes('$450'))).toBe(true);
    await expect.poll(() => drawer.locator('.messages').first().textContent()).toContain('$450');
    await screenshot(page, 'dashboard-drawer', { fullPage: false });
    await close();
  });
});
