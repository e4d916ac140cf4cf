import { type AliasRow, createAliasRequestSchema, updateAliasRequestSchema } from '@vicidash/contracts/alias';
import { auditTargets } from '../audit/write-audit.js';
import { readVicidialDb } from '../vicidial/db-errors.js';
import { allAliases } from '../vicidial/reader/aliases.js';
import { type CsvColumn, type CsvResource, cellOf } from './csv-resource.js';

type Alias = AliasRow & { version: string };

/** An alias's ID, name and logins: the logins in one cell, joined by commas as VICIdial stores them (the whole list, as shown). */
export const aliasColumns: CsvColumn<AliasRow>[] = [
  { header: 'Alias ID', field: 'aliasId', value: (alias) => alias.aliasId },
  { header: 'Alias name', field: 'name', value: (alias) => cellOf.text(alias.name) },
  { header: 'Logins', field: 'logins', kind: 'list', value: (alias) => alias.logins.join(',') },
];

export const aliasCsv: CsvResource<Alias> = {
  resource: 'aliases',
  what: 'alias',
  columns: aliasColumns,
  keyHeaders: ['Alias ID'],
  keyOf: ([aliasId = '']) => aliasId,
  recordKey: (alias) => alias.aliasId,
  createSchema: createAliasRequestSchema,
  updateSchema: updateAliasRequestSchema,
  toCreate: (fields) => fields,
  toUpdate: (changed) => changed,
  loadAll: (services) => readVicidialDb(() => allAliases(services.vicidialDb)),
};

export const aliasAuditTarget = (key: string) => auditTargets.alias(key);
