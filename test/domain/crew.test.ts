/**
 * Reading crew.json: usable entries work even when one is wrong, and each problem is named so the owner can fix it;
 * the roster editor gets the same problems by field before a save.
 */
import { describe, expect, it } from 'vitest';
import { readRoster, rosterProblemText, validateRoster } from '../../domain/crew';

const SAM = { name: 'Sam Rivera', phone: '(555) 555-0101', email: 'sam@example.com', roles: ['driver'] };
const SAM_STORED = { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] };
const WHOLE_FILE = 'crew.json must be {"crew": [ ... ]}; no one is on the roster until it is fixed';

describe('reading the roster', () => {
  it('keeps the good entries, phones as E.164 and a blank email as none', () => {
    const ana = { name: 'Ana', phone: '+15555550102', email: ' ', roles: ['first_mate'] };
    expect(readRoster({ crew: [SAM, ana] })).toEqual({ roster: { crew: [SAM_STORED, { ...ana, email: null }] }, problems: [] });
  });

  it.each<[string, Record<string, unknown>, { name: string; field: string | null; message: string }[]]>([
    ['a phone that is no number', { name: 'Lou', phone: 'x', roles: ['driver'] }, [{ name: 'Lou', field: 'phone', message: 'must be a mobile number such as +15555550101 or (555) 555-0101' }]],
    ["a phone already on someone else's entry", { name: ' Sam Again ', phone: '+15555550101', roles: ['driver'] }, [{ name: 'Sam Again', field: 'phone', message: "+15555550101 is also Sam Rivera's" }]],
    [
      'no name and no role (named by its place in the list)',
      { phone: '+15555550102', roles: [] },
      [
        { name: 'entry 2', field: 'name', message: 'Invalid input: expected string, received undefined' },
        { name: 'entry 2', field: 'roles', message: 'at least one role' },
      ],
    ],
    [
      'a bad email and an unknown role',
      { name: 'Bo', phone: '+15555550103', email: 'nope', roles: ['pilot'] },
      [
        { name: 'Bo', field: 'email', message: 'must be an email address' },
        { name: 'Bo', field: 'roles.0', message: 'must be one of driver, first_mate, supervisor' },
      ],
    ],
    ['a blank name (named by its place in the list)', { name: '  ', phone: '+15555550102', roles: ['driver'] }, [{ name: 'entry 2', field: 'name', message: 'a name is required' }]],
  ])('skips an entry with %s and says why, keeping the rest', (_, entry, problems) => {
    const reading = readRoster({ crew: [SAM, entry] });
    expect(reading.roster.crew).toEqual([SAM_STORED]);
    expect(reading.problems).toEqual(problems.map((problem) => ({ index: 1, ...problem, entry })));
  });

  it.each([null, { crew: 'x' }, []])('a file that is not {"crew": [...]} (%j) puts no one on the roster', (input) => {
    expect(readRoster(input)).toEqual({ roster: { crew: [] }, problems: [{ index: null, name: 'crew.json', field: null, message: WHOLE_FILE, entry: input }] });
  });

  it('words a problem for the owner', () => {
    expect(rosterProblemText({ name: 'Lou', field: 'phone', message: 'must be a mobile number' })).toBe('Lou: phone must be a mobile number');
    expect(rosterProblemText({ name: 'crew.json', field: null, message: WHOLE_FILE })).toBe(`crew.json: ${WHOLE_FILE}`);
  });
});

describe('checking a roster before it is saved', () => {
  it('accepts a good roster as it will be stored', () => {
    expect(validateRoster({ crew: [SAM] })).toEqual({ ok: true, roster: { crew: [SAM_STORED] } });
    expect(validateRoster({ crew: [] })).toEqual({ ok: true, roster: { crew: [] } });
  });

  it('refuses with each problem under its field, the first one per field', () => {
    expect(validateRoster({ crew: [SAM, { phone: '+15555550101', roles: [] }, { name: 'Bo', phone: 'x', email: 'nope', roles: ['driver'] }] })).toEqual({
      ok: false,
      errors: {
        'crew.1.name': 'Invalid input: expected string, received undefined',
        'crew.1.roles': 'at least one role',
        'crew.2.phone': 'must be a mobile number such as +15555550101 or (555) 555-0101',
        'crew.2.email': 'must be an email address',
      },
    });
    expect(validateRoster({ crew: [SAM, { ...SAM, name: 'Sam Again' }] })).toEqual({ ok: false, errors: { 'crew.1.phone': "+15555550101 is also Sam Rivera's" } });
  });

  it('refuses an entry that is not an object under its place in the list', () => {
    expect(readRoster({ crew: [SAM, null] }).problems).toEqual([
      { index: 1, name: 'entry 2', field: null, message: 'Invalid input: expected object, received null', entry: null },
    ]);
    expect(validateRoster({ crew: [SAM, null] })).toEqual({ ok: false, errors: { 'crew.1': 'Invalid input: expected object, received null' } });
  });

  it('refuses a file of the wrong shape as a whole', () => {
    expect(validateRoster({ people: [] })).toEqual({ ok: false, errors: { crew: WHOLE_FILE } });
  });
});
