/**
 * Lambda entry for the every-minute schedule: delivers whatever the outbox has due (retries, held texts), then
 * archives closed jobs older than ARCHIVE_AFTER_DAYS (handlers/archive.ts).
 */
import { archiveClosedJobs, type ArchiveSummary } from './archive';
import { parseConfig } from './config';
import { deliverOutbox, type DeliverySummary } from './deliver';
import { depsFromConfig } from './wiring';

const deps = depsFromConfig(parseConfig(process.env, { local: false }));

export async function handler(): Promise<DeliverySummary & { archived: ArchiveSummary | null }> {
  const summary = await deliverOutbox(deps);
  let archived: ArchiveSummary | null = null;
  try {
    archived = await archiveClosedJobs(deps);
  } catch (error) {
    // The move is safe to retry at any step; the next minute's sweep finishes it.
    deps.log('error', 'archive pass failed; the next sweep retries it', { error: String(error) });
  }
  deps.log('info', 'sweep', { ...summary, archived });
  return { ...summary, archived };
}
