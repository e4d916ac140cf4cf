import type { ColumnType } from 'kysely';

/**
 * One column as VICIdial's own schema declares it. `mysqlType` is VICIdial's declaration verbatim;
 * the SQLite DDL, the Kysely types and the silent fitting of values (what MariaDB does with
 * sql_mode='') are all derived from it, so the two dialects cannot drift apart.
 */
export interface Column<T extends string | number | null, Optional extends boolean> {
  readonly mysqlType: string;
  readonly kind: 'string' | 'enum' | 'integer' | 'datetime' | 'timestamp';
  readonly nullable: boolean;
  /** SQL literal default (already quoted), or undefined when the column has none. */
  readonly defaultSql?: string;
  readonly autoIncrement?: boolean;
  /** Characters kept by VARCHAR(n); longer values are cut (sql_mode=''). */
  readonly maxLength?: number;
  readonly enumValues?: readonly string[];
  /** Phantom fields for the Kysely row type. */
  readonly __value?: T;
  readonly __optional?: Optional;
}

type Opts = { notNull?: boolean; default?: string | number | null };
type Value<Base, O extends Opts> = O extends { notNull: true } ? Base : Base | null;
type Optional<O extends Opts> = O extends { notNull: true } ? (O extends { default: string | number } ? true : false) : true;

const quote = (v: string | number | null | undefined): string | undefined =>
  v === undefined ? undefined : v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v}'`;

export const varchar = <const O extends Opts = Opts>(length: number, o: O = {} as O) =>
  ({ mysqlType: `varchar(${length})`, kind: 'string', nullable: !o.notNull, defaultSql: quote(o.default), maxLength: length }) as Column<Value<string, O>, Optional<O>>;

export const text = <const O extends Opts = Opts>(mysqlType: 'text' | 'mediumtext' = 'text', o: O = {} as O) =>
  ({ mysqlType, kind: 'string', nullable: !o.notNull, defaultSql: quote(o.default) }) as Column<Value<string, O>, Optional<O>>;

export const enumOf = <const V extends readonly string[], const O extends Opts = Opts>(values: V, o: O = {} as O) =>
  ({
    mysqlType: `enum(${values.map((v) => `'${v}'`).join(',')})`,
    kind: 'enum',
    nullable: !o.notNull,
    defaultSql: quote(o.default),
    enumValues: values,
  }) as Column<Value<string, O>, Optional<O>>;

export const integer = <const O extends Opts = Opts>(mysqlType: string, o: O = {} as O) =>
  ({ mysqlType, kind: 'integer', nullable: !o.notNull, defaultSql: quote(o.default) }) as Column<Value<number, O>, Optional<O>>;

export const autoIncrement = (mysqlType: string) =>
  ({ mysqlType, kind: 'integer', nullable: false, autoIncrement: true }) as Column<number, true>;

export const datetime = <const O extends Opts = Opts>(o: O = {} as O) =>
  ({ mysqlType: 'datetime', kind: 'datetime', nullable: !o.notNull, defaultSql: quote(o.default) }) as Column<Value<string, O>, Optional<O>>;

/** MySQL's `timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp()`. */
export const modifyStamp = () =>
  ({ mysqlType: 'timestamp', kind: 'timestamp', nullable: false, defaultSql: 'CURRENT_TIMESTAMP' }) as Column<string, true>;

export type TableSpec = Record<string, Column<string | number | null, boolean>>;

/** The Kysely row type of a table spec: columns with a default or NULL may be left out of an insert. */
export type RowOf<S extends TableSpec> = {
  [K in keyof S]: S[K] extends Column<infer T, infer O>
    ? O extends true
      ? ColumnType<T, T | undefined, T>
      : T
    : never;
};
