import { describe, expect, it } from 'vitest';
import { isHelpKeyword, isOptInKeyword, isOptOutKeyword } from '../../../domain/parse/keywords';

// Twilio's keyword matching: the whole message, any case, surrounding whitespace and punctuation ignored.
describe('opt-out keywords', () => {
  it.each(['STOP', 'stop', ' Stop. ', 'STOP!!', 'stopall', 'UNSUBSCRIBE', 'Cancel', 'CANCEL.', 'end', 'Quit', 'revoke', 'OptOut', '"stop"', 'stop 🙏'])(
    '%j opts out',
    (text) => expect(isOptOutKeyword(text)).toBe(true),
  );
  it.each(['Stop by at 3', 'stop please', 'cancel my pickup', 'STOP ALL', 'opt out', 'unsubscribe me', 'the end', 'yes', '', 'S T O P'])(
    '%j does not',
    (text) => expect(isOptOutKeyword(text)).toBe(false),
  );
});

describe('opt-in and help keywords', () => {
  it.each(['START', 'start', 'Unstop!', ' START '])('%j opts back in', (text) => expect(isOptInKeyword(text)).toBe(true));
  it.each(['start now', 'starting', 'YES', 'stop'])('%j does not opt in', (text) => expect(isOptInKeyword(text)).toBe(false));
  it.each(['HELP', 'help?', 'Info', 'INFO.'])('%j asks for help', (text) => expect(isHelpKeyword(text)).toBe(true));
  it.each(['help me move a couch', 'more info please', '?'])('%j is not the help keyword', (text) =>
    expect(isHelpKeyword(text)).toBe(false),
  );
});
