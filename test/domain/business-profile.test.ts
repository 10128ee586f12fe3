/**
 * business.json as the dashboard saves it and the bot reads it: every bad field named on save; a missing or broken
 * file read as the empty profile, so questions go to a person and booking never stops.
 */
import { describe, expect, it } from 'vitest';
import { emptyBusinessProfile, readBusinessProfile, validateBusinessProfile } from '../../domain/business-profile';

describe('saving the business profile', () => {
  it('fills in what is not given', () => {
    expect(validateBusinessProfile({ itemsTaken: ['couch'] })).toEqual({ ok: true, profile: { ...emptyBusinessProfile(), itemsTaken: ['couch'] } });
  });

  it('names every bad field', () => {
    const result = validateBusinessProfile({ hours: { sat: '' }, serviceArea: { zips: ['6020'] } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([expect.stringMatching(/^hours\.sat: /), 'serviceArea.zips.0: a 5-digit ZIP such as 60201']);
  });

  it('names the whole file when it is not an object', () => {
    expect(validateBusinessProfile([])).toEqual({ ok: false, errors: [expect.stringMatching(/^business\.json: /)] });
  });
});

describe('reading the business profile', () => {
  it('reads a good file', () => {
    expect(readBusinessProfile('{"notes":"Cash or card"}')).toEqual({ ...emptyBusinessProfile(), notes: 'Cash or card' });
  });

  it.each([
    ['missing', null],
    ['not JSON', '{"notes":'],
    ['invalid', '{"notes": 5}'],
  ])('reads a %s file as the empty profile', (_, text) => {
    expect(readBusinessProfile(text)).toEqual(emptyBusinessProfile());
  });
});
