/**
 * Crew commands and who holds a job: the order of the jobs a crew member is on, a holder who has left the roster,
 * a supervisor the dispatcher put on as driver, and texts that name a job without a command. Driven through the
 * conversation engine like the webhook; the tests read the jobs document, the reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { ANA, day, ELM_CUSTOMER, LEE, MAX, OAK_CUSTOMER, SAM } from './crew-support';

/** Someone who drove for the business and has since left the roster. */
const GONE = '+15555550199';

describe('the jobs a crew member is on', () => {
  it('"omw" on two jobs asks which, the one booked first listed first, whatever order they were stored in', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const elm = d.book(ELM_CUSTOMER, 'ready this afternoon, 5 Elm St');
    d.text(SAM, `claim ${oak.code}`);
    d.text(SAM, `claim ${elm.code}`);
    // Elm St was booked an hour before Oak St (by phone, entered later).
    d.put({ ...d.job(elm.id), createdAt: new Date(Date.parse(oak.createdAt) - 3600_000).toISOString() });

    expect(d.text(SAM, 'omw').reply).toBe(`Which job? You're on ${elm.code}, ${oak.code}. Text e.g. 'omw ${elm.code}'.`);
  });

  it('two jobs booked at the same moment are listed in code order', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const elm = d.book(ELM_CUSTOMER, 'ready this afternoon, 5 Elm St');
    d.text(SAM, `claim ${oak.code}`);
    d.text(SAM, `claim ${elm.code}`);
    d.put({ ...d.job(elm.id), createdAt: d.job(oak.id).createdAt });
    const codes = [oak.code, elm.code].sort();

    expect(d.text(SAM, 'here').reply).toBe(`Which job? You're on ${codes.join(', ')}. Text e.g. 'here ${codes[0]}'.`);
  });
});

describe('a holder who has left the roster', () => {
  it('is named by phone number when someone else tries to move the job', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.put({ ...d.job(job.id), crew: { driver: GONE, first_mate: null, supervisor: null } });

    const { reply } = d.text(MAX, `omw ${job.code}`);

    expect(reply).toBe(`${job.code} - 12 Oak St is ${GONE}'s job: only crew on it or a supervisor can move it. Ask them or a supervisor.`);
    expect(d.job(job.id).status).toBe('ready_for_pickup');
  });

  it('is named by phone number when someone claims the slot', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.put({ ...d.job(job.id), crew: { driver: GONE, first_mate: null, supervisor: null } });

    expect(d.text(SAM, `claim ${job.code}`).reply).toBe(`${job.code} - 12 Oak St already has a driver: ${GONE}.`);
    expect(d.job(job.id).crew.driver).toBe(GONE);
  });
});

describe('a supervisor on a job in another slot', () => {
  it('the dispatcher put Lee on as driver: his "omw" keeps him the driver and does not make him supervisor too', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.put({ ...d.job(job.id), crew: { driver: LEE, first_mate: null, supervisor: null } });

    const { reply } = d.text(LEE, `omw ${job.code}`);

    expect(reply).toBe(`On the way to ${job.code} - 12 Oak St. Customer texted.`);
    expect(d.job(job.id).crew).toEqual({ driver: LEE, first_mate: null, supervisor: null });
  });
});

describe('texts that are not commands', () => {
  it('"help" changes nothing and sends nothing', () => {
    const d = day();
    d.book(OAK_CUSTOMER);
    const before = d.doc.outbox;

    const out = d.text(ANA, 'help');

    expect(out.outbox).toEqual([]);
    expect(d.doc.outbox).toEqual(before);
  });

  it('a text the bot cannot read that names a job is kept on that job for the dispatcher; one naming none is kept aside', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const named = d.text(SAM, `${job.code} gate is locked, customer not answering`);
    const unnamed = d.text(SAM, 'gate is locked, customer not answering');

    expect(named.reply).toBe("Didn't catch that. Text 'help' for commands.");
    expect(named.outbox).toEqual([]);
    expect(d.job(job.id).messages.at(-2)).toMatchObject({ from: SAM, body: `${job.code} gate is locked, customer not answering` });
    expect(unnamed.outbox).toEqual([]);
    expect(d.doc.unmatched.at(-2)).toMatchObject({ from: SAM, body: 'gate is locked, customer not answering' });
  });
});
