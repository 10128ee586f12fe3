/**
 * The dispatcher fixing what the bot could not, in Chromium: a phone-in booking, editing a job's time, place,
 * notes and crew in the drawer, marking a text handled, cancelling behind a confirmation, and the finished columns
 * that fold away. Outcomes are checked where they land: jobs.json and the outbox files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { readJobs } from '../../handlers/state';
import {
  ALEX,
  card,
  column,
  hasChromium,
  launchChromium,
  openPage,
  SAM,
  seriousA11yProblems,
  signIn,
  startLocalServer,
  type LocalServer,
} from './support';

const CUSTOMER = '+15555550144';

describe.skipIf(!hasChromium)('the dashboard drawer in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;
  let code = '';

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM, ALEX] });
    browser = await launchChromium();
    ({ page } = await openPage(browser));
    await signIn(page, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const drawer = () => page.locator('#drawer');

  it('books a job taken on the phone; the customer is texted the tracking link', async () => {
    await page.getByRole('button', { name: 'New phone-in job' }).click();
    const dialog = page.locator('#new-job-dialog');
    await dialog.getByLabel("Customer's mobile number").fill('555 555 0144');
    await dialog.getByLabel('Pickup address').fill('77 Birch Rd');
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await expect.poll(() => dialog.locator('#nj-name-error').isVisible()).toBe(false);
    expect(await dialog.locator('#nj-body-error').textContent()).toBe('');
    // Name is optional: booked as is, and the new job's drawer opens.
    await expect.poll(() => drawer().isVisible()).toBe(true);
    code = (await server.jobFor(CUSTOMER)).code;
    expect(await page.locator('#drawer-title').textContent()).toContain(code);
    expect(await card(page, code).locator('.card-who').textContent()).toBe(CUSTOMER);
    await expect.poll(async () => (await server.sms()).some((sms) => sms.to === CUSTOMER && sms.body.includes('/track/'))).toBe(true);
  });

  it('a phone-in booking without an address shows the reason next to the field', async () => {
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'New phone-in job' }).click();
    const dialog = page.locator('#new-job-dialog');
    await dialog.getByLabel("Customer's mobile number").fill('555 555 0145');
    await dialog.getByRole('button', { name: 'Book it' }).click();
    await expect.poll(() => dialog.locator('#nj-location-error').textContent()).toMatch(/address/i);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('saves a new window, address, notes and crew, and shows them on the card', async () => {
    await card(page, code).getByRole('button', { name: `Details for ${code}` }).click();
    const d = drawer();
    const tomorrow = await page.evaluate(() => {
      const t = new Date(Date.now() + 86_400_000);
      return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}-${String(t.getDate()).padStart(2, '0')}`;
    });
    await d.getByLabel('Pickup address').fill('79 Birch Rd');
    await d.getByLabel('Day', { exact: true }).fill(tomorrow);
    await d.getByLabel('From', { exact: true }).fill('09:00');
    await d.getByLabel('To', { exact: true }).fill('11:00');
    await d.getByLabel(/^Notes/).fill('Gate code 4411');
    await d.getByLabel('Driver').selectOption(SAM.phone);
    await d.getByLabel('First mate').selectOption(ALEX.phone);
    await d.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => d.locator('.drawer-status').textContent()).toBe('Saved.');

    await expect.poll(() => card(page, code).locator('.card-when').textContent()).toBe('Tomorrow, 9–11 AM');
    expect(await card(page, code).locator('.card-where').textContent()).toBe('79 Birch Rd');
    expect(await card(page, code).locator('.card-crew').textContent()).toBe('Driver: Sam Rivera · First mate: Alex Chen');
    const { doc } = await readJobs(server.deps.store);
    const job = Object.values(doc.jobs).find((candidate) => candidate.code === code)!;
    expect([job.location, job.notes, job.crew.driver, job.crew.first_mate]).toEqual(['79 Birch Rd', 'Gate code 4411', SAM.phone, ALEX.phone]);
  });

  it('an impossible window is explained next to the fields and nothing is saved', async () => {
    const d = drawer();
    await d.getByLabel('From', { exact: true }).fill('15:00');
    await d.getByLabel('To', { exact: true }).fill('14:00');
    await d.getByRole('button', { name: 'Save changes' }).click();
    expect(await d.locator('#edit-window-error').textContent()).toBe('The window must end after it starts.');
    await d.getByRole('button', { name: 'Close' }).click();
  });

  it('"Mark handled" clears the warning left by a text the bot could not answer', async () => {
    await server.text(CUSTOMER, 'do you take paint cans');
    await expect.poll(() => card(page, code).locator('.warn').textContent(), { timeout: 8_000 }).toContain('Customer text needs an answer');
    await card(page, code).getByRole('button', { name: `Details for ${code}` }).click();
    await drawer().getByRole('button', { name: 'Mark handled' }).click();
    await expect.poll(() => card(page, code).locator('.warn').count()).toBe(0);
    expect(await drawer().getByRole('button', { name: 'Mark handled' }).count()).toBe(0);
  });

  it('cancelling asks first, then texts the customer and moves the card to the folded Cancelled column', async () => {
    const d = drawer();
    await d.getByRole('button', { name: 'Cancel job…' }).click();
    await d.getByRole('button', { name: 'Keep it' }).click();
    expect((await server.jobFor(CUSTOMER)).status).toBe('booking_confirmed');

    await d.getByRole('button', { name: 'Cancel job…' }).click();
    await d.getByRole('button', { name: `Yes, cancel ${code}` }).click();
    await expect.poll(() => d.locator('.drawer-status').textContent()).toBe(`${code} cancelled.`);
    expect((await server.jobFor(CUSTOMER)).status).toBe('cancelled');
    await expect.poll(async () => (await server.sms()).some((sms) => sms.to === CUSTOMER && /has cancelled your pickup/.test(sms.body))).toBe(true);
    // Finished jobs keep their time, place, crew and price.
    expect(await d.getByLabel('Pickup address').isDisabled()).toBe(true);
    await d.getByRole('button', { name: 'Close' }).click();

    const cancelled = column(page, 'cancelled');
    expect(await cancelled.locator('.column-count').textContent()).toBe('1');
    expect(await card(page, code).count()).toBe(0);
    await cancelled.getByRole('button', { name: 'Show cancelled jobs' }).click();
    await expect.poll(() => card(page, code).isVisible()).toBe(true);
    expect(await card(page, code).locator('button.move').count()).toBe(0);
    await cancelled.getByRole('button', { name: 'Hide cancelled jobs' }).click();
    await expect.poll(() => card(page, code).count()).toBe(0);
  });
});
