import { describe, expect, it } from 'vitest';
import { clockInWords, dateTimeInWords, phoneForPeople, windowInWords } from '../../domain/page-words';

const TZ = 'America/Chicago';
const NOW = new Date('2026-06-04T14:30:00Z'); // 9:30 AM in Chicago
const w = (start: string, end: string) => ({ start, end });

describe('windowInWords', () => {
  it.each([
    ['en', w('2026-06-04T12:00:00-05:00', '2026-06-04T17:00:00-05:00'), 'Today, 12–5 PM'],
    ['es', w('2026-06-04T12:00:00-05:00', '2026-06-04T17:00:00-05:00'), 'Hoy, de 12 a 5 p. m.'],
    ['es', w('2026-06-05T08:00:00-05:00', '2026-06-05T12:00:00-05:00'), 'Mañana, de 8 a. m. a 12 p. m.'],
    ['es', w('2026-06-06T15:30:00-05:00', '2026-06-06T17:00:00-05:00'), 'Sáb 6 jun, de 3:30 a 5 p. m.'],
    ['es', null, 'lo antes posible'],
    ['en', null, 'as soon as possible'],
  ] as const)('in %s: %j reads "%s"', (language, window, words) => {
    expect(windowInWords(window, NOW, TZ, language)).toBe(words);
  });
});

describe('clockInWords and dateTimeInWords', () => {
  it.each([
    ['2026-06-04T19:40:00Z', 'en', '2:40 PM'],
    ['2026-06-04T19:40:00Z', 'es', '2:40 p. m.'],
    ['2026-06-04T05:05:00Z', 'en', '12:05 AM'],
  ] as const)('%s in %s is %s in the business zone', (iso, language, words) => {
    expect(clockInWords(iso, TZ, language)).toBe(words);
  });

  it.each([
    ['en', 'Thu, Jun 4, 2026, 2:40 PM'],
    ['es', 'jue 4 jun 2026, 2:40 p. m.'],
  ] as const)('receipt dates in %s: %s', (language, words) => {
    expect(dateTimeInWords('2026-06-04T19:40:00Z', TZ, language)).toBe(words);
  });
});

describe('phoneForPeople', () => {
  it.each([
    ['+15555550100', '(555) 555-0100'],
    ['+442079460958', '+44 20 7946 0958'],
  ])('%s is written %s', (e164, text) => {
    expect(phoneForPeople(e164)).toBe(text);
  });
});
