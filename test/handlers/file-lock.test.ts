import { mkdtemp, rm, utimes, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileStore } from '../../handlers/file-store';
import { STALE_LOCK_MS } from '../../handlers/file-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the file store across processes', () => {
  it('leaves no lock file behind after a write', async () => {
    const store = createFileStore(dir);
    await store.put('jobs.json', '{}', { ifNoneMatch: '*' });
    expect(await readdir(dir)).toEqual(['jobs.json']);
  });

  it('takes over a lock left by a process that died mid-write', async () => {
    const lock = join(dir, '.jobs.json.lock');
    await writeFile(lock, '');
    const old = (Date.now() - STALE_LOCK_MS - 5_000) / 1000;
    await utimes(lock, old, old);
    const store = createFileStore(dir);
    await store.put('jobs.json', '{"a":1}', { ifNoneMatch: '*' });
    expect((await store.get('jobs.json'))?.body).toBe('{"a":1}');
  });

  it('two stores (as two processes would) racing on one file: exactly one conditional write wins', async () => {
    const a = createFileStore(dir);
    const b = createFileStore(dir);
    await a.put('jobs.json', '0', { ifNoneMatch: '*' });
    const etag = (await a.get('jobs.json'))!.etag;
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) => a.put('jobs.json', `a${i}`, { ifMatch: etag })),
      ...Array.from({ length: 5 }, (_, i) => b.put('jobs.json', `b${i}`, { ifMatch: etag })),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
  });
});
