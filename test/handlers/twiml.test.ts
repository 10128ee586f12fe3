import MessagingResponse from 'twilio/lib/twiml/MessagingResponse';
import { describe, expect, it } from 'vitest';
import { twiml } from '../../handlers/twiml';

const twilios = (reply: string | null): string => {
  const response = new MessagingResponse();
  if (reply) response.message(reply);
  return response.toString();
};

describe('the TwiML reply', () => {
  it.each([
    ['a plain reply', 'Thanks! QuickDumpNow has you down for today, 12-5 PM at 12 Oak St.'],
    ['markup characters', `Tom & Jerry's <b>couch</b> "now" > later`],
    ['a CDATA end', 'x ]]> y'],
    ['line breaks, CR and tabs', 'line1\nline2\r\nend\tok'],
    ['non-ASCII and emoji', 'mañana – 👍 ü'],
    ['an empty reply', ''],
    ['no reply', null],
  ])('is what twilio MessagingResponse writes, byte for byte (%s)', (_name, reply) => {
    expect(twiml(reply)).toBe(twilios(reply));
  });

  it('drops characters XML cannot hold, where twilio throws, so a quoted text never breaks the answer', () => {
    expect(() => twilios('bell\u0007 here')).toThrow(/Invalid character/);
    expect(twiml('bell\u0007 here \uD800 lone')).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Message>bell here  lone</Message></Response>');
  });

  it('cuts a reply at the 1,600 characters one <Message> can hold', () => {
    expect(twiml('x'.repeat(2000))).toBe(twilios('x'.repeat(1600)));
  });
});
