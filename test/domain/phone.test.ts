/**
 * Twilio's From as a sender: which channel it came by, and the phone we can text back (none for short codes,
 * sender names and Messenger ids); and the country numbers without a country code are read in.
 */
import { describe, expect, it } from 'vitest';
import { countryOfNumber, readSender } from '../../domain/phone';

describe('reading who a text is from', () => {
  it.each([
    ['+15555550123', 'sms', '+15555550123'],
    [' +15555550123 ', 'sms', '+15555550123'],
    ['(555) 555-0123', 'sms', '+15555550123'],
    ['+442079460958', 'sms', '+442079460958'],
    ['whatsapp:+15555550123', 'whatsapp', '+15555550123'],
    ['WhatsApp: +1 555 555 0123', 'whatsapp', '+15555550123'],
    ['messenger:1234567890', 'messenger', null],
    ['12345', 'sms', null],
    ['ACME', 'sms', null],
    ['+12', 'sms', null],
    ['+1 555 555 0123 ext 4', 'sms', null],
    ['020 7946 0958', 'sms', null],
  ])('%j came by %s from %j', (from, channel, phone) => {
    expect(readSender(from)).toEqual({ channel, phone, raw: from.trim() });
  });

  it("reads a number without a country code in the business's own country", () => {
    expect(readSender('020 7946 0958', 'GB').phone).toBe('+442079460958');
    expect(readSender('(555) 555-0123', 'GB').phone).toBe('+445555550123');
  });
});

describe("the business's country", () => {
  it.each([
    ['+442079460958', 'GB'],
    ['+15555550100', 'US'],
    [null, 'US'],
    ['not a number', 'US'],
  ])('%j is read in %s', (phone, country) => {
    expect(countryOfNumber(phone)).toBe(country);
  });
});
