import { describe, expect, it } from 'vitest';
import { describeWindow } from '../../domain/describe-window';
import { describeWindowEs } from '../../domain/describe-window-es';

const TZ = 'America/Chicago';
const THU_0930 = new Date('2026-06-04T09:30:00-05:00');
const w = (start: string, end: string) => ({ start, end });

describe('a window in words', () => {
  it.each([
    [w('2026-06-04T12:00:00-05:00', '2026-06-04T17:00:00-05:00'), 'Today, 12–5 PM'],
    [w('2026-06-05T08:00:00-05:00', '2026-06-05T12:00:00-05:00'), 'Tomorrow, 8 AM–12 PM'],
    [w('2026-06-06T08:00:00-05:00', '2026-06-06T17:00:00-05:00'), 'Sat, Jun 6, 8 AM–5 PM'],
    [w('2026-06-04T15:30:00-05:00', '2026-06-04T17:30:00-05:00'), 'Today, 3:30–5:30 PM'],
    [w('2026-06-04T10:00:00-05:00', '2026-06-04T12:00:00-05:00'), 'Today, 10 AM–12 PM'],
    [w('2026-06-04T09:30:00-05:00', '2026-06-04T11:00:00-05:00'), 'Today, 9:30–11 AM'],
    [w('2026-06-04T09:47:00-05:00', '2026-06-04T12:00:00-05:00'), 'Today, 9:47 AM–12 PM'],
    [w('2026-06-04T17:00:00-05:00', '2026-06-04T20:00:00-05:00'), 'Today, 5–8 PM'],
    [w('2026-06-04T21:00:00-05:00', '2026-06-04T23:00:00-05:00'), 'Today, 9–11 PM'],
    [w('2026-06-04T23:00:00-05:00', '2026-06-05T01:00:00-05:00'), 'Today, 11 PM–1 AM'],
    [w('2026-06-11T08:00:00-05:00', '2026-06-11T17:00:00-05:00'), 'Thu, Jun 11, 8 AM–5 PM'],
    // The same instants written in UTC describe the same local times.
    [w('2026-06-04T17:00:00Z', '2026-06-04T22:00:00Z'), 'Today, 12–5 PM'],
    // A date a year ahead gets its year.
    [w('2027-06-03T08:00:00-05:00', '2027-06-03T17:00:00-05:00'), 'Thu, Jun 3, 2027, 8 AM–5 PM'],
  ])('%j → %s', (window, words) => {
    expect(describeWindow(window, THU_0930, TZ)).toBe(words);
  });

  it('no window is as soon as possible', () => {
    expect(describeWindow(null, THU_0930, TZ)).toBe('as soon as possible');
  });

  it('"today" and "tomorrow" are the business zone\'s days, not the machine\'s', () => {
    // 2026-06-04T23:30 in Chicago is already 06-05 in UTC and 06-05 afternoon in Apia.
    const lateThursday = new Date('2026-06-05T04:30:00Z');
    const fridayMorning = w('2026-06-05T08:00:00-05:00', '2026-06-05T12:00:00-05:00');
    expect(describeWindow(fridayMorning, lateThursday, TZ)).toBe('Tomorrow, 8 AM–12 PM');
    expect(describeWindow(fridayMorning, lateThursday, 'UTC')).toBe('Today, 1–5 PM');
  });

  it('across New Year a date just ahead needs no year', () => {
    const dec30 = new Date('2026-12-30T10:00:00-06:00');
    expect(describeWindow(w('2027-01-03T08:00:00-06:00', '2027-01-03T17:00:00-06:00'), dec30, TZ)).toBe('Sun, Jan 3, 8 AM–5 PM');
  });

  it('on the day clocks go back, the wall-clock hours are described', () => {
    const day = new Date('2026-11-01T06:00:00-06:00');
    expect(describeWindow(w('2026-11-01T08:00:00-06:00', '2026-11-01T12:00:00-06:00'), day, TZ)).toBe('Today, 8 AM–12 PM');
  });

  it('a window that is not ISO is a programming error and says so', () => {
    expect(() => describeWindow(w('tomorrow', 'later'), THU_0930, TZ)).toThrow(/not an ISO date-time/);
  });
});

describe('a window in Spanish words (texts to Spanish-speaking customers)', () => {
  it.each([
    [w('2026-06-04T12:00:00-05:00', '2026-06-04T17:00:00-05:00'), 'hoy, 12–5 PM'],
    [w('2026-06-05T08:00:00-05:00', '2026-06-05T12:00:00-05:00'), 'mañana, 8 AM–12 PM'],
    [w('2026-06-06T08:00:00-05:00', '2026-06-06T17:00:00-05:00'), 'pasado mañana, 8 AM–5 PM'],
    [w('2026-06-07T08:00:00-05:00', '2026-06-07T17:00:00-05:00'), 'dom 7 jun, 8 AM–5 PM'],
    [w('2026-06-10T08:00:00-05:00', '2026-06-10T17:00:00-05:00'), 'mié 10 jun, 8 AM–5 PM'],
    [w('2026-12-12T08:00:00-06:00', '2026-12-12T17:00:00-06:00'), 'sáb 12 dic, 8 AM–5 PM'],
    [w('2027-01-15T08:00:00-06:00', '2027-01-15T17:00:00-06:00'), 'vie 15 ene 2027, 8 AM–5 PM'],
  ])('%j → %s', (window, words) => {
    expect(describeWindowEs(window, THU_0930, TZ)).toBe(words);
  });

  it('no window is as soon as possible; a date just past New Year needs no year', () => {
    expect(describeWindowEs(null, THU_0930, TZ)).toBe('lo antes posible');
    const dec30 = new Date('2026-12-30T10:00:00-06:00');
    expect(describeWindowEs(w('2027-01-04T08:00:00-06:00', '2027-01-04T17:00:00-06:00'), dec30, TZ)).toBe('lun 4 ene, 8 AM–5 PM');
  });
});

