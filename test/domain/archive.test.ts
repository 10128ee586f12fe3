import { describe, expect, it } from 'vitest';
import { addMonths, archiveKey, emptyArchiveIndex, emptyArchiveMonth, indexMonth, isMonthId, mergeIntoMonth, monthOf } from '../../domain/archive';
import { JobSchema, type Job, type Message } from '../../domain/jobs-document';

function closedJob(id: string, closedAt: string, token = `tok_${id}_${'x'.repeat(20)}`): Job {
  return JobSchema.parse({
    id,
    code: 'K7Q2',
    token,
    customer: { phone: '+15555550123' },
    location: '12 Oak St',
    window: null,
    status: 'completed',
    priceCents: null,
    closedAt,
    createdAt: '2026-05-01T15:00:00.000Z',
    updatedAt: closedAt,
  });
}

const text = (sid: string | null, body: string): Message => ({
  at: '2026-05-02T15:00:00.000Z', direction: sid ? 'in' : 'out', from: '+15555550199', to: '+15555550100', body, sid, intent: null, media: 0,
});

describe('the month a job is archived under', () => {
  it.each([
    ['2026-07-01T03:00:00Z', 'America/Chicago', '2026-06'],
    ['2026-07-01T06:00:00Z', 'America/Chicago', '2026-07'],
    ['2026-06-30T11:30:00Z', 'Pacific/Apia', '2026-07'],
    ['2026-01-01T00:00:00Z', 'UTC', '2026-01'],
  ])('closing at %s in %s is %s', (at, tz, month) => {
    expect(monthOf(at, tz)).toBe(month);
  });

  it.each([['2026-01', -2, '2025-11'], ['2025-12', 1, '2026-01'], ['2026-06', -18, '2024-12']])('%s %d months is %s', (month, delta, expected) => {
    expect(addMonths(month, delta)).toBe(expected);
  });
});

describe('merging into a month', () => {
  it('holds a job archived twice (a crash between the two steps) once, and changes nothing the second time', () => {
    const job = closedJob('job_1', '2026-05-04T18:00:00.000Z');
    const once = mergeIntoMonth(emptyArchiveMonth('2026-05'), [job], [text('SM1', 'wrong number?'), text(null, 'Sorry, who is this?')]);
    const twice = mergeIntoMonth(once, [job], [text('SM1', 'wrong number?'), text(null, 'Sorry, who is this?')]);
    expect(twice).toBe(once);
    expect(Object.keys(once.jobs)).toEqual(['job_1']);
    expect(once.unmatched).toHaveLength(2);
  });

  it('takes the newer copy of a job changed after it was first archived', () => {
    const first = mergeIntoMonth(emptyArchiveMonth('2026-05'), [closedJob('job_1', '2026-05-04T18:00:00.000Z')], []);
    const newer = { ...closedJob('job_1', '2026-05-04T18:00:00.000Z'), notes: 'paid cash', updatedAt: '2026-05-05T10:00:00.000Z' };
    expect(mergeIntoMonth(first, [newer], []).jobs.job_1!.notes).toBe('paid cash');
  });
});

describe('the token index', () => {
  it('maps a month\'s tokens to it and counts its jobs', () => {
    const index = indexMonth(emptyArchiveIndex(), '2026-05', ['tokA', 'tokB'], 2, '2026-06');
    expect(index).toEqual({ schema: 1, months: { '2026-05': 2 }, tokens: { tokA: '2026-05', tokB: '2026-05' } });
    expect(indexMonth(index, '2026-05', ['tokA', 'tokB'], 2, '2026-06')).toBe(index);
  });

  it('keeps tracking links at least 12 months and forgets tokens after 18, while the month stays listed', () => {
    let index = indexMonth(emptyArchiveIndex(), '2025-06', ['old'], 1, '2025-07');
    index = indexMonth(index, '2026-06', ['new'], 1, '2026-06');
    expect(index.tokens).toEqual({ old: '2025-06', new: '2026-06' });
    index = indexMonth(index, '2026-12', ['newest'], 1, '2026-12');
    expect(index.tokens).toEqual({ old: '2025-06', new: '2026-06', newest: '2026-12' });
    index = indexMonth(index, '2027-01', [], 0, '2027-01');
    expect(Object.keys(index.tokens).sort()).toEqual(['new', 'newest']);
    expect(Object.keys(index.months).sort()).toEqual(['2025-06', '2026-06', '2026-12', '2027-01']);
  });
});

describe('archive months by name', () => {
  it('keeps a month in its own file', () => {
    expect(archiveKey('2026-06')).toBe('archive/2026-06.json');
  });

  it.each([
    ['2026-06', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-6', false],
    ['x2026-06', false],
    ['2026-06x', false],
    ['../2026-06', false],
  ])('%j names a month: %s', (value, expected) => {
    expect(isMonthId(value)).toBe(expected);
  });
});
