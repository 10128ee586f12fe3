import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../domain/errors';
import type { WriteCondition } from '../../domain/ports';
import { parseConfig } from '../../handlers/config';
import { createFileStore } from '../../handlers/file-store';
import { JOBS_KEY, readJobs, updateJobs } from '../../handlers/state';
import { storeFromConfig } from '../../handlers/stores';
import { addJob, bookedJob, countingStore } from '../support/store-fixtures';

let dataDir: string;

beforeEach(async () => {
  // A directory that does not exist yet: the store must create it on the first write.
  dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'file-store-')), 'data');
});

afterEach(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('file store', () => {
  it('what was written reads back, with the ETag the write returned', async () => {
    const store = createFileStore(dataDir);

    const etag = await store.put('jobs.json', '{"hello":1}', { ifNoneMatch: '*' }, 'application/json');

    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(await store.get('jobs.json')).toEqual({ body: '{"hello":1}', etag });
    expect(await readFile(path.join(dataDir, 'jobs.json'), 'utf8')).toBe('{"hello":1}');
  });

  it('an object never written reads as missing, even before the data directory exists', async () => {
    expect(await createFileStore(dataDir).get('jobs.json')).toBeNull();
  });

  it('a writer holding the current ETag replaces the object and gets a new ETag', async () => {
    const store = createFileStore(dataDir);
    const first = await store.put('jobs.json', 'v1', { ifNoneMatch: '*' });

    const second = await store.put('jobs.json', 'v2', { ifMatch: first });

    expect(second).not.toBe(first);
    expect(await store.get('jobs.json')).toEqual({ body: 'v2', etag: second });
  });

  it.each<[string, (stale: string) => WriteCondition]>([
    ['a writer holding a stale copy', (stale) => ({ ifMatch: stale })],
    ['a writer creating an object that already exists', () => ({ ifNoneMatch: '*' })],
    ['a writer holding an ETag that was never issued', () => ({ ifMatch: '"00000000000000000000000000000000"' })],
  ])('%s is refused and nothing is overwritten', async (_, condition) => {
    const store = createFileStore(dataDir);
    const stale = await store.put('jobs.json', 'v1', { ifNoneMatch: '*' });
    const current = await store.put('jobs.json', 'v2', { ifMatch: stale });

    await expect(store.put('jobs.json', 'lost update', condition(stale))).rejects.toBeInstanceOf(ConflictError);

    expect(await store.get('jobs.json')).toEqual({ body: 'v2', etag: current });
  });

  it('updating an object that does not exist is refused rather than created', async () => {
    const store = createFileStore(dataDir);

    await expect(store.put('jobs.json', 'v1', { ifMatch: '"abc"' })).rejects.toBeInstanceOf(ConflictError);

    expect(await store.get('jobs.json')).toBeNull();
  });

  it('writes leave only the finished file and the previous version (jobs.json.bak) behind, no temp files', async () => {
    const store = createFileStore(dataDir);
    let etag = await store.put('jobs.json', 'v0', { ifNoneMatch: '*' });
    for (let i = 1; i <= 20; i++) etag = await store.put('jobs.json', `v${i}`, { ifMatch: etag });
    await expect(store.put('jobs.json', 'refused', { ifMatch: '"stale"' })).rejects.toBeInstanceOf(ConflictError);

    expect((await readdir(dataDir)).sort()).toEqual(['jobs.json', 'jobs.json.bak']);
    expect(await readFile(path.join(dataDir, 'jobs.json'), 'utf8')).toBe('v20');
    expect(await readFile(path.join(dataDir, 'jobs.json.bak'), 'utf8')).toBe('v19');
  });

  it('a reader during a stream of large writes always sees one whole version, never half of one', async () => {
    const store = createFileStore(dataDir);
    const versions = Array.from({ length: 15 }, (_, i) => String(i % 10).repeat(2_000_000));
    let etag = await store.put('jobs.json', versions[0]!, { ifNoneMatch: '*' });
    let writing = true;
    const writer = (async () => {
      for (const body of versions.slice(1)) etag = await store.put('jobs.json', body, { ifMatch: etag });
      writing = false;
    })();

    const seen = new Set<string>();
    while (writing) {
      const read = await store.get('jobs.json');
      seen.add(read === null ? 'missing' : `${read.body.length}:${read.body[0]}${read.body.at(-1)}`);
    }
    await writer;

    for (const entry of seen) expect(entry).toMatch(/^2000000:(\d)\1$/);
  });

  it('50 customers texting at once lose nothing, in one write', async () => {
    const store = countingStore(createFileStore(dataDir));

    const results = await Promise.all(Array.from({ length: 50 }, (_, n) => updateJobs(store, addJob(bookedJob(n)))));

    const { doc } = await readJobs(store);
    expect(Object.keys(doc.jobs).sort()).toEqual(Array.from({ length: 50 }, (_, n) => `job_${n}`).sort());
    expect(results.map((r) => r.added)).toEqual(Array.from({ length: 50 }, (_, n) => `job_${n}`));
    // Group commit: changes queued together go out in one read-modify-write.
    expect(results.map((r) => r.version)).toEqual(Array.from({ length: 50 }, () => 1));
    expect(doc.version).toBe(1);
    expect([store.puts, store.conflicts]).toEqual([1, 0]);
  });

  it('what another process writes is seen on the next read, without re-reading an unchanged file', async () => {
    const store = createFileStore(dataDir);
    const first = await store.put('jobs.json', 'v1', { ifNoneMatch: '*' });
    expect(await store.get('jobs.json', { ifNoneMatch: first })).toEqual({ etag: first, notModified: true });

    // Another server process writes the same size the way this store does (temp file renamed over: a new inode)…
    await writeFile(path.join(dataDir, '.other.tmp'), 'v9');
    await rename(path.join(dataDir, '.other.tmp'), path.join(dataDir, 'jobs.json'));
    const seen = await store.get('jobs.json', { ifNoneMatch: first });
    expect(seen).toEqual({ body: 'v9', etag: expect.not.stringMatching(first) });
    // …and a person edits the file in place (same inode, new size).
    await writeFile(path.join(dataDir, 'jobs.json'), 'v10 edited');
    expect(await store.get('jobs.json', { ifNoneMatch: (seen as { etag: string }).etag })).toMatchObject({ body: 'v10 edited' });
    await expect(store.put('jobs.json', 'lost update', { ifMatch: first })).rejects.toBeInstanceOf(ConflictError);
  });

  it('lists keys under a prefix (not temp files), and deletes them; deleting twice is fine', async () => {
    const store = createFileStore(dataDir);
    expect(await store.list('inbox/')).toEqual([]);
    for (const key of ['inbox/SM2.json', 'inbox/SM1.json', 'jobs.json']) await store.put(key, '{}', { ifNoneMatch: '*' });
    await writeFile(path.join(dataDir, 'inbox', '.SM3.json.123.tmp'), '{}');

    expect(await store.list('inbox/')).toEqual(['inbox/SM1.json', 'inbox/SM2.json']);
    await store.delete('inbox/SM1.json');
    await store.delete('inbox/SM1.json');

    expect(await store.list('inbox/')).toEqual(['inbox/SM2.json']);
    expect(await store.get('inbox/SM1.json')).toBeNull();
  });

  it('a key that would escape the data directory is refused with a message naming it', async () => {
    const store = createFileStore(dataDir);

    await expect(store.put('../outside.json', '{}', { ifNoneMatch: '*' })).rejects.toThrow('"../outside.json"');
    await expect(store.get('/etc/passwd')).rejects.toThrow('"/etc/passwd"');
  });

  it('the local configuration keeps the jobs in DATA_DIR/jobs.json', async () => {
    const store = storeFromConfig(parseConfig({ DATA_DIR: dataDir }, { local: true }));

    await updateJobs(store, addJob(bookedJob(7)));

    const onDisk = JSON.parse(await readFile(path.join(dataDir, JOBS_KEY), 'utf8'));
    expect(onDisk).toMatchObject({ version: 1, jobs: { job_7: { code: '2229' } } });
  });

  it('the previous version survives as jobs.json.bak, the local copy to restore from', async () => {
    const store = createFileStore(dataDir);
    const first = await store.put('jobs.json', '{"version":1}', { ifNoneMatch: '*' });
    await expect(readFile(path.join(dataDir, 'jobs.json.bak'), 'utf8')).rejects.toThrow(); // nothing before the first
    await store.put('jobs.json', '{"version":2}', { ifMatch: first });
    expect(await readFile(path.join(dataDir, 'jobs.json.bak'), 'utf8')).toBe('{"version":1}');
    expect(await readFile(path.join(dataDir, 'jobs.json'), 'utf8')).toBe('{"version":2}');
  });
});
