import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverOutbox } from '../../handlers/deliver';
import { createHarness, type Harness } from '../support/harness';
import { faultyStore } from '../support/store-fixtures';

const CUSTOMER = '+15555550123';
const SAM = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };
let h: Harness;
let faulty: ReturnType<typeof faultyStore>;

beforeEach(async () => {
  h = await createHarness({ wrapStore: (store) => (faulty = faultyStore(store)) });
  await h.setCrew({ crew: [SAM] });
  await h.text(CUSTOMER, 'ready this afternoon, Soderblom Ave');
  const code = Object.values((await h.doc()).doc.jobs)[0]!.code;
  await h.text(SAM.phone, `claim ${code}`);
  h.sent.sms.length = 0;
});
afterEach(async () => {
  await h.close();
});

const later = (minutes: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + minutes * 60_000);
};

describe('delivering the outbox', () => {
  it('texts the customer once when the crew heads out, however many sweeps run after', async () => {
    await h.text(SAM.phone, 'omw');
    for (let i = 0; i < 3; i++) {
      later(5);
      await deliverOutbox(h.deps);
    }
    expect(h.sent.sms.filter((sms) => sms.to === CUSTOMER).map((sms) => sms.body)).toEqual([
      expect.stringMatching(/^Sam from QuickDumpNow is on the way to Soderblom Ave!/),
    ]);
  });

  it.each(['outage', 'conflict'] as const)(
    'texts the customer once when the write recording the send fails (%s), not again after the lease',
    async (kind) => {
      // The change and its claim land (first write); the write that records "sent" fails: once, or more times than
      // the old 40-attempt limit on conflicts allowed (which left the item `sending`, to be sent again after its lease).
      await h.doc(); // the set-up's own delivery records are written first, so the faults hit this text's writes
      faulty.arm({ skip: 1, count: kind === 'outage' ? 1 : 41, kind });
      await h.text(SAM.phone, 'omw');
      for (let i = 0; i < 3; i++) {
        later(5);
        await deliverOutbox(h.deps);
      }
      expect(faulty.spoiled).toBeGreaterThan(0);
      expect(h.sent.sms.filter((sms) => sms.to === CUSTOMER)).toHaveLength(1);
      const item = (await h.doc()).doc.outbox.find((entry) => entry.key.endsWith(':en_route:sms'));
      expect(item).toMatchObject({ status: 'sent', attempts: 1 });
    },
  );

  it('keeps a failed text in the outbox and sends it exactly once when a later sweep succeeds', async () => {
    h.fail.next = { ok: false, retry: true, optedOut: false, error: 'HTTP 503' };
    await h.text(SAM.phone, 'omw');
    expect(h.sent.sms).toEqual([]);
    const pending = (await h.doc()).doc.outbox.find((item) => item.key.endsWith(':en_route:sms'));
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });

    h.fail.next = null;
    await deliverOutbox(h.deps); // too early: backoff is 1 minute
    expect(h.sent.sms).toEqual([]);
    later(1);
    expect(await deliverOutbox(h.deps)).toEqual({ attempted: 1, sent: 1, failed: 0 });
    later(10);
    await deliverOutbox(h.deps);
    expect(h.sent.sms.filter((sms) => sms.to === CUSTOMER)).toHaveLength(1);
  });

  it('marks a text failed after five tries so the dispatcher sees it', async () => {
    h.fail.next = { ok: false, retry: true, optedOut: false, error: 'HTTP 500' };
    await h.text(SAM.phone, 'omw');
    for (let i = 0; i < 6; i++) {
      later(20);
      await deliverOutbox(h.deps);
    }
    const item = (await h.doc()).doc.outbox.find((entry) => entry.key.endsWith(':en_route:sms'));
    expect(item).toMatchObject({ status: 'failed', attempts: 5 });
  });

  it('stops texting a number Twilio reports as unsubscribed (21610), without retrying', async () => {
    h.fail.next = { ok: false, retry: false, optedOut: true, error: 'Twilio 21610: Attempt to send to unsubscribed recipient' };
    await h.text(SAM.phone, 'omw');
    h.fail.next = null;
    later(30);
    await deliverOutbox(h.deps);
    await h.text(SAM.phone, 'here');
    await h.text(SAM.phone, 'done');
    const { doc } = await h.doc();
    expect(doc.optOuts).toEqual([CUSTOMER]);
    expect(h.sent.sms.filter((sms) => sms.to === CUSTOMER)).toEqual([]);
    expect(doc.outbox.filter((item) => item.to === CUSTOMER).map((item) => item.status)).toEqual(['skipped', 'skipped']);
  });
});
