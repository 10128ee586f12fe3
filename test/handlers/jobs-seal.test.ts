/**
 * jobs.json's seal (handlers/jobs-seal.ts): a document this code wrote is read back as it was without validating it
 * again, and anything else — edited by hand, by older code, under other rules — is still checked record by record.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { readJobsDocument } from '../../domain/document-records';
import { JobsDocumentSchema } from '../../domain/jobs-document';
import { createFileStore } from '../../handlers/file-store';
import { readStoredJobs, RECORDS_REVISION, sealJobs } from '../../handlers/jobs-seal';
import { readJobs } from '../../handlers/state';
import { BASE_URL, createHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ now: '2026-06-04T21:30:00-05:00' });
});
afterEach(() => h.close());

const jobsFile = () => path.join(h.dir, 'jobs.json');

async function bookTwo(): Promise<void> {
  expect((await h.text('+15555550123', 'ready tomorrow morning, 12 Oak St', { MessageSid: 'SMseal1' })).status).toBe(200);
  expect((await h.text('+15555550124', 'ready tomorrow afternoon, 9 Elm St', { MessageSid: 'SMseal2' })).status).toBe(200);
}

describe('the jobs document as this code writes it', () => {
  it('reads back exactly as a record-by-record validated read of the same bytes does', async () => {
    await bookTwo();
    const body = await readFile(jobsFile(), 'utf8');

    expect(body).toMatch(/,"sealed":"2\.\d+:[\w-]{43}"\}$/);
    const trusted = readStoredJobs(body);
    expect(Object.keys(trusted.jobs)).toHaveLength(2);
    expect(trusted).toEqual(readJobsDocument(body));
    expect('sealed' in trusted).toBe(false);
  });

  it('seals what it would write: sealing a read document and reading it again changes nothing', async () => {
    await bookTwo();
    const { doc } = await readJobs(createFileStore(h.dir));
    expect(readStoredJobs(sealJobs(doc))).toEqual(doc);
  });
});

describe('a jobs.json changed outside this code', () => {
  it('a job broken by hand with the seal left in place is quarantined, and the other job and new texts keep working', async () => {
    await bookTwo();
    const doc = JSON.parse(await readFile(jobsFile(), 'utf8'));
    const [broken, kept] = Object.values(doc.jobs) as { id: string; token: string; status: string }[];
    broken!.status = 'on_the_moon';
    await writeFile(jobsFile(), JSON.stringify(doc)); // the "sealed" field is still there, now with a stale hash

    const { doc: read } = await readJobs(createFileStore(h.dir));
    expect(read.quarantine.map((q) => q.key)).toEqual([`jobs.${broken!.id}`]);
    expect(Object.keys(read.jobs)).toEqual([kept!.id]);
    expect((await h.app.request(`${BASE_URL}/api/track/${kept!.token}`)).status).toBe(200);
    expect((await h.text('+15555550125', 'ready tomorrow morning, 3 Ash St', { MessageSid: 'SMseal3' })).status).toBe(200);
  });

  it('a document pretty-printed by an editor, or with a seal of other rules, is validated and read in full', async () => {
    await bookTwo();
    const body = await readFile(jobsFile(), 'utf8');
    const validated = readJobsDocument(body);
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const otherRules = body.replace(/"sealed":"2\.\d+:/, '"sealed":"2.0:');

    expect(readStoredJobs(pretty)).toEqual(validated);
    expect(readStoredJobs(otherRules)).toEqual(validated);
    // A record that is invalid under today's rules is caught even though an old seal vouches for it.
    const stale = body.replace(/"optOuts":\[\]/, '"optOuts":["12345"]').replace(/"sealed":"2\.\d+:/, '"sealed":"2.0:');
    expect(readStoredJobs(stale).quarantine.map((q) => q.key)).toEqual(['optOuts.0']);
  });
});

describe('the seal follows the records rules', () => {
  // JSON Schema of JobsDocumentSchema (zod's own export: types, enums, patterns, required fields; not custom
  // refinements). When this fails, the records' rules changed: bump RECORDS_REVISION in handlers/jobs-seal.ts so
  // documents sealed under the old rules are validated once more, then update both values here.
  const PINNED = { revision: 1, fingerprint: 'c08a7dc8ae2b62c0' };

  it('names the revision the current schema was sealed under', () => {
    const schema = JSON.stringify(z.toJSONSchema(JobsDocumentSchema, { unrepresentable: 'any', io: 'input' }));
    const fingerprint = createHash('sha256').update(schema).digest('hex').slice(0, 16);
    expect({ revision: RECORDS_REVISION, fingerprint }).toEqual(PINNED);
  });
});
