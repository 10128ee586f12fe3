import { describe, expect, it } from 'vitest';
import { fieldsToWindow, parseDollars, windowToFields } from '../../../pages/dashboard/edit-values';

const TZ = 'America/Chicago';

describe('the pickup window in the drawer is edited in business time', () => {
  it.each([
    ['a summer afternoon (CDT, UTC-5)', { date: '2026-06-04', from: '12:00', to: '17:00' }, '2026-06-04T17:00:00.000Z', '2026-06-04T22:00:00.000Z'],
    ['a winter morning (CST, UTC-6)', { date: '2026-01-15', from: '08:30', to: '12:00' }, '2026-01-15T14:30:00.000Z', '2026-01-15T18:00:00.000Z'],
    ['the day clocks spring forward', { date: '2026-03-08', from: '08:00', to: '12:00' }, '2026-03-08T13:00:00.000Z', '2026-03-08T17:00:00.000Z'],
    ['an evening until midnight', { date: '2026-06-04', from: '18:00', to: '00:00' }, '2026-06-04T23:00:00.000Z', '2026-06-05T05:00:00.000Z'],
  ])('%s round-trips', (_name, fields, start, end) => {
    const parsed = fieldsToWindow(fields, TZ);
    expect(parsed.ok && parsed.window && [new Date(parsed.window.start).toISOString(), new Date(parsed.window.end).toISOString()]).toEqual([start, end]);
    expect(windowToFields({ start, end }, TZ)).toEqual(fields);
  });

  it('all fields empty means no time set (as soon as possible)', () => {
    expect(fieldsToWindow({ date: '', from: '', to: '' }, TZ)).toEqual({ ok: true, window: null });
    expect(windowToFields(null, TZ)).toEqual({ date: '', from: '', to: '' });
  });

  it.each([
    ['times without a day', { date: '', from: '12:00', to: '17:00' }, /Pick a date/],
    ['a day without times', { date: '2026-06-04', from: '', to: '' }, /both times/],
    ['an end before the start', { date: '2026-06-04', from: '17:00', to: '12:00' }, /end after it starts/],
  ])('%s is an error the dispatcher can read', (_name, fields, message) => {
    const parsed = fieldsToWindow(fields, TZ);
    expect(parsed.ok ? null : parsed.error).toMatch(message);
  });
});

describe('a price typed in dollars', () => {
  it.each([
    ['600', 60000],
    ['$600', 60000],
    [' 1,250.5 ', 125050],
    ['450.05', 45005],
    ['six hundred', null],
    ['-5', null],
    ['600.001', null],
    ['', null],
  ])('%s → %s cents', (typed, cents) => {
    expect(parseDollars(typed)).toBe(cents);
  });
});
