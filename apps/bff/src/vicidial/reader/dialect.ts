import { type Kysely, MysqlAdapter } from 'kysely';
import type { Dialect } from '@vicidash/database';

/**
 * Which database a Kysely instance speaks to, from the SQL adapter it was built with (as the
 * embedded VICIdial's seeds tell it): the few reads whose SQL differs take just the instance.
 */
export const dialectOf = <DB>(db: Kysely<DB>): Dialect => (db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite');
