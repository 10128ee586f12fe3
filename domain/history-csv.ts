/**
 * One month of archived jobs as CSV (RFC 4180: comma-separated, CRLF line ends, quotes doubled), for the
 * bookkeeper's spreadsheet. Cells are text customers and crew typed, so every cell that a spreadsheet would run as
 * a formula (starting with = + - @, or a tab or carriage return) gets a leading apostrophe, as OWASP's
 * "CSV Injection" page advises; a phone number therefore reads '+15555550123.
 */
import type { Job } from './jobs-document';
import { closedAtOf } from './hot-document';
import { STATUSES } from './statuses';

const COLUMNS = [
  'code',
  'status',
  'customer name',
  'customer phone',
  'address',
  'window start',
  'window end',
  'price',
  'items',
  'notes',
  'driver',
  'first mate',
  'supervisor',
  'photos',
  'messages',
  'booked at',
  'closed at',
] as const;

/**
 * @example monthCsv([job]).split('\r\n')[0] // 'code,status,customer name,…'
 */
export function monthCsv(jobs: readonly Job[]): string {
  const rows = [...jobs]
    .sort((a, b) => (closedAtOf(a) ?? '').localeCompare(closedAtOf(b) ?? '') || a.code.localeCompare(b.code))
    .map((job) => [
      job.code,
      STATUSES[job.status].label,
      job.customer.name ?? '',
      job.customer.phone,
      job.location ?? '',
      job.window?.start ?? '',
      job.window?.end ?? '',
      job.priceCents === null ? '' : (job.priceCents / 100).toFixed(2),
      job.items ?? '',
      job.notes,
      job.crew.driver ?? '',
      job.crew.first_mate ?? '',
      job.crew.supervisor ?? '',
      String(job.photos.length),
      String(job.messages.length),
      job.createdAt,
      closedAtOf(job) ?? '',
    ]);
  return [COLUMNS as readonly string[], ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell: formula-looking text defused with a leading apostrophe, then quoted when it holds a comma, a quote or a
 * line break. @example csvCell('=SUM(A1)') // "'=SUM(A1)"  @example csvCell('a "b", c') // '"a ""b"", c"'
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
