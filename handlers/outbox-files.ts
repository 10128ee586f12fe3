/**
 * Local delivery (`npm start` without Twilio or SES): every text and email is appended as one JSON line to
 * DATA_DIR/outbox/sms.jsonl or DATA_DIR/outbox/email.jsonl, where the owner (and the /dev page) can read what the
 * customer and crew would have received.
 *
 * Each line is written with a single appendFile (O_APPEND, one write of the whole line), so concurrent sends never
 * interleave inside a line. Delivering the same outbox item twice is prevented upstream (the outbox), not here.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Email, Mailer, SendResult, Sms, SmsSender } from '../domain/ports';

export type OutboxChannel = 'sms' | 'email';

/** One line of sms.jsonl. */
export interface SmsLine {
  readonly to: string;
  readonly body: string;
  /** When it was "sent", ISO 8601. */
  readonly at: string;
  /** The outbox key (job + event). */
  readonly key: string;
}

/** One line of email.jsonl. */
export interface EmailLine {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly at: string;
  readonly key: string;
}

/** DATA_DIR/outbox/<channel>.jsonl @example outboxFilePath('./data', 'sms') // 'data/outbox/sms.jsonl' */
export function outboxFilePath(dataDir: string, channel: OutboxChannel): string {
  return path.join(dataDir, 'outbox', `${channel}.jsonl`);
}

/**
 * An SmsSender that appends `{ to, body, at, key }` to DATA_DIR/outbox/sms.jsonl.
 * @example await createFileSms('./data', () => new Date()).send({ to: '+15555550123', body: 'Hi', key: 'k' })
 */
export function createFileSms(dataDir: string, clock: () => Date): SmsSender {
  const append = appender(outboxFilePath(dataDir, 'sms'));
  return {
    send: (sms: Sms) => append({ to: sms.to, body: sms.body, at: clock().toISOString(), key: sms.key } satisfies SmsLine),
  };
}

/**
 * A Mailer that appends `{ to, subject, body, at, key }` to DATA_DIR/outbox/email.jsonl.
 * @example await createFileMailer('./data', () => new Date()).send({ to: 'sam@example.com', subject: 'K7Q2', body: '…', key: 'k' })
 */
export function createFileMailer(dataDir: string, clock: () => Date): Mailer {
  const append = appender(outboxFilePath(dataDir, 'email'));
  return {
    send: (email: Email) =>
      append({
        to: email.to,
        subject: email.subject,
        body: email.body,
        at: clock().toISOString(),
        key: email.key,
      } satisfies EmailLine),
  };
}

/**
 * Everything in an outbox file, oldest first; [] when nothing was sent yet. A line that is not a complete record
 * (a torn write from a crash mid-append) is skipped so the rest stays readable.
 * @example (await readOutboxFile('./data', 'sms'))[0]?.body
 */
export async function readOutboxFile(dataDir: string, channel: 'sms'): Promise<SmsLine[]>;
export async function readOutboxFile(dataDir: string, channel: 'email'): Promise<EmailLine[]>;
export async function readOutboxFile(dataDir: string, channel: OutboxChannel): Promise<SmsLine[] | EmailLine[]> {
  let text: string;
  try {
    text = await readFile(outboxFilePath(dataDir, channel), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines: Record<string, unknown>[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isRecord(value, channel)) lines.push(value);
    } catch {
      // torn line: skip (see above)
    }
  }
  return lines as unknown as SmsLine[] | EmailLine[];
}

function appender(file: string): (line: SmsLine | EmailLine) => Promise<SendResult> {
  return async (line) => {
    // Failures here (disk full, permissions) are values like any provider error; retrying may help.
    try {
      // Every time, not once: the owner may delete DATA_DIR/outbox to start over while the server runs.
      await mkdir(path.dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(line)}\n`, 'utf8');
      return { ok: true, providerId: null };
    } catch (error) {
      return { ok: false, retry: true, optedOut: false, error: `outbox file ${file}: ${(error as Error).message}` };
    }
  };
}

function isRecord(value: unknown, channel: OutboxChannel): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const fields = value as Record<string, unknown>;
  const names = channel === 'sms' ? ['to', 'body', 'at', 'key'] : ['to', 'subject', 'body', 'at', 'key'];
  return names.every((name) => typeof fields[name] === 'string');
}
