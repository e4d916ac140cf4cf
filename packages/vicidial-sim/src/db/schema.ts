import type { RowOf } from './column.js';
import type { tables } from './tables.js';

/** The Kysely database type of the embedded VICIdial: VICIdial's own table and column names. */
export type VicidialDatabase = { [T in keyof typeof tables]: RowOf<(typeof tables)[T]> };
