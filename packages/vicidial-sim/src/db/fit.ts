import type { Column } from './column.js';

type AnyColumn = Column<string | number | null, boolean>;

/**
 * What MariaDB with VICIdial's sql_mode='' stores for a value: VARCHAR cut to its length, an ENUM
 * value matched case-insensitively or stored as '', an integer column taking the leading number of
 * a string (so list_id='abc' becomes 0). Both dialects store the fitted value, so they agree.
 */
export function fitValue(column: AnyColumn, value: string | number | null): string | number | null {
  if (value === null) return null;
  switch (column.kind) {
    case 'string':
      return column.maxLength === undefined ? String(value) : String(value).slice(0, column.maxLength);
    case 'enum': {
      const wanted = String(value).toLowerCase();
      return column.enumValues?.find((v) => v.toLowerCase() === wanted) ?? '';
    }
    case 'integer': {
      const n = typeof value === 'number' ? value : Number(/^\s*[-+]?\d*/.exec(value)?.[0].trim() || 0);
      const unsigned = column.mysqlType.includes('unsigned');
      return unsigned && n < 0 ? 0 : Math.trunc(Number.isFinite(n) ? n : 0);
    }
    default:
      return String(value);
  }
}

/** Fits every value of a row to its column; columns not in the spec are a programming error. */
export function fitRow<S extends Record<string, AnyColumn>>(
  spec: S,
  row: Partial<Record<keyof S & string, string | number | null>>,
): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(row) as [string, string | number | null | undefined][]) {
    const column = spec[name];
    if (!column) throw new Error(`unknown column ${name}`);
    if (value !== undefined) out[name] = fitValue(column, value);
  }
  return out;
}
