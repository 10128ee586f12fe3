import { describe, expect, it } from 'vitest';
import { parseText } from '../../../domain/parse/parse-text';

const now = new Date('2026-06-04T09:30:00-05:00');
const crew = (text: string) => parseText(text, { now, tz: 'America/Chicago', role: 'crew' });

describe('omw with an ETA, in any order', () => {
  it.each<[string, string | null, number | null]>([
    ['omw 20', null, 20],
    ['omw 20m', null, 20],
    ['omw 20 min', null, 20],
    ['omw K7Q2 20', 'K7Q2', 20],
    ['omw K7Q2 now 20 min', 'K7Q2', 20],
    ['20 min omw K7Q2', 'K7Q2', 20],
    ['OMW now #K7Q2 15m', 'K7Q2', 15],
    ['omw 20 mins', null, 20],
    ['on my way, be there in 15 minutes', null, 15],
    ['omw 1 hr', null, 60],
    ['omw 45 K7Q2', 'K7Q2', 45],
    ['omw', null, null],
    ['omw now', null, null],
    ['omw K7Q2', 'K7Q2', null],
    ['omw to 12 Oak St', null, null],
    ['omw, there at 3', null, null],
    ['omw be there 3pm', null, null],
    ['omw 500', null, null],
  ])('%j → code %s, ETA %s min', (text, code, minutes) => {
    const parsed = crew(text);
    expect(parsed.intent).toBe('en_route');
    expect(parsed.jobCode).toBe(code);
    expect(parsed.etaMinutes).toBe(minutes);
  });

  it('an ETA is only read from "omw" texts, and never from customers', () => {
    expect(crew('done K7Q2 20 min').etaMinutes).toBeNull();
    expect(crew('price K7Q2 20').etaMinutes).toBeNull();
    expect(parseText('omw 20 min', { now, tz: 'America/Chicago', role: 'customer' }).etaMinutes).toBeNull();
  });
});
