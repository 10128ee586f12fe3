/**
 * Headers for the static pages. The local server sends them; template.yaml declares the same policy for
 * CloudFront (a response-headers policy), and the template test checks they agree.
 * No 'unsafe-inline' scripts: pages load their script from a file and build the DOM with textContent.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

export const PAGE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
});

/**
 * Headers for every API response (JSON, TwiML): a browser must never sniff them into HTML or script, run or frame
 * anything in them, or send the URL (which may hold a tracking token) as a Referer.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
});
