/**
 * When jobs.json cannot be read, everything that needs it answers 503; this module makes sure someone hears about
 * it once, and the log says exactly what is wrong and where.
 *
 * Once per incident: an incident is one bad version of the object (its ETag), or one kind of refusal when the store
 * gave no object at all. Each process remembers the incidents it reported, and a small marker object
 * (`store-incident.json`, written with If-None-Match / If-Match like everything else) tells other Lambda containers
 * that the dispatcher was already emailed. The email goes straight to the mailer, not through the outbox in the
 * unreadable document. Nothing here ever writes jobs.json.
 */
import { ConflictError, type StoreUnreadableError } from '../domain/errors';
import type { Config } from './config';
import type { Deps } from './deps';

export const INCIDENT_KEY = 'store-incident.json';

export interface StoreIncidents {
  /** Logs the problem (every time) and emails the dispatcher (once per incident). Never throws. */
  report(error: StoreUnreadableError): Promise<void>;
}

/**
 * One per process (it remembers what it reported).
 * @example const incidents = storeIncidents(deps); await incidents.report(error)
 */
export function storeIncidents(deps: Deps): StoreIncidents {
  const reported = new Set<string>();
  return {
    async report(error) {
      const where = objectLocation(deps.config, error.key);
      const incident = `${error.key}@${error.etag ?? error.reason.replace(/\(.*\)$/, '').trim()}`;
      deps.log('error', 'jobs store unreadable: every request that needs it answers 503 until it is restored', {
        object: where,
        reason: error.reason,
        position: error.position,
        etag: error.etag,
      });
      if (reported.has(incident)) return;
      reported.add(incident);
      try {
        if (!(await claimIncident(deps, incident, error.reason))) return;
        if (deps.config.dispatchEmail === null) return;
        const result = await deps.mailer.send({
          to: deps.config.dispatchEmail,
          subject: `${deps.config.businessName} dispatcher: the jobs store cannot be read`,
          body: [
            `${where} ${error.reason}.`,
            '',
            'Texts, the booking form and the board answer "temporarily unavailable" until it is restored; the bad',
            'object is left untouched. To restore it, follow "Recovering jobs.json" in the README (an earlier S3',
            'object version, or jobs.json.bak next to jobs.json locally).',
          ].join('\n'),
          key: `store-incident:${incident}`,
        });
        if (!result.ok) deps.log('error', 'could not email the dispatcher about the unreadable store', { error: result.error });
      } catch (failure) {
        deps.log('error', 'could not record or email the store incident', { error: String(failure) });
      }
    },
  };
}

/** Where an object lives, as an operator would look for it: the file path, or the s3:// URL. */
export function objectLocation(config: Config, key: string): string {
  if (config.store.kind === 'file') return `${config.store.dataDir.replace(/\/+$/, '')}/${key}`;
  const prefix = config.store.prefix ? `${config.store.prefix}/` : '';
  return `s3://${config.store.bucket}/${prefix}${key}`;
}

/** True when this process is the first to record `incident` in the marker object (so it sends the email). */
async function claimIncident(deps: Deps, incident: string, reason: string): Promise<boolean> {
  const body = JSON.stringify({ incident, reason, at: deps.clock().toISOString() });
  let current;
  try {
    current = await deps.store.get(INCIDENT_KEY);
  } catch {
    return true; // Cannot even read the marker: email from this process rather than nobody.
  }
  if (current !== null && safeIncident(current.body) === incident) return false;
  try {
    await deps.store.put(INCIDENT_KEY, body, current === null ? { ifNoneMatch: '*' } : { ifMatch: current.etag }, 'application/json');
    return true;
  } catch (error) {
    // Another container recorded an incident first: it sends the email.
    if (error instanceof ConflictError) return false;
    return true;
  }
}

function safeIncident(body: string): string | null {
  try {
    const parsed = JSON.parse(body) as { incident?: unknown };
    return typeof parsed.incident === 'string' ? parsed.incident : null;
  } catch {
    return null;
  }
}
