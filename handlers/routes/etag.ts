/** Conditional GET for the API's JSON answers. */

/**
 * If-None-Match holds `etag` (weak or strong, in a list) or `*`.
 * @example matchesEtag('W/"abc", "def"', '"def"') // true
 */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}
