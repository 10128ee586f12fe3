/**
 * The closed set of errors the app throws. Expected outcomes (an unclear text, an unknown token) are values, not
 * exceptions; these are for what a caller must stop on. One error handler in handlers/app.ts maps them to HTTP.
 */

/** The jobs document changed between read and write (a compare-and-swap lost); the caller re-reads and retries. */
export class ConflictError extends Error {
  override readonly name = 'ConflictError';
}

/** A status change the status table does not allow; `message` is fit to show a dispatcher or crew member. */
export class InvalidTransitionError extends Error {
  override readonly name = 'InvalidTransitionError';
}

/** Configuration that cannot work; `variable` names the environment variable and the message says the fix. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

/**
 * A stored object nothing can be done without (jobs.json) cannot be read: not JSON, not the expected shape, or
 * refused by the store (permissions). Nothing may write over it: it is the only copy of the business's day until
 * someone restores a good version. `position` is the character offset of a JSON syntax error, when there is one.
 */
export class StoreUnreadableError extends Error {
  override readonly name = 'StoreUnreadableError';
  constructor(
    readonly key: string,
    readonly reason: string,
    readonly position: number | null = null,
    /** The bad object's version tag, when the store returned it: one incident per bad version. */
    readonly etag: string | null = null,
  ) {
    super(`${key} ${reason}`);
  }
}
