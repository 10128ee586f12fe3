/**
 * The tracking page on a phone (390×844), in English and Spanish: the business's name and number with tap-to-call
 * and tap-to-text, the crew's first name and ETA once they are on the way, the confirmed mark, Cancel and
 * Reschedule (which text the customer and email the crew like the SMS commands), the receipt once done (print
 * friendly), and a not-found page that still says how to reach the business.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { clockInWords } from '../../domain/page-words';
import type { Job } from '../../domain/jobs-document';
import { updateJobs } from '../../handlers/state';
import {
  hasChromium,
  launchChromium,
  openPage,
  PHONE,
  SAM,
  screenshot,
  seriousA11yProblems,
  startLocalServer,
  type LocalServer,
} from './support';

describe.skipIf(!hasChromium)('the tracking page on a phone', { timeout: 90_000 }, () => {
  let server: LocalServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startLocalServer({ crew: [SAM] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Sets fields on the customer's job as other parts of the product would (ETA from "omw 20 min", YES, language). */
  async function patchJob(phone: string, patch: Partial<Job>): Promise<void> {
    await updateJobs(server.deps.store, (doc) => {
      const job = Object.values(doc.jobs).find((candidate) => candidate.customer.phone === phone)!;
      return { doc: { ...doc, jobs: { ...doc.jobs, [job.id]: { ...job, ...patch } } }, result: null };
    });
  }

  async function bookByText(phone: string, text: string): Promise<{ code: string; url: string }> {
    await server.text(phone, text);
    const job = await server.jobFor(phone);
    return { code: job.code, url: `${server.baseUrl}/track/${job.token}` };
  }

  it('shows the business, the crew first name, the ETA and the confirmed mark once the crew is on the way', async () => {
    const phone = '+15555550161';
    const { code, url } = await bookByText(phone, 'tomorrow morning, 1801 Soderblom Ave');
    await server.text(SAM.phone, `claim ${code}`);
    // Tomorrow's job: heading out today takes an explicit "now".
    await server.text(SAM.phone, `omw ${code} now`);
    const eta = new Date(Date.now() + 20 * 60_000).toISOString();
    await patchJob(phone, { eta, confirmedAt: new Date().toISOString() });

    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Crew on the way');
    expect(await page.locator('.brand .contact-name').textContent()).toBe('QuickDumpNow');
    expect(await page.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+15555550100');
    expect(await page.getByRole('link', { name: 'Text' }).getAttribute('href')).toBe('sms:+15555550100');
    expect(await page.locator('.brand .contact-number').textContent()).toBe('(555) 555-0100');
    expect(await page.locator('#crew-line').textContent()).toBe('Sam is on the way');
    expect(await page.locator('#eta').textContent()).toBe(`Arriving around ${clockInWords(eta, server.deps.config.businessTz, 'en')}`);
    expect(await page.locator('#confirmed').isVisible()).toBe(true);
    // On the way: the time can no longer be changed online, but the pickup can still be cancelled.
    expect(await page.getByRole('button', { name: 'Change the time' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Cancel pickup' }).isVisible()).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'track-phone-on-the-way');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves the pickup to a new day and part of the day, texting the customer and emailing the crew', async () => {
    const phone = '+15555550162';
    const { code, url } = await bookByText(phone, 'tomorrow morning, 12 Oak St');
    await server.text(SAM.phone, `claim ${code}`);
    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(url);
    await expect.poll(() => page.locator('#window').textContent()).toMatch(/^Tomorrow, 8 AM–12 PM$/);

    await page.getByRole('button', { name: 'Change the time' }).click();
    const inTwoDays = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 2);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel('New day').fill(inTwoDays);
    await page.getByText('Afternoon', { exact: true }).click();
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'track-phone-reschedule');
    await page.getByRole('button', { name: 'Save new time' }).click();

    await expect.poll(() => page.locator('#action-status').textContent()).toMatch(/^Updated: your pickup is .*12-5 PM/);
    expect(await page.locator('#window').textContent()).toMatch(/12–5 PM$/);
    expect(await page.locator('#reschedule-form').isVisible()).toBe(false);
    await expect.poll(async () => (await server.sms()).some((sms) => sms.to === phone && sms.body.startsWith('Updated: your pickup is'))).toBe(true);
    await expect.poll(async () => (await server.email()).some((mail) => mail.to === SAM.email && mail.subject === `Changed: ${code} · 12 Oak St`)).toBe(true);

    // The same words a text accepts.
    await page.getByRole('button', { name: 'Change the time' }).click();
    await page.getByLabel('Or say it in your own words').fill('tomorrow evening');
    await page.getByRole('button', { name: 'Save new time' }).click();
    await expect.poll(() => page.locator('#window').textContent()).toBe('Tomorrow, 5–8 PM');

    // Words with no time in them are refused next to the field, and nothing changes.
    await page.getByRole('button', { name: 'Change the time' }).click();
    await page.getByLabel('Or say it in your own words').fill('whenever works');
    await page.getByRole('button', { name: 'Save new time' }).click();
    await expect.poll(() => page.locator('#text-error').textContent()).toMatch(/could not read a day or time/);
    expect(await page.locator('#window').textContent()).toBe('Tomorrow, 5–8 PM');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('cancels after asking once, texting the customer and emailing the crew', async () => {
    const phone = '+15555550163';
    const { code, url } = await bookByText(phone, 'tomorrow afternoon, 40 Elm St');
    await server.text(SAM.phone, `claim ${code}`);
    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(url);
    await page.getByRole('button', { name: 'Cancel pickup' }).click();
    await expect.poll(() => page.locator('#cancel-ask').textContent()).toBe(`Cancel pickup ${code}? The crew will be told.`);
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(await page.locator('#cancel-confirm').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Cancel pickup' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toBe('Cancelled');
    expect(await page.locator('#action-status').textContent()).toMatch(/^Your pickup at .* is cancelled\. Text us anytime to book again\.$/);
    expect(await page.locator('#action-status').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel pickup' }).isVisible()).toBe(false);
    expect((await server.jobFor(phone)).status).toBe('cancelled');
    await expect.poll(async () => (await server.sms()).filter((sms) => sms.to === phone && /is cancelled/.test(sms.body)).length).toBe(1);
    await expect.poll(async () => (await server.email()).some((mail) => mail.to === SAM.email && mail.subject === `Cancelled: ${code} · 40 Elm St`)).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the price and a printable receipt once the job is done', async () => {
    const phone = '+15555550164';
    const { code, url } = await bookByText(phone, 'today, 7 Birch Rd');
    await patchJob(phone, { items: 'Old couch, 6 bags of yard waste' });
    await server.text(SAM.phone, `claim ${code}`);
    await server.text(SAM.phone, `price ${code} 450`);
    await server.text(phone, 'YES');
    for (const step of ['omw', 'here', 'done']) await server.text(SAM.phone, `${step} ${code} now`);

    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('All done');
    expect(await page.locator('#price').textContent()).toBe('$450');
    expect(await page.locator('#crew-line').textContent()).toBe('Done by Sam');
    const receipt = page.locator('#receipt');
    expect(await receipt.isVisible()).toBe(true);
    expect(await page.locator('#r-code').textContent()).toBe(code);
    expect(await page.locator('#r-items').textContent()).toBe('Old couch, 6 bags of yard waste');
    expect(await page.locator('#r-address').textContent()).toBe('7 Birch Rd');
    expect(await page.locator('#r-crew').textContent()).toBe('Sam');
    expect(await page.locator('#r-total').textContent()).toBe('$450');
    expect(await page.locator('#r-done').textContent()).toMatch(/\d{4}, \d{1,2}:\d{2} (AM|PM)$/);
    expect(await page.getByRole('button', { name: 'Print receipt' }).isVisible()).toBe(true);
    expect(await page.locator('#actions').isVisible()).toBe(false);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'track-phone-receipt');

    // On paper: the business and the receipt, without the buttons and the timeline.
    await page.emulateMedia({ media: 'print' });
    expect(await receipt.isVisible()).toBe(true);
    expect(await page.locator('.brand .contact-name').isVisible()).toBe(true);
    for (const hidden of ['#progress', '#job', '#print', '.contact']) expect(await page.locator(hidden).first().isVisible()).toBe(false);
    await screenshot(page, 'track-phone-receipt-print');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks Spanish for a Spanish-speaking customer, even in an English browser', async () => {
    const phone = '+15555550165';
    const { code, url } = await bookByText(phone, 'tomorrow morning, 9 Pine St');
    await server.text(SAM.phone, `claim ${code}`);
    await server.text(SAM.phone, `omw ${code} now`);
    const eta = new Date(Date.now() + 25 * 60_000).toISOString();
    await patchJob(phone, { language: 'es', eta, confirmedAt: new Date().toISOString() });

    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(url);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Equipo en camino');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await page.locator('h1').textContent()).toBe('Su recogida');
    expect(await page.locator('#crew-line').textContent()).toBe('Sam va en camino');
    expect(await page.locator('#eta').textContent()).toBe(`Llegada hacia las ${clockInWords(eta, server.deps.config.businessTz, 'es')}`);
    expect(await page.locator('#confirmed').textContent()).toContain('Usted confirmó esta recogida');
    expect(await page.locator('#window').textContent()).toBe('Mañana, de 8 a. m. a 12 p. m.');
    expect(await page.getByRole('link', { name: 'Llamar' }).getAttribute('href')).toBe('tel:+15555550100');
    expect(await page.getByRole('button', { name: 'Cancelar recogida' }).isVisible()).toBe(true);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'track-phone-es');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    { locale: 'en-US', notFound: 'We could not find this pickup', call: 'Call' },
    { locale: 'es-MX', notFound: 'No encontramos esta recogida', call: 'Llamar' },
  ])('a link that leads nowhere still says how to reach the business ($locale)', async ({ locale, notFound, call }) => {
    const { context, page, errors } = await openPage(browser, PHONE, { locale });
    await page.goto(`${server.baseUrl}/track/NoSuchToken_0123456789abc`);
    await expect.poll(() => page.locator('#not-found').isVisible()).toBe(true);
    expect(await page.locator('#not-found').textContent()).toContain(notFound);
    expect(await page.locator('#not-found .contact-name').textContent()).toBe('QuickDumpNow');
    expect(await page.locator('#not-found .contact-number').textContent()).toBe('(555) 555-0100');
    expect(await page.getByRole('link', { name: call }).getAttribute('href')).toBe('tel:+15555550100');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, `track-phone-not-found-${locale}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
