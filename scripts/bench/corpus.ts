/**
 * The texts and the business the benchmark drives: a varied corpus of customer and crew texts in the shapes people
 * really send (abbreviations, addresses with units, dollar amounts, codes with '#'), a small crew, and
 * deterministic ids so every run builds the same documents.
 */
import type { BusinessContext } from '../../domain/context';
import type { CrewRoster } from '../../domain/crew';
import type { Role } from '../../domain/parse/parse-text';

export interface CorpusText {
  readonly role: Role;
  readonly body: string;
}

const customer = (body: string): CorpusText => ({ role: 'customer', body });
const crew = (body: string): CorpusText => ({ role: 'crew', body });

/** 42 texts: 28 customer, 14 crew. */
export const CORPUS: readonly CorpusText[] = [
  customer('Hi, can you pick up an old couch tomorrow morning? 1801 Central St Apt 3B'),
  customer('need junk removal sat afternoon 12 Oak St'),
  customer('where r u'),
  customer('Are you guys still coming today?'),
  customer('can we do friday between 2 and 4 instead'),
  customer('stuff is on the curb'),
  customer('Items are out by the garage, gate code 4411'),
  customer('cancel'),
  customer('please cancel my pickup, we sold the fridge'),
  customer('yes'),
  customer('ok $450 works for us'),
  customer("What's my status?"),
  customer('hey do you take mattresses? 55 W Elm Ave next tues'),
  customer('Need a pickup ASAP at 742 Evergreen Terrace'),
  customer('tmrw 9am 300 N Lake Shore Dr #1204'),
  customer('can you come june 12 at noon? 88 Pine Rd'),
  customer("Is 3pm ok? I'm at 19 Maple Ct"),
  customer('actually make it next monday evening'),
  customer('how much for a washer and dryer'),
  customer('HELP'),
  customer('STOP'),
  customer('thanks!!'),
  customer('Hello? anyone there'),
  customer('hot tub removal this weekend, 2200 Ridge Ave, Evanston'),
  customer('running late, can you come after 5?'),
  customer('Pickup today 1-3pm please. 4507 N Damen Ave Unit 2, back alley'),
  customer('garage cleanout next week, 12 boxes + a treadmill. 9 Cedar Lane'),
  customer('👍 sounds good, see you then'),
  crew('omw'),
  crew('OMW #K7Q2'),
  crew('here'),
  crew('done K7Q2'),
  crew('claim K7Q2'),
  crew('price K7Q2 600'),
  crew('K7Q2 $450'),
  crew('jobs'),
  crew('release 9RZ4'),
  crew('on my way to 9rz4, 15 min'),
  crew('arrived at the house'),
  crew('all done, dumped at transfer station'),
  crew("can't make K7Q2 truck broke down"),
  crew('quote 9RZ4 $1,250.50'),
];

export const BUSINESS_NUMBER = '+15555550100';

export const CREW: CrewRoster = {
  crew: [
    { name: 'Sam Rivera', phone: '+15555550101', email: 'sam@example.com', roles: ['driver'] },
    { name: 'Ana Lopez', phone: '+15555550102', email: 'ana@example.com', roles: ['first_mate'] },
    { name: 'Lee Park', phone: '+15555550103', email: null, roles: ['supervisor', 'driver'] },
  ],
};

/** Customer number `i` (distinct E.164 numbers in a block reserved for fiction). @example customerPhone(7) // '+15552000007' */
export function customerPhone(i: number): string {
  return `+1555${String(2_000_000 + i).padStart(7, '0')}`;
}

const STREETS = ['Oak St', 'Elm Ave', 'Central St', 'Ridge Ave', 'Maple Ct', 'Pine Rd', 'Lake Shore Dr', 'Cedar Lane'];
const WHEN = ['tomorrow morning', 'sat afternoon', 'friday between 2 and 4', 'next tues', 'today 1-3pm', 'asap', 'tmrw 9am'];
const WHAT = ['an old couch', 'a fridge', 'a hot tub', 'yard waste', 'a mattress and box spring', '12 boxes + a treadmill'];

/** A booking text that differs from job to job the way real ones do. */
export function bookingText(i: number): string {
  const street = STREETS[i % STREETS.length]!;
  const number = 100 + ((i * 37) % 9000);
  const unit = i % 5 === 0 ? ` Apt ${1 + (i % 12)}B` : '';
  return `Hi, can you pick up ${WHAT[i % WHAT.length]} ${WHEN[i % WHEN.length]}? ${number} ${street}${unit}`;
}

/** A mutable clock and id source for driving the pure engine the way a handler would. */
export interface Business {
  now: Date;
  ctx(): BusinessContext;
}

/**
 * Deterministic ids: job_<firstId+1>…, 24-character tokens, and an LCG for job codes (the same document every run).
 * A different `firstId` keeps new jobs from reusing the ids of a document built earlier.
 */
export function business(start: Date, roster: CrewRoster = CREW, firstId = 0): Business {
  let ids = firstId;
  let tokens = firstId;
  let seed = 42;
  const state: Business = {
    now: start,
    ctx: () => ({
      now: state.now,
      tz: 'America/Chicago',
      businessName: 'QuickDumpNow',
      businessPhone: '+15555550100',
      publicBaseUrl: 'https://dispatch.example.com',
      dispatchEmail: 'dispatch@example.com',
      crew: roster,
      newId: () => `job_${++ids}`,
      newToken: () => `trk_${String(++tokens).padStart(20, '0')}`,
      random: () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31,
    }),
  };
  return state;
}
