/**
 * Every text crew read is plain GSM-7 (160 characters a segment; one en dash, middle dot or curly quote would send
 * the whole text as UCS-2 at 70): the replies to their commands, the texts the business sends them first, and the
 * morning digest — also when a name, address, items or a quoted customer text carry typographic characters.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_SETTINGS } from '../../domain/clock-settings';
import type { BusinessContext } from '../../domain/context';
import { crewAlertWording } from '../../domain/crew-alert-wording';
import { queueCrewDigests } from '../../domain/crew-digest';
import { crewWording } from '../../domain/crew-wording';
import { isGsm7, segments } from '../../domain/gsm7';
import { emptyJobsDocument, type Job } from '../../domain/jobs-document';
import { bookedJob } from '../support/store-fixtures';

const SAM = { name: 'Łukasz “Sam” Rivera', phone: '+15555550101', email: null, roles: ['driver' as const] };
const ctx: BusinessContext = {
  now: new Date('2026-06-04T14:30:00Z'), // Thursday 9:30 AM in Chicago
  tz: 'America/Chicago',
  businessName: 'QuickDumpNow',
  businessPhone: '+15555550100',
  publicBaseUrl: 'https://dispatch.example.com',
  dispatchEmail: 'dispatch@example.com',
  crew: { crew: [SAM] },
  newId: () => 'job_x',
  newToken: () => 'trk_x',
  random: () => 0.5,
};
/** A job whose every typed field carries characters outside GSM-7, held by Sam, this afternoon. */
const job: Job = {
  ...bookedJob(7),
  location: '12 O’Neill St — back gate',
  items: 'couch – 2 chairs · “old” fridge…',
  notes: 'Ring twice ☎',
  window: { start: '2026-06-04T12:00:00-05:00', end: '2026-06-04T17:00:00-05:00' },
  crew: { driver: SAM.phone, first_mate: null, supervisor: null },
};
const later: Job = { ...job, window: { start: '2026-06-06T08:00:00-05:00', end: '2026-06-06T12:00:00-05:00' } };

const crewTexts: readonly (readonly [string, string])[] = [
  ['help', crewWording.help()],
  ['not understood', crewWording.notUnderstood()],
  ['no such job', crewWording.noSuchJob('zzzz')],
  ['not on any job', crewWording.notOnAnyJob()],
  ['which job', crewWording.whichJob(['K7Q2', '9RZ4'], 'omw')],
  ['claim needs a code', crewWording.claimNeedsCode()],
  ['closed', crewWording.closed({ ...job, status: 'cancelled' })],
  ['refused', crewWording.refused({ ...job, status: 'en_route' }, 'completed')],
  ['not yours', crewWording.notYours(job, ['Łukasz Rivera'], 'first_mate')],
  ['a later day', crewWording.laterDay(later, 'omw', ctx)],
  ['on the way', crewWording.moved(job, 'en_route', true, 'driver')],
  ['loading', crewWording.moved(job, 'in_progress', true, null)],
  ['done', crewWording.moved(job, 'completed', false, null)],
  ['claimed', crewWording.claimed(job, 'driver', ctx)],
  ['already yours', crewWording.alreadyYours(job, 'driver')],
  ['slot taken', crewWording.slotTaken(job, 'driver', SAM.name)],
  ['released', crewWording.released(job)],
  ['not on the job', crewWording.notOnJob(job)],
  ['quote needs an amount', crewWording.quoteNeedsAmount(job)],
  ['quote sent', crewWording.quoteSent(job, 60_000, true)],
  ['photos saved', crewWording.photosSaved(job, 2)],
  ['photos: which job', crewWording.photosWhichJob(['K7Q2'])],
  ['the job list', crewWording.list({ scope: 'today', date: null, jobs: [job, { ...job, code: '9RZ4', window: null }] }, ctx)],
  ['the next day list', crewWording.list({ scope: 'next', date: '2026-06-06', jobs: [later] }, ctx)],
  ['cancelled under way', crewAlertWording.cancelledUnderWay(job, 'customer')],
  ['change asked under way', crewAlertWording.changeAskedUnderWay(job, 'can you come at 5 – or 6? ’thanks’ 🙏')],
  ['assigned', crewAlertWording.assigned(job, 'first_mate', ctx)],
  ['released to the crew', crewAlertWording.released(job, SAM.name, 'driver', ctx)],
];

describe('crew texts are GSM-7', () => {
  it.each(crewTexts)('%s', (_, text) => {
    expect(isGsm7(text), text).toBe(true);
    expect(segments(text).encoding).toBe('GSM-7');
  });

  it('the job list separates its fields with hyphens and cuts long items at a word, with three dots', () => {
    const plain = { ...job, location: '12 O’Neill St', items: 'couch, 2 chairs, an old fridge', notes: '' };
    const list = crewWording.list({ scope: 'all', date: null, jobs: [plain] }, ctx);
    expect(list.split('\n')[1]).toBe(`${job.code} 12-5 PM - 12 O'Neill St - couch, 2 chairs, an... - Lukasz`);
  });

  it('the morning digest too', () => {
    const doc = { ...emptyJobsDocument(), jobs: { [job.id]: job } };
    const at = new Date('2026-06-04T12:30:00Z'); // 7:30 AM, after the digest time
    const { notify } = queueCrewDigests(doc, { ...ctx, now: at }, { ...DEFAULT_CLOCK_SETTINGS, crewDigestAt: 7 * 60 });
    expect(notify).toHaveLength(1);
    expect(isGsm7(notify[0]!.body!), notify[0]!.body).toBe(true);
  });
});
