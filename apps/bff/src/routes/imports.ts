import { createHash, randomBytes } from 'node:crypto';
import { aliasListQuerySchema, type AliasRow } from '@vicidash/contracts/alias';
import { didListQuerySchema } from '@vicidash/contracts/did';
import {
  IMPORT_ERROR_COLUMN,
  importIdSchema,
  importPreviewSchema, importQuerySchema, importStartedSchema, importStatusSchema, type ImportResource } from '@vicidash/contracts/imports';
import type { Permission } from '@vicidash/contracts/permissions';
import { type PhoneKey, phoneListQuerySchema } from '@vicidash/contracts/phone';
import type { Request } from 'express';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import type { Account } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import { type RouteSpec, route } from '../http/route.js';
import { aliasAuditTarget, aliasColumns, aliasCsv } from '../imports/alias-csv.js';
import { runImport } from '../imports/apply.js';
import type { CsvResource, RecordWrites, Versioned } from '../imports/csv-resource.js';
import { didAuditTarget, didColumns, didCsv, type ImportedDid } from '../imports/did-csv.js';
import { exportFilename, inChunks, sendCsv } from '../imports/export.js';
import { ImportStore, type Planned } from '../imports/import-store.js';
import { type ImportedPhone, phoneAuditTarget, phoneColumns, phoneCsv } from '../imports/phone-csv.js';
import { type Plan, planImport, previewOf, readCsv } from '../imports/preview.js';
import { readVicidialDb } from '../vicidial/db-errors.js';
import type { DidChangeFields } from '../vicidial/reader/dids.js';
import { phonesByKeys } from '../vicidial/reader/phones.js';
import type { VicidialWriter } from '../vicidial/writer.js';
import { aliasWrites } from './aliases-changes.js';
import { didWrites } from './dids-changes.js';
import { phoneWrites } from './phones-changes.js';

/** About 5,000 DID rows: from there on a file is read against every record. */
const PRELOAD_FROM_BYTES = 500_000;

const newId = () => randomBytes(12).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The rows a plan would add (version '') or change (the record's version now). */
const plannedOf = <R extends Versioned>(plan: Plan<R>): Planned =>
  Object.fromEntries(plan.rows.flatMap((row) => (row.action === 'add' || row.action === 'change' ? [[row.line, { key: row.key, version: row.current?.version ?? '' }]] : [])));

interface Importable<R extends Versioned> {
  csv: CsvResource<R>;
  writes: RecordWrites<R>;
  permission: Permission;
}

const phoneKey = (phone: PhoneKey): PhoneKey => ({ serverIp: phone.serverIp, extension: phone.extension });
const phoneKeyText = (phone: PhoneKey) => `${phone.extension}\u0000${phone.serverIp}`;

/**
 * Every list as CSV: the rows matching its search, filters and sort (not one page). Served before
 * the record routes (/api/aliases/export.csv is not an alias).
 */
export function exportRoutes(services: AppServices): RouteSpec[] {
  const { lists, now } = services;
  return [
    route({
      method: 'get',
      path: '/api/dids/export.csv',
      tag: 'dids',
      summary: 'Every DID matching the list\'s search, filters and sort, as CSV (every field a person sets, and the DID ID)',
      permission: 'read:dids',
      query: didListQuerySchema,
      response: null,
      csvAnswer: true,
      async handler({ query, res }) {
        // The list holds every field of every DID: the export reads nothing more.
        const entries = await readVicidialDb(() => lists.dids.allEntries(query));
        await sendCsv(res, exportFilename('dids', now()), didColumns, inChunks(entries, async (chunk) => chunk.map((entry) => entry.fields)));
      },
    }),
    route({
      method: 'get',
      path: '/api/phones/export.csv',
      tag: 'phones',
      summary: "Every phone matching the list's search, filters and sort, as CSV (every field a person sets; never a secret)",
      permission: 'read:phones',
      query: phoneListQuerySchema,
      response: null,
      csvAnswer: true,
      async handler({ query, res }) {
        const rows = (await readVicidialDb(() => lists.phones.allEntries(query))).map((entry) => entry.row);
        const read = async (chunk: readonly PhoneKey[]) => {
          const found = await readVicidialDb(() => phonesByKeys(services.vicidialDb, chunk.map(phoneKey)));
          const byKey = new Map(found.map((phone) => [phoneKeyText(phone), phone]));
          return chunk.flatMap((row) => byKey.get(phoneKeyText(row)) ?? []);
        };
        await sendCsv(res, exportFilename('phones', now()), phoneColumns, inChunks(rows, read));
      },
    }),
    route({
      method: 'get',
      path: '/api/aliases/export.csv',
      tag: 'aliases',
      summary: "Every phone alias matching the list's search and sort, as CSV (its ID, name and whole list of logins)",
      permission: 'read:aliases',
      query: aliasListQuerySchema,
      response: null,
      csvAnswer: true,
      async handler({ query, res }) {
        // An alias's row is every field it has.
        const entries = await readVicidialDb(() => lists.aliases.allEntries(query));
        await sendCsv(res, exportFilename('aliases', now()), aliasColumns, inChunks(entries, async (chunk) => chunk.map((entry) => entry.row)));
      },
    }),
  ];
}

/** Import of DIDs, phones and aliases from CSV (preview, then apply); an apply's progress and error report. */
export function importRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { now } = services;
  const store = new ImportStore(services.dashboardDb, now);
  const dids = didWrites(services, writer);
  const phones = phoneWrites(services, writer);
  const aliases = aliasWrites(services, writer);

  const importable = {
    dids: {
      csv: didCsv,
      permission: 'import:dids',
      writes: {
        createAction: 'create:dids',
        updateAction: 'update:dids',
        target: didAuditTarget,
        add: (request, attempt) => dids.create(request as never, attempt),
        update: (current, request, version, attempt) => dids.update(current.didId, request as never, version, attempt),
        updateMany: async (who, rows, limit) => {
          const changes = rows.map(({ current, request, version }) => ({ ref: current.didId, change: request as DidChangeFields, version }));
          return (await dids.batch.run(who, changes, limit)).map((item) => item.error);
        },
      } satisfies RecordWrites<ImportedDid>,
    },
    phones: {
      csv: phoneCsv,
      permission: 'import:phones',
      writes: {
        createAction: 'create:phones',
        updateAction: 'update:phones',
        target: phoneAuditTarget,
        add: (request, attempt) => phones.create(request as never, attempt),
        update: (current, request, version, attempt) => phones.update(phoneKey(current), request as never, version, attempt),
      } satisfies RecordWrites<ImportedPhone>,
    },
    aliases: {
      csv: aliasCsv,
      permission: 'import:aliases',
      writes: {
        createAction: 'create:aliases',
        updateAction: 'update:aliases',
        target: aliasAuditTarget,
        add: (request, attempt) => aliases.create(request as never, attempt),
        update: (current, request, version, attempt) => aliases.update(current.aliasId, request as never, version, attempt),
      } satisfies RecordWrites<AliasRow & Versioned>,
    },
  } as const;

  /** Preview: what each row would do, nothing written. Apply: starts the rows in the background, answers at once. */
  async function importFile<R extends Versioned>(
    resource: ImportResource,
    { csv, writes }: Importable<R>,
    { query, text, user, req }: { query: z.output<typeof importQuerySchema>; text: string; user: Account; req: Request },
  ) {
    // A large file names most records: they are read while it is parsed.
    const preloaded = text.length > PRELOAD_FROM_BYTES ? csv.loadAll(services) : undefined;
    preloaded?.catch(() => undefined);
    const file = readCsv(text);
    const fileHash = sha256(text);
    if (query.mode === 'preview') {
      const plan = await planImport(services, csv, file, preloaded);
      const previewId = newId();
      await store.savePreview({ id: previewId, resource, actorId: user.id, fileHash, header: file.header, planned: plannedOf(plan) });
      return previewOf(plan, previewId);
    }
    const preview = query.preview === undefined ? undefined : await store.preview(query.preview);
    if (query.preview !== undefined && (!preview || preview.actorId !== user.id || preview.resource !== resource)) {
      throw new AppError('NOT_FOUND', 'Preview: no such preview of yours (a preview is kept for a day): preview the file again.', { field: 'preview' });
    }
    if (preview && preview.fileHash !== fileHash) {
      throw new AppError('CONFLICT', 'File: it is not the file that was previewed: preview it again.', { field: 'file' });
    }
    const plan = await planImport(services, csv, file, preloaded);
    const planned = preview?.planned ?? plannedOf(plan);
    const chosen = query.lines && new Set(query.lines);
    const skipped = new Set(query.skip);
    // Invalid rows always get their result, so that the error report holds every row to fix.
    const rows = plan.rows.filter(
      (row) => row.action === 'invalid' || (row.line in planned && (!chosen || chosen.has(row.line)) && !skipped.has(row.line)),
    );
    if (!rows.some((row) => row.line in planned)) {
      throw new AppError('VALIDATION', 'Nothing to apply: no chosen row adds or changes anything.', { field: 'lines' });
    }
    const importId = newId();
    await store.start({ id: importId, resource, actorId: user.id, fileHash, header: file.header, total: rows.length, requestId: String(req.id ?? '') });
    void runImport({ importId, resource: csv, writes, rows, planned, who: { audit: services.audit, actor: user, req }, store, now });
    return { importId };
  }

  const importRoute = <R extends Versioned>(resource: ImportResource, what: string, spec: Importable<R>) =>
    route({
      method: 'post',
      path: `/api/${resource}/import`,
      tag: 'imports',
      summary: `Import ${what} from a CSV file: mode=preview answers what each row would do (200); mode=apply starts applying it (202 {importId})`,
      permission: spec.permission,
      query: importQuerySchema,
      csvBody: true,
      response: z.union([importPreviewSchema, importStartedSchema]),
      statusOf: (answer) => ((answer as object) && 'importId' in (answer as object) ? 202 : 200),
      handler: ({ query, csv, user, req }) => importFile(resource, spec, { query, text: csv, user, req }),
    });

  /** The import, to the person who started it and to supervisors; to anyone else it does not exist. */
  async function requireOwnImport(importId: string, user: Account): Promise<void> {
    const owner = await store.ownerOf(importId);
    if (owner === undefined || (owner !== user.id && user.role !== 'supervisor')) throw new AppError('NOT_FOUND', 'No such import.');
  }

  return [
    importRoute('dids', 'DIDs (add, change)', importable.dids),
    importRoute('phones', 'phones (add, change; secrets write-only)', importable.phones),
    importRoute('aliases', 'phone aliases (add, change the whole list of logins)', importable.aliases),
    route({
      method: 'get',
      path: '/api/imports/:importId',
      tag: 'imports',
      summary: "An import's progress and a result per row (to the person who started it, and supervisors)",
      permission: 'authenticated',
      params: importIdSchema,
      response: importStatusSchema,
      async handler({ params: { importId }, user }) {
        await requireOwnImport(importId, user);
        const status = await store.status(importId);
        if (!status) throw new AppError('NOT_FOUND', 'No such import.');
        return status;
      },
    }),
    route({
      method: 'get',
      path: '/api/imports/:importId/errors.csv',
      tag: 'imports',
      summary: 'The rows of an import that failed, as in the file, with the reason: fix them and import this file again',
      permission: 'authenticated',
      params: importIdSchema,
      response: null,
      csvAnswer: true,
      async handler({ params: { importId }, user, res }) {
        await requireOwnImport(importId, user);
        const { header, rows } = await store.failures(importId);
        const columns = [...header.map((name, at) => ({ header: name, field: name, value: (row: (typeof rows)[number]) => row.cells[at] ?? '' })), {
          header: IMPORT_ERROR_COLUMN,
          field: 'error',
          value: (row: (typeof rows)[number]) => row.reason,
        }];
        async function* all() {
          yield rows;
        }
        await sendCsv(res, `import-${importId}-errors.csv`, columns, all());
      },
    }),
  ];
}
