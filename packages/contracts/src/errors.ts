import { z } from 'zod';

/**
 * The error codes the BFF answers with (apps/bff/src/errors.ts maps each to its HTTP status):
 * one per kind of failure, translated once for the client.
 */
export const ERROR_CODES = [
  'VALIDATION', // the request breaks a field rule
  'UNAUTHENTICATED', // no valid session
  'LOGIN_FAILED', // wrong username or password
  'FORBIDDEN', // the role may not do this
  'CSRF', // missing or wrong CSRF token
  'PASSWORD_CHANGE_REQUIRED', // logged in with a one-time password: choose a new one first
  'NOT_FOUND', // no such phone, alias, DID…
  'CONFLICT', // exists already, or changed since it was loaded (If-Match)
  'VERSION_REQUIRED', // an update without If-Match
  'RATE_LIMITED', // too many requests
  'VICIDIAL_REJECTED', // VICIdial refused the change; message says what, field says where
  'VICIDIAL_DENIED', // the dashboard's VICIdial API account lacks a permission
  'VICIDIAL_UNAVAILABLE', // VICIdial did not answer
  'VICIDIAL_TIMEOUT', // VICIdial answered too late
  'DATABASE_UNAVAILABLE', // VICIdial's database did not answer
  'INTERNAL', // anything else
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of a request; no field when it concerns the request as a whole. */
export const fieldIssueSchema = z.object({
  field: z.string().optional(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The body of every error answer: what went wrong for people, and which field when one is at fault. */
export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  field: z.string().optional(),
  message: z.string(),
  /** Extra data: `{ issues }` for VALIDATION (validationDetailsSchema), the current record on CONFLICT. */
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** `details` of a VALIDATION error: every field problem, so a form can mark all its fields at once. */
export const validationDetailsSchema = z.object({ issues: z.array(fieldIssueSchema) });
export type ValidationDetails = z.infer<typeof validationDetailsSchema>;

/**
 * The problems of a refused request, one per field (the first message for it), in the order zod
 * found them. Nested fields are dotted ('routing.extension', 'logins.2'); unknown fields are named.
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string) => {
    const field = path.map(String).join('.');
    if (seen.has(field)) return;
    seen.add(field);
    issues.push(field ? { field, message } : { message });
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) add([...issue.path, key], `${key}: unknown field`);
    } else {
      add(issue.path, issue.message);
    }
  }
  return issues;
}
