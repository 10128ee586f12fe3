/**
 * Every customer text, rendered with its longest realistic values (a 30-character business name — the most
 * BUSINESS_NAME allows —, a long PUBLIC_BASE_URL and a 24-character token in the tracking link, a long address, the
 * longest window wording, a long item list, the biggest price), in English and Spanish: each is GSM-7, never over
 * two segments (306 characters), and one segment (160) wherever the text carries no tracking link. Texts with a
 * link fit one segment with ordinary values.
 */
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../domain/answer-question';
import type { BusinessProfile } from '../../domain/business-profile';
import type { BusinessContext } from '../../domain/context';
import { isGsm7, segments } from '../../domain/gsm7';
import type { Job } from '../../domain/jobs-document';
import { wording, type Language } from '../../domain/wording';

const NOW = new Date('2026-06-04T09:30:00-05:00');
const ctxWith = (businessName: string, publicBaseUrl: string): BusinessContext => ({
  now: NOW,
  tz: 'America/Chicago',
  businessName,
  businessPhone: '+15555550100',
  publicBaseUrl,
  dispatchEmail: null,
  crew: { crew: [] },
  newId: () => 'job_1',
  newToken: () => 'x'.repeat(24),
  random: () => 0.5,
});
const LONGEST = ctxWith('Chicagoland Junk Removal & Co.', 'https://pickups.chicagoland-junkremoval.com');
const ORDINARY = ctxWith('QuickDumpNow', 'https://quickdumpnow.com');

function jobWith(language: Language, long: boolean): Job {
  return {
    id: 'job_1',
    code: 'K7Q2',
    token: 'V1StGXR8_Z5jdHi6B-myT0ab',
    closedAt: null,
    reminderSentAt: null,
    lateAlertAt: null,
    apologySentAt: null,
    reviewRequestedAt: null,
    complaint: false,
    confirmationHeld: false,
    customer: { phone: '+15555550123', name: null },
    location: long ? '12345 North Martin Luther King Jr Boulevard Apt 1234' : '1801 Soderblom Ave',
    // Sat, Jun 13, 10:30 AM–12:30 PM: the longest window wording there is.
    window: long ? { start: '2026-06-13T10:30:00-05:00', end: '2026-06-13T12:30:00-05:00' } : { start: '2026-06-05T08:00:00-05:00', end: '2026-06-05T12:00:00-05:00' },
    status: 'ready_for_pickup',
    priceCents: null,
    quote: null,
    notes: '',
    items: long ? 'piano, 2 mattresses, 3 box springs, fridge, hot tub, 12 boxes' : 'couch',
    crew: { driver: null, first_mate: null, supervisor: null },
    photos: [],
    messages: [],
    history: [],
    needsAttention: false,
    language,
    confirmedAt: null,
    eta: null,
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  };
}

/** Every wording, by name: whether it carries a tracking link, and how to render it. */
function renders(language: Language, long: boolean): [string, boolean, string | null][] {
  const ctx = long ? LONGEST : ORDINARY;
  const job = jobWith(language, long);
  const other = { ...job, location: long ? '98765 South Cottage Grove Avenue Unit 4321' : '20 Cedar Ave' };
  const cents = long ? 1_234_550 : 60_000;
  const crewName = long ? 'Maximiliano Alejandro' : 'Sam Rivera';
  return [
    ['booked', true, wording.booked(job, ctx)],
    ['booked (no address)', true, wording.booked({ ...job, location: null }, ctx)],
    ['lateForToday', true, wording.lateForToday(job, ctx)],
    ['updated', true, wording.updated(job, ctx)],
    ['status', true, wording.status(job, ctx)],
    ['nothingToConfirm', true, wording.nothingToConfirm(job, ctx, language)],
    ['customerEnRoute', true, wording.customerEnRoute(job, crewName, ctx)],
    ['customerCompleted', true, wording.customerCompleted(job, ctx)],
    ['crewBusy (en route)', false, wording.crewBusy({ ...job, status: 'en_route' }, ctx)],
    ['crewBusy (loading)', false, wording.crewBusy({ ...job, status: 'in_progress' }, ctx)],
    ['cancelled', false, wording.cancelled(job)],
    ['quoteAccepted', false, wording.quoteAccepted(job, cents, ctx)],
    ['photoThanks', false, wording.photoThanks(10, job)],
    ['askNewOrChange', false, wording.askNewOrChange(job, other.location)],
    ['customerQuote', false, wording.customerQuote(job, cents, ctx)],
    ['customerCancelledByDispatcher', false, wording.customerCancelledByDispatcher(job, ctx)],
    ['noOpenJob', false, wording.noOpenJob(ctx, language)],
    ['nothingToCancel', false, wording.nothingToCancel(language)],
    ['help', false, wording.help(ctx, language)],
    ['welcomeBack', false, wording.welcomeBack(ctx, language)],
    ['dispatcherWillReply', false, wording.dispatcherWillReply(ctx, language)],
    ['personWillAnswer', false, wording.personWillAnswer(ctx, language)],
    ['photosHeld', false, wording.photosHeld(10, ctx, language)],
    ['askAddress', false, wording.askAddress(job.window, ctx, language)],
    ['askWhich', false, wording.askWhich([job, other], language)],
    ['thanksReply', false, wording.thanksReply(ctx, language)],
    ['hello', false, wording.hello(ctx, language)],
  ];
}

const LONG_PROFILE: BusinessProfile = {
  hours: { mon: '7:30 AM-6:30 PM', tue: '7:30 AM-6:30 PM', wed: '8 AM-5 PM', thu: '7:30 AM-6:30 PM', fri: '8 AM-5 PM', sat: '9 AM-1 PM', sun: null },
  itemsTaken: ['couches', 'sectional sofas', 'mattresses', 'box springs', 'refrigerators', 'washers and dryers', 'pianos', 'hot tubs', 'yard waste'],
  itemsRefused: ['paint', 'tires', 'propane tanks', 'asbestos'],
  prices: [
    { item: 'couch', price: 'from $75 depending on size' },
    { item: 'refrigerator', price: 'from $95 (freon removal included)' },
    { item: 'hot tub', price: 'from $350' },
    { item: '*', price: 'minimum load $99, full truck $599' },
  ],
  serviceArea: { zips: ['60201', '60202', '60203', '60076', '60077'], cities: ['Evanston', 'Skokie', 'Wilmette', 'Lincolnwood', 'Morton Grove', 'Niles', 'Glenview'] },
  notes: '',
};

describe('customer texts fit one segment', () => {
  describe.each<Language>(['en', 'es'])('in %s', (language) => {
    it.each(renders(language, true).map(([name, link, text]) => [name, link, text] as const))(
      '%s, with the longest values: GSM-7, one segment without a link, never over two',
      (_name, link, text) => {
        expect(text).not.toBeNull();
        expect(isGsm7(text!), text!).toBe(true);
        const count = segments(text!);
        expect(count.segments, `${count.units} chars: ${text}`).toBeLessThanOrEqual(link ? 2 : 1);
        expect(text).not.toContain('K7Q2');
      },
    );

    it.each(renders(language, false).filter(([name]) => name !== 'lateForToday'))(
      '%s, with ordinary values: one segment',
      (_name, _link, text) => {
        expect(segments(text!).segments, text!).toBe(1);
      },
    );

    it.each([
      ['items', 'do you take couches, pianos, hot tubs, mattresses and box springs?', []],
      ['items', 'what do you take?', []],
      ['price', 'how much?', []],
      ['price', 'how much for a hot tub?', [{ name: 'hot tub', count: 1 }]],
      ['hours', 'what are your hours?', []],
      ['area', 'where do you go?', []],
      ['area', 'do you serve Morton Grove?', []],
    ] as const)('the %s answer to %j is GSM-7 and one segment', (topic, text, items) => {
      const answer = answerQuestion(text, { topic, items: [...items], window: null, language }, LONG_PROFILE, LONGEST);
      expect(answer).not.toBeNull();
      expect(isGsm7(answer!), answer!).toBe(true);
      expect(segments(answer!).segments, answer!).toBe(1);
    });
  });
});
