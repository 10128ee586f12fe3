/**
 * Searching a month of the archive: the rows the history page lists, most recently closed first.
 */
import { describe, expect, it } from 'vitest';
import { searchMonth } from '../../domain/history-search';
import { CUSTOMER, NEIGHBOUR, textingDay } from './support';

/** June's archive: Oak St completed on the 10th, Elm St cancelled on the 12th, Pine Rd completed on the 12th too. */
function june() {
  const day = textingDay();
  day.text(CUSTOMER, 'tomorrow morning, 12 Oak St');
  day.text(NEIGHBOUR, 'tomorrow morning, 5 Elm St');
  day.text('+15555550125', 'tomorrow morning, 9 Pine Rd');
  const [oak, elm, pine] = Object.values(day.doc.jobs);
  const at = '2026-06-12T15:00:00.000Z';
  day.put({ ...oak!, code: 'K7Q2', status: 'completed', closedAt: '2026-06-10T15:00:00.000Z', priceCents: 30_000, customer: { phone: CUSTOMER, name: 'Dana Whit' } });
  day.put({ ...elm!, code: 'B3C4', status: 'cancelled', closedAt: at });
  // Closed before closedAt was kept: its last update stands in.
  day.put({ ...pine!, code: 'A2C4', status: 'completed', closedAt: null, updatedAt: at });
  return day.doc.jobs;
}

describe("a month's history", () => {
  it('lists every job of the month with no query, most recently closed first, then by code', () => {
    const jobs = june();

    expect(searchMonth(jobs, '2026-06', '').map((row) => [row.code, row.closedAt])).toEqual([
      ['A2C4', '2026-06-12T15:00:00.000Z'],
      ['B3C4', '2026-06-12T15:00:00.000Z'],
      ['K7Q2', '2026-06-10T15:00:00.000Z'],
    ]);
  });

  it('gives each row what the history page shows', () => {
    const jobs = june();
    const oak = Object.values(jobs).find((job) => job.code === 'K7Q2')!;

    expect(searchMonth(jobs, '2026-06', 'k7q2')).toEqual([
      {
        month: '2026-06',
        id: oak.id,
        code: 'K7Q2',
        status: 'completed',
        label: 'All done',
        customerPhone: CUSTOMER,
        customerName: 'Dana Whit',
        location: '12 Oak St',
        priceCents: 30_000,
        createdAt: oak.createdAt,
        closedAt: '2026-06-10T15:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['a code prefix', 'k7', ['K7Q2']],
    ['phone digits', '555-0124', ['B3C4']],
    ['words of the address', 'pine rd', ['A2C4']],
    ["the customer's name", 'dana', ['K7Q2']],
    ['nothing that matches', 'birch', []],
  ])('finds jobs by %s', (_, query, codes) => {
    expect(searchMonth(june(), '2026-06', query).map((row) => row.code)).toEqual(codes);
  });
});
