/**
 * The bench's arithmetic and its documents, never its timings: percentiles on known arrays, loops that stop at
 * their bounds, and the built history being a valid jobs document of the size it claims.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { JobsDocumentSchema } from '../../domain/jobs-document';
import { isOpenStatus } from '../../domain/statuses';
import { buildHistory } from '../../scripts/bench/history';
import { startLatencyProxy } from '../../scripts/bench/latency-proxy';
import type { ColdRun } from '../../scripts/load-time';
import { combine, formatTable, pairedRatio, percentile, summarize, timeSync } from '../../scripts/bench/stats';

const ONE_TO_HUNDRED = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it.each([
    ['1..100', ONE_TO_HUNDRED, 50, 50],
    ['1..100', ONE_TO_HUNDRED, 95, 95],
    ['1..100', ONE_TO_HUNDRED, 99, 99],
    ['1..100', ONE_TO_HUNDRED, 100, 100],
    ['1..10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50, 5],
    ['1..10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 10],
    ['[1,2,3]', [1, 2, 3], 50, 2],
    ['[1,2,3,4]', [1, 2, 3, 4], 50, 2],
    ['[7]', [7], 99, 7],
    ['[0.5,0.5,0.5,9]', [0.5, 0.5, 0.5, 9], 75, 0.5],
  ])('of %s at p%d is %d', (_label, sorted, p, expected) => {
    expect(percentile(sorted, p)).toBe(expected);
  });

  it('of no samples is NaN, so an empty row prints "-" instead of a made-up number', () => {
    expect(percentile([], 50)).toBeNaN();
  });

  it.each([0, -5, 101, Number.NaN])('refuses p=%d', (p) => {
    expect(() => percentile([1, 2, 3], p)).toThrow(/p must be in \(0, 100\]/);
  });
});

describe('summarize', () => {
  it('sorts the samples itself and counts ops/s over the wall time, not over the latencies', () => {
    const row = summarize('x', { ms: [30, 10, 20, 40], wallMs: 50, capped: false });
    expect(row).toMatchObject({ n: 4, opsPerSec: 80, p50: 20, p95: 40, p99: 40, max: 40, note: '' });
  });

  it('says so in the notes when a loop stopped at its time budget', () => {
    expect(summarize('x', { ms: [1], wallMs: 1, capped: true }, 'mix').note).toBe('mix; stopped at its time budget');
  });

  it('joins rounds by adding their wall times', () => {
    const joined = combine([
      { ms: [1, 2], wallMs: 2, capped: false },
      { ms: [3], wallMs: 3, capped: false },
    ]);
    expect(joined).toEqual({ ms: [1, 2, 3], wallMs: 5, capped: false });
  });
});

describe('bounded loops', () => {
  it('run exactly `count` times when time allows', () => {
    let calls = 0;
    const samples = timeSync(() => void calls++, { count: 37, maxMs: 60_000 });
    expect([calls, samples.ms.length, samples.capped]).toEqual([37, 37, false]);
  });

  it('stop after the first call and say so when the budget is already spent', () => {
    let calls = 0;
    const samples = timeSync(() => void calls++, { count: 1_000, maxMs: -1 });
    expect([calls, samples.capped]).toEqual([1, true]);
  });
});

describe('the table', () => {
  it('has a header and one line per row, with the notes last', () => {
    const table = formatTable([summarize('parser', { ms: [0.02, 0.03], wallMs: 0.05, capped: false }, '42 texts')]);
    const [header, line] = table.split('\n');
    expect(header).toMatch(/^name\s+n\s+ops\/s\s+p50 ms\s+p95 ms\s+p99 ms\s+max ms\s+notes$/);
    expect(line).toMatch(/^parser\s+2\s+40,000\s+0\.0200\s+0\.0300\s+0\.0300\s+0\.0300\s+42 texts$/);
  });
});

describe('the history the engine benchmark runs on', () => {
  // 250 jobs crosses a block boundary (200), so the merge of blocks is covered too.
  const history = buildHistory(250);

  it('is a valid jobs document with one job per booking and distinct ids', () => {
    const doc = JobsDocumentSchema.parse(JSON.parse(JSON.stringify(history.doc)));
    const ids = Object.keys(doc.jobs);
    expect(ids).toHaveLength(250);
    expect(new Set(Object.values(doc.jobs).map((job) => job.customer.phone)).size).toBe(250);
    expect(ids).toContain('job_1');
    expect(ids).toContain('job_250');
  });

  it('leaves open exactly the last tenth and the jobs whose code a crew text could not reach', () => {
    const open = Object.values(history.doc.jobs).filter((job) => isOpenStatus(job.status));
    const tail = Array.from({ length: 25 }, (_, i) => `job_${226 + i}`);
    const stuck = open.filter((job) => !tail.includes(job.id));
    expect(open.map((job) => job.id)).toEqual(expect.arrayContaining(tail));
    expect(stuck.every((job) => history.unreadCodes.includes(job.code))).toBe(true);
    expect(new Set(open.map((job) => job.code)).size).toBe(open.length);
  });

  it('has crew work on the closed jobs: completed ones with the full status history', () => {
    const completed = Object.values(history.doc.jobs).filter((job) => job.status === 'completed');
    expect(completed.length).toBeGreaterThan(150);
    expect(completed[0]!.history.map((entry) => entry.status)).toEqual(
      expect.arrayContaining(['booking_confirmed', 'en_route', 'in_progress', 'completed']),
    );
  });
});

describe('the cold-start row', () => {
  const run = (replied: number, repliedCpu = replied): ColdRun => ({ loaded: 0, replied, loadedCpu: 0, repliedCpu, status: 200 });

  it('compares each run of ours with the naive run beside it, so a burst of load on the machine hits both', () => {
    // Pair by pair: 0.5, 0.5, 0.6. The medians of each side (300 / 500) would say 0.6.
    const ours = [run(100), run(300), run(600)];
    const naive = [run(200), run(600), run(1000)];
    expect(pairedRatio(ours, naive, (r) => r.replied)).toBe(0.5);
    expect(pairedRatio(ours, naive, (r) => r.repliedCpu)).toBe(0.5);
  });

  it('is measured against a network that takes its time: the proxy answers as S3 would, only later', async () => {
    const upstream = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => res.writeHead(201, { etag: '"abc"' }).end(`${req.method} ${req.url} ${body}`));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const proxy = await startLatencyProxy(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`, 60);
    try {
      const started = performance.now();
      const response = await fetch(`${proxy.endpoint}/bucket/jobs.json`, { method: 'PUT', body: '{"v":1}' });
      expect([response.status, response.headers.get('etag'), await response.text()]).toEqual([201, '"abc"', 'PUT /bucket/jobs.json {"v":1}']);
      expect(performance.now() - started).toBeGreaterThanOrEqual(59);
    } finally {
      await proxy.close();
      upstream.close();
    }
  });
});
