/**
 * Configuration, parsed once into a frozen typed object. Nothing else in the project reads process.env.
 * Every error names the variable and the fix.
 */
import { DEFAULT_CLOCK_SETTINGS, minutesOfDay, type ClockSettings } from '../domain/clock-settings';
import { ConfigError } from '../domain/errors';

/** The documented local default: `npm run text` signs with it, so the bot works before a Twilio account exists. */
export const LOCAL_TWILIO_AUTH_TOKEN = 'local-dev-auth-token';

export interface Config {
  /** Local mode: `npm start` on one machine. Lambda runs with local=false and stricter requirements. */
  readonly local: boolean;
  readonly port: number;
  /** The interface the local server listens on; loopback by default so nothing else on the network reaches it. */
  readonly host: string;
  readonly dataDir: string;
  readonly publicBaseUrl: string;
  readonly businessName: string;
  /** The business number customers text and call (E.164), shown on pages and in texts; null when not set. */
  readonly businessPhone: string | null;
  readonly businessTz: string;
  /** Closed jobs stay on the board (in jobs.json) this many days, then the sweep moves them to archive/<month>.json. */
  readonly archiveAfterDays: number;
  readonly dispatchEmail: string | null;
  readonly mailFrom: string | null;
  readonly store:
    | { readonly kind: 'file'; readonly dataDir: string }
    | {
        readonly kind: 's3';
        readonly bucket: string;
        readonly prefix: string;
        readonly endpoint: string | null;
        readonly region: string;
        /**
         * Keys from the environment (Lambda sets them for its role): the store then signs its own requests
         * (s3-http-store.ts) instead of loading the SDK. Null: the SDK's default credential chain.
         */
        readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken: string | null } | null;
      };
  readonly twilio: {
    readonly authToken: string;
    readonly accountSid: string | null;
    /** Sender: a phone number, or a Messaging Service SID (MG…). Null: texts go to the local outbox file. */
    readonly from: string | null;
    readonly messagingServiceSid: string | null;
  };
  /** Null: emails go to the local outbox file. */
  readonly ses: { readonly region: string; readonly endpoint: string | null } | null;
  readonly dashboard: {
    /** scrypt hash from `npm run -s hash-password`; null locally means "generate a one-time password at start". */
    readonly passwordHash: string | null;
    readonly sessionSecret: string | null;
  };
  /** What the sweep sends on the clock (reminders, crew digest, late alerts, review requests); null switches one off. */
  readonly clock: ClockSettings;
  /**
   * The secret CloudFront sends in X-Origin-Verify. When set, the API answers only requests that carry it (nobody
   * can bypass CloudFront), and trusts CloudFront-Viewer-Address for the client's address. Null: no such check.
   */
  readonly originSecret: string | null;
  /**
   * ISO 3166 country codes the booking form may text (SMS pumping: nowhere else). Null: the country of
   * BUSINESS_PHONE, else US (domain/sms-destination.ts `textableCountries`; kept out of here so the sweep bundle
   * carries no phone metadata).
   */
  readonly allowedCountries: readonly string[] | null;
  /** Booking-form confirmation texts per hour, all clients together; past it bookings wait for the dispatcher. */
  readonly bookingTextsPerHour: number;
}

/** Every variable the code reads; the template test checks that template.yaml sets the ones Lambda needs. */
/** The longest BUSINESS_NAME: customer texts are sized for it. */
export const MAX_BUSINESS_NAME = 30;

export const ENV_VARS = [
  'PORT',
  'HOST',
  'DATA_DIR',
  'PUBLIC_BASE_URL',
  'BUSINESS_NAME',
  'BUSINESS_TZ',
  'BUSINESS_PHONE',
  'ARCHIVE_AFTER_DAYS',
  'DISPATCH_EMAIL',
  'MAIL_FROM',
  'STORE',
  'S3_BUCKET',
  'S3_PREFIX',
  'S3_ENDPOINT',
  'S3_REGION',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_FROM',
  'TWILIO_MESSAGING_SERVICE_SID',
  'SES_REGION',
  'SES_ENDPOINT',
  'DASHBOARD_PASSWORD_HASH',
  'SESSION_SECRET',
  'REMINDER_AT',
  'CREW_DIGEST_AT',
  'LATE_AFTER_MIN',
  'REVIEW_URL',
  'ORIGIN_SECRET',
  'ALLOWED_COUNTRIES',
  'BOOKING_TEXTS_PER_HOUR',
  // Set by the Lambda runtime for the function's role (never in template.yaml); locally, s3rver's or your own keys.
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
] as const;
export type EnvVar = (typeof ENV_VARS)[number];

type Env = Partial<Record<string, string | undefined>>;

/**
 * Parses the environment. `local` is true for `npm start`, false in Lambda (where secrets and the public URL are
 * required). Throws ConfigError naming the first bad variable.
 */
export function parseConfig(env: Env, options: { local: boolean }): Config {
  const local = options.local;
  const read = (name: EnvVar): string | null => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const required = (name: EnvVar, fix: string): string => {
    const value = read(name);
    if (value === null) throw new ConfigError(name, `is required ${local ? 'here' : 'in Lambda'}; ${fix}`);
    return value;
  };

  const port = parsePort(read('PORT'));
  const dataDir = read('DATA_DIR') ?? './data';
  const publicBaseUrl = parseBaseUrl(
    local ? (read('PUBLIC_BASE_URL') ?? `http://localhost:${port}`) : required('PUBLIC_BASE_URL', 'set it to the site URL Twilio posts to, e.g. https://dispatch.example.com'),
  );
  const businessTz = read('BUSINESS_TZ') ?? 'America/Chicago';
  if (!isTimeZone(businessTz)) {
    throw new ConfigError('BUSINESS_TZ', `"${businessTz}" is not an IANA time zone; use one like America/Chicago`);
  }
  const archiveAfterDays = parseArchiveAfterDays(read('ARCHIVE_AFTER_DAYS'));
  const dispatchEmail = read('DISPATCH_EMAIL');
  if (dispatchEmail !== null && !/^[^@\s]+@[^@\s]+$/.test(dispatchEmail)) {
    throw new ConfigError('DISPATCH_EMAIL', `"${dispatchEmail}" is not an email address`);
  }
  const mailFrom = read('MAIL_FROM');
  // Locally the /dev simulator's business number, so pages and texts show one before a Twilio number exists.
  const businessPhone = read('BUSINESS_PHONE') ?? (local ? '+15555550100' : null);
  if (businessPhone !== null && !/^\+[1-9]\d{6,14}$/.test(businessPhone)) {
    throw new ConfigError('BUSINESS_PHONE', `"${businessPhone}" must be the E.164 business number, e.g. +15555550100`);
  }

  const storeKind = read('STORE') ?? (local ? 'file' : 's3');
  let store: Config['store'];
  if (storeKind === 'file') {
    store = { kind: 'file', dataDir };
  } else if (storeKind === 's3') {
    store = {
      kind: 's3',
      bucket: required('S3_BUCKET', 'name the bucket that holds jobs.json'),
      prefix: (read('S3_PREFIX') ?? '').replace(/^\/+|\/+$/g, ''),
      endpoint: read('S3_ENDPOINT'),
      region: read('S3_REGION') ?? 'us-east-1',
      credentials: s3Credentials(read('AWS_ACCESS_KEY_ID'), read('AWS_SECRET_ACCESS_KEY'), read('AWS_SESSION_TOKEN')),
    };
  } else {
    throw new ConfigError('STORE', `"${storeKind}" is not a store; use "file" or "s3"`);
  }

  const authToken = local
    ? (read('TWILIO_AUTH_TOKEN') ?? LOCAL_TWILIO_AUTH_TOKEN)
    : required('TWILIO_AUTH_TOKEN', 'it comes from the Twilio console (Account info → Auth Token)');
  const from = read('TWILIO_FROM');
  const messagingServiceSid = read('TWILIO_MESSAGING_SERVICE_SID');
  if (messagingServiceSid !== null && !/^MG[0-9a-fA-F]{32}$/.test(messagingServiceSid)) {
    throw new ConfigError('TWILIO_MESSAGING_SERVICE_SID', 'must look like MG followed by 32 hex digits');
  }
  if (from !== null && !/^\+[1-9]\d{6,14}$/.test(from)) {
    throw new ConfigError('TWILIO_FROM', `"${from}" must be the E.164 business number, e.g. +15555550100`);
  }
  const accountSid = read('TWILIO_ACCOUNT_SID');
  if ((from !== null || messagingServiceSid !== null) && accountSid === null) {
    throw new ConfigError('TWILIO_ACCOUNT_SID', 'is required to send texts through Twilio (it starts with AC)');
  }
  if (!local && from === null && messagingServiceSid === null) {
    throw new ConfigError('TWILIO_FROM', 'set TWILIO_FROM (the business number) or TWILIO_MESSAGING_SERVICE_SID');
  }

  const sesRegion = read('SES_REGION');
  const sesEndpoint = read('SES_ENDPOINT');
  const ses = sesRegion !== null || sesEndpoint !== null ? { region: sesRegion ?? 'us-east-1', endpoint: sesEndpoint } : null;
  if (ses !== null && mailFrom === null) {
    throw new ConfigError('MAIL_FROM', 'is required to send email through SES: a verified SES identity');
  }
  if (!local && ses === null) {
    throw new ConfigError('SES_REGION', 'is required in Lambda: the region of your verified SES identity');
  }

  const passwordHash = read('DASHBOARD_PASSWORD_HASH');
  if (passwordHash !== null && !passwordHash.startsWith('scrypt$')) {
    throw new ConfigError('DASHBOARD_PASSWORD_HASH', 'must be the output of `npm run -s hash-password` (starts with scrypt$)');
  }
  const sessionSecret = read('SESSION_SECRET');
  if (!local) {
    if (passwordHash === null) required('DASHBOARD_PASSWORD_HASH', 'create it with `npm run -s hash-password`');
    if (sessionSecret === null) required('SESSION_SECRET', 'use 32+ random characters, e.g. `openssl rand -hex 32`');
  }
  if (sessionSecret !== null && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters, e.g. `openssl rand -hex 32`');
  }

  const originSecret = read('ORIGIN_SECRET');
  if (originSecret !== null && originSecret.length < 32) {
    throw new ConfigError('ORIGIN_SECRET', 'must be at least 32 characters, e.g. `openssl rand -hex 32`');
  }
  const allowedCountries = parseCountries(read('ALLOWED_COUNTRIES'));
  const bookingTextsPerHour = parseCount('BOOKING_TEXTS_PER_HOUR', read('BOOKING_TEXTS_PER_HOUR'), DEFAULT_BOOKING_TEXTS_PER_HOUR);
  // Customer texts are sized for a name of up to 30 characters (one SMS segment; test/domain/wording.test.ts).
  const businessName = read('BUSINESS_NAME') ?? 'QuickDumpNow';
  if (businessName.length > MAX_BUSINESS_NAME) {
    throw new ConfigError('BUSINESS_NAME', `must be at most ${MAX_BUSINESS_NAME} characters (it is in every text); use a short form of the name`);
  }
  const clock = parseClockSettings(env);

  return deepFreeze({
    local,
    port,
    host: read('HOST') ?? '127.0.0.1',
    dataDir,
    publicBaseUrl,
    businessName,
    businessPhone,
    businessTz,
    archiveAfterDays,
    dispatchEmail,
    mailFrom,
    store,
    twilio: { authToken, accountSid, from, messagingServiceSid },
    ses,
    dashboard: { passwordHash, sessionSecret },
    clock,
    originSecret,
    allowedCountries,
    bookingTextsPerHour,
  });
}

/** Set to one of these (or to nothing, `REMINDER_AT=`) to switch a clock feature off. */
const OFF_WORDS = new Set(['', 'off', 'none', 'no', 'false', '0']);

/**
 * REMINDER_AT, CREW_DIGEST_AT (HH:MM business time), LATE_AFTER_MIN (minutes) and REVIEW_URL. Unset means the
 * default (REVIEW_URL has none); set but empty, or "off", switches the feature off.
 */
function parseClockSettings(env: Env): ClockSettings {
  const switchable = (name: EnvVar): string | null | undefined => {
    const raw = env[name];
    if (raw === undefined) return undefined;
    return OFF_WORDS.has(raw.trim().toLowerCase()) ? null : raw.trim();
  };
  const time = (name: EnvVar, fallback: number | null): number | null => {
    const value = switchable(name);
    if (value === undefined) return fallback;
    if (value === null) return null;
    const minutes = minutesOfDay(value);
    if (minutes === null) throw new ConfigError(name, `"${value}" is not a time; use 24-hour HH:MM business time such as 18:00, or "off"`);
    return minutes;
  };
  const late = switchable('LATE_AFTER_MIN');
  let lateAfterMin = DEFAULT_CLOCK_SETTINGS.lateAfterMin;
  if (late === null) lateAfterMin = null;
  else if (late !== undefined) {
    lateAfterMin = Number(late);
    if (!/^\d+$/.test(late) || lateAfterMin < 1 || lateAfterMin > 720) {
      throw new ConfigError('LATE_AFTER_MIN', `"${late}" is not a number of minutes (1-720); use e.g. 30, or "off"`);
    }
  }
  const review = switchable('REVIEW_URL') ?? null;
  if (review !== null && !/^https?:\/\/\S+$/.test(review)) {
    throw new ConfigError('REVIEW_URL', `"${review}" is not a link; use the full https:// address of your review page`);
  }
  return {
    reminderAt: time('REMINDER_AT', DEFAULT_CLOCK_SETTINGS.reminderAt),
    crewDigestAt: time('CREW_DIGEST_AT', DEFAULT_CLOCK_SETTINGS.crewDigestAt),
    lateAfterMin,
    reviewUrl: review,
  };
}

function s3Credentials(accessKeyId: string | null, secretAccessKey: string | null, sessionToken: string | null) {
  if (accessKeyId === null && secretAccessKey === null) return null;
  if (accessKeyId === null) throw new ConfigError('AWS_ACCESS_KEY_ID', 'is required with AWS_SECRET_ACCESS_KEY (or unset both)');
  if (secretAccessKey === null) throw new ConfigError('AWS_SECRET_ACCESS_KEY', 'is required with AWS_ACCESS_KEY_ID (or unset both)');
  return { accessKeyId, secretAccessKey, sessionToken };
}

function parsePort(value: string | null): number {
  if (value === null) return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `"${value}" is not a port number (1-65535)`);
  }
  return port;
}

/** Default BOOKING_TEXTS_PER_HOUR: far above a small business's real booking rate, far below a pumping run. */
export const DEFAULT_BOOKING_TEXTS_PER_HOUR = 30;

/** Two-letter codes Intl knows that are not countries a number can belong to. */
const NOT_COUNTRIES = new Set(['UK', 'EU', 'EZ', 'UN', 'ZZ', 'QO']);

/**
 * ALLOWED_COUNTRIES ("US,CA"), or null for the default (the business's own country). Each code must be an ISO 3166
 * region, so a typo ("UK" for GB) stops the start instead of refusing every booking.
 */
function parseCountries(value: string | null): string[] | null {
  if (value === null) return null;
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes = value.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
  const unknown = codes.filter((code) => !/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code) || names.of(code) === undefined);
  if (codes.length === 0 || unknown.length > 0) {
    throw new ConfigError('ALLOWED_COUNTRIES', `"${unknown.join(',') || value}" is not a list of ISO country codes; use e.g. US,CA (GB for the UK)`);
  }
  return [...new Set(codes)];
}

function parseCount(name: EnvVar, value: string | null, fallback: number): number {
  if (value === null) return fallback;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new ConfigError(name, `"${value}" must be a whole number (0 or more)`);
  return count;
}

function parseArchiveAfterDays(value: string | null): number {
  if (value === null) return 14;
  const days = Number(value);
  if (!/^\d+$/.test(value) || days < 1 || days > 365) {
    throw new ConfigError('ARCHIVE_AFTER_DAYS', `"${value}" is not a whole number of days from 1 to 365; the default is 14`);
  }
  return days;
}

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('PUBLIC_BASE_URL', `"${value}" is not a URL; use e.g. https://dispatch.example.com`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBLIC_BASE_URL', 'must start with http:// or https://');
  }
  // Twilio signs the exact URL it posts to; keep no trailing slash so base + "/sms" is that URL.
  return value.replace(/\/+$/, '');
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
