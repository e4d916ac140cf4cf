import { readFile } from 'node:fs/promises';
import { type Kysely, MysqlAdapter, sql } from 'kysely';
import type { Dialect } from '../db/ddl.js';
import type { VicidialDatabase } from '../db/schema.js';
import { scriptStatements } from './sql-script.js';

/** The rows VICIdial's own schema file inserts, kept once for every seed in the conformance folder. */
const SCHEMA_FILE_ROWS = new URL('../../conformance/schema-file-rows.sql', import.meta.url);

/**
 * Inserts the rows every VICIdial starts with: system settings, user group ADMIN, user 6666, the two
 * phone templates, DID 'default', in-groups AGENTDIRECT and AGENTDIRECT_CHAT, three call menus.
 */
export async function seedSchemaFileRows(db: Kysely<VicidialDatabase>): Promise<void> {
  // The seeds take only the Kysely instance; its adapter tells which SQL the script must become.
  const dialect: Dialect = db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
  const text = await readFile(SCHEMA_FILE_ROWS, 'utf8');
  for (const statement of scriptStatements(text, dialect)) await sql.raw(statement).execute(db);
}
