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
    case 'integer':
      return fitInteger(column.mysqlType, value);
    default:
      return String(value);
  }
}

// MariaDB's ranges per integer type: [signed min, signed max, unsigned max].
const INTEGER_RANGES: Record<string, [bigint, bigint, bigint]> = {
  tinyint: [-(2n ** 7n), 2n ** 7n - 1n, 2n ** 8n - 1n],
  smallint: [-(2n ** 15n), 2n ** 15n - 1n, 2n ** 16n - 1n],
  mediumint: [-(2n ** 23n), 2n ** 23n - 1n, 2n ** 24n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n, 2n ** 32n - 1n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n, 2n ** 64n - 1n],
};

/**
 * A string stored in an integer column: MariaDB reads its leading number (decimals and exponent
 * included: '12e3abc' is 12000, 'abc' is 0), rounds half away from zero and clamps to the type's
 * range. Beyond JavaScript's safe integers the value stays a string of digits.
 */
function fitInteger(mysqlType: string, value: string | number): number | string {
  const leading = typeof value === 'number' ? value : Number(/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(value)?.[0] ?? 0);
  const rounded = Number.isFinite(leading) ? Math.sign(leading) * Math.round(Math.abs(leading)) : Math.sign(leading) * Number.MAX_VALUE;
  const [min, max, unsignedMax] = INTEGER_RANGES[/^\w+/.exec(mysqlType)?.[0] ?? 'int'] ?? INTEGER_RANGES.int!;
  const [low, high] = mysqlType.includes('unsigned') ? [0n, unsignedMax] : [min, max];
  const big = Math.abs(rounded) > Number.MAX_SAFE_INTEGER ? (rounded > 0 ? high : low) : BigInt(rounded);
  const clamped = big < low ? low : big > high ? high : big;
  return clamped >= BigInt(Number.MIN_SAFE_INTEGER) && clamped <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(clamped) : clamped.toString();
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
