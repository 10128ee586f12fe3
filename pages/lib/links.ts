/**
 * Links in and out of the booking page. Booking links carry the street as a slug (/book/soderblom-ave, printed on a flyer for that street); the form
 * starts with it filled in as words.
 */

/**
 * The street slug of a booking link: from ?location=… (what the edge rewrite passes to /book.html) or from the
 * path itself, which is what the browser's address bar keeps showing after the rewrite.
 * @example slugFromLocation({ search: '', pathname: '/book/soderblom-ave' }) // 'soderblom-ave'
 */
export function slugFromLocation(location: Pick<Location, 'search' | 'pathname'>): string | null {
  const fromQuery = new URLSearchParams(location.search).get('location');
  if (fromQuery) return fromQuery;
  return /^\/book\/([A-Za-z0-9-]{1,80})\/?$/.exec(location.pathname)?.[1] ?? null;
}

/** Short street words that read as all capitals. */
const UPPER = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'po']);

/**
 * @example addressFromSlug('soderblom-ave') // 'Soderblom Ave'
 * @example addressFromSlug('1801-n-central-st') // '1801 N Central St'
 */
export function addressFromSlug(slug: string | null): string {
  if (!slug || !/^[A-Za-z0-9-]{1,80}$/.test(slug)) return '';
  return slug
    .split('-')
    .filter(Boolean)
    .map((word) => (UPPER.has(word.toLowerCase()) ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()))
    .join(' ');
}

/**
 * The tracking link to show, or null. Only a /track/<token> address is ever made a link: on this site as given, or
 * (when the server's public URL names another host for this same site, e.g. localhost vs 127.0.0.1) rebuilt on
 * this page's origin from its path.
 * @example trackingHref('javascript:alert(1)', 'https://dispatch.example.com') // null
 */
export function trackingHref(value: unknown, origin: string): string | null {
  if (typeof value !== 'string') return null;
  if (value.startsWith(`${origin}/track/`) && /^\/track\/[A-Za-z0-9_-]{21,64}$/.test(value.slice(origin.length))) return value;
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && /^\/track\/[A-Za-z0-9_-]{21,64}$/.test(url.pathname)) {
      return `${origin}${url.pathname}`;
    }
  } catch {
    // not a URL: no link
  }
  return null;
}
