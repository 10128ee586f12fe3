/**
 * The dispatcher's inbox on a phone and the roster editor, in Chromium with axe: a customer text that needs a
 * person, answered from the business number; a roster entry fixed field by field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, openPage, PHONE, SAM, screenshot, seriousA11yProblems, signIn, startLocalServer, type LocalServer } from './support';

const CUSTOMER = '+15555550177';

describe.skipIf(!hasChromium)('the inbox and the roster editor in Chromium', () => {
  let server: LocalServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
    ({ page } = await openPage(browser, PHONE));
    await signIn(page, server.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('on a phone: the needs-a-reply link opens the thread; the dispatcher answers with a canned reply', async () => {
    await server.text(CUSTOMER, 'ready tomorrow morning, 12 Oak St');
    await server.text(CUSTOMER, 'can you also take a piano?');

    await page.goto(`${server.baseUrl}/dashboard#thread=${encodeURIComponent(CUSTOMER)}`);
    const inbox = page.locator('#inbox');
    await expect.poll(() => inbox.isVisible()).toBe(true);
    await expect.poll(() => inbox.getByText('can you also take a piano?').isVisible()).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await inbox.getByRole('button', { name: 'Yes, we can take that.' }).click();
    await inbox.getByRole('button', { name: 'Send' }).click();

    await expect
      .poll(async () => (await server.sms()).some((sms) => sms.to === CUSTOMER && sms.body.startsWith('Yes, we can take that.')))
      .toBe(true);
    await expect.poll(() => inbox.locator('.message.out').last().textContent()).toContain('dispatcher');
    await screenshot(page, 'dashboard-inbox-phone', { fullPage: false });
  });

  it('the thread list shows every phone newest first', async () => {
    await page.locator('#inbox').getByRole('button', { name: '← All threads' }).click();
    await expect.poll(() => page.locator('#inbox .thread-row').count()).toBeGreaterThan(0);
    expect(await page.locator('#inbox .thread-row').first().getAttribute('data-phone')).toBe(CUSTOMER);
    await page.locator('#inbox-close').click();
  });

  it('the roster editor adds a crew member, shows a bad phone next to its field, and saves', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Crew', exact: true }).click();
    const roster = page.locator('#roster');
    await expect.poll(() => roster.isVisible()).toBe(true);
    await roster.getByRole('button', { name: 'Add crew member' }).click();
    await roster.locator('#crew-1-name').fill('Lou Park');
    await roster.locator('#crew-1-phone').fill('555-01');
    await roster.getByRole('button', { name: 'Save roster' }).click();
    await expect.poll(() => roster.locator('#crew-1-phone-error').textContent()).toContain('must be a mobile number');
    expect(await seriousA11yProblems(page)).toEqual([]);

    await roster.locator('#crew-1-phone').fill('(555) 555-0108');
    await roster.locator('#crew-1-supervisor').check();
    await roster.getByRole('button', { name: 'Save roster' }).click();
    await expect.poll(() => roster.locator('#roster-message').textContent()).toBe('Saved.');
    await screenshot(page, 'dashboard-roster', { fullPage: false });
    const saved = (await server.deps.store.get('crew.json'))!.body;
    expect(JSON.parse(saved).crew[1]).toEqual({ name: 'Lou Park', phone: '+15555550108', email: null, roles: ['driver', 'supervisor'] });
  });
});
