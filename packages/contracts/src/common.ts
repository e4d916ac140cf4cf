import { z } from 'zod';

/**
 * VICIdial's "clear this field" value. At the API level a field is cleared with `null`; the literal
 * text is refused everywhere, so it can never be sent by accident (or stored as text where VICIdial
 * does not treat it specially).
 */
export const BLANK = '--BLANK--';

/** Where an API-level field lives in VICIdial: its Non-Agent API parameter and its table column. */
export interface FieldLocation {
  /** The Non-Agent API parameter, or null when the API cannot set the field (read-only). */
  readonly param: string | null;
  /** The column in VICIdial's table, or null when the field is not a column (e.g. a version). */
  readonly column: string | null;
}
export type FieldMap = Readonly<Record<string, FieldLocation>>;

type ParamValue = string | number | boolean | null | readonly string[] | { readonly [key: string]: unknown };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Encodes a validated API-level request as Non-Agent API parameters: `null` clears (`--BLANK--`),
 * booleans become Y/N, lists are comma-joined, nested objects (a DID's routing) are flattened.
 * Leaves out undefined fields; a field the map does not know is a programming error.
 */
export function toVicidialParams(map: FieldMap, input: Readonly<Record<string, unknown>>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (raw === undefined) continue;
    const value = raw as ParamValue;
    if (isPlainObject(value)) {
      Object.assign(params, toVicidialParams(map, value));
      continue;
    }
    const param = map[name]?.param;
    if (!param) throw new Error(`no VICIdial parameter for field "${name}"`);
    params[param] =
      value === null ? BLANK
      : typeof value === 'boolean' ? (value ? 'Y' : 'N')
      : Array.isArray(value) ? value.join(',')
      : String(value);
  }
  return params;
}

// ---------------------------------------------------------------------------------------------
// Field rules. Each builder gives one message per field, naming the field and its rule, whatever
// the failure (wrong type, length, character): "Dialplan number: 3 to 20 letters, digits, * or #".
// ---------------------------------------------------------------------------------------------

export interface FieldLabel {
  /** The field's name for people, as the forms label it, e.g. "Dialplan number" (also the rule's `description`). */
  label: string;
  /**
   * Why the field cannot be cleared (shown when `null` is sent, and by the form next to the field).
   * Fields that can be cleared use `.nullable()` in the update schema instead.
   */
  notClearable?: string;
}

/** Letters, digits, '-' and '_': what VICIdial keeps of logins, passwords, contexts, groups, ids. */
export const WORD_CHARS = { chars: 'A-Za-z0-9_\\-', charsText: 'letters, digits, - or _' } as const;

const span = (min: number, max: number) => (min === max ? `${min}` : `${min} to ${max}`);

/** The message for a missing or null input, or undefined to use the field's rule message. */
function absentMessage({ label, notClearable }: FieldLabel, input: unknown): string | undefined {
  if (input === undefined) return `${label}: required`;
  if (input === null) return `${label}: cannot be cleared${notClearable ? ` (${notClearable})` : ''}`;
  return undefined;
}

export interface TextRule extends FieldLabel {
  min: number;
  max: number;
  /** The allowed characters as the body of a regex character class, e.g. 'A-Za-z0-9_\\-'. */
  chars: string;
  /** The same set for people: 'letters, digits, - or _' (or 'digits'). */
  charsText: string;
}

/** A string of `min`..`max` characters from `chars`; VICIdial would strip anything else silently. */
export function text(rule: TextRule) {
  const message = `${rule.label}: ${span(rule.min, rule.max)} ${rule.charsText}`;
  return textMatching(rule, new RegExp(`^[${rule.chars}]{${rule.min},${rule.max}}$`), message);
}

/** A string matching `pattern` (anchored), with one message for every failure. */
export function textMatching(field: FieldLabel, pattern: RegExp, message: string) {
  return z
    .string({ error: (issue) => absentMessage(field, issue.input) ?? message })
    .regex(pattern, message)
    // Any case: VICIdial clears template_id for --blank-- too.
    .refine((value) => value.toUpperCase() !== BLANK, `${field.label}: "${BLANK}" is VICIdial's clear command, not a value`)
    .describe(field.label);
}

/** One of a fixed list of values, exact case. */
export function oneOf<const V extends readonly [string, ...string[]]>(field: FieldLabel, values: V) {
  const message = `${field.label}: one of ${values.join(', ')}`;
  return z.enum(values, { error: (issue) => absentMessage(field, issue.input) ?? message }).describe(field.label);
}

/** A VICIdial Y/N flag, as a boolean. */
export function flag(field: FieldLabel) {
  return z.boolean({ error: (issue) => absentMessage(field, issue.input) ?? `${field.label}: yes or no` }).describe(field.label);
}

/** A whole number from `min` to `max`. */
export function wholeNumber(field: FieldLabel, min: number, max: number, unit = '') {
  const message = `${field.label}: a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`;
  return z
    .number({ error: (issue) => absentMessage(field, issue.input) ?? message })
    .int(message)
    .min(min, message)
    .max(max, message)
    .describe(field.label);
}

/**
 * A server's IPv4 address in dotted form, as VICIdial stores server_ip (existence is checked by the
 * BFF). The forms pick it from the servers, so an empty one is "required", not a format to learn.
 */
export function ipv4(field: FieldLabel) {
  const octet = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
  const address = new RegExp(`^${octet}(\\.${octet}){3}$`);
  const message = `${field.label}: a server's IP address, like 10.10.10.15`;
  return z
    .string({ error: (issue) => absentMessage(field, issue.input) ?? message })
    .refine((value) => value !== '', { message: `${field.label}: required`, abort: true })
    .regex(address, message)
    .describe(field.label);
}

/**
 * Partial updates must change something: at least one field present. The refinement is attached
 * to the whole request (no field).
 */
export function requireSomeChange<T extends Record<string, unknown>>(value: T): boolean {
  return Object.values(value).some((v) => v !== undefined);
}
export const NOTHING_TO_CHANGE = 'Nothing to change: send at least one field';

/** The opaque version of a record (sent back in If-Match to refuse saving over someone else's change). */
export const versionSchema = z.string().min(1);

// ---------------------------------------------------------------------------------------------
// Lists: search, filters, sort, page. Query strings arrive as text, so numbers are coerced.
// ---------------------------------------------------------------------------------------------

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 200;

/** A yes/no filter in a query string: 'true' or 'false'. */
export const queryFlag = (label: string) =>
  z.enum(['true', 'false'], { error: `${label}: true or false` }).transform((v) => v === 'true');

/**
 * The query of a list endpoint: free-text `search`, the resource's `filters`, `sort` by one of
 * `sortFields` in `order`, 1-based `page` of `pageSize` rows.
 */
export function listQuery<const S extends readonly [string, ...string[]], F extends z.ZodRawShape>(
  sortFields: S,
  defaultSort: S[number],
  filters: F,
) {
  return z.object({
    // A blank search is no search.
    search: z
      .string()
      .trim()
      .max(100, 'Search: at most 100 characters')
      .transform((text) => text || undefined)
      .optional(),
    ...filters,
    sort: z.enum(sortFields, { error: `Sort: one of ${sortFields.join(', ')}` }).default(defaultSort),
    order: z.enum(['asc', 'desc'], { error: 'Order: asc or desc' }).default('asc'),
    page: z.coerce.number({ error: 'Page: a whole number from 1' }).int('Page: a whole number from 1').min(1, 'Page: a whole number from 1').default(1),
    pageSize: z.coerce
      .number({ error: `Page size: a whole number from 1 to ${PAGE_SIZE_MAX}` })
      .int(`Page size: a whole number from 1 to ${PAGE_SIZE_MAX}`)
      .min(1, `Page size: a whole number from 1 to ${PAGE_SIZE_MAX}`)
      .max(PAGE_SIZE_MAX, `Page size: a whole number from 1 to ${PAGE_SIZE_MAX}`)
      .default(PAGE_SIZE_DEFAULT),
  });
}

/** One page of a list: its rows and the total number of matching rows. */
export function listResponse<R extends z.ZodType>(row: R) {
  return z.object({
    rows: z.array(row),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

/**
 * At most this many records in one copy or bulk request: a whole block of numbers re-routed at once
 * (the BFF sends them a few at a time, so VICIdial's pace is kept).
 */
export const BULK_MAX = 1000;

/** True when the list holds the same text twice, ignoring case (VICIdial's database compares that way). */
export function firstDuplicate(values: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) return value;
    seen.add(key);
  }
  return undefined;
}
