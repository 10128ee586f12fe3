/**
 * The local ObjectStore: each object is the file `dir/<key>`. Used by `npm start` (one process on one machine).
 *
 * It gives the same compare-and-swap contract as S3 so handlers/state.ts works unchanged over either store:
 * - the ETag is a quoted hash of the file's bytes. Hashing a 1 MB jobs.json on every read cost more than anything
 *   else the server did, so the store remembers each file's identity (inode, size, mtime, ctime, in nanoseconds)
 *   with the ETag it hashed: while the stat is unchanged the ETag is known without reading, and a write by another
 *   process (a new inode from its rename, or an in-place edit's new mtime) is seen on the next read;
 * - put() checks its condition and writes under a per-key mutex, so two requests in this process can never both
 *   pass the check for the same version (the losing one gets ConflictError and updateJobs re-reads);
 * - the write goes to a temp file in the same directory, is fsynced and then renamed over the target, so a reader
 *   or a crash sees the old file or the new one, never half of one.
 * - across processes (`npm run sweep` beside `npm start`) each put() also holds a lock file (file-lock.ts);
 * - before the new version replaces the old one, the old one is kept as `<key>.bak` (a hard link to the old file,
 *   so it costs no copy): the local disaster-recovery copy, one write back (README, "Recovering jobs.json").
 */
import { createHash, randomBytes } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { copyFile, link, mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ConflictError } from '../domain/errors';
import type { NotModified, ObjectStore, StoredObject, WriteCondition } from '../domain/ports';
import { lockedAcrossProcesses } from './file-lock';

/** A file as last seen: its identity and the ETag of the bytes it had then. */
interface Seen {
  readonly identity: string;
  readonly etag: string;
}

/** The store over `dir`; the directory (and any subdirectory a key names) is created on first write. */
export function createFileStore(dir: string): ObjectStore {
  const root = path.resolve(dir);
  const withKeyLock = createKeyedMutex();
  const seen = new Map<string, Seen>();

  const fileFor = (key: string): string => {
    assertSafeKey(key);
    return path.join(root, key);
  };

  function get(key: string): Promise<StoredObject | null>;
  function get(key: string, options: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null>;
  async function get(key: string, options?: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null> {
    const file = fileFor(key);
    let handle;
    try {
      handle = await open(file, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        seen.delete(file);
        return null;
      }
      throw error;
    }
    try {
      // The stat and the bytes come from the same open file, so they describe the same version even if a writer
      // renames a new file over the name meanwhile.
      const identity = identityOf(await handle.stat({ bigint: true }));
      const known = seen.get(file);
      if (known?.identity === identity && options?.ifNoneMatch === known.etag) return { etag: known.etag, notModified: true };
      const bytes = await handle.readFile();
      const etag = known?.identity === identity ? known.etag : etagOfBytes(bytes);
      seen.set(file, { identity, etag });
      if (options?.ifNoneMatch === etag) return { etag, notModified: true };
      return { body: bytes.toString('utf8'), etag };
    } finally {
      await handle.close();
    }
  }

  /** The ETag of the file now, or null when it does not exist; read and hashed only when its stat changed. */
  async function currentEtag(file: string): Promise<string | null> {
    let stats: BigIntStats;
    try {
      stats = await stat(file, { bigint: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const known = seen.get(file);
    if (known?.identity === identityOf(stats)) return known.etag;
    const found = await get(path.relative(root, file));
    return found === null ? null : found.etag;
  }

  async function put(key: string, body: string, condition: WriteCondition): Promise<string> {
    const file = fileFor(key);
    return withKeyLock(file, async () => {
      const currentTag = await currentEtag(file);
      if ('ifNoneMatch' in condition) {
        if (currentTag !== null) throw new ConflictError(`${key} already exists (If-None-Match: *)`);
      } else if (currentTag === null) {
        // S3 answers 404 here; for the caller it is the same thing: its copy is stale, re-read.
        throw new ConflictError(`${key} no longer exists (If-Match: ${condition.ifMatch})`);
      } else if (currentTag !== condition.ifMatch) {
        throw new ConflictError(`${key} changed since it was read (If-Match: ${condition.ifMatch}, now ${currentTag})`);
      }
      if (currentTag !== null) await keepPrevious(file);
      const bytes = Buffer.from(body, 'utf8');
      const etag = etagOfBytes(bytes);
      const identity = await writeAtomically(file, bytes);
      if (identity === null) seen.delete(file);
      else seen.set(file, { identity, etag });
      return etag;
    });
  }

  async function list(prefix: string): Promise<string[]> {
    // The deepest folder the prefix names ("inbox/" → inbox, "inbox/SM" → inbox); keys are matched below it.
    const folder = prefix.includes('/') ? prefix.slice(0, prefix.lastIndexOf('/')) : '';
    let names: string[];
    try {
      names = await readdir(folder === '' ? root : fileFor(folder), { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((name) => (folder === '' ? name : `${folder}/${name}`).split(path.sep).join('/'))
      // Temp files of writes in flight start with a dot; they are not objects.
      .filter((key) => key.startsWith(prefix) && !path.posix.basename(key).startsWith('.'))
      .sort();
  }

  async function remove(key: string): Promise<void> {
    const file = fileFor(key);
    await withKeyLock(file, async () => {
      seen.delete(file);
      try {
        await unlink(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    });
  }

  // The compare-and-swap holds across processes too (npm run sweep beside npm start): a lock file per put.
  return lockedAcrossProcesses(root, { get, put, list, delete: remove });
}

/** Which version of a file this is, as far as its metadata tells (a rename gives a new inode, an edit a new mtime). */
function identityOf(stats: BigIntStats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

/**
 * The ETag of a body: the first 32 hex digits of its SHA-256, quoted like S3's.
 * @example etagOf('') // '"e3b0c44298fc1c149afbf4c8996fb924"'
 */
export function etagOf(body: string): string {
  return etagOfBytes(Buffer.from(body, 'utf8'));
}

/** The same ETag over bytes as stored: no decode and re-encode on the way. */
function etagOfBytes(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}"`;
}

/** Keys are relative paths inside the store's directory; anything that could escape it is refused. */
function assertSafeKey(key: string): void {
  const parts = key.split(/[\\/]/);
  if (key === '' || path.isAbsolute(key) || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`Object key "${key}" must be a relative path like "jobs.json" with no "." or ".." parts`);
  }
}

/**
 * `file` → `file.bak`, atomically (a reader of the .bak sees the previous backup or this one). A hard link where
 * the file system allows one, else a copy. Best effort: failing to keep a backup must not stop the write.
 */
async function keepPrevious(file: string): Promise<void> {
  // A dot name, like the write's temp file: list() does not take it for an object.
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.bak.tmp`);
  try {
    await link(file, temp).catch(() => copyFile(file, temp));
    await rename(temp, `${file}.bak`);
  } catch {
    await rm(temp, { force: true });
  }
}

/**
 * Temp file in the same directory (rename is only atomic within one file system) → fsync → rename → fsync dir.
 * Returns the new file's identity (see identityOf), or null when another writer's file took the name meanwhile.
 */
async function writeAtomically(file: string, bytes: Buffer): Promise<string | null> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let inode: bigint;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      inode = (await handle.stat({ bigint: true })).ino;
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
  // The rename changed the file's ctime: take the identity from the name, if the name is still ours.
  const after = await stat(file, { bigint: true }).catch(() => null);
  return after !== null && after.ino === inode ? identityOf(after) : null;
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
