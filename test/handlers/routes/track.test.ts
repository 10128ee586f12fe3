import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, createHarness, type Harness } from '../../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(async () => {
  await h.close();
});

async function bookAndToken(from: string, body: string): Promise<string> {
  await h.text(from, body);
  const job = Object.values((await h.doc()).doc.jobs).find((j) => j.customer.phone === from)!;
  return job.token;
}

describe('GET /api/track/:token', () => {
  it('shows the customer their job: status, label, window in words, location and history', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const response = await h.app.request(`${BASE_URL}/api/track/${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const body = await response.json();
    expect(body).toMatchObject({
      businessName: 'QuickDumpNow',
      timeZone: 'America/Chicago',
      status: 'ready_for_pickup',
      label: 'Ready for pickup',
      windowText: 'Today, 12–5 PM',
      location: 'Soderblom Ave',
      priceCents: null,
    });
    expect(body.history).toEqual([{ at: '2026-06-04T14:30:00.000Z', status: 'ready_for_pickup', label: 'Ready for pickup' }]);
  });

  it('never reveals a phone number, a message or crew contact details', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const text = await (await h.app.request(`${BASE_URL}/api/track/${token}`)).text();
    expect(text).not.toContain('5555550123');
    expect(text).not.toContain('ready this afternoon');
    expect(Object.keys(JSON.parse(text)).sort()).toEqual(
      ['businessName', 'code', 'history', 'label', 'location', 'priceCents', 'status', 'timeZone', 'updatedAt', 'window', 'windowText'].sort(),
    );
  });

  it('shows only the job the token belongs to, never another customer\'s', async () => {
    const mine = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    await bookAndToken('+15555550124', 'tomorrow morning, 12 Oak St');
    const body = await (await h.app.request(`${BASE_URL}/api/track/${mine}`)).json();
    expect(body.location).toBe('Soderblom Ave');
  });

  it.each([['an unknown token', 'Zz9_unknown_token_xxxxxxx'], ['a malformed token', '..%2F..%2Fjobs.json'], ['a short token', 'abc']])(
    'answers 404 JSON for %s',
    async (_name, token) => {
      const response = await h.app.request(`${BASE_URL}/api/track/${token}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'Job not found, or this tracking link is no longer valid.' });
    },
  );

  it('answers /healthz with 200', async () => {
    const response = await h.app.request(`${BASE_URL}/healthz`);
    expect(response.status).toBe(200);
  });
});

describe('GET /api/track/:token is cheap for anyone to call', () => {
  it('answers 304 with no body to a page that already has the current answer, and 200 once the job changes', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const first = await h.app.request(`${BASE_URL}/api/track/${token}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const again = await h.app.request(`${BASE_URL}/api/track/${token}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    await h.text('+15555550123', 'actually tomorrow morning');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // the snapshot is reused for up to 1 s
    const changed = await h.app.request(`${BASE_URL}/api/track/${token}`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ windowText: 'Tomorrow, 8 AM–12 PM' });
  });

  it('each client address may ask 120 times a minute; the 121st → 429 with Retry-After, others unaffected', async () => {
    const token = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    const from = (ip: string) => h.app.request(`${BASE_URL}/api/track/${token}`, {}, { incoming: { socket: { remoteAddress: ip } } });
    for (let i = 0; i < 120; i++) expect((await from('198.51.100.7')).status).toBe(200);
    const blocked = await from('198.51.100.7');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('203.0.113.9')).status).toBe(200);
  });
});

describe('a job booked a moment ago', () => {
  it('is found at once, even right after another tracking request filled the cache', async () => {
    const first = await bookAndToken('+15555550123', 'ready this afternoon, Soderblom Ave');
    expect((await h.app.request(`${BASE_URL}/api/track/${first}`)).status).toBe(200);
    const second = await bookAndToken('+15555550124', 'tomorrow morning, 12 Oak St');
    expect((await h.app.request(`${BASE_URL}/api/track/${second}`)).status).toBe(200);
  });
});
