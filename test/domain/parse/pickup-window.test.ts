import { describe, expect, it } from 'vitest';
import { parseText } from '../../../domain/parse/parse-text';

/**
 * Window conventions, end to end through parseText (customer side). Unless a case says otherwise the text arrives
 * on Thursday 2026-06-04 at 09:30 in America/Chicago (CDT, -05:00). June 2026: Mon 1, Thu 4, Sat 6, Mon 8, Wed 10.
 */
const TZ = 'America/Chicago';
const THU_0930 = '2026-06-04T09:30:00-05:00';

function windowOf(text: string, now = THU_0930, tz = TZ) {
  return parseText(text, { now: new Date(now), tz, role: 'customer' }).window;
}

/** [text, start, end] with the date prefix '2026-06-' and offset '-05:00' implied when only "DDTHH:MM" is given. */
function iso(short: string): string {
  return short.length === 8 ? `2026-06-${short}:00-05:00` : short;
}

describe('parts of the day and whole days', () => {
  it.each([
    ['this afternoon', '04T12:00', '04T17:00'],
    ['afternoon', '04T12:00', '04T17:00'],
    ['this aftn', '04T12:00', '04T17:00'],
    ['tonight', '04T17:00', '04T20:00'],
    ['2nite', '04T17:00', '04T20:00'],
    ['this evening', '04T17:00', '04T20:00'],
    ['this morning', '04T09:30', '04T12:00'],
    ['tomorrow morning', '05T08:00', '05T12:00'],
    ['tmrw am', '05T08:00', '05T12:00'],
    ['TMR AFTN', '05T12:00', '05T17:00'],
    ['tmw evening', '05T17:00', '05T20:00'],
    ['tomorrow night', '05T17:00', '05T20:00'],
    ['2morrow', '05T08:00', '05T17:00'],
    ['tomorrow', '05T08:00', '05T17:00'],
    ['today', '04T09:30', '04T17:00'],
    ['anytime today', '04T09:30', '04T17:00'],
    ['sat', '06T08:00', '06T17:00'],
    ['Saturday', '06T08:00', '06T17:00'],
    ['SAT AM', '06T08:00', '06T12:00'],
    ['fri pm', '05T12:00', '05T17:00'],
    ['friday evening', '05T17:00', '05T20:00'],
    ['sunday morning', '07T08:00', '07T12:00'],
    ['mon', '08T08:00', '08T17:00'],
    ['tues aftn', '09T12:00', '09T17:00'],
    ['weds', '10T08:00', '10T17:00'],
    ['this weekend', '06T08:00', '06T17:00'],
    ['the day after tomorrow', '06T08:00', '06T17:00'],
  ])('"%s" → %s–%s', (text, start, end) => {
    expect(windowOf(text)).toEqual({ start: iso(start), end: iso(end) });
  });
});

describe('clock times last two hours; bare 1–6 are PM, 7–11 AM', () => {
  it.each([
    ['at 3', '04T15:00', '04T17:00'],
    ['3pm', '04T15:00', '04T17:00'],
    ['3 PM', '04T15:00', '04T17:00'],
    ['3p', '04T15:00', '04T17:00'],
    ['3:30pm', '04T15:30', '04T17:30'],
    ['3:30', '04T15:30', '04T17:30'],
    ['10:30', '04T10:30', '04T12:30'],
    ['at 11', '04T11:00', '04T13:00'],
    ['at 7', '05T07:00', '05T09:00'],
    ['at 6', '04T18:00', '04T20:00'],
    ['at 12', '04T12:00', '04T14:00'],
    ['around noon', '04T12:00', '04T14:00'],
    ['noon', '04T12:00', '04T14:00'],
    ['12 noon', '04T12:00', '04T14:00'],
    ['noonish', '04T12:00', '04T14:00'],
    ['lunchtime', '04T12:00', '04T14:00'],
    ['3ish', '04T15:00', '04T17:00'],
    ["3 o'clock", '04T15:00', '04T17:00'],
    ['@3', '04T15:00', '04T17:00'],
    ['~3', '04T15:00', '04T17:00'],
    ['abt 4', '04T16:00', '04T18:00'],
    ['at like 3', '04T15:00', '04T17:00'],
    ['11am', '04T11:00', '04T13:00'],
    ['7pm', '04T19:00', '04T21:00'],
    ['5 a.m. tomorrow', '05T05:00', '05T07:00'],
    ['15:00', '04T15:00', '04T17:00'],
    ['12pm', '04T12:00', '04T14:00'],
    ['at 10 tomorrow', '05T10:00', '05T12:00'],
    ['tomorrow at 3', '05T15:00', '05T17:00'],
    ['Friday 10', '05T10:00', '05T12:00'],
    ['tonight at 8', '04T20:00', '04T22:00'],
    ['at 9 tonight', '04T21:00', '04T23:00'],
    ['afternoon at 1', '04T13:00', '04T15:00'],
    ['tomorrow morning at 6', '05T06:00', '05T08:00'],
    ['3 in the afternoon', '04T15:00', '04T17:00'],
    ['at three', '04T15:00', '04T17:00'],
    ['in an hour', '04T10:30', '04T12:30'],
    ['in 30 min', '04T10:00', '04T12:00'],
    ['9 or 10', '04T09:30', '04T11:00'],
    ['at 0800 tmrw', '05T08:00', '05T10:00'],
    ['1400 hrs', '04T14:00', '04T16:00'],
    ['tomorrow at 10:30am', '05T10:30', '05T12:30'],
    ['7:30', '05T07:30', '05T09:30'],
    ['6:45', '04T18:45', '04T20:45'],
  ])('"%s" → %s–%s', (text, start, end) => {
    expect(windowOf(text)).toEqual({ start: iso(start), end: iso(end) });
  });
});

describe('ranges, "after" and "by"', () => {
  it.each([
    ['between 2 and 4', '04T14:00', '04T16:00'],
    ['2-4', '04T14:00', '04T16:00'],
    ['2 - 4', '04T14:00', '04T16:00'],
    ['2 to 4', '04T14:00', '04T16:00'],
    ['2–4', '04T14:00', '04T16:00'],
    ['btwn 2-4', '04T14:00', '04T16:00'],
    ['from 2 til 4', '04T14:00', '04T16:00'],
    ['9-11', '04T09:30', '04T11:00'],
    ['10-2', '04T10:00', '04T14:00'],
    ['11-1', '04T11:00', '04T13:00'],
    ['12-2', '04T12:00', '04T14:00'],
    ['5-7', '04T17:00', '04T19:00'],
    ['2-4pm', '04T14:00', '04T16:00'],
    ['10-2pm', '04T10:00', '04T14:00'],
    ['10am-2pm', '04T10:00', '04T14:00'],
    // The pm on the end covers a bare start when that keeps it earlier: evening, not 7 in the morning.
    ['7-9pm', '04T19:00', '04T21:00'],
    ['between 7 and 9pm', '04T19:00', '04T21:00'],
    ['8-11am', '04T09:30', '04T11:00'],
    ['tomorrow 7am-9pm', '05T07:00', '05T21:00'],
    ['tomorrow 9-9pm', '05T09:00', '05T21:00'],
    // A bare end earlier than the start is read as PM, for the whole range (not the two hours after the start).
    ['4-7', '04T16:00', '04T19:00'],
    ['5-9', '04T17:00', '04T21:00'],
    ['tomorrow 9-5', '05T09:00', '05T17:00'],
    // Followed by what is hauled, a range is still a time when am/pm, noon or "from" says so (bare "2-3 bags" is not).
    ['sat 10am-2pm couch and 2 chairs', '06T10:00', '06T14:00'],
    ['sat 10-noon couch and 2 chairs', '06T10:00', '06T12:00'],
    ['tmrw from 1-3 couch and 2 chairs', '05T13:00', '05T15:00'],
    ['between noon and 3', '04T12:00', '04T15:00'],
    ['sat between 2 & 4', '06T14:00', '06T16:00'],
    ['tomorrow evening 6-8', '05T18:00', '05T20:00'],
    ['after 2', '04T14:00', '04T17:00'],
    ['anytime after 2 tmrw', '05T14:00', '05T17:00'],
    ['after 4:30', '04T16:30', '04T17:00'],
    ['after 5', '04T17:00', '04T19:00'],
    ['from 2 on', '04T14:00', '04T17:00'],
    ['after lunch', '04T12:00', '04T17:00'],
    ['not home until 3', '04T15:00', '04T17:00'],
    ["I'm at work until 5 tmrw", '05T17:00', '05T19:00'],
    ['busy till 2', '04T14:00', '04T17:00'],
    ['by noon', '04T09:30', '04T12:00'],
    ['by noon tomorrow', '05T08:00', '05T12:00'],
    ['before 11 on saturday', '06T08:00', '06T11:00'],
    ['b4 2 tmrw', '05T08:00', '05T14:00'],
    ['until 3', '04T09:30', '04T15:00'],
    ['tomorrow morning after 10', '05T10:00', '05T12:00'],
    // "by 7" is before the working day starts: the two hours before it (tomorrow, as today's have passed).
    ['by 7', '05T05:00', '05T07:00'],
    ['by midnight', '04T09:30', '05T00:00'],
    ['by midnight tomorrow', '05T08:00', '06T00:00'],
    // A bare end no later than the start is read as PM; past midnight when the start is PM already.
    ['tomorrow 7-7', '05T07:00', '05T19:00'],
    ['tomorrow 9pm-2', '05T21:00', '06T02:00'],
    // An end with am/pm before the start: the usual two hours from the start.
    ['tomorrow 3-2pm', '05T15:00', '05T17:00'],
  ])('"%s" → %s–%s', (text, start, end) => {
    expect(windowOf(text)).toEqual({ start: iso(start), end: iso(end) });
  });
});

describe('which day', () => {
  it.each([
    // A weekday that is today counts while its window is still ahead; afterwards it is next week's.
    ['thursday', THU_0930, '04T09:30', '04T17:00'],
    ['thursday morning', '2026-06-04T13:00:00-05:00', '11T08:00', '11T12:00'],
    ['thursday evening', '2026-06-04T18:10:00-05:00', '04T18:10', '04T20:00'],
    ['thursday', '2026-06-04T18:00:00-05:00', '11T08:00', '11T17:00'],
    ['this thursday', THU_0930, '04T09:30', '04T17:00'],
    // "next <weekday>": that day in next week, weeks starting Monday.
    ['next thursday', THU_0930, '11T08:00', '11T17:00'],
    ['next wednesday', THU_0930, '10T08:00', '10T17:00'],
    ['next monday', THU_0930, '08T08:00', '08T17:00'],
    ['next sunday', THU_0930, '14T08:00', '14T17:00'],
    ['next tuesday', '2026-06-08T10:00:00-05:00', '16T08:00', '16T17:00'],
    ['next tuesday', '2026-06-09T10:00:00-05:00', '16T08:00', '16T17:00'],
    ['next tuesday', '2026-06-07T10:00:00-05:00', '09T08:00', '09T17:00'],
    ['tuesday', '2026-06-07T10:00:00-05:00', '09T08:00', '09T17:00'],
    ['nxt tue am', '2026-06-08T10:00:00-05:00', '16T08:00', '16T12:00'],
    ['tuesday next week', THU_0930, '09T08:00', '09T17:00'],
    // Dates: this year, or next year once passed.
    ['6/10', THU_0930, '10T08:00', '10T17:00'],
    ['6/4', THU_0930, '04T09:30', '04T17:00'],
    ['June 12', THU_0930, '12T08:00', '12T17:00'],
    ['jun 12th', THU_0930, '12T08:00', '12T17:00'],
    ['12 June', THU_0930, '12T08:00', '12T17:00'],
    ['the 12th', THU_0930, '12T08:00', '12T17:00'],
    ['6/10 at 3', THU_0930, '10T15:00', '10T17:00'],
    ['6/3', THU_0930, '2027-06-03T08:00:00-05:00', '2027-06-03T17:00:00-05:00'],
    ['6/10', '2026-06-11T09:00:00-05:00', '2027-06-10T08:00:00-05:00', '2027-06-10T17:00:00-05:00'],
    ['Jan 3', '2026-12-30T10:00:00-06:00', '2027-01-03T08:00:00-06:00', '2027-01-03T17:00:00-06:00'],
    ['1/3 am', '2026-12-30T10:00:00-06:00', '2027-01-03T08:00:00-06:00', '2027-01-03T12:00:00-06:00'],
    ['tomorrow', '2026-12-31T22:00:00-06:00', '2027-01-01T08:00:00-06:00', '2027-01-01T17:00:00-06:00'],
    // A day of the month that has passed is next month's; a month too short for it is skipped.
    ['the 2nd', THU_0930, '2026-07-02T08:00:00-05:00', '2026-07-02T17:00:00-05:00'],
    ['the 31st', THU_0930, '2026-07-31T08:00:00-05:00', '2026-07-31T17:00:00-05:00'],
    ['the 2nd', '2026-12-30T10:00:00-06:00', '2027-01-02T08:00:00-06:00', '2027-01-02T17:00:00-06:00'],
    // On Jan 31 the 30th has passed and February has none: March's.
    ['the 30th', '2027-01-31T09:30:00-06:00', '2027-03-30T08:00:00-05:00', '2027-03-30T17:00:00-05:00'],
    // Feb 29 only in a leap year.
    ['feb 29', THU_0930, '2028-02-29T08:00:00-06:00', '2028-02-29T17:00:00-06:00'],
    // A bare 12 is noon, whatever part of the day is named.
    ['saturday afternoon at 12', THU_0930, '06T12:00', '06T14:00'],
    ['6/10/2027', THU_0930, '2027-06-10T08:00:00-05:00', '2027-06-10T17:00:00-05:00'],
    ['Wed 6/9', THU_0930, '09T08:00', '09T17:00'],
    ['Tues 6/9 am', THU_0930, '09T08:00', '09T12:00'],
    ['saturday or sunday', THU_0930, '06T08:00', '06T17:00'],
    ['cancel friday, do saturday instead', THU_0930, '06T08:00', '06T17:00'],
    // The first day that is not negated wins.
    ['not today, tomorrow', THU_0930, '05T08:00', '05T17:00'],
    ["can't do friday, how about saturday", THU_0930, '06T08:00', '06T17:00'],
  ])('"%s" sent %s → %s–%s', (text, now, start, end) => {
    expect(windowOf(text, now)).toEqual({ start: iso(start), end: iso(end) });
  });
});

describe('never before now: clipping and rolling over', () => {
  it.each([
    // Clipped to now, truncated to the minute.
    ['today', '2026-06-04T13:47:59-05:00', '04T13:47', '04T17:00'],
    ['at 9', '2026-06-04T10:15:30-05:00', '04T10:15', '04T11:00'],
    ['this afternoon', '2026-06-04T16:59:00-05:00', '04T16:59', '04T17:00'],
    // No explicit day and already over: the next day.
    ['9am', '2026-06-04T23:00:00-05:00', '05T09:00', '05T11:00'],
    ['this afternoon', '2026-06-04T17:00:00-05:00', '05T12:00', '05T17:00'],
    ['tonight', '2026-06-04T23:00:00-05:00', '05T17:00', '05T20:00'],
    ['morning', '2026-06-04T12:00:00-05:00', '05T08:00', '05T12:00'],
    ['anytime today', '2026-06-04T18:00:00-05:00', '05T08:00', '05T17:00'],
  ])('"%s" sent %s → %s–%s', (text, now, start, end) => {
    expect(windowOf(text, now)).toEqual({ start: iso(start), end: iso(end) });
  });
});

describe('daylight saving time in the business zone', () => {
  it.each([
    // Spring forward: Sunday 2026-03-08, 02:00 CST → 03:00 CDT.
    ['tomorrow morning', '2026-03-07T20:00:00-06:00', '2026-03-08T08:00:00-05:00', '2026-03-08T12:00:00-05:00'],
    ['9am', '2026-03-08T01:30:00-06:00', '2026-03-08T09:00:00-05:00', '2026-03-08T11:00:00-05:00'],
    ['in an hour', '2026-03-08T01:30:00-06:00', '2026-03-08T03:30:00-05:00', '2026-03-08T05:30:00-05:00'],
    ['today', '2026-03-08T01:00:00-06:00', '2026-03-08T08:00:00-05:00', '2026-03-08T17:00:00-05:00'],
    // Fall back: Sunday 2026-11-01, 02:00 CDT → 01:00 CST.
    ['tomorrow', '2026-10-31T20:00:00-05:00', '2026-11-01T08:00:00-06:00', '2026-11-01T17:00:00-06:00'],
    ['sunday afternoon', '2026-10-30T12:00:00-05:00', '2026-11-01T12:00:00-06:00', '2026-11-01T17:00:00-06:00'],
    ['at 3', '2026-11-01T00:30:00-05:00', '2026-11-01T15:00:00-06:00', '2026-11-01T17:00:00-06:00'],
  ])('"%s" sent %s → %s–%s', (text, now, start, end) => {
    expect(windowOf(text, now)).toEqual({ start, end });
  });
});

describe('other business zones', () => {
  it.each([
    ['tmrw am', 'America/New_York', '2026-06-05T08:00:00-04:00', '2026-06-05T12:00:00-04:00'],
    ['tmrw am', 'UTC', '2026-06-05T08:00:00Z', '2026-06-05T12:00:00Z'],
    ['tmrw am', 'Asia/Kolkata', '2026-06-05T08:00:00+05:30', '2026-06-05T12:00:00+05:30'],
    ['tmrw am', 'Pacific/Apia', '2026-06-06T08:00:00+13:00', '2026-06-06T12:00:00+13:00'],
  ])('"%s" in %s → %s–%s', (text, tz, start, end) => {
    expect(windowOf(text, THU_0930, tz)).toEqual({ start, end });
  });
});

describe('no time at all', () => {
  it.each(['now', 'asap', 'ASAP pls', 'ready now', 'whenever', 'where r u', 'yes', '2-3 bags', 'at 2 locations', '1/2 load', '2 couches', 'on the 2nd floor', 'the 3rd time I ask'])(
    '"%s" → no window',
    (text) => {
      expect(windowOf(text)).toBeNull();
    },
  );
});
