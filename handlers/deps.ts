/**
 * The plain object every route receives. Built once per process (Lambda container or local server).
 */
import { nanoid } from 'nanoid';
import type { BusinessContext } from '../domain/context';
import type { CrewRoster } from '../domain/crew';
import type { Mailer, ObjectStore, SmsSender } from '../domain/ports';
import type { Config } from './config';

export interface Ids {
  readonly newId: () => string;
  readonly newToken: () => string;
  readonly random: () => number;
}

export interface Deps {
  readonly store: ObjectStore;
  readonly mailer: Mailer;
  readonly sms: SmsSender;
  readonly clock: () => Date;
  readonly config: Config;
  readonly ids: Ids;
  /** Where operational messages go (console in production; silenced or captured in tests). */
  readonly log: (level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>) => void;
}

export const randomIds: Ids = {
  newId: () => `job_${nanoid(12)}`,
  // 24 characters of nanoid's 64-symbol alphabet: 144 bits, unguessable, and independent of the id.
  newToken: () => nanoid(24),
  random: Math.random,
};

export function consoleLog(level: 'info' | 'warn' | 'error', message: string, extra?: Record<string, unknown>): void {
  // One JSON line per event: CloudWatch Logs Insights can query the fields.
  console[level === 'info' ? 'log' : level](JSON.stringify({ level, message, ...extra }));
}

/** The domain's view of "now and who we are" for one request. */
export function businessContext(deps: Deps, crew: CrewRoster): BusinessContext {
  return {
    now: deps.clock(),
    tz: deps.config.businessTz,
    businessName: deps.config.businessName,
    businessPhone: deps.config.businessPhone,
    publicBaseUrl: deps.config.publicBaseUrl,
    dispatchEmail: deps.config.dispatchEmail,
    crew,
    ...deps.ids,
  };
}
