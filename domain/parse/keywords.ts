/**
 * Twilio's messaging keywords. Twilio acts on them before our webhook sees the text (an opted-out number gets no
 * more texts from us until it sends START), so we must read them exactly as Twilio does: the whole message is the
 * keyword, any case, with surrounding whitespace and punctuation ignored. "Stop by at 3" is not a keyword, and a
 * bare "CANCEL" opts the number out rather than cancelling a job.
 */
import { bareWord } from './sms-text';

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const OPT_IN = new Set(['START', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

/** @example isOptOutKeyword(' Stop. ') // true;  isOptOutKeyword('stop by at 3') // false */
export function isOptOutKeyword(text: string): boolean {
  return OPT_OUT.has(bareWord(text));
}

/** @example isOptInKeyword('unstop') // true */
export function isOptInKeyword(text: string): boolean {
  return OPT_IN.has(bareWord(text));
}

/** @example isHelpKeyword('info?') // true */
export function isHelpKeyword(text: string): boolean {
  return HELP.has(bareWord(text));
}
