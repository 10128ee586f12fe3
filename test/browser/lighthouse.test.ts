/**
 * The customer pages stay fast, accessible and light: Lighthouse (mobile) on /track/<token> and /book/<slug>, one
 * page load each, against the floors — performance ≥ 95 (CPU slowdown calibrated to this host, see
 * scripts/bench/lighthouse.ts), accessibility 100, best practices ≥ 95 — and ≤ 20 KB of HTML, JS and CSS on the
 * wire (gzip, as CloudFront serves them). `npm run bench` prints the same figures.
 */
import { describe, expect, it } from 'vitest';
import { cpuMultiplierFor, formatReports, lighthouseCustomerPages, shortfalls } from '../../scripts/bench/lighthouse';
import { hasChromium } from './support';

describe('cpuMultiplierFor', () => {
  it.each([
    [2000, 4],
    [1500, 4],
    [750, 2],
    [375, 1],
    [195, 1],
  ])('a host with BenchmarkIndex %d gets %d× (Lighthouse: 4× for a ~1500 desktop, 1× for a host as slow as the phone)', (index, multiplier) => {
    expect(cpuMultiplierFor(index)).toBe(multiplier);
  });
});

describe.skipIf(!hasChromium)('Lighthouse on the customer pages (mobile)', () => {
  it('track and booking pages meet the floors and stay under 20 KB', { timeout: 400_000 }, async () => {
    const reports = await lighthouseCustomerPages();
    console.log(formatReports(reports).join('\n'));
    expect(reports.map((report) => report.name)).toEqual(['/track/<token>', '/book/<slug>']);
    for (const report of reports) expect(report.pageBytes).toBeGreaterThan(1000);
    expect(reports.flatMap(shortfalls)).toEqual([]);
  });
});
