import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, isJobCode, newJobCode } from '../../domain/job-code';
import { findJobCode } from '../../domain/parse/job-code-text';

/** A repeatable random source (mulberry32), so the tests see the same codes every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('job codes', () => {
  it.each([
    ['K7Q2', true],
    ['9RZ4', true],
    ['DONE', false], // no digit: a word crew might text
    ['2345', false], // no letter
    ['K7O2', false], // O looks like 0
    ['K7I2', false], // I looks like 1
    ['k7q2', false], // stored upper-case
    ['K7Q', false],
  ])('%s is a code: %s', (code, valid) => {
    expect(isJobCode(code)).toBe(valid);
  });

  it('never hands out a code an open job already has, even from a random source that repeats', () => {
    const taken = new Set<string>();
    const random = seeded(7);
    for (let i = 0; i < 2000; i++) {
      const code = newJobCode(random, taken);
      expect(isJobCode(code)).toBe(true);
      expect(taken.has(code)).toBe(false);
      taken.add(code);
    }
  });

  it('only hands out codes a crew member can text without a #', () => {
    const random = seeded(11);
    const taken = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const code = newJobCode(random, taken);
      expect(findJobCode(`claim ${code.toLowerCase()}`)?.code).toBe(code);
      taken.add(code);
    }
  });

  it('always mixes a digit and a letter, even when the random source only yields letters', () => {
    const lettersOnly = () => 0.99; // the last alphabet character, 'Z'
    expect(CODE_ALPHABET.at(-1)).toBe('Z');
    expect(isJobCode(newJobCode(lettersOnly, new Set()))).toBe(true);
    const digitsOnly = () => 0;
    expect(isJobCode(newJobCode(digitsOnly, new Set()))).toBe(true);
  });

  it('an all-letter draw gets a digit picked by the random source, not always the same one', () => {
    expect(newJobCode(() => 0.99, new Set())).toBe('9ZZZ');
  });

  it('codes are spread over the whole alphabet: not all start with a digit, not all end in K', () => {
    const random = seeded(3);
    const codes = Array.from({ length: 200 }, () => newJobCode(random, new Set()));
    expect(codes.some((code) => /^[A-Z]/.test(code))).toBe(true);
    expect(codes.some((code) => !code.endsWith('K'))).toBe(true);
  });

  it('a random source stuck on a taken code fails loudly instead of looping forever', () => {
    expect(() => newJobCode(() => 0.99, new Set(['9ZZZ']))).toThrow('no free job code');
  });
});
