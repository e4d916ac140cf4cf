import { readFile } from 'node:fs/promises';
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../db/ddl.js';
import type { VicidialDatabase } from '../db/schema.js';
import { scriptStatements } from './sql-script.js';

/** The recorded session's starting data: the rows VICIdial's schema file inserts, then the session's seed. */
const SCRIPTS = ['schema-file-rows.sql', 'seed.sql'];
const conformanceDir = new URL('../../conformance/', import.meta.url);

export async function seedConformance(db: Kysely<VicidialDatabase>, dialect: Dialect): Promise<void> {
  for (const script of SCRIPTS) {
    const text = await readFile(new URL(script, conformanceDir), 'utf8');
    for (const statement of scriptStatements(text, dialect)) await sql.raw(statement).execute(db);
  }
}
