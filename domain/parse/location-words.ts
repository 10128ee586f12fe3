import { STREET_SUFFIX_SPELLINGS } from './street-suffixes';

/**
 * The word lists behind address extraction (domain/location.ts): street suffixes, unit words, US states, and the
 * words that can never be part of a street name (so "ready this afternoon, Soderblom Ave" gives "Soderblom Ave" and
 * "on my way" is never a street called "my Way").
 */

/** Street-type words, lower case, without a trailing period. Abbreviations may follow a lower-case name. */
export const SUFFIX_ABBREVIATIONS = new Set([
  'ave', 'av', 'st', 'rd', 'blvd', 'dr', 'ln', 'ct', 'pl', 'pkwy', 'hwy', 'ter', 'terr', 'cir', 'trl', 'sq', 'aly',
  'cres', 'plz', 'expy', 'fwy', 'tpke', 'cv', 'xing', 'hts', 'pt',
]);

/** Full street-type words; without a house number they need a capitalised name ("Lake Shore Drive", not "i'll drive"). */
export const SUFFIX_WORDS = new Set([
  'avenue', 'street', 'road', 'boulevard', 'drive', 'lane', 'court', 'way', 'place', 'parkway', 'highway',
  'terrace', 'circle', 'trail', 'square', 'loop', 'pike', 'alley', 'crescent', 'plaza', 'expressway', 'freeway',
  'turnpike', 'cove', 'crossing', 'heights', 'row', 'run', 'walk', 'path', 'point',
]);

/**
 * The rest of the USPS suffix table (street-suffixes.ts): Cmn, Xrd, Fls, Mews, Rue, Wall, Pass, Land, Trce, Lndg …
 * Many are everyday words ("pass", "land", "fall", "spring"), so they anchor an address only after a house number
 * and a capitalised street name ("150 Clinton Cmn", "90 Meadow Land"); spellings without a vowel ("cmn", "xrd")
 * may be lower case. Left out: "is" (ISLAND), "un" (UNION), "via", and the state codes KY and PR.
 */
export const RARE_SUFFIXES: ReadonlySet<string> = new Set(
  [...STREET_SUFFIX_SPELLINGS].filter(
    (s) => !SUFFIX_ABBREVIATIONS.has(s) && !SUFFIX_WORDS.has(s) && !['is', 'un', 'via', 'ky', 'pr'].includes(s),
  ),
);

/** Street types written before the name: "48 Rue Royale", "1177 Avenue of the Americas", "Avenue J". */
export const PREFIX_STREET_TYPES = new Set(['rue', 'avenue', 'ave', 'calle', 'camino', 'avenida', 'paseo', 'via']);

/**
 * Roads named by number after the type: "Hwy 61", "County Road 12", "Route 9", "COUNTY HWY 60E", "State Route 9",
 * "US Hwy 1", "FM 1960" (Texas Farm to Market), "Ranch Road 12".
 */
export const NUMBERED_ROAD =
  /^(hwy|highway|route|rte|rt|county road|county rd|co rd|cr|state road|state rd|sr|us|fm|county hwy|county highway|co hwy|cty hwy|cty rd|county route|co rte|state route|state rte|state hwy|state highway|us hwy|us highway|us route|us rte|ranch road|ranch rd|rr|farm road|farm to market|farm to market road|sh|state hwy spur)$/;

export const UNIT_WORDS = new Set([
  'apt', 'apartment', 'unit', 'suite', 'ste', 'bldg', 'building', 'fl', 'floor', 'rm', 'room', 'lot', 'trlr', 'trailer',
]);

export const DIRECTIONS = /^(N|S|E|W|NE|NW|SE|SW|North|South|East|West|NORTH|SOUTH|EAST|WEST)$/;

export const STATE_CODES = new Set([
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR',
]);

export const STATE_NAMES = new Set([
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'georgia', 'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine',
  'maryland', 'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'ohio', 'oklahoma', 'oregon', 'pennsylvania', 'tennessee', 'texas', 'utah', 'vermont', 'virginia', 'washington',
  'wisconsin', 'wyoming',
]);

/** Day and time words: never part of a street name, a city, or a house number's street. */
export const TIME_WORDS = new Set([
  'today', 'tonight', 'tonite', 'tomorrow', 'tmrw', 'tmr', 'tmw', 'tmrow', 'tomorow', 'tommorow', 'tommorrow',
  '2morrow', '2moro', '2mrw', '2day', '2nite', '2night', 'morning', 'mornin', 'morn', 'am', 'pm', 'afternoon', 'aftn',
  'arvo', 'evening', 'eve', 'night', 'nite', 'noon', 'midnight', 'midday', 'lunch', 'lunchtime', 'asap', 'now',
  'anytime', 'whenever', 'soon', 'later', 'early', 'late', 'after', 'before', 'until', 'til', 'till', 'between',
  'around', 'about', 'next', 'this', 'week', 'weekend', 'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed',
  'weds', 'thursday', 'thu', 'thur', 'thurs', 'friday', 'fri', 'saturday', 'sat', 'sunday', 'sun', 'mondays',
  'tuesdays', 'wednesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'january', 'jan', 'february', 'feb',
  'march', 'april', 'apr', 'june', 'jun', 'july', 'jul', 'august', 'aug', 'september', 'sept', 'sep', 'october',
  'oct', 'november', 'nov', 'december', 'dec', 'oclock', "o'clock", 'ish', 'sharp', 'hour', 'hours', 'hrs', 'min',
  'mins', 'minutes',
]);

/** Words that end a street name when walking back from the suffix: lead-ins, pronouns, verbs, fillers. */
export const NOT_STREET_WORDS = new Set([
  'a', 'an', 'the', 'at', 'on', 'in', 'to', 'from', 'by', 'of', 'for', 'and', 'or', 'is', 'are', 'was', 'be', 'been',
  'my', 'your', 'our', 'their', 'his', 'her', 'its', "it's", 'this', 'that', 'these', 'those', 'no', 'any', 'either',
  'which', 'one', 'half', 'all', 'same', 'other', 'some', 'i', "i'm", 'im', 'we', "we're", 'were', 'you',
  'u', 'me', 'us', 'it', 'they', 'will', 'can', 'could', 'would', 'should', "i'll", 'ill', "we'll", 'pickup', 'pick',
  'up', 'ready', 'come', 'get', 'grab', 'please', 'pls', 'plz', 'thanks', 'thank', 'thx', 'ty', 'address', 'addr',
  'located', 'near', 'off', 'corner', 'house', 'home', 'yes', 'yeah', 'yep', 'ok', 'okay', 'hi', 'hello', 'hey',
  'here', 'there', 'out', 'back', 'side', 'curb', 'garage', 'driveway', 'alley', 'behind', 'across',
  'down', 'along', 'just', 'also', 'still', 'so', 'if', 'but', 'haul', 'junk', 'stuff', 'items', 'need', 'have',
  'has', 'got', 'go', 'going', 'heading', 'headed', 'drive', 'drove', 'parked', 'not', 'way', 'omw', 'otw',
  'street', 'road', 'find', 'go', 'same', 'different', 'move', 'moved', 'change', 'instead', 'stop',
  'swing', 'over', 'via', 'then', 'when', 'where', 'what', 'who', 'how', 'why', 'btw', 'lol', 'sorry', 'hauling',
  'cancel', 'status', 'eta', 'crew', 'truck', 'guys', 'see', 'call', 'text', 'left', 'right', 'gate', 'door', 'porch',
  'yard', 'lawn', 'outside', 'inside', 'with', 'without', 'like', 'done', 'finished', 'complete', 'claim', 'release',
  'price', 'quote', 'drop', 'jobs', 'job', 'list', 'mine', 'take', 'loading', 'arrived', 'start', 'starting', 'en',
  'route', 'leaving', 'arriving',
]);
