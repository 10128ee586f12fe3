import { describe, expect, it } from 'vitest';
import { normalizeTimeWords } from '../../../domain/parse/time-words';

describe('SMS spellings of time words', () => {
  it.each([
    ['tmrw am', 'tomorrow morning'],
    ['tmr aftn', 'tomorrow afternoon'],
    ['2morrow nite', 'tomorrow evening'],
    ['sat aftn til 4ish', 'saturday afternoon until 4:00'],
    ['thurs pm', 'thursday afternoon'],
    ['10 am tomorrow', '10 am tomorrow'],
    ['b4 noon', 'before noon'],
    ['btwn 2-4', 'between 2-4'],
    ['at like 3', 'at 3'],
    ['at three pm', 'at 3 pm'],
    ["c'mon", "c'mon"],
    ['lunchtime', 'noon'],
    ["not home till 3", 'after 3'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeTimeWords(text)).toBe(expected);
  });
});
