/**
 * Per-field problems with a form or JSON body, as the pages show them next to the fields: `{ phone: "Enter a
 * mobile number…" }`. One message per field (the first problem found), in words a person understands.
 */
import type * as z from 'zod';

export type FieldErrors = Record<string, string>;

/**
 * Zod issues as field errors: the path joined with dots ("window.end", "crew.driver"), the first message per field;
 * unknown keys are reported under their own names, problems with the whole body under "body".
 * @example fieldErrorsFromZod(schema.safeParse({ priceCents: -1 }).error!.issues) // { priceCents: 'must be at least 1' }
 */
export function fieldErrorsFromZod(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors[[...issue.path, key].join('.')] ??= 'is not a field that can be set here';
      continue;
    }
    const field = issue.path.map(String).join('.') || 'body';
    errors[field] ??= issue.message;
  }
  return errors;
}

/** @example hasErrors({}) // false */
export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
