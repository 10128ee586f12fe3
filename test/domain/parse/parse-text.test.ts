import { describe, expect, it } from 'vitest';
import { type ParsedText, parseText } from '../../../domain/parse/parse-text';

const TZ = 'America/Chicago';
/** Thursday 2026-06-04 09:30 CDT. */
const now = new Date('2026-06-04T09:30:00-05:00');
const customer = (text: string, at = now) => parseText(text, { now: at, tz: TZ, role: 'customer' });
const crew = (text: string) => parseText(text, { now, tz: TZ, role: 'crew' });

const none: ParsedText = {
  intent: 'other', topic: null, window: null, location: null, jobCode: null, amountCents: null, itemsReady: false,
  items: [], notes: [], language: 'en', excludedDays: [], relation: null, lateForToday: false, explicitNow: false,
};
const day = (d: string, from: string, to: string) => ({ start: `2026-06-${d}T${from}:00-05:00`, end: `2026-06-${d}T${to}:00-05:00` });

describe("the issue's examples", () => {
  it('"ready this afternoon, Soderblom Ave" → a pickup this afternoon at Soderblom Ave, items ready', () => {
    expect(customer('ready this afternoon, Soderblom Ave')).toEqual({
      ...none,
      intent: 'pickup',
      window: day('04', '12:00', '17:00'),
      location: 'Soderblom Ave',
      itemsReady: true,
    });
  });

  it('"tmrw am 12 Oak St" → a pickup Friday morning at 12 Oak St', () => {
    expect(customer('tmrw am 12 Oak St')).toEqual({ ...none, intent: 'pickup', window: day('05', '08:00', '12:00'), location: '12 Oak St' });
  });

  it('"where r u" → status', () => {
    expect(customer('where r u')).toEqual({ ...none, intent: 'status' });
  });

  it('"OMW #K7Q2" from crew → en_route for K7Q2', () => {
    expect(crew('OMW #K7Q2')).toEqual({ ...none, intent: 'en_route', jobCode: 'K7Q2' });
  });

  it('"price 9rz4 $450" from crew → price 9RZ4 at $450', () => {
    expect(crew('price 9rz4 $450')).toEqual({ ...none, intent: 'price', jobCode: '9RZ4', amountCents: 45000 });
  });
});

describe('whole customer texts', () => {
  it.each<[string, Partial<ParsedText>]>([
    ['Stop by at 3', { intent: 'pickup', window: day('04', '15:00', '17:00') }],
    ['yes ready now at 12 Oak St', { intent: 'pickup', location: '12 Oak St', itemsReady: true }],
    ['CANCEL', { intent: 'stop' }],
    ['YES', { intent: 'confirm' }],
    ['Yes that price is fine 👍', { intent: 'confirm' }],
    ['$600 is fine', { intent: 'confirm', amountCents: 60000 }],
    ['cancel my pickup tmrw', { intent: 'cancel', window: day('05', '08:00', '17:00') }],
    [
      'TMRW 10-2 AT 500 N MAIN ST',
      { intent: 'pickup', window: day('05', '10:00', '14:00'), location: '500 N MAIN ST' },
    ],
    [
      'can u come get a couch sat btwn 2 and 4?? 1801 Central St Apt 3B, Evanston IL 60201 🙏',
      {
        intent: 'pickup', window: day('06', '14:00', '16:00'), location: '1801 Central St Apt 3B, Evanston IL 60201',
        items: [{ name: 'couch', count: 1 }],
      },
    ],
    ["it's all out by the garage, 77 Maple Ln. anytime after 2", {
      intent: 'pickup', window: day('04', '14:00', '17:00'), location: '77 Maple Ln', itemsReady: true,
    }],
    ['😀 READY!!! 12 OAK ST TMRW AFTN 😀', { intent: 'pickup', window: day('05', '12:00', '17:00'), location: '12 OAK ST', itemsReady: true }],
    ['pickup at 12 Oak St at 3', { intent: 'pickup', window: day('04', '15:00', '17:00'), location: '12 Oak St' }],
    // House numbers are neither times nor amounts; ZIPs are not codes.
    ['1250 Elm St', { intent: 'pickup', location: '1250 Elm St' }],
    ['12 noon at 3 Oak St', { intent: 'pickup', window: day('04', '12:00', '14:00'), location: '3 Oak St' }],
    ['2 couches at 600 Oak Ave', { intent: 'pickup', location: '600 Oak Ave', items: [{ name: 'couch', count: 2 }] }],
    ['see u 2day at 4', { intent: 'confirm', window: day('04', '16:00', '18:00') }],
    ['my code is K7Q2, where r u', { intent: 'status', jobCode: 'K7Q2' }],
    ['ready at 2 or 3?', { intent: 'pickup', window: day('04', '14:00', '16:00'), itemsReady: true }],
    ['not ready till 3', { intent: 'pickup', window: day('04', '15:00', '17:00'), itemsReady: false }],
    ['', {}],
  ])('%j', (text, expected) => {
    expect(customer(text)).toEqual({ ...none, ...expected });
  });
});

describe('false job codes and amounts in crew texts', () => {
  it.each<[string, Partial<ParsedText>]>([
    ['DONE', { intent: 'done' }],
    ['HERE', { intent: 'start' }],
    ['JOBS', { intent: 'list' }],
    ['omw 2day', { intent: 'en_route', window: day('04', '09:30', '17:00') }],
    ['done w 22nd st job', { intent: 'done', location: 'w 22nd st' }],
    ['here 10am', { intent: 'start', window: day('04', '10:00', '12:00') }],
    ['omw be there in 5hrs', { intent: 'en_route' }],
    ['price K7Q2 600 for 2 trips', { intent: 'price', jobCode: 'K7Q2', amountCents: 60000 }],
    ['done #22ND', { intent: 'done', jobCode: '22ND' }],
    ['claim K7Q2 and 9RZ4', { intent: 'claim', jobCode: 'K7Q2' }],
    ['omw K7Q2 now', { intent: 'en_route', jobCode: 'K7Q2', explicitNow: true }],
    ['here now', { intent: 'start', explicitNow: true }],
    ['known K7Q2', { intent: 'other', jobCode: 'K7Q2' }],
  ])('%j', (text, expected) => {
    expect(crew(text)).toEqual({ ...none, ...expected });
  });
});

describe('independent of the machine time zone', () => {
  it('gives the same answer whatever TZ the process runs in (run under TZ=UTC and TZ=Pacific/Apia)', () => {
    // 23:30 Thursday in Chicago is already Friday in UTC and Friday afternoon in Apia: "tomorrow" is still Friday.
    const late = new Date('2026-06-05T04:30:00Z');
    expect(customer('tomorrow', late).window).toEqual(day('05', '08:00', '17:00'));
    expect(customer('9am', late).window).toEqual(day('05', '09:00', '11:00'));
    expect(customer('friday', late).window).toEqual(day('05', '08:00', '17:00'));
  });

  it('never reads the clock: the same text and now give the same window', () => {
    expect(customer('in an hour')).toEqual(customer('in an hour'));
    expect(customer('in an hour').window).toEqual(day('04', '10:30', '12:30'));
  });
});
