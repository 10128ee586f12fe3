/**
 * `npm run -s parse -- [--now ISO] [--tz IANA] [--role customer|crew] "text"`
 * Prints what the bot understands from one text, as one line of JSON:
 *   {"intent":"pickup","topic":null,"window":{"start":"…","end":"…"},"location":"12 Oak St","jobCode":null,
 *    "amountCents":null,"items":[],"notes":[],"language":"en","excludedDays":[],"relation":null,"lateForToday":false}
 * Small talk ("thanks!") keeps the intent "other" here: the conversation tells it apart.
 *   --now ISO     the moment the text arrives; default: the current time. Without an offset ("2026-06-04T09:30")
 *                 it is read as wall-clock time in --tz.
 *   --tz IANA     business time zone; default America/Chicago
 *   --role ROLE   customer (default) or crew
 *   --stdin       read one JSON object per line: {"text": "...", "role"?: "crew", "now"?: "...", "tz"?: "..."};
 *                 prints one result per line, {"error": "..."} for a bad line, and exits 0.
 * Bad flags: a message on stderr and exit code 2.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { TZDate } from '@date-fns/tz';
import { parseText, type HaulItem, type Language, type QuestionTopic, type Relation, type Role } from '../domain/parse/parse-text';

const USAGE =
  'Usage: npm run -s parse -- [--now ISO] [--tz IANA] [--role customer|crew] "text"\n' +
  '       npm run -s parse -- --stdin [--now ISO] [--tz IANA] [--role customer|crew] < lines.jsonl';

export interface Settings {
  readonly now: Date;
  readonly tz: string;
  readonly role: Role;
}

/** One line of output, keys in this order. */
export interface ParseOutput {
  intent: string;
  topic: QuestionTopic | null;
  window: { start: string; end: string } | null;
  location: string | null;
  jobCode: string | null;
  amountCents: number | null;
  items: HaulItem[];
  notes: string[];
  language: Language;
  excludedDays: string[];
  relation: Relation | null;
  lateForToday: boolean;
}

/** A value the user gave that cannot work; the message names it. */
class UsageProblem extends Error {}

/** @example isTimeZone('America/Chicago') // true;  isTimeZone('Mars/Olympus') // false */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * An instant from ISO text; without a zone designator it is wall-clock time in `tz`.
 * @example readNow('2026-06-04T09:30', 'America/Chicago').toISOString() // '2026-06-04T14:30:00.000Z'
 */
export function readNow(text: string, tz: string): Date {
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/.exec(text.trim());
  if (local) {
    const [y, mo, d, h, mi, s] = local.slice(1).map((part) => Number(part ?? 0)) as number[];
    const date = new TZDate(y!, mo! - 1, d!, h!, mi!, s!, tz);
    if (!Number.isNaN(date.getTime()) && date.getDate() === d) return new Date(date.getTime());
  } else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) {
    const date = new Date(text.trim());
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw new UsageProblem(`--now: "${text}" is not an ISO 8601 date-time (e.g. 2026-06-04T09:30:00-05:00)`);
}

function readRole(value: unknown, where: string): Role {
  if (value === 'customer' || value === 'crew') return value;
  throw new UsageProblem(`${where}: must be "customer" or "crew", not ${JSON.stringify(value)}`);
}

function readTz(value: unknown, where: string): string {
  if (typeof value === 'string' && isTimeZone(value)) return value;
  throw new UsageProblem(`${where}: ${JSON.stringify(value)} is not an IANA time zone (e.g. America/Chicago)`);
}

/** The CLI's output for one text. @example parseOne('where r u', { now, tz: 'America/Chicago', role: 'customer' }).intent // 'status' */
export function parseOne(text: string, settings: Settings): ParseOutput {
  const parsed = parseText(text, settings);
  return {
    intent: parsed.intent,
    topic: parsed.topic,
    window: parsed.window ? { start: parsed.window.start, end: parsed.window.end } : null,
    location: parsed.location,
    jobCode: parsed.jobCode,
    amountCents: parsed.amountCents,
    items: parsed.items.map(({ name, count }) => ({ name, count })),
    notes: [...parsed.notes],
    language: parsed.language,
    excludedDays: [...parsed.excludedDays],
    relation: parsed.relation,
    lateForToday: parsed.lateForToday,
  };
}

/**
 * One --stdin line → one output line (JSON). A line that is not a usable object gives {"error": "..."}.
 * @example parseLine('{"text":"omw K7Q2","role":"crew"}', settings) // '{"intent":"en_route",…,"jobCode":"K7Q2",…}'
 */
export function parseLine(line: string, defaults: Settings): string {
  try {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      throw new UsageProblem('line is not JSON: expected {"text": "...", "role"?: "customer" | "crew"}');
    }
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw new UsageProblem('line is not a JSON object: expected {"text": "..."}');
    }
    const fields = input as Record<string, unknown>;
    if (typeof fields.text !== 'string') throw new UsageProblem('"text" must be a string');
    const role = fields.role === undefined || fields.role === null ? defaults.role : readRole(fields.role, '"role"');
    const tz = fields.tz === undefined || fields.tz === null ? defaults.tz : readTz(fields.tz, '"tz"');
    let now = defaults.now;
    if (fields.now !== undefined && fields.now !== null) {
      if (typeof fields.now !== 'string') throw new UsageProblem('"now" must be an ISO 8601 string');
      now = readNow(fields.now, tz);
    }
    return JSON.stringify(parseOne(fields.text, { now, tz, role }));
  } catch (error) {
    if (error instanceof UsageProblem) return JSON.stringify({ error: error.message });
    return JSON.stringify({ error: `could not parse this line: ${(error as Error).message}` });
  }
}

function readSettings(argv: string[]): { settings: Settings; stdin: boolean; text: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        now: { type: 'string' },
        tz: { type: 'string', default: 'America/Chicago' },
        role: { type: 'string', default: 'customer' },
        stdin: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageProblem((error as Error).message);
  }
  const { values, positionals } = parsed;
  const tz = readTz(values.tz, '--tz');
  const role = readRole(values.role, '--role');
  const now = values.now === undefined ? new Date() : readNow(values.now, tz);
  const text = positionals.join(' ');
  if (!values.stdin && !text) throw new UsageProblem('no text given');
  if (values.stdin && text) throw new UsageProblem('give either --stdin or a text, not both');
  return { settings: { now, tz, role }, stdin: values.stdin, text };
}

async function main(): Promise<void> {
  let options;
  try {
    options = readSettings(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    process.exit(2);
  }
  if (!options.stdin) {
    process.stdout.write(`${JSON.stringify(parseOne(options.text, options.settings))}\n`);
    return;
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${parseLine(line, options.settings)}\n`);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) void main();
