/**
 * The order and the days of a crew member's "jobs" list, driven by texts like the webhook: the reply is what they
 * read.
 */
import { describe, expect, it } from 'vitest';
import { day, ELM_CUSTOMER, OAK_CUSTOMER, PINE_CUSTOMER, SAM } from './crew-support';

const codesIn = (reply: string | null) => reply!.split('\n').map((line) => line.split(' ')[0]!).filter((word) => /^[2-9A-HJ-NP-Z]{4}$/.test(word));

describe('the order of the list', () => {
  it('"jobs all": as soon as possible first, then by time, jobs at the same time in code order', () => {
    const d = day();
    const saturday = d.book(OAK_CUSTOMER, 'saturday morning, 12 Oak St');
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd');
    const elm = d.book(ELM_CUSTOMER, 'tomorrow morning, 5 Elm St');
    const asap = d.book('+15555550204', 'junk pickup asap, 300 Birch Ln');
    const [first, second] = [pine.code, elm.code].sort();

    expect(codesIn(d.text(SAM, 'jobs all').reply)).toEqual([asap.code, first, second, saturday.code]);
  });

  it('"jobs tomorrow" lists only that day', () => {
    const d = day();
    d.book(OAK_CUSTOMER, 'saturday morning, 12 Oak St');
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd');
    d.book('+15555550204', 'junk pickup asap, 300 Birch Ln');

    expect(codesIn(d.text(SAM, 'jobs tomorrow').reply)).toEqual([pine.code]);
  });

  it("at night, tomorrow's job the sender already holds is listed once", () => {
    const d = day();
    const pine = d.book(PINE_CUSTOMER, 'tomorrow morning, 9 Pine Rd');
    d.text(SAM, `claim ${pine.code}`);
    d.wait(13); // Thursday 22:3x

    expect(codesIn(d.text(SAM, 'jobs').reply)).toEqual([pine.code]);
  });
});
