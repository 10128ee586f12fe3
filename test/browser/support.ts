/**
 * Shared setup for the browser tests: the real local app (createLocalApp: the HTTP app, the pages through the real
 * edge function, the /dev simulator) served on 127.0.0.1 with a temp file store and outbox files, and Debian's
 * Chromium driven by playwright-core. Without /usr/bin/chromium the suites skip with one line saying how to get it.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { serve } from '@hono/node-server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CrewMember } from '../../domain/crew';
import { hashPassword } from '../../handlers/auth/password';
import { parseConfig } from '../../handlers/config';
import type { Deps } from '../../handlers/deps';
import { createLocalApp } from '../../handlers/local-app';
import { readOutboxFile, type EmailLine, type SmsLine } from '../../handlers/outbox-files';
import { readJobs } from '../../handlers/state';
import { depsFromConfig } from '../../handlers/wiring';
import { buildPages } from '../../handlers/build-pages';
import { sendText } from '../../scripts/text';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) console.warn('Browser tests skipped: no /usr/bin/chromium. Install it with: apt-get install -y chromium');

export const DISPATCHER_PASSWORD = 'haul-it-all-away-2025';
export const SCREENSHOTS = path.resolve('test-artifacts/screenshots');
/** An iPhone 12-14 sized viewport: the booking and tracking pages are used on phones. */
export const PHONE = { width: 390, height: 844 } as const;
export const LAPTOP = { width: 1440, height: 900 } as const;

export const SAM: CrewMember = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };
export const ALEX: CrewMember = { name: 'Alex Chen', phone: '+15555550102', email: 'alex@example.com', roles: ['first_mate', 'supervisor'] };

/**
 * A fixed-offset zone where it is about noon right now. The server's business zone and the browser's zone are both
 * set to it, so quiet hours (21:00-08:00: quotes and confirmations wait) never hold a text the test expects, "today"
 * and "tomorrow" mean the same day to the page and the server, and the run does not depend on the hour it starts.
 * @example middayZone(new Date('2025-06-02T03:00:00Z')) // 'Etc/GMT-9' (UTC+9: 12:00 there)
 */
export function middayZone(now: Date = new Date()): string {
  const offset = 12 - now.getUTCHours();
  // IANA's Etc zones are named with the sign inverted: Etc/GMT-9 is nine hours AHEAD of UTC.
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}
const ZONE = middayZone();

let pagesDir: Promise<string> | null = null;
/** The pages, built once per test file into a temp folder (esbuild: well under a second). */
function builtPages(): Promise<string> {
  pagesDir ??= (async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sd-pages-'));
    await buildPages(dir);
    return dir;
  })();
  return pagesDir;
}

/** A free TCP port on 127.0.0.1 (needed before serving: PUBLIC_BASE_URL must name the URL Twilio "posts" to). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface LocalServer {
  readonly baseUrl: string;
  readonly dataDir: string;
  readonly deps: Deps;
  /** Texts the bot as `from`, signed like Twilio; returns the reply text. */
  text(from: string, body: string, media?: string[]): Promise<string>;
  sms(): Promise<SmsLine[]>;
  email(): Promise<EmailLine[]>;
  /** The one job for this customer phone, as stored. */
  jobFor(phone: string): Promise<{ id: string; code: string; token: string; status: string }>;
  close(): Promise<void>;
}

/** Starts the local app as `npm start` would, with a known dashboard password and (optionally) a crew roster. */
export async function startLocalServer(options: { crew?: CrewMember[] } = {}): Promise<LocalServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sd-data-'));
  if (options.crew) await writeFile(path.join(dataDir, 'crew.json'), JSON.stringify({ crew: options.crew }, null, 1));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = parseConfig(
    {
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_BASE_URL: baseUrl,
      DASHBOARD_PASSWORD_HASH: await hashPassword(DISPATCHER_PASSWORD),
      SESSION_SECRET: 'browser-test-session-secret-0123456789abcdef',
      BUSINESS_TZ: ZONE,
    },
    { local: true },
  );
  const deps = depsFromConfig(config, { log: () => {} });
  const { app } = await createLocalApp(deps, { pagesDir: await builtPages() });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    baseUrl,
    dataDir,
    deps,
    async text(from, body, media = []) {
      const result = await sendText({ baseUrl, authToken: config.twilio.authToken, from, to: '+15555550100', body, media });
      expect(result.status).toBe(200);
      return result.reply;
    },
    sms: () => readOutboxFile(dataDir, 'sms'),
    email: () => readOutboxFile(dataDir, 'email'),
    async jobFor(phone) {
      const { doc } = await readJobs(deps.store);
      const jobs = Object.values(doc.jobs).filter((job) => job.customer.phone === phone);
      expect(jobs).toHaveLength(1);
      return jobs[0]!;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh browser context (own cookies) and page; page errors and dialogs are collected for assertions. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = LAPTOP,
): Promise<{ context: BrowserContext; page: Page; errors: string[]; dialogs: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'en-US', timezoneId: ZONE });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, errors, dialogs };
}

/** Signs in on /dashboard and waits for the board. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/dashboard`);
  await page.getByLabel('Dispatcher password').fill(DISPATCHER_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#board .column').first().waitFor();
}

/** The board column (a <section data-status>) for a status. */
export const column = (page: Page, status: string) => page.locator(`#board .column[data-status="${status}"]`);
export const card = (page: Page, code: string) => page.locator(`#board .job-card[data-code="${code}"]`);

/** Books through the public API as the booking page does (JSON, no session). */
export async function bookByApi(baseUrl: string, booking: Record<string, string>): Promise<{ trackingUrl: string; code: string }> {
  const response = await fetch(`${baseUrl}/api/book`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify(booking),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { trackingUrl: string; code: string };
}

/** axe-core scan; returns the serious and critical violations as readable lines (expect them to equal []). */
export async function seriousA11yProblems(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}
