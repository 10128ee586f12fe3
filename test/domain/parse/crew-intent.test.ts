import { describe, expect, it } from 'vitest';
import { wantsAllJobs } from '../../../domain/parse/crew-intent';
import { parseText } from '../../../domain/parse/parse-text';

const now = new Date('2026-06-04T09:30:00-05:00');
const crew = (text: string) => {
  const { intent, jobCode, amountCents } = parseText(text, { now, tz: 'America/Chicago', role: 'crew' });
  return { intent, jobCode, amountCents };
};

describe('crew commands', () => {
  it.each([
    ['omw', 'en_route', null],
    ['OMW #K7Q2', 'en_route', 'K7Q2'],
    ['on my way to k7q2', 'en_route', 'K7Q2'],
    ['heading over', 'en_route', null],
    ['en route K7Q2', 'en_route', 'K7Q2'],
    ['enroute', 'en_route', null],
    ['leaving now', 'en_route', null],
    ['OMW2', 'en_route', null],
    ['on my way, be there in 10 min', 'en_route', null],
    ['here', 'start', null],
    ['HERE K7Q2', 'start', 'K7Q2'],
    ['arrived', 'start', null],
    ['loading', 'start', null],
    ['on site #K7Q2', 'start', 'K7Q2'],
    ['starting k7q2', 'start', 'K7Q2'],
    ['START', 'start', null],
    ['done', 'done', null],
    ['DONE K7Q2', 'done', 'K7Q2'],
    ['finished', 'done', null],
    ['all done 👍', 'done', null],
    ['complete', 'done', null],
    ['done loading', 'done', null],
    ['loaded, heading to dump', 'done', null],
    ['at K7Q2', 'start', 'K7Q2'],
    ['K7Q2 omw', 'en_route', 'K7Q2'],
    ['otw', 'en_route', null],
    ['almost done', 'other', null],
    ['claim K7Q2', 'claim', 'K7Q2'],
    ['take K7Q2', 'claim', 'K7Q2'],
    ['mine K7Q2', 'claim', 'K7Q2'],
    ['mine', 'claim', null],
    ["i'll take it", 'claim', null],
    ['release K7Q2', 'release', 'K7Q2'],
    ['drop', 'release', null],
    ['drop K7Q2', 'release', 'K7Q2'],
    ["can't make K7Q2", 'release', 'K7Q2'],
    ['cant make it', 'release', null],
    ['give k7q2 back', 'release', 'K7Q2'],
    ['unclaim k7q2', 'release', 'K7Q2'],
    ['jobs', 'list', null],
    ['JOBS?', 'list', null],
    ['list', 'list', null],
    ['today', 'list', null],
    ['my jobs today', 'list', null],
    ['HELP', 'help', null],
    ['info', 'help', null],
    ['?', 'help', null],
    ['STOP', 'other', null],
    ['lol', 'other', null],
    ['', 'other', null],
  ])('%j → %s %s', (text, intent, jobCode) => {
    expect(crew(text)).toMatchObject({ intent, jobCode });
  });

  it.each([
    ['price 9rz4 $450', '9RZ4', 45000],
    ['price K7Q2 600', 'K7Q2', 60000],
    ['PRICE #K7Q2 1,250', 'K7Q2', 125000],
    ['quote K7Q2 $600', 'K7Q2', 60000],
    ['quote k7q2 $450.50', 'K7Q2', 45050],
    ['K7Q2 price 300', 'K7Q2', 30000],
    ['price 600 for K7Q2', 'K7Q2', 60000],
    ['K7Q2 $450', 'K7Q2', 45000],
    ['K7Q2 600', 'K7Q2', 60000],
    ['price 22nd 600', null, 60000],
    ['price K7Q2', 'K7Q2', null],
  ])('%j → price %s %s', (text, jobCode, amountCents) => {
    expect(crew(text)).toEqual({ intent: 'price', jobCode, amountCents });
  });

  it.each([
    ['omw K7Q2 10 min', null],
    ['done K7Q2 2 trips', null],
    ['here at 3', null],
  ])('%j: numbers in other commands are not amounts', (text, amountCents) => {
    expect(crew(text).amountCents).toBe(amountCents);
  });

  it('crew texts read times and addresses like any text, but an ETA is no window and readiness is the customer\'s', () => {
    expect(parseText('omw to 12 Oak St, there at 3, stuff is ready', { now, tz: 'America/Chicago', role: 'crew' })).toEqual({
      intent: 'en_route',
      window: { start: '2026-06-04T15:00:00-05:00', end: '2026-06-04T17:00:00-05:00' },
      location: '12 Oak St',
      jobCode: null,
      amountCents: null,
      itemsReady: false,
      topic: null,
      items: [],
      notes: [],
      language: 'en',
      excludedDays: [],
      relation: null,
      lateForToday: false,
      explicitNow: false,
    });
    expect(parseText('omw be there in 10 min', { now, tz: 'America/Chicago', role: 'crew' }).window).toBeNull();
    expect(parseText('jobs tomorrow', { now, tz: 'America/Chicago', role: 'crew' }).window).toEqual({
      start: '2026-06-05T08:00:00-05:00',
      end: '2026-06-05T17:00:00-05:00',
    });
  });
});

describe('"jobs all"', () => {
  it.each([
    ['jobs all', true],
    ['all jobs', true],
    ['list everything', true],
    ['jobs', false],
    ['today', false],
  ])('%j asks for every open job: %j', (text, all) => {
    expect(wantsAllJobs(text)).toBe(all);
  });
});
