/**
 * Crew commands, driven the way the webhook drives them: every text goes through handleInboundText (the
 * conversation engine), customers book their jobs by text first, and the tests read the resulting jobs document,
 * the reply and the outbox.
 */
import { describe, expect, it } from 'vitest';
import { JobsDocumentSchema } from '../../domain/jobs-document';
import { ANA, day, ELM_CUSTOMER, expectCrewReply, LEE, MAX, OAK_CUSTOMER, PINE_CUSTOMER, SAM, smsTo } from './crew-support';

describe('status commands with a code', () => {
  it.each([
    ['omw', 'en_route'],
    ['on my way', 'en_route'],
  ] as const)('"%s K7Q2" puts a ready job on the way and texts the customer who is coming', (command, status) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const out = d.text(SAM, `${command} ${job.code}`);

    expect(d.job(job.id).status).toBe(status);
    expect(d.job(job.id).history.at(-1)).toMatchObject({ status, by: 'Sam Rivera', via: 'sms' });
    expect(expectCrewReply(out.reply, job)).toBe(`On the way to ${job.code} - 12 Oak St. Customer texted. You're its driver now.`);
    expect(out.outbox).toEqual([
      expect.objectContaining({
        key: `${job.id}:en_route:sms`,
        channel: 'sms',
        to: OAK_CUSTOMER,
        body: `Sam from QuickDumpNow is on the way to 12 Oak St! Track it: https://dispatch.example.com/track/${job.token}`,
        jobId: job.id,
        status: 'pending',
      }),
    ]);
  });

  it.each(['here', 'arrived', 'loading'])('"%s K7Q2" marks a job on the way as loading, with no customer text', (command) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `omw ${job.code}`);
    const before = d.doc.outbox.length;

    const out = d.text(SAM, `${command} ${job.code}`);

    expect(d.job(job.id).status).toBe('in_progress');
    expect(expectCrewReply(out.reply, job)).toBe(`Loading at ${job.code} - 12 Oak St. Text 'done ${job.code}' when finished.`);
    expect(d.doc.outbox).toHaveLength(before);
  });

  it('"done K7Q2" completes a job being loaded and thanks the customer with the receipt link', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `omw ${job.code}`);
    d.text(SAM, `here ${job.code}`);

    const out = d.text(SAM, `done ${job.code}`);

    expect(d.job(job.id).status).toBe('completed');
    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St is all done. Thanks! Customer texted.`);
    expect(out.outbox.map((item) => [item.key, item.to, item.body])).toEqual([
      [
        `${job.id}:completed:sms`,
        OAK_CUSTOMER,
        `All done! Thanks for choosing QuickDumpNow. Your receipt and history: https://dispatch.example.com/track/${job.token}`,
      ],
    ]);
    expect(d.job(job.id).history.map((entry) => entry.status)).toEqual(['ready_for_pickup', 'en_route', 'in_progress', 'completed']);
    // The whole day still reads back as a valid jobs document.
    expect(JobsDocumentSchema.parse(JSON.parse(JSON.stringify(d.doc)))).toEqual(d.doc);
  });

  it('anyone may move a job nobody holds yet: they take the empty slot for their role', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const out = d.text(ANA, `omw ${job.code}`);

    expect(d.job(job.id).status).toBe('en_route');
    expect(d.job(job.id).crew).toEqual({ driver: null, first_mate: ANA, supervisor: null });
    expect(expectCrewReply(out.reply, job)).toContain("You're its first mate now.");
  });

  it('a customer who opted out is not promised a text, and the outbox skips them at delivery', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(OAK_CUSTOMER, 'STOP');

    const out = d.text(SAM, `omw ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toContain('Customer opted out of texts.');
    expect(d.job(job.id).status).toBe('en_route');
  });
});

describe('status commands without a code', () => {
  it('use the one open job the sender holds, all the way to done', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(ANA, `claim ${job.code}`);

    const replies = ['omw', 'here', 'done'].map((command) => expectCrewReply(d.text(ANA, command).reply, job));

    expect(replies).toEqual([
      `On the way to ${job.code} - 12 Oak St. Customer texted.`,
      `Loading at ${job.code} - 12 Oak St. Text 'done ${job.code}' when finished.`,
      `${job.code} - 12 Oak St is all done. Thanks! Customer texted.`,
    ]);
    expect(d.job(job.id).status).toBe('completed');
    expect(smsTo(d.doc, OAK_CUSTOMER).map((item) => item.key)).toEqual([`${job.id}:en_route:sms`, `${job.id}:completed:sms`]);
  });

  it.each(['omw', 'on my way', 'here', 'arrived', 'done', 'drop', 'price 600'])(
    '"%s" from crew on no open job says so and changes nothing',
    (command) => {
      const d = day();
      const job = d.book(OAK_CUSTOMER);
      const before = d.state(job.id);

      const out = d.text(SAM, command);

      expect(out.reply).toBe("You're not on any open job. Text 'jobs' to see today's list.");
      expect(d.state(job.id)).toEqual(before);
      expect(out.outbox).toEqual([]);
    },
  );

  it.each([
    ['omw', 'omw'],
    ['here', 'here'],
    ['done', 'done'],
    ['drop', 'release'],
    ['price 600', 'price'],
  ])('"%s" from crew on two open jobs asks which one, naming both codes', (command, shown) => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const elm = d.book(ELM_CUSTOMER, 'ready this afternoon, 5 Elm St');
    d.text(SAM, `claim ${oak.code}`);
    d.text(SAM, `claim ${elm.code}`);
    const before = [d.state(oak.id), d.state(elm.id)];

    const out = d.text(SAM, command);

    expect(expectCrewReply(out.reply)).toBe(`Which job? You're on ${oak.code}, ${elm.code}. Text e.g. '${shown} ${oak.code}'.`);
    expect([d.state(oak.id), d.state(elm.id)]).toEqual(before);
    expect(out.outbox).toEqual([]);
  });

  it('a completed job no longer counts as held: "omw" then goes to the one still open', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const elm = d.book(ELM_CUSTOMER, 'ready this afternoon, 5 Elm St');
    d.text(SAM, `claim ${oak.code}`);
    d.text(SAM, `claim ${elm.code}`);
    for (const command of ['omw', 'here', 'done']) d.text(SAM, `${command} ${oak.code}`);

    const out = d.text(SAM, 'omw');

    expect(expectCrewReply(out.reply, elm)).toContain('On the way to');
    expect(d.job(elm.id).status).toBe('en_route');
  });
});

describe('the status table decides', () => {
  it.each([
    ['done on a booked job', 'tomorrow morning, 12 Oak St', [], 'done', `can't go from "Booked" to "All done". Text 'omw CODE' when you head out, 'here' when you arrive, then 'done'.`],
    ['here on a booked job', 'tomorrow morning, 12 Oak St', [], 'here', `can't go from "Booked" to "Loading". Text 'omw CODE' when you head out, then 'here' when you arrive.`],
    ['done on a job still on the way', 'ready this afternoon, 12 Oak St', ['omw'], 'done', `can't go from "Crew on the way" to "All done". Text 'here CODE' when you arrive, then 'done'.`],
    ['omw twice', 'ready this afternoon, 12 Oak St', ['omw'], 'omw', "is already marked crew on the way. Text 'here CODE' when you arrive."],
    ['omw while loading', 'ready this afternoon, 12 Oak St', ['omw', 'here'], 'omw', `can't go from "Loading" to "Crew on the way". Text 'done CODE' when finished.`],
    ['done on a finished job', 'ready this afternoon, 12 Oak St', ['omw', 'here', 'done'], 'done', 'is already marked all done.'],
    ['omw on a finished job', 'ready this afternoon, 12 Oak St', ['omw', 'here', 'done'], 'omw', 'is already completed.'],
  ])('%s is refused with the reason and what would work, and changes nothing', (_case, booking, earlier, command, reason) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER, booking);
    for (const step of earlier) d.text(SAM, `${step} ${job.code}`);
    const before = d.state(job.id);
    const outbox = d.doc.outbox;

    const out = d.text(SAM, `${command} ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St ${reason.replace('CODE', job.code)}`);
    expect(d.state(job.id)).toEqual(before);
    expect(d.doc.outbox).toEqual(outbox);
  });

  it('a job the customer cancelled cannot be started', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(OAK_CUSTOMER, 'please cancel my pickup');
    expect(d.job(job.id).status).toBe('cancelled');

    const out = d.text(SAM, `omw ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St was cancelled.`);
    expect(d.job(job.id).status).toBe('cancelled');
    expect(smsTo(d.doc, OAK_CUSTOMER)).toEqual([]);
  });

  it.each([
    ['omw X9X9', 'X9X9'],
    ['here X9X9', 'X9X9'],
    ['done x9x9', 'X9X9'],
    ['claim X9X9', 'X9X9'],
    ['claim ZZZZ', 'ZZZZ'],
    ['release X9X9', 'X9X9'],
    ['price X9X9 600', 'X9X9'],
    ['price ABCD 600', 'ABCD'],
  ])(
    '"%s" with a code no job has names the code and says there is no such job',
    (command, code) => {
      const d = day();
      const job = d.book(OAK_CUSTOMER);
      const before = d.state(job.id);

      const out = d.text(SAM, command);

      expect(out.reply).toBe(`There's no open job ${code}. Text 'jobs' to see today's.`);
      expect(d.state(job.id)).toEqual(before);
      expect(out.outbox).toEqual([]);
    },
  );
});

describe('who may move a job, and when', () => {
  it("a crew member not on someone else's job is refused, told who holds it and how to join; the customer hears nothing", () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    const before = d.state(job.id);
    const outbox = d.doc.outbox;

    const out = d.text(ANA, `omw ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(
      `${job.code} - 12 Oak St is Sam's job: only crew on it or a supervisor can move it. Text 'claim ${job.code}' to join as first mate.`,
    );
    expect(d.state(job.id)).toEqual(before);
    expect(d.doc.outbox).toEqual(outbox);
    expect(smsTo(d.doc, OAK_CUSTOMER)).toEqual([]);
  });

  it('a second driver whose slot is taken is told to ask the holder or a supervisor', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);

    const out = d.text(MAX, `done ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toContain("is Sam's job: only crew on it or a supervisor can move it. Ask them or a supervisor.");
    expect(d.job(job.id).status).toBe('ready_for_pickup');
  });

  it('crew in any slot on the job may move it, and so may a supervisor who is not on it', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(ANA, `claim ${job.code}`);

    expect(expectCrewReply(d.text(ANA, `omw ${job.code}`).reply, job)).toBe(`On the way to ${job.code} - 12 Oak St. Customer texted.`);
    // Lee is a supervisor: may move anyone's job, and fills the empty supervisor slot.
    expect(expectCrewReply(d.text(LEE, `here ${job.code}`).reply, job)).toContain("You're its supervisor now.");
    expect(d.job(job.id).status).toBe('in_progress');
    expect(d.job(job.id).crew).toEqual({ driver: SAM, first_mate: ANA, supervisor: LEE });
  });

  it('"omw" at 10:37 PM for a job two days out is refused and says to add "now"; with "now" it goes', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER, 'saturday morning, 12 Oak St');
    d.text(SAM, `claim ${job.code}`);
    d.wait(13); // Thursday 22:3x
    const before = d.state(job.id);

    const out = d.text(SAM, 'omw');

    expect(expectCrewReply(out.reply, job)).toBe(
      `${job.code} - 12 Oak St is booked for Sat, Jun 6, 8 AM-12 PM, not today. Nothing changed. Going now anyway? Text 'omw ${job.code} now'.`,
    );
    expect(d.state(job.id)).toEqual(before);
    expect(smsTo(d.doc, OAK_CUSTOMER)).toEqual([]);

    d.text(SAM, `omw ${job.code} now`);
    expect(d.job(job.id).status).toBe('en_route');
    expect(smsTo(d.doc, OAK_CUSTOMER)).toHaveLength(1);
  });

  it("a job booked for tomorrow can be worked tomorrow without 'now'", () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER, 'tomorrow morning, 12 Oak St');
    d.text(SAM, `claim ${job.code}`);
    expect(expectCrewReply(d.text(SAM, 'omw').reply, job)).toContain("Text 'omw " + job.code + " now'");
    d.wait(24);

    d.text(SAM, 'omw');

    expect(d.job(job.id).status).toBe('en_route');
  });
});

describe('crew are texted when it matters', () => {
  it('the customer cancels a job the crew is driving to: each crew member on it gets a text, not only email', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(ANA, `claim ${job.code}`);
    d.text(SAM, 'omw');

    d.text(OAK_CUSTOMER, 'cancel please');

    for (const phone of [SAM, ANA]) {
      expect(smsTo(d.doc, phone).map((item) => item.body)).toEqual([`STOP: the customer cancelled ${job.code} - 12 Oak St. No need to go.`]);
    }
    expect(d.text(SAM, 'here').reply).toBe("You're not on any open job. Text 'jobs' to see today's list.");
  });

  it('a customer cancelling a job nobody is driving to yet emails the crew and texts no one', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);

    d.text(OAK_CUSTOMER, 'cancel please');

    expect(smsTo(d.doc, SAM)).toEqual([]);
    expect(d.doc.outbox.filter((item) => item.channel === 'email' && item.to === 'sam@example.com').map((item) => item.subject)).toContain(
      `Cancelled: ${job.code} · 12 Oak St`,
    );
  });

  it('the customer asks to change a job being loaded: the crew read what they asked', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(SAM, 'omw');
    d.text(SAM, 'here');

    d.text(OAK_CUSTOMER, 'actually can you come tomorrow instead');

    expect(smsTo(d.doc, SAM).map((item) => item.body)).toEqual([
      `${job.code} - 12 Oak St: the customer texted "actually can you come tomorrow instead". Nothing changed; the dispatcher will follow up.`,
    ]);
    expect(d.job(job.id).window).toEqual(job.window);
  });

  it('a release emails the dispatcher and texts the crew who could take the freed slot', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(ANA, `claim ${job.code}`);

    d.text(SAM, `release ${job.code}`);

    const release = `Sam released ${job.code} - 12 Oak St, Today, 12-5 PM. It needs a driver: text 'claim ${job.code}' to take it.`;
    // Max and Lee drive; Ana is on the job already; Sam released it.
    expect(smsTo(d.doc, MAX).map((item) => item.body)).toEqual([release]);
    expect(smsTo(d.doc, LEE).map((item) => item.body)).toEqual([release]);
    expect(smsTo(d.doc, ANA)).toEqual([]);
    expect(smsTo(d.doc, SAM)).toEqual([]);
    const mail = d.doc.outbox.find((item) => item.to === 'dispatch@example.com' && item.subject?.startsWith('Released'));
    expect(mail?.body).toBe(`Sam Rivera released ${job.code} (12 Oak St, today, 12–5 PM). Open: driver.`);
  });
});

describe('each customer text is sent once', () => {
  it.each([
    ['omw', 'en_route'],
    ['done', 'completed'],
  ])('the same "%s" delivered twice by Twilio (same MessageSid) enqueues the customer text once', (command, event) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    if (command === 'done') {
      d.text(SAM, `omw ${job.code}`);
      d.text(SAM, `here ${job.code}`);
    }

    const first = d.text(SAM, `${command} ${job.code}`, { sid: 'SMretry' });
    const afterFirst = d.doc;
    const second = d.text(SAM, `${command} ${job.code}`, { sid: 'SMretry' });

    expect(second.reply).toBe(first.reply);
    expect(second.outbox).toEqual([]);
    expect(d.doc).toBe(afterFirst);
    expect(d.doc.outbox.filter((item) => item.key === `${job.id}:${event}:sms`)).toHaveLength(1);
  });

  it('a second "omw" with a new MessageSid is refused as already on the way, and the outbox is unchanged', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `omw ${job.code}`, { sid: 'SMa' });
    const outbox = d.doc.outbox;

    const again = d.text(SAM, 'omw', { sid: 'SMb' });

    expect(expectCrewReply(again.reply, job)).toBe(
      `${job.code} - 12 Oak St is already marked crew on the way. Text 'here ${job.code}' when you arrive.`,
    );
    expect(again.outbox).toEqual([]);
    expect(d.doc.outbox).toEqual(outbox);
    expect(smsTo(d.doc, OAK_CUSTOMER)).toHaveLength(1);
  });
});

describe('claim and release', () => {
  it('a driver and a first mate both claim the same job; a second driver is told who holds it', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const sam = d.text(SAM, `claim ${job.code}`);
    const ana = d.text(ANA, `claim #${job.code.toLowerCase()}`);
    const max = d.text(MAX, `claim ${job.code}`);

    expect(expectCrewReply(sam.reply, job)).toBe(
      `You're the driver on ${job.code} - 12 Oak St, 12-5 PM. Text 'omw ${job.code}' when you head out.`,
    );
    expect(expectCrewReply(ana.reply, job)).toContain("You're the first mate on");
    expect(expectCrewReply(max.reply, job)).toBe(`${job.code} - 12 Oak St already has a driver: Sam Rivera.`);
    expect(d.job(job.id).crew).toEqual({ driver: SAM, first_mate: ANA, supervisor: null });
    expect(max.outbox).toEqual([]);
  });

  it('a claim emails the claimer (crew with an email on the roster)', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const sam = d.text(SAM, `claim ${job.code}`);
    const ana = d.text(ANA, `claim ${job.code}`);

    expect(sam.outbox).toEqual([
      expect.objectContaining({
        channel: 'email',
        to: 'sam@example.com',
        subject: `You're on ${job.code} · 12 Oak St`,
        jobId: job.id,
      }),
    ]);
    expect(sam.outbox[0]!.body).toContain(`omw ${job.code}`);
    expect(ana.outbox).toEqual([]); // Ana has no email on the roster.
  });

  it('claiming a job you already hold is a friendly no-op: no change, no second email', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    const before = d.state(job.id);

    const again = d.text(SAM, `claim ${job.code}`);

    expect(expectCrewReply(again.reply, job)).toBe(`You're already the driver on ${job.code} - 12 Oak St.`);
    expect(d.state(job.id)).toEqual(before);
    expect(again.outbox).toEqual([]);
  });

  it('"claim" without a code asks for one', () => {
    const d = day();
    d.book(OAK_CUSTOMER);

    const out = d.text(SAM, 'claim');

    expect(out.reply).toBe("Which job? Text e.g. 'claim K7Q2'. Text 'jobs' to see today's list.");
    expect(Object.values(d.doc.jobs).every((job) => job.crew.driver === null)).toBe(true);
  });

  it('a finished job cannot be claimed', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    for (const command of ['omw', 'here', 'done']) d.text(SAM, `${command} ${job.code}`);

    const out = d.text(ANA, `claim ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St is already completed.`);
    expect(d.job(job.id).crew.first_mate).toBeNull();
  });

  it.each([
    ['release {code}'],
    ["can't make {code}"],
    ['cant make {code}'],
    ['drop'],
  ])('"%s" frees the sender\'s slot, and then another driver can claim it', (command) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(ANA, `claim ${job.code}`);

    const out = d.text(SAM, command.replace('{code}', job.code));

    expect(expectCrewReply(out.reply, job)).toBe(`Released ${job.code} - 12 Oak St. It's open for someone else to claim.`);
    expect(d.job(job.id).crew).toEqual({ driver: null, first_mate: ANA, supervisor: null });
    expect(expectCrewReply(d.text(MAX, `claim ${job.code}`).reply, job)).toContain("You're the driver on");
    expect(d.job(job.id).crew.driver).toBe(MAX);
  });

  it('"omw CODE 20 min" keeps the arrival time 20 minutes on, for the tracking page', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    d.text(SAM, `omw ${job.code} 20 min`);

    expect(d.job(job.id).eta).toBe(new Date(d.now.getTime() + 20 * 60_000).toISOString());
  });

  it('a finished job cannot be released: the crew who did it stay on its record', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    for (const command of ['omw', 'here', 'done']) d.text(SAM, `${command} ${job.code}`);

    const out = d.text(SAM, `release ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St is already completed.`);
    expect(d.job(job.id).crew.driver).toBe(SAM);
  });

  it('a finished job cannot be priced: the customer is not texted a quote', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    for (const command of ['omw', 'here', 'done']) d.text(SAM, `${command} ${job.code}`);
    const texts = smsTo(d.doc, OAK_CUSTOMER).length;

    const out = d.text(SAM, `price ${job.code} 600`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St is already completed.`);
    expect(d.job(job.id).quote).toBeNull();
    expect(smsTo(d.doc, OAK_CUSTOMER)).toHaveLength(texts);
  });

  it('releasing a job you are not on says so and changes nothing', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    const before = d.state(job.id);

    const out = d.text(ANA, `release ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`You're not on ${job.code} - 12 Oak St, so there's nothing to release.`);
    expect(d.state(job.id)).toEqual(before);
  });
});

describe('the job list', () => {
  it("lists today's open jobs, ASAP ones and the sender's own, each with code, window, place and who is on it", () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER); // today 12–5 PM
    const elm = d.book(ELM_CUSTOMER, 'junk pickup asap, 5 Elm St'); // no window
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd'); // tomorrow: Sam's, so only on Sam's list
    const later = d.book('+15555550204', 'tomorrow afternoon, 300 Birch Ln'); // tomorrow, nobody's
    const done = d.book('+15555550205', 'ready now, 77 Cedar Ct');
    d.text(SAM, `claim ${oak.code}`);
    d.text(ANA, `claim ${oak.code}`);
    d.text(SAM, `claim ${pine.code}`);
    for (const command of ['omw', 'here', 'done']) d.text(LEE, `${command} ${done.code}`);

    const forSam = d.text(SAM, 'jobs');
    const forAna = d.text(ANA, 'list');

    expect(forSam.reply).toBe(
      [
        "Today's jobs (3):",
        `${elm.code} ASAP - 5 Elm St - open`,
        `${oak.code} 12-5 PM - 12 Oak St - Sam, Ana`,
        `${pine.code} Tomorrow, 8 AM-12 PM - 9 Pine Rd - Sam`,
        "Text 'claim CODE' to take one.",
      ].join('\n'),
    );
    expect(forAna.reply).not.toContain(pine.code);
    expect(forAna.reply).not.toContain(later.code);
    expect(forAna.reply).not.toContain(done.code);
    expect(forSam.outbox).toEqual([]);
  });

  it('stays under 600 characters on a busy day, summarising the rest as "+N more"', () => {
    const d = day();
    const phones = Array.from({ length: 15 }, (_, i) => `+1555555${String(300 + i).padStart(4, '0')}`);
    for (const [i, phone] of phones.entries()) d.book(phone, `ready this afternoon, ${1000 + i} North Soderblom Avenue`);

    const reply = d.text(SAM, 'jobs').reply!;

    expect(reply.length).toBeLessThanOrEqual(600);
    const lines = reply.split('\n');
    const shown = lines.filter((line) => /^[2-9A-HJ-NP-Z]{4} /.test(line)).length;
    const more = Number(/^\+(\d+) more$/m.exec(reply)?.[1]);
    expect(lines[0]).toBe("Today's jobs (15):");
    expect(shown).toBeGreaterThan(3);
    expect(shown + more).toBe(15);
  });

  it("keeps yesterday's unfinished job on today's list: it still needs doing", () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    d.wait(24);

    expect(d.text(ANA, 'jobs').reply).toContain(`${oak.code} Thu, Jun 4, 12-5 PM - 12 Oak St - open`);
  });

  it('an empty day says there is nothing open', () => {
    expect(day().text(SAM, 'jobs').reply).toBe("No open jobs today. New ones come by email; text 'help' for commands.");
  });

  it("at night, once today's windows have passed, lists what is still open and the next day that has jobs", () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER); // today 12–5 PM, never finished
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd');
    const birch = d.book('+15555550204', 'saturday afternoon, 300 Birch Ln');
    d.wait(13); // Thursday 22:3x

    const reply = d.text(ANA, 'jobs').reply!;

    expect(reply.split('\n')).toEqual([
      "Today's are done or past. Next: tomorrow (2):",
      `${oak.code} 12-5 PM - 12 Oak St - open`,
      `${pine.code} Tomorrow, 8 AM-12 PM - 9 Pine Rd - open`,
      "Text 'claim CODE' to take one.",
    ]);
    expect(reply).not.toContain(birch.code);
  });

  it("after today's last job is done, the next day's are listed even in the afternoon", () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER, 'ready now, 12 Oak St');
    const pine = d.book(PINE_CUSTOMER, 'saturday morning, 9 Pine Rd');
    for (const command of ['omw', 'here', 'done']) d.text(SAM, `${command} ${oak.code}`);

    expect(d.text(SAM, 'jobs').reply).toBe(
      ["Today's are done or past. Next: Sat, Jun 6 (1):", `${pine.code} Sat, Jun 6, 8 AM-12 PM - 9 Pine Rd - open`, "Text 'claim CODE' to take one."].join('\n'),
    );
  });

  it('"jobs all" lists every open job, any day; "jobs saturday" that day\'s', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd');
    const birch = d.book('+15555550204', 'saturday afternoon, 300 Birch Ln');

    const all = d.text(SAM, 'jobs all').reply!;
    const saturday = d.text(SAM, 'jobs saturday').reply!;

    expect(all.split('\n')[0]).toBe('All open jobs (3):');
    for (const job of [oak, pine, birch]) expect(all).toContain(job.code);
    expect(saturday.split('\n').slice(0, 2)).toEqual(['Jobs for Sat, Jun 6 (1):', `${birch.code} Sat, Jun 6, 12-5 PM - 300 Birch Ln - open`]);
  });

  it('shows the items on each line', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    d.put({ ...d.job(oak.id), items: 'couch, 2 chairs, an old fridge' });

    expect(d.text(SAM, 'jobs').reply).toContain(`${oak.code} 12-5 PM - 12 Oak St - couch, 2 chairs, an... - open`);
  });
});

describe('quotes', () => {
  it('"price K7Q2 600" texts the customer the quote; their YES sets the price and tells the crew member', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const quote = d.text(SAM, `price ${job.code} 600`);
    const at = d.now.toISOString();

    expect(expectCrewReply(quote.reply, job)).toBe(
      `Quote $600 sent to the customer for ${job.code} - 12 Oak St. We'll text you when they accept.`,
    );
    expect(d.job(job.id).quote).toEqual({ amountCents: 60_000, by: SAM, at, state: 'pending' });
    expect(d.job(job.id).priceCents).toBeNull();
    expect(quote.outbox).toEqual([
      expect.objectContaining({
        key: `${job.id}:quote:${at}:sms`,
        to: OAK_CUSTOMER,
        body: 'Your quote is $600 all-in. Reply YES to confirm. - QuickDumpNow',
      }),
    ]);

    const yes = d.text(OAK_CUSTOMER, 'yes');

    expect(yes.reply).toContain('$600');
    expect(d.job(job.id).priceCents).toBe(60_000);
    expect(d.job(job.id).quote?.state).toBe('accepted');
    expect(smsTo(d.doc, SAM).map((item) => item.body)).toEqual([`${job.code} quote $600 accepted (12 Oak St).`]);
  });

  it('a new quote replaces the pending one and is a new text to the customer', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    d.text(SAM, `price ${job.code} $450.50`);

    const second = d.text(SAM, 'price 1,250'); // no code: Sam's one job

    expect(expectCrewReply(second.reply, job)).toContain('Quote $1,250 sent');
    expect(d.job(job.id).quote?.amountCents).toBe(125_000);
    expect(smsTo(d.doc, OAK_CUSTOMER).map((item) => item.body.split('.')[0])).toEqual([
      expect.stringContaining('Your quote is $450'),
      'Your quote is $1,250 all-in',
    ]);
  });

  it('"price K7Q2" without an amount asks how much and changes nothing', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const out = d.text(SAM, `price ${job.code}`);

    expect(expectCrewReply(out.reply, job)).toBe(`How much for ${job.code} - 12 Oak St? Text e.g. 'price ${job.code} 600'.`);
    expect(d.job(job.id).quote).toBeNull();
    expect(out.outbox).toEqual([]);
  });

  it('"price K7Q2 0" is no quote: asks how much and texts the customer nothing', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const out = d.text(SAM, `price ${job.code} 0`);

    expect(expectCrewReply(out.reply, job)).toBe(`How much for ${job.code} - 12 Oak St? Text e.g. 'price ${job.code} 600'.`);
    expect(d.job(job.id).quote).toBeNull();
    expect(out.outbox).toEqual([]);
  });

  it.each([
    ['completed', 'is already completed.'],
    ['cancelled', 'was cancelled.'],
  ] as const)('a quote on a %s job is refused and texts the customer nothing', (status, said) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.put({ ...d.job(job.id), status });

    const out = d.text(SAM, `price ${job.code} 600`);

    expect(expectCrewReply(out.reply, job)).toBe(`${job.code} - 12 Oak St ${said}`);
    expect(d.job(job.id).quote).toBeNull();
    expect(out.outbox).toEqual([]);
  });
});

describe('photos from crew are proof of work', () => {
  it.each([0, 1, 3])('"done K7Q2" with %i photos keeps every photo on the job as proof', (count) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `omw ${job.code}`);
    d.text(SAM, `here ${job.code}`);

    d.text(SAM, `done ${job.code}`, { sid: 'SMproof', photos: count });

    expect(d.job(job.id).status).toBe('completed');
    expect(d.job(job.id).photos).toHaveLength(count);
    expect(d.job(job.id).photos.every((photo) => photo.kind === 'proof' && photo.from === SAM && photo.messageSid === 'SMproof')).toBe(true);
    expect(d.job(job.id).messages.find((m) => m.sid === 'SMproof')?.media).toBe(count);
  });

  it.each([
    [1, 'Photo saved on'],
    [3, '3 photos saved on'],
  ])('%i photo(s) sent with just a code are saved on that job', (count, said) => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);

    const out = d.text(SAM, `#${job.code}`, { photos: count });

    expect(expectCrewReply(out.reply, job)).toBe(`${said} ${job.code} - 12 Oak St.`);
    expect(d.job(job.id).photos.map((photo) => photo.kind)).toEqual(Array(count).fill('proof'));
    expect(d.job(job.id).status).toBe('ready_for_pickup');
  });

  it('a photo with no text goes to the one job the sender holds', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);

    const out = d.text(SAM, '', { photos: 1 });

    expect(expectCrewReply(out.reply, job)).toBe(`Photo saved on ${job.code} - 12 Oak St.`);
    expect(d.job(job.id).photos).toHaveLength(1);
  });

  it('a photo with no text from crew on two jobs asks which job and is kept on neither', () => {
    const d = day();
    const oak = d.book(OAK_CUSTOMER);
    const elm = d.book(ELM_CUSTOMER, 'ready this afternoon, 5 Elm St');
    d.text(SAM, `claim ${oak.code}`);
    d.text(SAM, `claim ${elm.code}`);

    const out = d.text(SAM, '', { photos: 2 });

    expect(expectCrewReply(out.reply)).toBe(
      `Which job are the photos for? You're on ${oak.code}, ${elm.code}. Send them again with the code, e.g. '${oak.code}'.`,
    );
    expect(d.job(oak.id).photos).toEqual([]);
    expect(d.job(elm.id).photos).toEqual([]);
    expect(d.doc.unmatched.at(-2)).toMatchObject({ from: SAM, media: 2 });
  });
});

describe('help and texts the bot does not understand', () => {
  it('"help" lists the crew commands briefly', () => {
    const out = day().text(SAM, 'help');

    const reply = expectCrewReply(out.reply);
    for (const command of ['jobs', 'claim', 'omw', 'here', 'done', 'price', 'release']) expect(reply).toContain(command);
  });

  it('anything else gets a hint and changes nothing', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER);
    d.text(SAM, `claim ${job.code}`);
    const before = d.state(job.id);

    const out = d.text(SAM, 'running 10 min late, traffic on 94');

    expect(out.reply).toBe("Didn't catch that. Text 'help' for commands.");
    expect(d.state(job.id)).toEqual(before);
    expect(out.outbox).toEqual([]);
  });
});

describe('a later day job the crew set out for with "now"', () => {
  it('takes "here" and "done" without a second "now"', () => {
    const d = day();
    const job = d.book(OAK_CUSTOMER, 'tomorrow morning, 12 Oak St');
    d.text(SAM, `claim ${job.code}`);
    d.text(SAM, `omw ${job.code} now`);
    d.text(SAM, `here ${job.code}`);
    d.text(SAM, `done ${job.code}`);
    expect(d.doc.jobs[job.id]?.status).toBe('completed');
  });
});
