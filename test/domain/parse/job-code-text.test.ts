import { describe, expect, it } from 'vitest';
import { codeAttempt, findJobCode } from '../../../domain/parse/job-code-text';

describe('job codes in a text', () => {
  it.each([
    ['OMW #K7Q2', 'K7Q2'],
    ['omw k7q2', 'K7Q2'],
    ['price 9rz4 $450', '9RZ4'],
    ['K7Q2 done', 'K7Q2'],
    ['done K7Q2.', 'K7Q2'],
    ['claim #k7q2!', 'K7Q2'],
    ['(K7Q2)', 'K7Q2'],
    ['# K7Q2 here', 'K7Q2'],
    ['done with #22ND', '22ND'],
    ['here 👍K7Q2', 'K7Q2'],
  ])('%j → %s', (text, code) => {
    expect(findJobCode(text)?.code).toBe(code);
  });

  // The alphabet has no I, L, O, 0, 1; a code needs a digit and a letter; SMS words shaped like codes are not codes.
  it.each([
    'DONE',
    'HERE',
    'JOBS',
    'OMW2',
    'LIST',
    '2345 done',
    'K7Q2X',
    'XK7Q2',
    'K7Q',
    'at 10AM',
    'on the 22nd',
    'june 23rd',
    'in 5hrs',
    'see u 2day',
    'tmrw or 2mrw',
    '4x4s',
    'price 600',
    'K1Q2',
    'KOQ2',
    '',
  ])('%j has no code', (text) => {
    expect(findJobCode(text)).toBeNull();
  });

  it('gives the span, # included, so it can be cut out before reading an amount', () => {
    expect(findJobCode('price #9rz4 450')).toEqual({ code: '9RZ4', start: 6, end: 11 });
  });
});

describe('a word written where a code goes', () => {
  it.each([
    ['claim ZZZZ', 'ZZZZ'],
    ['omw #oak1', 'OAK1'],
    ['price ABCD 600', 'ABCD'],
    ['release 1111', '1111'],
    ['claim mine', null],
    ['omw soon', null],
    ['claim that one', null],
    ['jobs', null],
  ])('%j is read as the code %j', (text, code) => {
    expect(codeAttempt(text)).toBe(code);
  });
});
