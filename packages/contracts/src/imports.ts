import { z } from 'zod';
import { errorBodySchema } from './errors.js';

/**
 * CSV export of the lists and CSV import of DIDs, phones and aliases: a preview (what each row
 * would do), then an apply running in the background whose progress anyone may come back to.
 */

export const IMPORT_RESOURCES = ['dids', 'phones', 'aliases'] as const;
export type ImportResource = (typeof IMPORT_RESOURCES)[number];

/** At most this many rows in one file (a whole carrier block of numbers is far fewer). */
export const IMPORT_MAX_ROWS = 50_000;
/** At most this many bytes in one file (50,000 DID rows with every column take about 6 MB). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;
/** The column our own error report adds: a re-imported report ignores it. */
export const IMPORT_ERROR_COLUMN = 'Import error';

const lineList = z
  .string()
  .regex(/^\d{1,6}(,\d{1,6})*$/, 'Lines: line numbers of the file separated by commas, like 2,5,9')
  .transform((text) => text.split(',').map(Number));

/** POST /api/{resource}/import?mode=preview|apply[&preview=<previewId>][&lines=2,5,9] with a text/csv body. */
export const importQuerySchema = z.object({
  mode: z.enum(['preview', 'apply'], { error: 'Mode: preview or apply' }),
  /** The preview this apply carries out: a row whose record changed since it is skipped (409). */
  preview: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Preview: the previewId of a preview of this file')
    .optional(),
  /** The rows to apply (the person's ticks); all valid rows when left out. */
  lines: lineList.optional(),
  /** Or the rows not to apply (the shorter list of the two goes in the address). */
  skip: lineList.optional(),
});
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const IMPORT_ACTIONS = ['add', 'change', 'unchanged', 'invalid'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** One field a row changes: as VICIdial holds it now, as the file has it (a secret shows as hidden). */
export const importChangeSchema = z.object({
  field: z.string(),
  from: z.string(),
  to: z.string(),
  /** For a list (an alias's logins): the items added and removed. */
  added: z.array(z.string()).optional(),
  removed: z.array(z.string()).optional(),
});
export type ImportChange = z.infer<typeof importChangeSchema>;

export const importPreviewRowSchema = z.object({
  /** The line of the file the row ends on (the header is line 1). */
  line: z.number().int(),
  /** The record it addresses, as people write it: a pattern, 1001@10.20.0.11, an alias ID. */
  key: z.string(),
  action: z.enum(IMPORT_ACTIONS),
  changes: z.array(importChangeSchema),
  /** Every reason the row cannot be applied, each naming its field and rule. */
  errors: z.array(z.string()),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewSchema = z.object({
  /** Pass it to the apply: rows whose record changed since this preview are skipped. */
  previewId: z.string(),
  file: z.object({
    rows: z.number().int(),
    delimiter: z.enum([',', ';']),
    columns: z.array(z.string()),
    /** What was noticed and handled: a semicolon delimiter, a BOM, CRLF, quoted fields, columns left out. */
    notes: z.array(z.string()),
  }),
  summary: z.object({ add: z.number().int(), change: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
  rows: z.array(importPreviewRowSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importStartedSchema = z.object({ importId: z.string() });
export type ImportStarted = z.infer<typeof importStartedSchema>;

export const importIdSchema = z.object({
  importId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Import: an importId as the apply answered it'),
});

export const importResultSchema = z.object({
  line: z.number().int(),
  key: z.string(),
  action: z.enum(['add', 'change', 'invalid']),
  ok: z.boolean(),
  error: errorBodySchema.optional(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** GET /api/imports/:importId. `interrupted`: the server running it stopped before the end. */
export const importStatusSchema = z.object({
  importId: z.string(),
  resource: z.enum(IMPORT_RESOURCES),
  state: z.enum(['running', 'done', 'interrupted']),
  total: z.number().int(),
  done: z.number().int(),
  results: z.array(importResultSchema),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;
