// CloudFront Function (runtime cloudfront-js-2.0), associated as viewer-request on the default behaviour (the
// static pages in S3). It maps the short links the bot texts onto the static pages:
//   /track/<token>  -> /track.html  with ?token=<token>
//   /book/<slug>    -> /book.html   with ?location=<slug>
//   /dashboard(/)   -> /dashboard.html,   /  -> /index.html
// Everything else passes through untouched. Other query parameters are kept (a link shared with ?utm_source=sms
// still works); a token or slug in the path wins over one in the query, so the link is the only source of truth.
// Only values in the expected alphabet are rewritten: nanoid tokens ([A-Za-z0-9_-]) and address slugs
// ([A-Za-z0-9-]). Anything else (an empty segment, extra segments, percent-encoded characters such as %2F) is
// passed through, and S3 answers it with an error, because a strict pattern is what keeps odd input away
// from the page scripts.
// Plain ES5 script on purpose: no require/import/export or timers (CloudFront Functions have none), under 10 KB.
// This file is the only copy of the code: `npm run sync-edge` copies it into template.yaml, and the tests fail if
// the copy differs. handlers/edge-runner.ts runs this same file for `npm start`.

var TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
var SLUG_PATTERN = /^[A-Za-z0-9-]{1,80}$/;

var SHORT_LINKS = {
  track: { page: '/track.html', param: 'token', pattern: TOKEN_PATTERN },
  book: { page: '/book.html', param: 'location', pattern: SLUG_PATTERN }
};

var PAGES = {
  '/': '/index.html',
  '/dashboard': '/dashboard.html',
  '/dashboard/': '/dashboard.html'
};

function handler(event) {
  var request = event.request;
  var uri = request.uri;

  if (Object.prototype.hasOwnProperty.call(PAGES, uri)) {
    request.uri = PAGES[uri];
    return request;
  }

  // One segment after /track/ or /book/, with an optional trailing slash.
  var match = /^\/(track|book)\/([^\/]+)\/?$/.exec(uri);
  if (match === null) return request;

  var link = SHORT_LINKS[match[1]];
  var value = match[2];
  if (!link.pattern.test(value)) return request;

  request.uri = link.page;
  if (!request.querystring) request.querystring = {};
  // Replacing the whole entry also drops any multiValue list a viewer sent for the same name.
  request.querystring[link.param] = { value: value };
  return request;
}
