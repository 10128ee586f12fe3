/**
 * Building the 2,000-job history runs the engine ~11,000 times (about 9 s of CPU on a 2-core machine, far more when
 * the machine is shared), which would take a large share of the bench's 90 s. The built documents are kept in the
 * OS temp dir under a key that hashes every domain source file and the bench's own history code: any change to
 * what builds the document builds it again; otherwise the run loads the same bytes it would have built.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildHistory, type History } from './history';

const DOMAIN_DIR = fileURLToPath(new URL('../../domain/', import.meta.url));
const BENCH_FILES = ['history.ts', 'corpus.ts'].map((name) => fileURLToPath(new URL(`./${name}`, import.meta.url)));
const CACHE_DIR = join(tmpdir(), 'sms-dispatcher-bench');

export interface LoadedHistory extends History {
  /** True when this run loaded it instead of building it. */
  readonly cached: boolean;
}

/** The history of `jobCount` jobs, from the cache when nothing that builds it has changed. */
export async function loadOrBuildHistory(jobCount: number): Promise<LoadedHistory> {
  const file = join(CACHE_DIR, `history-${jobCount}-${await sourceHash(jobCount)}.json`);
  const cached = await readCached(file);
  if (cached) return { ...cached, cached: true };
  const history = buildHistory(jobCount);
  await mkdir(CACHE_DIR, { recursive: true });
  // Temp file + rename: a second bench running at the same time never reads half a file.
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(temp, JSON.stringify(history));
  await rename(temp, file);
  return { ...history, cached: false };
}

async function sourceHash(jobCount: number): Promise<string> {
  const hash = createHash('sha256').update(`jobs=${jobCount}\n`);
  const domainFiles = (await readdir(DOMAIN_DIR)).filter((name) => name.endsWith('.ts')).sort();
  for (const file of [...domainFiles.map((name) => join(DOMAIN_DIR, name)), ...BENCH_FILES]) {
    hash.update(`${file}\n`).update(await readFile(file)).update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}

async function readCached(file: string): Promise<History | null> {
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as History;
    return value && typeof value.endedAt === 'string' && Array.isArray(value.unreadCodes) && typeof value.doc?.jobs === 'object'
      ? value
      : null;
  } catch {
    // Missing or unreadable: build it.
    return null;
  }
}
