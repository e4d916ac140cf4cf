import { type Expression, type ExpressionBuilder, type RawBuilder, sql, type SqlBool } from 'kysely';

/**
 * Text matching for searches and filters, the same SQL on SQLite and MariaDB. Both compare text
 * ignoring case (VICIdial's utf8mb3_unicode_ci; COLLATE NOCASE in the embedded VICIdial), so no
 * LOWER() is needed, which would also keep MariaDB from using an index.
 */

/**
 * LIKE treats % and _ as wildcards: a search for "sales_1" must find only that text. '!' is the
 * escape character because a backslash would need different quoting on SQLite and MariaDB.
 */
const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

const like = (column: string, pattern: string): RawBuilder<SqlBool> => sql<SqlBool>`${sql.ref(column)} LIKE ${pattern} ESCAPE '!'`;

/** The column starts with `text`: an index range when the column is indexed. */
export const startsWith = (column: string, text: string) => like(column, `${escapeLike(text)}%`);
export const endsWith = (column: string, text: string) => like(column, `%${escapeLike(text)}`);
/** The column contains `text` anywhere: reads every row. */
const contains = (column: string, text: string) => like(column, `%${escapeLike(text)}%`);

/**
 * A comma-joined list column (phones_alias.logins_list) holds `item` as one of its items. Four
 * LIKEs rather than a concatenation, whose operator differs between the two dialects.
 */
export const listHolds = <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>, column: string, item: string): Expression<SqlBool> =>
  eb.or([
    sql<SqlBool>`${sql.ref(column)} = ${item}`,
    startsWith(column, `${item},`),
    endsWith(column, `,${item}`),
    contains(column, `,${item},`),
  ]);

/** How the rows read a flag column. */
export const isYes = (value: string | null): boolean => value === 'Y';

/** Stored text split into a list's items (an alias's logins), without the empty ones. */
export const splitList = (value: string | null): string[] => (value ?? '').split(',').filter((item) => item !== '');
