/**
 * jobs.json as this code writes it ends with a seal: a last field `"sealed":"<revision>:<sha256>"`, the hash of
 * the document written without it. A body whose seal matches was written here from records already validated
 * (handlers/state.ts checks the records a change touched before every write; all others came from a validated
 * read), so it is read with JSON.parse alone. On a cold Lambda that is most of the first text's cost: zod over
 * every record of a 200-job document took ~200 ms of CPU before the first reply (bench section 7).
 *
 * A body with no seal or one that does not match (edited by hand, written by older code or under an earlier
 * schema revision) is read record by record as before, a bad record quarantined (domain/document-records.ts).
 * The seal guards against mistakes, not attackers: whoever can write the object can recompute a hash.
 */
import { createHash } from 'node:crypto';
import { readJobsDocument } from '../domain/document-records';
import { JOBS_SCHEMA, type JobsDocument } from '../domain/jobs-document';

/**
 * The revision of the records' rules (JobsDocumentSchema and everything it holds). Bump it whenever the schema
 * changes, so documents sealed under the old rules are validated once more; test/handlers/jobs-seal.test.ts pins
 * the schema's fingerprint to it and fails until you do.
 */
export const RECORDS_REVISION = 1;

const SEAL_PREFIX = `${JOBS_SCHEMA}.${RECORDS_REVISION}:`;
const SEAL = /,"sealed":"([^"\\]{1,200})"\}$/;

/** The hash of `parts` as one text (no joined copy of a megabyte document is made to hash it). */
function sha256(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part, 'utf8');
  return hash.digest('base64url');
}

/** The document as stored: compact JSON with the seal as its last field. */
export function sealJobs(doc: JobsDocument): string {
  const body = JSON.stringify(doc);
  return `${body.slice(0, -1)},"sealed":"${SEAL_PREFIX}${sha256(body)}"}`;
}

/** Whether `text` ends with a seal of this revision that matches the bytes before it. */
export function isSealed(text: string): boolean {
  // The seal is short and last: look only at the tail, not the whole document.
  const match = SEAL.exec(text.slice(-300));
  if (!match || !match[1]!.startsWith(SEAL_PREFIX)) return false;
  return match[1] === `${SEAL_PREFIX}${sha256(text.slice(0, text.length - match[0].length), '}')}`;
}

/** Reads a stored jobs.json: a matching seal is trusted, anything else is validated record by record. */
export function readStoredJobs(text: string): JobsDocument {
  if (!isSealed(text)) return readJobsDocument(text);
  const { sealed: _seal, ...doc } = JSON.parse(text) as JobsDocument & { sealed: string };
  return doc;
}
