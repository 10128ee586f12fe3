/**
 * The three seams where two implementations exist. Defined here, implemented in handlers/:
 * - ObjectStore: file (local) and S3 (AWS). Holds jobs.json, crew.json and texts parked under inbox/.
 * - Mailer: SES and the local outbox file.
 * - SmsSender: Twilio's REST API and the local outbox file.
 */

/** An object as stored, with the opaque version tag the store uses for compare-and-swap (S3: the quoted ETag). */
export interface StoredObject {
  readonly body: string;
  readonly etag: string;
}

/** What a conditional read answers when the object still has the ETag the caller holds (S3: 304 Not Modified). */
export interface NotModified {
  readonly etag: string;
  readonly notModified: true;
}

/** Write only if the object still has this ETag, or only if it does not exist yet. */
export type WriteCondition = { readonly ifMatch: string } | { readonly ifNoneMatch: '*' };

export interface ObjectStore {
  /**
   * The object, or null when it does not exist. With `ifNoneMatch` (an ETag the caller already holds), an object
   * that still has that ETag answers NotModified instead of its body: the caller keeps its parsed copy.
   */
  get(key: string): Promise<StoredObject | null>;
  get(key: string, options: { readonly ifNoneMatch: string }): Promise<StoredObject | NotModified | null>;
  /**
   * Writes the object if the condition holds and returns the new ETag.
   * Throws ConflictError when it does not (S3: 412 PreconditionFailed, 409 ConditionalRequestConflict, or 404 for
   * If-Match on a missing key).
   */
  put(key: string, body: string, condition: WriteCondition, contentType?: string): Promise<string>;
  /** The keys that start with `prefix` (e.g. "inbox/"), in key order: names only, never bodies. */
  list(prefix: string): Promise<string[]>;
  /** Removes the object; a no-op when it is already gone (so a repeated clean-up is harmless). */
  delete(key: string): Promise<void>;
}

/** One outbound text. `key` is the outbox key (job + event) that makes delivery idempotent. */
export interface Sms {
  readonly to: string;
  readonly body: string;
  readonly key: string;
}

export interface Email {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly key: string;
}

/**
 * What a delivery attempt came to. A failure is a value: `retry` says whether trying again can help, `optedOut`
 * that the recipient has opted out (Twilio error 21610) and must never be texted again.
 */
export type SendResult =
  | { readonly ok: true; readonly providerId: string | null }
  | { readonly ok: false; readonly retry: boolean; readonly optedOut: boolean; readonly error: string };

export interface SmsSender {
  send(sms: Sms): Promise<SendResult>;
}

export interface Mailer {
  send(email: Email): Promise<SendResult>;
}
