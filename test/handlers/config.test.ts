import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../domain/errors';
import { LOCAL_TWILIO_AUTH_TOKEN, parseConfig } from '../../handlers/config';

const lambdaEnv = {
  PUBLIC_BASE_URL: 'https://dispatch.example.com/',
  S3_BUCKET: 'qdn-bucket',
  S3_PREFIX: 'staging/data',
  TWILIO_AUTH_TOKEN: 'secret-token',
  TWILIO_ACCOUNT_SID: 'AC00000000000000000000000000000000',
  TWILIO_FROM: '+15555550100',
  SES_REGION: 'us-east-1',
  MAIL_FROM: 'dispatch@example.com',
  DASHBOARD_PASSWORD_HASH: 'scrypt$N=16384,r=8,p=1$c2FsdA==$aGFzaA==',
  SESSION_SECRET: 'x'.repeat(32),
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('runs locally with no variables at all, using the documented defaults', () => {
    const config = parseConfig({}, { local: true });
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      publicBaseUrl: 'http://localhost:3000',
      businessName: 'QuickDumpNow',
      businessTz: 'America/Chicago',
      archiveAfterDays: 14,
      store: { kind: 'file', dataDir: './data' },
      twilio: { authToken: LOCAL_TWILIO_AUTH_TOKEN, from: null },
      ses: null,
    });
  });

  it('keeps closed jobs on the board ARCHIVE_AFTER_DAYS days', () => {
    expect(parseConfig({ ARCHIVE_AFTER_DAYS: '30' }, { local: true }).archiveAfterDays).toBe(30);
  });

  it('is frozen: nothing can change it after start', () => {
    const config = parseConfig({}, { local: true });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.twilio)).toBe(true);
  });

  it('reads a full Lambda environment and drops the trailing slash Twilio would not sign', () => {
    const config = parseConfig(lambdaEnv, { local: false });
    expect(config.publicBaseUrl).toBe('https://dispatch.example.com');
    expect(config.store).toEqual({ kind: 's3', bucket: 'qdn-bucket', prefix: 'staging/data', endpoint: null, region: 'us-east-1', credentials: null });
  });

  it("takes the Lambda role's keys from the environment, so the S3 store can sign its own requests", () => {
    const config = parseConfig(
      { ...lambdaEnv, AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' },
      { local: false },
    );
    expect(config.store).toMatchObject({ credentials: { accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' } });
    expect(errorOf(() => parseConfig({ ...lambdaEnv, AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE' }, { local: false })).variable).toBe('AWS_SECRET_ACCESS_KEY');
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ BUSINESS_TZ: 'Central Time' }, 'BUSINESS_TZ'],
    [{ PUBLIC_BASE_URL: 'dispatch.example.com' }, 'PUBLIC_BASE_URL'],
    [{ STORE: 'dynamo' }, 'STORE'],
    [{ STORE: 's3' }, 'S3_BUCKET'],
    [{ TWILIO_FROM: '5555550100' }, 'TWILIO_FROM'],
    [{ TWILIO_FROM: '+15555550100' }, 'TWILIO_ACCOUNT_SID'],
    [{ SES_REGION: 'us-east-1' }, 'MAIL_FROM'],
    [{ DASHBOARD_PASSWORD_HASH: 'hunter2' }, 'DASHBOARD_PASSWORD_HASH'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ DISPATCH_EMAIL: 'not-an-email' }, 'DISPATCH_EMAIL'],
    [{ ARCHIVE_AFTER_DAYS: 'two weeks' }, 'ARCHIVE_AFTER_DAYS'],
    [{ ARCHIVE_AFTER_DAYS: '0' }, 'ARCHIVE_AFTER_DAYS'],
    [{ ARCHIVE_AFTER_DAYS: '7.5' }, 'ARCHIVE_AFTER_DAYS'],
  ])('a broken local setting %j names %s and says how to fix it', (env, variable) => {
    const error = errorOf(() => parseConfig(env, { local: true }));
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it.each(['PUBLIC_BASE_URL', 'TWILIO_AUTH_TOKEN', 'SES_REGION', 'DASHBOARD_PASSWORD_HASH', 'SESSION_SECRET', 'S3_BUCKET'])(
    'Lambda refuses to start without %s',
    (variable) => {
      const env: Record<string, string> = { ...lambdaEnv };
      delete env[variable];
      expect(errorOf(() => parseConfig(env, { local: false })).variable).toBe(variable);
    },
  );

  it('keeps the local server on this machine unless HOST says otherwise', () => {
    expect(parseConfig({}, { local: true }).host).toBe('127.0.0.1');
    expect(parseConfig({ HOST: '0.0.0.0' }, { local: true }).host).toBe('0.0.0.0');
  });

  it('texts booking forms in the business\'s own country by default, or in ALLOWED_COUNTRIES', () => {
    // null: the business's own country, decided where phone metadata is at hand (textableCountries).
    expect(parseConfig({}, { local: true }).allowedCountries).toBeNull();
    expect(parseConfig({ ALLOWED_COUNTRIES: 'us, ca' }, { local: true }).allowedCountries).toEqual(['US', 'CA']);
    expect(parseConfig({}, { local: true }).bookingTextsPerHour).toBe(30);
    expect(parseConfig({ BOOKING_TEXTS_PER_HOUR: '5' }, { local: true }).bookingTextsPerHour).toBe(5);
    expect(parseConfig({}, { local: true }).originSecret).toBeNull();
  });

  it.each([
    [{ ALLOWED_COUNTRIES: 'UK' }, 'ALLOWED_COUNTRIES'],
    [{ ALLOWED_COUNTRIES: ',' }, 'ALLOWED_COUNTRIES'],
    [{ ALLOWED_COUNTRIES: 'US,XX' }, 'ALLOWED_COUNTRIES'],
    [{ ALLOWED_COUNTRIES: 'USA' }, 'ALLOWED_COUNTRIES'],
    [{ BOOKING_TEXTS_PER_HOUR: 'lots' }, 'BOOKING_TEXTS_PER_HOUR'],
    [{ BOOKING_TEXTS_PER_HOUR: '-1' }, 'BOOKING_TEXTS_PER_HOUR'],
    [{ ORIGIN_SECRET: 'short' }, 'ORIGIN_SECRET'],
  ])('refuses %j, naming %s', (env, variable) => {
    expect(errorOf(() => parseConfig(env, { local: true })).variable).toBe(variable);
  });
});

describe('what the clock sends (REMINDER_AT, CREW_DIGEST_AT, LATE_AFTER_MIN, REVIEW_URL)', () => {
  it('defaults to reminders at 18:00, the digest at 07:00, late after 30 minutes and no review texts', () => {
    expect(parseConfig({}, { local: true }).clock).toEqual({ reminderAt: 1080, crewDigestAt: 420, lateAfterMin: 30, reviewUrl: null });
  });

  it.each(['off', 'OFF', '', '  ', 'none'])('%j switches a feature off', (value) => {
    const config = parseConfig({ REMINDER_AT: value, CREW_DIGEST_AT: value, LATE_AFTER_MIN: value, REVIEW_URL: value }, { local: true });
    expect(config.clock).toEqual({ reminderAt: null, crewDigestAt: null, lateAfterMin: null, reviewUrl: null });
  });

  it('reads times, minutes and the review link', () => {
    const config = parseConfig({ REMINDER_AT: '17:30', CREW_DIGEST_AT: '6:45', LATE_AFTER_MIN: '45', REVIEW_URL: 'https://g.page/r/qdn/review' }, { local: true });
    expect(config.clock).toEqual({ reminderAt: 1050, crewDigestAt: 405, lateAfterMin: 45, reviewUrl: 'https://g.page/r/qdn/review' });
  });

  it.each([
    ['REMINDER_AT', '6pm', /REMINDER_AT.*HH:MM/],
    ['CREW_DIGEST_AT', '25:00', /CREW_DIGEST_AT.*HH:MM/],
    ['LATE_AFTER_MIN', '30m', /LATE_AFTER_MIN.*minutes/],
    ['LATE_AFTER_MIN', '999', /LATE_AFTER_MIN.*1-720/],
    ['REVIEW_URL', 'g.page/r/x', /REVIEW_URL.*https:\/\//],
  ])('%s=%j is refused with the fix', (name, value, message) => {
    expect(errorOf(() => parseConfig({ [name]: value }, { local: true })).message).toMatch(message);
  });
});
