/**
 * The board for a real day, in Chromium with axe: the phone-in form's day and part of the day (by day, and at
 * 10 PM business time when only tomorrow is left), columns that use a desktop's width, one column at a time under
 * status tabs on a phone, and the Today / Tomorrow / All days filter that survives the 5 s refresh and a reload.
 * The clock is the zone: the server's business zone and the browser's are set to one where it is noon (or 10 PM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readJobs } from '../../handlers/state';
import {
  bookByApi,
  card,
  column,
  hasChromium,
  LAPTOP,
  launchChromium,
  openPage,
  PHONE,
  SAM,
  seriousA11yProblems,
  signIn,
  startLocalServer,
  zoneAtHour,
  type LocalServer,
} from './support';

/** The stored window of the one job for `phone`. */
async function windowOf(server: LocalServer, phone: string): Promise<{ start: string; end: string } | null> {
  const { doc } = await readJobs(server.deps.store);
  const jobs = Object.values(doc.jobs).filter((job) => job.customer.phone === phone);
  expect(jobs).toHaveLength(1);
  return jobs[0]!.window;
}

/** The business's tomorrow ('YYYY-MM-DD'), as the server's booking slots give it. */
async function tomorrowOf(server: LocalServer): Promise<string> {
  const body = (await (await fetch(`${server.baseUrl}/api/business/public`)).json()) as { slots: { tomorrow: string } };
  return body.slots.tomorrow;
}

/** Picks a chip (a radio button drawn as its label) in the phone-in dialog, e.g. 'nj-part-morning'. */
const chip = (page: Page, id: string) => page.locator(`#new-job-dialog label[for="${id}"]`).click();

async function bookByPhone(page: Page, phone: string, address: string): Promise<void> {
  await page.getByRole('button', { name: 'New phone-in job' }).click();
  const dialog = page.locator('#new-job-dialog');
  await dialog.getByLabel("Customer's mobile number").fill(phone);
  await dialog.getByLabel('Pickup address').fill(address);
  await dialog.getByRole('button', { name: 'Book it' }).click();
  await expect.poll(() => dialog.isVisible()).toBe(false);
  await page.locator('#drawer-close').click();
}

describe.skipIf(!hasChromium)('the board for a real day in Chromium (noon)', { timeout: 120_000 }, () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
    ({ page } = await openPage(browser, LAPTOP));
    await signIn(page, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the phone-in form offers no passed part of today, and books tomorrow morning with that window', async () => {
    await page.getByRole('button', { name: 'New phone-in job' }).click();
    const dialog = page.locator('#new-job-dialog');
    // At noon this morning is over: with Today chosen it cannot be picked; tomorrow it can.
    await expect.poll(() => dialog.locator('#nj-part-morning').isDisabled()).toBe(true);
    expect(await dialog.locator('#nj-when-today').isChecked()).toBe(true);
    expect(await dialog.locator('#nj-part-afternoon').isDisabled()).toBe(false);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await chip(page, 'nj-when-tomorrow');
    expect(await dialog.locator('#nj-part-morning').isDisabled()).toBe(false);
    await chip(page, 'nj-part-morning');
    await dialog.getByLabel("Customer's mobile number").fill('555 555 0161');
    await dialog.getByLabel('Pickup address').fill('61 Elm St');
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator('#drawer-close').click();

    const tomorrow = await tomorrowOf(server);
    const window = await windowOf(server, '+15555550161');
    expect(window?.start).toMatch(new RegExp(`^${tomorrow}T08:00:00`));
    expect(window?.end).toMatch(new RegExp(`^${tomorrow}T12:00:00`));
  });

  it('Today / Tomorrow / All days: as-soon-as-possible work is today, and the choice outlives refreshes and reloads', async () => {
    await bookByPhone(page, '555 555 0162', '62 Elm St');
    await bookByApi(server.baseUrl, { name: 'Ivy', phone: '555-555-0163', address: '63 Elm St', part: 'afternoon', items: 'Couch, 2 chairs' });
    await server.text('+15555550163', 'here is a photo of the couch', ['https://example.com/couch.jpg']);
    const tomorrowJob = (await server.jobFor('+15555550161')).code;
    const asap = (await server.jobFor('+15555550162')).code;
    const afternoon = (await server.jobFor('+15555550163')).code;

    // All days to start with; Today: today's afternoon and the as-soon-as-possible job, not tomorrow's.
    await card(page, tomorrowJob).waitFor();
    expect(await page.locator('#day-filter-all').isChecked()).toBe(true);
    await page.locator('#day-filter').getByText('Today').click();
    await card(page, afternoon).waitFor();
    expect(await card(page, asap).isVisible()).toBe(true);
    expect(await card(page, tomorrowJob).count()).toBe(0);
    expect(await page.locator('#day-filter-today-count').textContent()).toBe('2');
    // Cards show what to haul (once) and how many photos there are.
    expect(await card(page, afternoon).locator('.card-items').allTextContents()).toEqual(['Couch, 2 chairs']);
    await expect.poll(() => card(page, afternoon).locator('.card-photos').textContent()).toBe('1 photo');

    await page.locator('#day-filter').getByText('Tomorrow').click();
    await card(page, tomorrowJob).waitFor();
    expect(await card(page, asap).count()).toBe(0);
    expect(await column(page, 'ready_for_pickup').locator('.column-empty').textContent()).toBe('Nothing tomorrow');

    // A booking that lands meanwhile is drawn by the 5 s refresh; the filter stays on Tomorrow.
    await bookByApi(server.baseUrl, { name: 'Jo', phone: '555-555-0164', address: '64 Elm St', day: await tomorrowOf(server), part: 'evening' });
    const evening = (await server.jobFor('+15555550164')).code;
    await expect.poll(() => card(page, evening).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.locator('#day-filter-tomorrow').isChecked()).toBe(true);
    expect(await card(page, asap).count()).toBe(0);

    await page.reload();
    await card(page, evening).waitFor();
    expect(await page.locator('#day-filter-tomorrow').isChecked()).toBe(true);

    await page.locator('#day-filter').getByText('All days').click();
    await card(page, asap).waitFor();
    expect(await page.locator('#board .job-card').count()).toBe(4);
  });

  it('on a desktop the columns share its width, and nothing scrolls sideways', async () => {
    const widths = await page.locator('#board .column:not(.collapsed)').evaluateAll((columns) => columns.map((c) => c.getBoundingClientRect().width));
    expect(widths).toHaveLength(4);
    // 1440 px less the two folded columns and gaps, in four: about 260 px each (narrow fixed columns were 224).
    for (const width of widths) expect(width).toBeGreaterThan(250);
    const board = await page.locator('#board').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(board.scroll).toBeLessThanOrEqual(board.client);
    expect(await page.locator('[role="tablist"]').count()).toBe(0);
    expect(await seriousA11yProblems(page)).toEqual([]);
  });

  it('on a phone: one column at a time under status tabs with counts, by touch and by keyboard', async () => {
    await page.setViewportSize(PHONE);
    const tabs = page.getByRole('tablist', { name: 'Jobs by status' });
    await tabs.waitFor();
    expect(await tabs.getByRole('tab').count()).toBe(6);
    const booked = tabs.getByRole('tab', { name: /^Booked/ });
    expect(await booked.getAttribute('aria-selected')).toBe('true');
    expect(await booked.textContent()).toBe('Booked 4');
    expect(await page.locator('#board [role="tabpanel"]:visible').count()).toBe(1);
    expect(await page.locator('#board [role="tabpanel"]:visible').getAttribute('aria-labelledby')).toBe('tab-booking_confirmed');
    const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    expect(page_.scroll).toBeLessThanOrEqual(page_.width);
    expect(await seriousA11yProblems(page)).toEqual([]);

    // Move a job on with its card's button, then follow it with the tab.
    const code = (await server.jobFor('+15555550162')).code;
    await card(page, code).getByRole('button', { name: `Move ${code} to Ready for pickup` }).click();
    await expect.poll(() => tabs.getByRole('tab', { name: /^Ready for pickup/ }).textContent()).toBe('Ready for pickup 1');
    await tabs.getByRole('tab', { name: /^Ready for pickup/ }).click();
    await card(page, code).waitFor();
    expect(await column(page, 'booking_confirmed').isVisible()).toBe(false);

    // Keyboard: arrows move between tabs and show the column; one tab is in the Tab order.
    await tabs.getByRole('tab', { name: /^Ready for pickup/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-en_route');
    expect(await tabs.getByRole('tab', { name: /^Crew on the way/ }).getAttribute('aria-selected')).toBe('true');
    expect(await column(page, 'en_route').isVisible()).toBe(true);
    expect(await column(page, 'en_route').locator('.column-empty').textContent()).toBe('Nothing here');
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-booking_confirmed');
    expect(await tabs.locator('[tabindex="0"]').count()).toBe(1);
    // The chosen tab outlives a reload.
    await page.keyboard.press('End');
    await page.reload();
    await expect.poll(() => tabs.getByRole('tab', { name: /^Cancelled/ }).getAttribute('aria-selected')).toBe('true');
    await page.setViewportSize(LAPTOP);
  });
});

describe.skipIf(!hasChromium)('the phone-in form at 10 PM business time', { timeout: 90_000 }, () => {
  const zone = zoneAtHour(22);
  let server: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLocalServer({ zone });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('starts on tomorrow morning with Today unavailable, and books that window; the board files it under Tomorrow', async () => {
    const { context, page, errors } = await openPage(browser, LAPTOP, { zone });
    await signIn(page, server.baseUrl);
    await page.getByRole('button', { name: 'New phone-in job' }).click();
    const dialog = page.locator('#new-job-dialog');
    await expect.poll(() => dialog.locator('#nj-when-tomorrow').isChecked()).toBe(true);
    expect(await dialog.locator('#nj-when-today').isDisabled()).toBe(true);
    expect(await dialog.locator('#nj-part-morning').isChecked()).toBe(true);
    await dialog.getByLabel("Customer's mobile number").fill('555 555 0171');
    await dialog.getByLabel('Pickup address').fill('71 Night Rd');
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.locator('#drawer-close').click();

    const tomorrow = await tomorrowOf(server);
    expect((await windowOf(server, '+15555550171'))?.start).toMatch(new RegExp(`^${tomorrow}T08:00:00`));
    const code = (await server.jobFor('+15555550171')).code;
    await page.locator('#day-filter').getByText('Today').click();
    await expect.poll(() => page.locator('#day-filter-today-count').textContent()).toBe('0');
    expect(await card(page, code).count()).toBe(0);
    await page.locator('#day-filter').getByText('Tomorrow').click();
    await card(page, code).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
