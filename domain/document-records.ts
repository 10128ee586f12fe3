/**
 * The jobs document record by record: reading it so that one bad record is set aside instead of making the whole
 * document unreadable, and checking only the records a change touched before it is written.
 *
 * Both walk JobsDocumentSchema's own fields, so a field added to the schema is covered without changes here:
 * an array field is checked item by item, a record field entry by entry, any other field as a whole.
 */
import * as z from 'zod';
import { JobsDocumentSchema, upgradeJobsDocument, type JobsDocument, type Quarantined } from './jobs-document';

type Shape = typeof JobsDocumentSchema.shape;
type FieldName = keyof Shape & string;

/** How a top-level field holds its records. */
type FieldKind =
  | { readonly kind: 'array'; readonly element: z.ZodType }
  | { readonly kind: 'record'; readonly value: z.ZodType }
  | { readonly kind: 'whole' };

const FIELDS = Object.keys(JobsDocumentSchema.shape) as FieldName[];
/** Fields whose failure leaves nothing to quarantine into: without them the document has no identity. */
const ESSENTIAL = new Set<string>(['schema', 'version']);

function kindOf(field: z.ZodType): FieldKind {
  const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
  if (inner instanceof z.ZodArray) return { kind: 'array', element: inner.element as z.ZodType };
  if (inner instanceof z.ZodRecord) return { kind: 'record', value: inner.valueType as z.ZodType };
  return { kind: 'whole' };
}

const KINDS = new Map<FieldName, FieldKind>(FIELDS.map((name) => [name, kindOf(JobsDocumentSchema.shape[name] as z.ZodType)]));

/** The first problem zod found, as "path: message". */
function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads jobs.json. Only a body that is not JSON, not an object, or has no valid `schema` / `version` throws (a
 * zod or syntax error): there is no document to speak of. Any other record that fails validation (one job, one
 * outbox item, one remembered MessageSid…) is moved into `quarantine` with the reason, and the rest reads normally.
 * Record maps are rebuilt as own properties, so a key such as "__proto__" stays an ordinary key.
 * @example readJobsDocument('{"schema":2,"version":3,"jobs":{"j1":{"id":"j1"}},"optOuts":[]}').quarantine[0].key // 'jobs.j1'
 */
export function readJobsDocument(text: string): JobsDocument {
  // A document written by earlier code is raised to today's schema first (schema 1: closedAt from history).
  const json: unknown = upgradeJobsDocument(JSON.parse(text));
  if (!isPlainObject(json)) throw new z.ZodError([{ code: 'custom', path: [], message: 'jobs.json must hold a JSON object', input: json }]);
  const quarantine: Quarantined[] = [];
  const out: Record<string, unknown> = {};
  for (const name of FIELDS) {
    const schema = JobsDocumentSchema.shape[name] as z.ZodType;
    const raw = Object.hasOwn(json, name) ? json[name] : undefined;
    if (name === 'quarantine') continue; // read last, so earlier quarantines come first
    const kind = KINDS.get(name)!;
    if (ESSENTIAL.has(name) || kind.kind === 'whole') {
      const parsed = schema.safeParse(raw);
      if (parsed.success) out[name] = parsed.data;
      else if (ESSENTIAL.has(name)) throw parsed.error;
      else {
        quarantine.push({ key: name, reason: reasonOf(parsed.error), raw });
        out[name] = schema.safeParse(undefined).data;
      }
      continue;
    }
    if (raw === undefined) {
      const empty = schema.safeParse(undefined);
      if (!empty.success) throw empty.error; // a required collection is missing: not a document we know
      out[name] = empty.data;
      continue;
    }
    if (kind.kind === 'array') {
      if (!Array.isArray(raw)) {
        quarantine.push({ key: name, reason: 'expected an array', raw });
        out[name] = [];
        continue;
      }
      const items: unknown[] = [];
      raw.forEach((item, index) => {
        const parsed = kind.element.safeParse(item);
        if (parsed.success) items.push(parsed.data);
        else quarantine.push({ key: `${name}.${index}`, reason: reasonOf(parsed.error), raw: item });
      });
      out[name] = items;
    } else {
      if (!isPlainObject(raw)) {
        quarantine.push({ key: name, reason: 'expected an object', raw });
        out[name] = {};
        continue;
      }
      const entries: [string, unknown][] = [];
      for (const [key, value] of Object.entries(raw)) {
        const parsed = kind.value.safeParse(value);
        if (parsed.success) entries.push([key, parsed.data]);
        else quarantine.push({ key: `${name}.${key}`, reason: reasonOf(parsed.error), raw: value });
      }
      out[name] = Object.fromEntries(entries);
    }
  }
  const kept = JobsDocumentSchema.shape.quarantine.safeParse(Object.hasOwn(json, 'quarantine') ? json['quarantine'] : undefined);
  out['quarantine'] = [...(kept.success ? kept.data : []), ...quarantine];
  return out as JobsDocument;
}

/**
 * What is wrong with the records `next` changed or added relative to `before` (compared by reference, as pure
 * changes leave untouched records as they were): one "where: why" line per bad record, [] when all is well.
 * The whole document is not re-validated: what was read was valid, so only what changed can make it invalid.
 * @example invalidRecords(doc, { ...doc, optOuts: ['12345'] }) // ['optOuts.0: an E.164 phone number such as +15555550123']
 */
export function invalidRecords(before: JobsDocument, next: JobsDocument): string[] {
  if (before === next) return [];
  const problems: string[] = [];
  const was = before as unknown as Record<string, unknown>;
  const now = next as unknown as Record<string, unknown>;
  for (const name of FIELDS) {
    if (was[name] === now[name]) continue;
    const kind = KINDS.get(name)!;
    const value = now[name];
    if (kind.kind === 'array' && Array.isArray(value) && Array.isArray(was[name])) {
      const old = new Set(was[name] as unknown[]);
      value.forEach((item, index) => {
        if (old.has(item)) return;
        const parsed = kind.element.safeParse(item);
        if (!parsed.success) problems.push(`${name}.${index}: ${reasonOf(parsed.error)}`);
      });
    } else if (kind.kind === 'record' && isPlainObject(value) && isPlainObject(was[name])) {
      const old = was[name] as Record<string, unknown>;
      for (const [key, item] of Object.entries(value)) {
        if (Object.hasOwn(old, key) && old[key] === item) continue;
        const parsed = kind.value.safeParse(item);
        if (!parsed.success) problems.push(`${name}.${key}: ${reasonOf(parsed.error)}`);
      }
    } else {
      const parsed = (JobsDocumentSchema.shape[name] as z.ZodType).safeParse(value);
      if (!parsed.success) problems.push(`${name}: ${reasonOf(parsed.error)}`);
    }
  }
  return problems;
}
