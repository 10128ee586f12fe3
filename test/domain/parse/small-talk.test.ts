import { describe, expect, it } from 'vitest';
import { isSmallTalk } from '../../../domain/parse/small-talk';
import { customer } from './support';

describe('small talk', () => {
  it.each(['thanks!', 'Thank you so much', 'ok', 'okay 👍', '👍', 'great', 'perfect, thanks', 'cool', 'hi', 'Hello', 'gracias', 'muchas gracias!', 'vale', 'bueno', 'hola'])(
    '%j is small talk, and never a booking',
    (text) => {
      expect(isSmallTalk(text)).toBe(true);
      expect(['other', 'confirm']).toContain(customer(text).intent);
    },
  );

  it.each(['thanks, can you come at 3?', 'ok 12 Oak St', 'hi, where r u', 'gracias, mañana en la tarde', '', 'cancel'])('%j is not small talk', (text) => {
    expect(isSmallTalk(text)).toBe(false);
  });
});
