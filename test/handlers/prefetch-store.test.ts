import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectStore } from '../../domain/ports';
import { createFileStore } from '../../handlers/file-store';
import { PREFETCH_FRESH_MS, prefetching } from '../../handlers/prefetch-store';

let dir: string;
let store: ObjectStore;
let now: number;
const clock = () => now;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'prefetch-store-'));
  store = createFileStore(dir);
  now = 1_000;
  await store.put('jobs.json', '{"v":1}', { ifNoneMatch: '*' });
  await store.put('crew.json', '{"crew":[]}', { ifNoneMatch: '*' });
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Another container writes `body` over `key` (the store's current ETag as the condition). */
async function writtenElsewhere(key: string, body: string): Promise<void> {
  const current = await store.get(key);
  await store.put(key, body, { ifMatch: current!.etag });
}

describe('a container that starts reading before its first request', () => {
  it('answers the first read of each key with what it read at start-up, and every later read from the store', async () => {
    const warm = prefetching(store, ['jobs.json', 'crew.json'], clock);
    await new Promise((resolve) => setTimeout(resolve, 20)); // the start-up reads land
    await writtenElsewhere('jobs.json', '{"v":2}');

    // One read at start-up stands for the first one (a few ms later it is as good as a fresh read; CAS guards writes).
    expect((await warm.get('jobs.json'))?.body).toBe('{"v":1}');
    expect((await warm.get('jobs.json'))?.body).toBe('{"v":2}');
    expect((await warm.get('crew.json'))?.body).toBe('{"crew":[]}');
  });

  it('does not use a start-up read once it is older than PREFETCH_FRESH_MS (a container made long before its first text)', async () => {
    const warm = prefetching(store, ['jobs.json'], clock);
    await writtenElsewhere('jobs.json', '{"v":2}');
    now += PREFETCH_FRESH_MS;

    expect((await warm.get('jobs.json'))?.body).toBe('{"v":2}');
  });

  it('reads its own write, not the start-up answer', async () => {
    const warm = prefetching(store, ['jobs.json'], clock);
    const before = await store.get('jobs.json');
    const etag = await warm.put('jobs.json', '{"v":3}', { ifMatch: before!.etag });

    expect(await warm.get('jobs.json')).toEqual({ body: '{"v":3}', etag });
  });

  it('a start-up read that failed costs nothing: the first read asks the store again and gets the object', async () => {
    let failures = 1;
    const flaky: ObjectStore = {
      ...store,
      get: ((key: string, options?: { ifNoneMatch: string }) => {
        if (failures-- > 0) return Promise.reject(new Error('socket hang up'));
        return options ? store.get(key, options) : store.get(key);
      }) as ObjectStore['get'],
    };
    const warm = prefetching(flaky, ['jobs.json'], clock);

    expect((await warm.get('jobs.json'))?.body).toBe('{"v":1}');
  });

  it('a read that already holds an ETag asks the store, which answers not-modified', async () => {
    const warm = prefetching(store, ['jobs.json'], clock);
    const current = await store.get('jobs.json');

    expect(await warm.get('jobs.json', { ifNoneMatch: current!.etag })).toEqual({ etag: current!.etag, notModified: true });
  });

  it('a key never prefetched, a missing object, a list and a delete behave as the store does', async () => {
    const warm = prefetching(store, ['business.json'], clock);

    expect(await warm.get('business.json')).toBeNull();
    expect((await warm.get('crew.json'))?.body).toBe('{"crew":[]}');
    expect(await warm.list('')).toEqual(['crew.json', 'jobs.json']);
    await warm.delete('crew.json');
    expect(await warm.get('crew.json')).toBeNull();
  });
});
