import { describe, expect, it } from 'vitest';
import { amountCents } from '../../../domain/parse/amount';

describe('amounts in cents', () => {
  it.each([
    ['$600', 60000],
    ['$ 600', 60000],
    ['$1,250', 125000],
    ['$450.50', 45050],
    ['$450.5', 45050],
    ['$1,250.00', 125000],
    ['that is $99.99 ok?', 9999],
    ['600 dollars', 60000],
    ['600 bucks', 60000],
    ['$600.', 60000],
  ])('%j → %d (with a money sign or word)', (text, cents) => {
    expect(amountCents(text)).toBe(cents);
    expect(amountCents(text, { bare: true })).toBe(cents);
  });

  it.each([
    ['600', 60000],
    ['1,250', 125000],
    ['450.50', 45050],
    ['price  600 for it', 60000],
  ])('%j → %d when a bare number is a price', (text, cents) => {
    expect(amountCents(text, { bare: true })).toBe(cents);
    expect(amountCents(text)).toBeNull();
  });

  it.each(['10 min', '3pm', '10:30', '6/10', '2 hrs', '1,25', '5 bags', 'no number', '25%'])(
    '%j is not an amount even when bare numbers count',
    (text) => {
      expect(amountCents(text, { bare: true })).toBeNull();
    },
  );

  it('takes the $-amount over a bare number', () => {
    expect(amountCents('2 guys $300', { bare: true })).toBe(30000);
  });
});
