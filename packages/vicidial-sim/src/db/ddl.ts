import type { Column } from './column.js';
import { keys, tables } from './tables.js';

export type Dialect = 'sqlite' | 'mysql';

type AnyColumn = Column<string | number | null, boolean>;
type Key = { kind: 'primary' | 'unique' | 'index'; columns: readonly string[] };
type TableName = keyof typeof tables;

/** Index names are per table in MySQL but per database in SQLite, so SQLite's carry the table name. */
const indexName = (dialect: Dialect, table: string, key: Key) =>
  dialect === 'mysql' ? key.columns.join('_') : `${table}__${key.columns.join('_')}`;

function mysqlColumn(name: string, column: AnyColumn): string {
  if (column.kind === 'timestamp') {
    return `\`${name}\` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()`;
  }
  const parts = [`\`${name}\``, column.mysqlType, column.nullable ? 'NULL' : 'NOT NULL'];
  if (column.defaultSql !== undefined) parts.push(`DEFAULT ${column.defaultSql}`);
  if (column.autoIncrement) parts.push('AUTO_INCREMENT');
  return parts.join(' ');
}

/**
 * What MariaDB with sql_mode='' puts into a NOT NULL column that has no default and is left out of
 * an INSERT (phones.template_id becomes ''); SQLite would refuse the row instead.
 */
function implicitDefault(column: AnyColumn): string {
  switch (column.kind) {
    case 'integer':
      return '0';
    case 'enum':
      return `'${column.enumValues?.[0] ?? ''}'`;
    case 'datetime':
      return `'0000-00-00 00:00:00'`;
    default:
      return `''`;
  }
}

function sqliteColumn(name: string, column: AnyColumn): string {
  if (column.autoIncrement) return `"${name}" INTEGER PRIMARY KEY AUTOINCREMENT`;
  if (column.kind === 'timestamp') return `"${name}" TEXT NOT NULL DEFAULT (datetime('now','localtime'))`;
  // MariaDB compares strings case-insensitively (utf8mb3_unicode_ci): NOCASE gives the same matches.
  const type = column.kind === 'integer' ? 'INTEGER' : column.kind === 'datetime' ? 'TEXT' : 'TEXT COLLATE NOCASE';
  const parts = [`"${name}"`, type];
  if (!column.nullable) parts.push('NOT NULL');
  const fallback = column.nullable ? undefined : implicitDefault(column);
  const defaultSql = column.defaultSql ?? fallback;
  if (defaultSql !== undefined) parts.push(`DEFAULT ${defaultSql}`);
  return parts.join(' ');
}

function tableKeys(table: TableName): readonly Key[] {
  return keys[table] ?? [];
}

function mysqlTable(table: TableName): string[] {
  const spec: Record<string, AnyColumn> = tables[table];
  const lines = Object.entries(spec).map(([name, column]) => mysqlColumn(name, column));
  for (const key of tableKeys(table)) {
    const cols = key.columns.map((c) => `\`${c}\``).join(',');
    const name = `\`${indexName('mysql', table, key)}\``;
    lines.push(key.kind === 'primary' ? `PRIMARY KEY (${cols})` : `${key.kind === 'unique' ? 'UNIQUE KEY' : 'KEY'} ${name} (${cols})`);
  }
  return [
    `CREATE TABLE IF NOT EXISTS \`${table}\` (\n  ${lines.join(',\n  ')}\n) ENGINE=MyISAM DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci`,
  ];
}

/** SQLite has no ON UPDATE: a trigger stamps the row when any other value really changed (as MySQL does). */
function sqliteStampTrigger(table: TableName, stampColumn: string, columns: string[]): string {
  const changed = columns.map((c) => `NEW."${c}" IS NOT OLD."${c}" COLLATE BINARY`).join(' OR ');
  return `CREATE TRIGGER IF NOT EXISTS "${table}__${stampColumn}" AFTER UPDATE ON "${table}" FOR EACH ROW
WHEN NEW."${stampColumn}" IS OLD."${stampColumn}" AND (${changed})
BEGIN UPDATE "${table}" SET "${stampColumn}" = datetime('now','localtime') WHERE rowid = NEW.rowid; END`;
}

function sqliteTable(table: TableName): string[] {
  const spec: Record<string, AnyColumn> = tables[table];
  const lines = Object.entries(spec).map(([name, column]) => sqliteColumn(name, column));
  const statements: string[] = [];
  for (const key of tableKeys(table)) {
    const cols = key.columns.map((c) => `"${c}"`).join(',');
    if (key.kind === 'primary') {
      // An auto-increment id is already the INTEGER PRIMARY KEY of its column.
      const inline = key.columns.length === 1 && spec[key.columns[0] ?? '']?.autoIncrement;
      if (!inline) lines.push(`PRIMARY KEY (${cols})`);
    } else {
      const unique = key.kind === 'unique' ? 'UNIQUE ' : '';
      statements.push(`CREATE ${unique}INDEX IF NOT EXISTS "${indexName('sqlite', table, key)}" ON "${table}" (${cols})`);
    }
  }
  statements.unshift(`CREATE TABLE IF NOT EXISTS "${table}" (\n  ${lines.join(',\n  ')}\n)`);
  const stamp = Object.entries(spec).find(([, column]) => column.kind === 'timestamp');
  if (stamp) {
    const others = Object.keys(spec).filter((name) => name !== stamp[0]);
    statements.push(sqliteStampTrigger(table, stamp[0], others));
  }
  return statements;
}

/** Every statement that creates VICIdial's tables and exactly its indexes; safe to run twice. */
export function schemaStatements(dialect: Dialect): string[] {
  const names = Object.keys(tables) as TableName[];
  return names.flatMap((table) => (dialect === 'mysql' ? mysqlTable(table) : sqliteTable(table)));
}

