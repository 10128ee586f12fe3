/**
 * The /dev phone simulator as the owner uses it (issue 3, "tried as a new user would"): a customer phone and a crew
 * phone side by side complete a job from the first text to "All done", every text going through the real, signed
 * /sms webhook, and each phone showing the bot's replies and the notification texts it received.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { hasChromium, launchChromium, openPage, SAM, screenshot, startLocalServer, type LocalServer } from './support';

const CUSTOMER = '+15555550123';

/** Sends a text from a phone pane and waits until the pane shows one more received bubble (the reply). */
async function textFrom(pane: Locator, body: string): Promise<string> {
  const received = pane.locator('.bubble.received');
  const before = await received.count();
  await pane.getByLabel('Message', { exact: true }).fill(body);
  await pane.getByRole('button', { name: 'Send' }).click();
  await expect.poll(() => received.count()).toBeGreaterThan(before);
  return (await received.last().locator('.bubble-body').textContent()) ?? '';
}

describe.skipIf(!hasChromium)('/dev: a customer and a crew phone complete a job', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
    ({ page } = await openPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('opens with a customer phone and the first crew member from crew.json', async () => {
    await page.goto(`${server.baseUrl}/dev`);
    await expect.poll(() => page.locator('#phone-1-number').inputValue()).toBe(CUSTOMER);
    await expect.poll(() => page.locator('#phone-2-number').inputValue()).toBe(SAM.phone);
  });

  it('runs the whole job by text, and each phone sees what it would have received', async () => {
    const customer = page.locator('.phone').nth(0);
    const crew = page.locator('.phone').nth(1);

    expect(await textFrom(customer, 'ready this afternoon, Soderblom Ave')).toMatch(/\/track\/[A-Za-z0-9_-]{21,}/);
    const job = await server.jobFor(CUSTOMER);

    expect(await textFrom(crew, 'jobs')).toContain(job.code);
    expect(await textFrom(crew, `claim ${job.code}`)).toContain(job.code);
    await textFrom(crew, 'omw');
    await expect.poll(() => customer.locator('.bubble.received .bubble-body').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sam from QuickDumpNow is on the way/)]),
    );
    await textFrom(crew, 'here');
    await textFrom(crew, 'done');
    await expect.poll(() => customer.locator('.bubble.received .bubble-body').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^All done!/)]),
    );
    expect((await server.jobFor(CUSTOMER)).status).toBe('completed');

    // The notification texts are marked as such, apart from the bot's direct replies.
    expect(await customer.locator('.bubble.received .bubble-meta').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('notification'), expect.stringContaining('reply')]),
    );
    // The crew's new-job and claim emails are in the email outbox below.
    await expect.poll(() => page.locator('#emails .email').count()).toBeGreaterThan(0);
    expect(await page.locator('#emails').textContent()).toContain(SAM.email!);
    await screenshot(page, 'dev-simulator');
  });

  it('a text the server refuses shows the reason in the pane', async () => {
    const customer = page.locator('.phone').nth(0);
    await customer.getByLabel('Message', { exact: true }).fill('');
    await customer.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => customer.locator('[role="alert"]').textContent()).toMatch(/type a message/);
  });
});
