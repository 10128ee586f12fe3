/** Builds the one `deps` object from configuration: the only place that picks implementations. */
import type { Config } from './config';
import { consoleLog, randomIds, type Deps } from './deps';
import { sendersFromConfig } from './senders';
import { storeFromConfig } from './stores';

export function depsFromConfig(config: Config, overrides: Partial<Deps> = {}): Deps {
  const clock = overrides.clock ?? (() => new Date());
  const senders = sendersFromConfig(config, clock);
  return {
    store: storeFromConfig(config),
    sms: senders.sms,
    mailer: senders.mailer,
    clock,
    config,
    ids: randomIds,
    log: consoleLog,
    ...overrides,
  };
}
