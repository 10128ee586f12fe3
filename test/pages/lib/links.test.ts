import { describe, expect, it } from 'vitest';
import { addressFromSlug, slugFromLocation, trackingHref } from '../../../pages/lib/links';

const SITE = 'https://dispatch.example.com';
const TOKEN = 'V1StGXR8_Z5jdHi6B-myTx';

describe('the booking link prefills the address', () => {
  it.each([
    ['soderblom-ave', 'Soderblom Ave'],
    ['1801-n-central-st', '1801 N Central St'],
    ['LAKE-SHORE-DRIVE', 'Lake Shore Drive'],
    ['oak--st-', 'Oak St'],
    [null, ''],
    ['%3Cscript%3E', ''],
    ['a'.repeat(81), ''],
  ])('%s → "%s"', (slug, address) => {
    expect(addressFromSlug(slug)).toBe(address);
  });

  it.each([
    [{ search: '?location=elm-st', pathname: '/book.html' }, 'elm-st'],
    [{ search: '', pathname: '/book/soderblom-ave' }, 'soderblom-ave'],
    [{ search: '', pathname: '/book/soderblom-ave/' }, 'soderblom-ave'],
    [{ search: '', pathname: '/book.html' }, null],
    [{ search: '', pathname: '/book/a/b' }, null],
  ])('reads the street from the query or, after the edge rewrite, the address bar: %o', (location, slug) => {
    expect(slugFromLocation(location)).toBe(slug);
  });
});

describe('the tracking link shown after booking', () => {
  it.each([
    ['a link on this site', `${SITE}/track/${TOKEN}`, `${SITE}/track/${TOKEN}`],
    ['the same path under another host name for this site', `http://localhost:3000/track/${TOKEN}`, `${SITE}/track/${TOKEN}`],
    ['a javascript: URL', `javascript:alert(1)//${SITE}/track/${TOKEN}`, null],
    ['another page on this site', `${SITE}/dashboard`, null],
    ['a path that climbs out of /track/', `${SITE}/track/../dashboard`, null],
    ['a token with odd characters', `${SITE}/track/${TOKEN}"><img`, null],
    ['not a string', 42, null],
  ])('%s', (_name, value, href) => {
    expect(trackingHref(value, SITE)).toBe(href);
  });
});
