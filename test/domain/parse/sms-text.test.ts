import { describe, expect, it } from 'vitest';
import { bareWord, blank, foldCase, plainText } from '../../../domain/parse/sms-text';

describe('SMS text helpers keep every index in place', () => {
  it.each(['Tmrw AM 12 Oak St', 'İstanbul Ave', 'OMW 👍🏽 K7Q2', 'ready ✅ now', 'it’s out — by the garage'])(
    '%j folds and plains to the same length',
    (text) => {
      expect(foldCase(text)).toHaveLength(text.length);
      expect(plainText(text)).toHaveLength(text.length);
    },
  );

  it('plainText lowers, straightens quotes, makes dashes "-" and blanks emoji', () => {
    expect(plainText('It’s 2–4 👍')).toBe("it's 2-4   ");
  });

  it('blank replaces a span with spaces', () => {
    expect(blank('at 12 Oak St now', 3, 12)).toBe('at' + ' '.repeat(11) + 'now');
  });

  it.each([
    ['  Stop!! ', 'STOP'],
    ['"cancel."', 'CANCEL'],
    ['help 🙏', 'HELP'],
    ['stop by', 'STOP BY'],
  ])('bareWord(%j) → %j', (text, word) => {
    expect(bareWord(text)).toBe(word);
  });
});
