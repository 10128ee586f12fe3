/**
 * The local ObjectStore: each object is the file `dir/<key>`. Used by `npm start` (one process on one machine).
 *
 * It gives the same compare-and-swap contract as S3 so handlers/state.ts works unchanged over either store:
 * - the ETag is a quoted content hash, recomputed on every read, so it changes whenever the bytes change;
 * - put() checks its condition and writes under a per-key mutex, so two requests in this process can never both
 *   pass the check for the same version (the losing one gets ConflictError and updateJobs re-reads);
 * - the write goes to a temp file in the same directory, is fsynced and then renamed over the target, so a reader
 *   or a crash sees the old file or the new one, never half of one.
 * - before the new version replaces the old one, the old one is kept as `<key>.bak` (a hard link to the old file,
 *   so it costs no copy): the local disaster-recovery copy, one write back (README, "Recovering jobs.json").
 * Another process writing the same directory is NOT serialized (the local server is a single process).
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '../domain/errors';
import type { ObjectStore, StoredObject, WriteCondition } from '../domain/ports';

/** The store over `dir`; the directory (and any subdirectory a key names) is created on first write. */
export function createFileStore(dir: string): ObjectStore {
  const root = path.resolve(dir);
  const withKeyLock = createKeyedMutex();

  const fileFor = (key: string): string => {
    assertSafeKey(key);
    return path.join(root, key);
  };

  async function get(key: string): Promise<StoredObject | null> {
    const body = await readIfExists(fileFor(key));
    return body === null ? null : { body, etag: etagOf(body) };
  }

  async function put(key: string, body: string, condition: WriteCondition): Promise<string> {
    const file = fileFor(key);
    return withKeyLock(file, async () => {
      const current = await readIfExists(file);
      const currentEtag = current === null ? null : etagOf(current);
      if ('ifNoneMatch' in condition) {
        if (currentEtag !== null) throw new ConflictError(`${key} already exists (If-None-Match: *)`);
      } else if (currentEtag === null) {
        // S3 answers 404 here; for the caller it is the same thing: its copy is stale, re-read.
        throw new ConflictError(`${key} no longer exists (If-Match: ${condition.ifMatch})`);
      } else if (currentEtag !== condition.ifMatch) {
        throw new ConflictError(`${key} changed since it was read (If-Match: ${condition.ifMatch}, now ${currentEtag})`);
      }
      if (current !== null) await keepPrevious(file);
      await writeAtomically(file, body);
      return etagOf(body);
    });
  }

  return { get, put };
}

/**
 * The ETag of a body: the first 32 hex digits of its SHA-256, quoted like S3's.
 * @example etagOf('') // '"e3b0c44298fc1c149afbf4c8996fb924"'
 */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 32)}"`;
}

/** Keys are relative paths inside the store's directory; anything that could escape it is refused. */
function assertSafeKey(key: string): void {
  const parts = key.split(/[\\/]/);
  if (key === '' || path.isAbsolute(key) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Object key "${key}" must be a relative path like "jobs.json" with no "." or ".." parts`);
  }
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * `file` → `file.bak`, atomically (a reader of the .bak sees the previous backup or this one). A hard link where
 * the file system allows one, else a copy. Best effort: failing to keep a backup must not stop the write.
 */
async function keepPrevious(file: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.bak.tmp`;
  try {
    await link(file, temp).catch(() => copyFile(file, temp));
    await rename(temp, `${file}.bak`);
  } catch {
    await rm(temp, { force: true });
  }
}

/** Temp file in the same directory (rename is only atomic within one file system) → fsync → rename → fsync dir. */
async function writeAtomically(file: string, body: string): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

/** Makes the rename itself durable. Some platforms (Windows) cannot open a directory; there it is skipped. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort: the data is already fsynced; only the directory entry's durability is at stake.
  } finally {
    await handle?.close();
  }
}

/** Runs tasks for the same key one after another, in arrival order; different keys run concurrently. */
function createKeyedMutex(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<void>>();
  return async (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => gate);
    tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      // Forget the key once nobody is queued behind us, so the map does not grow with every key ever written.
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
