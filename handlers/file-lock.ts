/**
 * Compare-and-swap on the file store across processes: `npm run sweep` and `npm start` both write DATA_DIR/jobs.json.
 * In one process put() is serialised by a mutex; across processes each put() also holds a lock file
 * (`.<name>.lock` beside the object, created with O_EXCL, which only one process can win) while it checks the ETag
 * and renames the new file in. A lock older than STALE_LOCK_MS belonged to a process that died mid-write and is
 * taken over. A put that cannot get the lock in time fails with ConflictError, which updateJobs retries like a
 * lost race.
 */
import { mkdir, open, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '../domain/errors';
import type { ObjectStore } from '../domain/ports';

/** A put holds its lock for milliseconds; one this old was left by a crashed process. */
export const STALE_LOCK_MS = 10_000;
const WAIT_MS = 3_000;

/** The store with each put() also holding a lock file in `root`, so writers in other processes take turns. */
export function lockedAcrossProcesses<S extends ObjectStore>(root: string, store: S): S {
  return {
    ...store,
    put: (key, body, condition, contentType) =>
      withLockFile(path.join(root, path.dirname(key), `.${path.basename(key)}.lock`), () => store.put(key, body, condition, contentType)),
  };
}

async function withLockFile<T>(lock: string, task: () => Promise<T>): Promise<T> {
  await acquire(lock);
  try {
    return await task();
  } finally {
    await rm(lock, { force: true });
  }
}

async function acquire(lock: string): Promise<void> {
  const giveUp = Date.now() + WAIT_MS;
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        await mkdir(path.dirname(lock), { recursive: true });
        continue;
      }
      if (code !== 'EEXIST') throw error;
    }
    const held = await stat(lock).catch(() => null);
    if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) {
      await rm(lock, { force: true });
      continue;
    }
    if (Date.now() > giveUp) throw new ConflictError(`${lock} is held by another writer`);
    await new Promise((resolve) => setTimeout(resolve, 2 + Math.floor(Math.random() * 8)));
  }
}
