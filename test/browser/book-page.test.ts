/**
 * The booking and landing pages on a phone (390×844), in English and Spanish: the business's name and number, the
 * first day and part of the day offered is the next one still possible (at 10 PM: tomorrow morning), and the
 * confirmation says when in words and links to the track page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  hasChromium,
  launchChromium,
  openPage,
  PHONE,
  screenshot,
  seriousA11yProblems,
  startLocalServer,
  zoneAtHour,
  type LocalServer,
} from './support';

describe.skipIf(!hasChromium)('the booking and landing pages on a phone, at midday', { timeout: 90_000 }, () => {
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

  it('shows the business, starts on today at any time, and offers no part of today that has passed', async () => {
    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/book/soderblom-ave`);
    await expect.poll(() => page.locator('.brand .contact-name').textContent()).toBe('QuickDumpNow');
    expect(await page.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+15555550100');
    expect(await page.getByRole('link', { name: 'Text' }).getAttribute('href')).toBe('sms:+15555550100');
    // About noon in the business zone: the morning is over, the afternoon is not.
    await expect.poll(() => page.getByLabel('Morning').isDisabled()).toBe(true);
    expect(await page.getByLabel('Today').isChecked()).toBe(true);
    expect(await page.getByLabel('Any time').isChecked()).toBe(true);
    expect(await page.getByLabel('Afternoon').isDisabled()).toBe(false);
    await page.getByText('Tomorrow', { exact: true }).click();
    expect(await page.getByLabel('Morning').isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('books, and the confirmation says when in words and links to the track page', async () => {
    const { context, page, errors } = await openPage(browser, PHONE);
    await page.goto(`${server.baseUrl}/book/soderblom-ave`);
    await expect.poll(() => page.getByLabel('Pickup address').inputValue()).toBe('Soderblom Ave');
    await page.getByLabel('Your name').fill('Dana Whitfield');
    await page.getByLabel('Mobile number').fill('(555) 555-0171');
    await page.getByLabel('Pickup address').fill('1801 Soderblom Ave');
    await page.getByText('Tomorrow', { exact: true }).click();
    await page.getByText('Afternoon').click();
    await page.getByLabel('What needs hauling?').fill('Old couch and 6 bags of yard waste');
    await screenshot(page, 'book-phone-form');
    await page.getByRole('button', { name: 'Book my pickup' }).click();

    await expect.poll(() => page.locator('#done').isVisible()).toBe(true);
    expect(await page.locator('#done-when').textContent()).toBe("We'll come tomorrow, 12–5 PM.");
    const code = (await page.locator('#done-code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'book-phone-booked');
    await page.getByRole('link', { name: 'Follow your pickup' }).click();
    await page.waitForURL(`${server.baseUrl}/track/**`);
    await expect.poll(() => page.locator('#code').textContent()).toBe(`Job ${code}`);
    expect(await page.locator('#window').textContent()).toBe('Tomorrow, 12–5 PM');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('speaks Spanish in a Spanish browser, and the job (its track page) follows', async () => {
    const { context, page, errors } = await openPage(browser, PHONE, { locale: 'es-MX' });
    await page.goto(`${server.baseUrl}/book/elm-st`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Reserve una recogida de trastos');
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    await expect.poll(() => page.getByRole('link', { name: 'Llamar' }).getAttribute('href')).toBe('tel:+15555550100');
    await page.getByRole('button', { name: 'Reservar mi recogida' }).click();
    await expect.poll(() => page.locator('#name-error').textContent()).toBe('Díganos su nombre (hasta 80 caracteres).');
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, 'book-phone-es-errors');

    await page.getByLabel('Su nombre').fill('Lucía Fernández');
    await page.getByLabel('Número de celular').fill('555 555 0172');
    await page.getByLabel('Dirección de recogida').fill('40 Elm St');
    await page.getByText('Mañana', { exact: true }).click();
    await page.getByText('Por la mañana').click();
    await page.getByRole('button', { name: 'Reservar mi recogida' }).click();
    await expect.poll(() => page.locator('#done').isVisible()).toBe(true);
    expect(await page.locator('#done-title').textContent()).toBe('¡Reserva hecha!');
    expect(await page.locator('#done-when').textContent()).toBe('Iremos: mañana, de 8 a. m. a 12 p. m.');
    expect(await page.locator('#done-code-line').textContent()).toMatch(/^Su código de trabajo es [2-9A-HJ-NP-Z]{4}\./);
    await screenshot(page, 'book-phone-es-booked');
    await page.getByRole('link', { name: 'Seguir mi recogida' }).click();
    await page.waitForURL(`${server.baseUrl}/track/**`);
    await expect.poll(() => page.locator('#status').textContent()).toBe('Reservada');
    expect((await server.jobFor('+15555550172')).status).toBe('booking_confirmed');
    expect(errors).toEqual([]);
    await context.close();
  });

  it.each([
    { locale: 'en-US', title: 'Junk pickup, booked by text', textUs: 'Text us at', book: 'Book online instead' },
    { locale: 'es-MX', title: 'Recogida de trastos, reservada por mensaje', textUs: 'Escríbanos al', book: 'O reserve en línea' },
  ])('the landing page gives the number to text, what we take and a link to book ($locale)', async ({ locale, title, textUs, book }) => {
    const { context, page, errors } = await openPage(browser, PHONE, { locale });
    await page.goto(server.baseUrl);
    await expect.poll(() => page.locator('#text-card').isVisible()).toBe(true);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await page.locator('.text-us').textContent()).toContain(textUs);
    const number = page.locator('#text-card a');
    expect(await number.textContent()).toBe('(555) 555-0100');
    expect(await number.getAttribute('href')).toBe('sms:+15555550100');
    expect(await page.getByRole('link', { name: book }).getAttribute('href')).toBe('/book.html');
    expect(await page.locator('.takes li').count()).toBe(4);
    // No dispatcher link for customers; the local build keeps a link to the /dev simulator (the deployed one does
    // not: test/scripts/build.test.ts).
    expect(await page.locator('a[href="/dashboard"]').count()).toBe(0);
    expect(await page.locator('a[href="/dev"]').count()).toBe(1);
    expect(await seriousA11yProblems(page)).toEqual([]);
    await screenshot(page, `index-phone-${locale}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!hasChromium)('the booking page at 10 PM business time', { timeout: 90_000 }, () => {
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

  it('starts on tomorrow morning, and today cannot be chosen', async () => {
    const { context, page, errors } = await openPage(browser, PHONE, { zone });
    await page.goto(`${server.baseUrl}/book/oak-st`);
    await expect.poll(() => page.getByLabel('Tomorrow').isChecked()).toBe(true);
    expect(await page.getByLabel('Morning').isChecked()).toBe(true);
    expect(await page.getByLabel('Today').isDisabled()).toBe(true);
    await page.getByLabel('Your name').fill('Night Owl');
    await page.getByLabel('Mobile number').fill('555-555-0173');
    await page.getByLabel('Pickup address').fill('12 Oak St');
    await page.getByRole('button', { name: 'Book my pickup' }).click();
    await expect.poll(() => page.locator('#done-when').textContent()).toBe("We'll come tomorrow, 8 AM–12 PM.");
    expect(errors).toEqual([]);
    await context.close();
  });
});
