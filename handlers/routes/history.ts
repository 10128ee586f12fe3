/**
 * The dispatcher's History view over the archive (signed-in only, like the board; read-only):
 * - GET /api/history?q=…&month=YYYY-MM  search archived jobs by code, phone, address or name;
 * - GET /api/history/YYYY-MM/:id        one archived job with its whole history, read-only;
 * - GET /api/history/YYYY-MM.csv        the month as CSV.
 * Without a month the search reads the newest months first and stops at HISTORY_SCAN_MONTHS or HISTORY_RESULTS
 * rows, so a search costs a bounded number of reads however long the business has run.
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { isMonthId } from '../../domain/archive';
import { monthCsv } from '../../domain/history-csv';
import { HISTORY_RESULTS, searchMonth, type HistoryRow } from '../../domain/history-search';
import { STATUSES } from '../../domain/statuses';
import { readArchiveIndex, readArchiveMonth } from '../archive';
import type { Deps } from '../deps';
import { NO_STORE } from './json-body';

/** Months a search without a month reads at most (newest first). */
export const HISTORY_SCAN_MONTHS = 12;

export function historyRoutes(deps: Deps, guard: MiddlewareHandler): Hono {
  const app = new Hono();

  app.get('/api/history', guard, async (c) => {
    const query = (c.req.query('q') ?? '').slice(0, 100);
    const month = c.req.query('month')?.trim() || null;
    if (month !== null && !isMonthId(month)) return c.json({ errors: { month: 'must be a month like 2026-06' } }, 400, NO_STORE);
    const index = await readArchiveIndex(deps.store);
    const months = Object.entries(index.months)
      .sort(([a], [b]) => b.localeCompare(a))
      .map(([id, jobs]) => ({ month: id, jobs }));
    const toSearch = month !== null ? [month] : months.slice(0, HISTORY_SCAN_MONTHS).map((entry) => entry.month);
    const results: HistoryRow[] = [];
    const searched: string[] = [];
    for (const id of toSearch) {
      if (results.length >= HISTORY_RESULTS) break;
      const archived = await readArchiveMonth(deps.store, id);
      results.push(...searchMonth(archived.jobs, id, query));
      searched.push(id);
    }
    const truncated = results.length > HISTORY_RESULTS || searched.length < months.length;
    return c.json({ months, searched, results: results.slice(0, HISTORY_RESULTS), truncated }, 200, NO_STORE);
  });

  app.get('/api/history/:file{[0-9]{4}-[0-9]{2}\\.csv}', guard, async (c) => {
    const month = c.req.param('file').slice(0, 7);
    if (!isMonthId(month)) return c.json({ error: 'No such month.' }, 404, NO_STORE);
    const archived = await readArchiveMonth(deps.store, month);
    return c.body(monthCsv(Object.values(archived.jobs)), 200, {
      ...NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="jobs-${month}.csv"`,
    });
  });

  app.get('/api/history/:month/:id', guard, async (c) => {
    const month = c.req.param('month');
    if (!isMonthId(month)) return c.json({ error: 'No such month.' }, 404, NO_STORE);
    const archived = await readArchiveMonth(deps.store, month);
    const id = c.req.param('id');
    const job = Object.hasOwn(archived.jobs, id) ? archived.jobs[id] : undefined;
    if (!job) return c.json({ error: 'No such archived job.' }, 404, NO_STORE);
    return c.json({ month, job: { ...job, label: STATUSES[job.status].label } }, 200, NO_STORE);
  });

  return app;
}
