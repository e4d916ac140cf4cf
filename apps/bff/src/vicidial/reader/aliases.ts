import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { AliasDetail, AliasListQuery, AliasListResponse, AliasRow, StaleAliasLogins } from '@vicidash/contracts/alias';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { contains, listHolds, splitList } from './match.js';
import { pageOf, type SortColumn, text } from './paging.js';
import { countEveryTime, type CountRows } from './totals.js';

type Aliases = VicidialReadModel['phones_alias'];
type AliasesEb = ExpressionBuilder<VicidialReadModel, 'phones_alias'>;

const COLUMNS = ['alias_id', 'alias_name', 'logins_list', 'user_group'] as const satisfies readonly (keyof Aliases)[];

const SORT = {
  aliasId: [text('alias_id')],
  name: [text('alias_name'), text('alias_id')],
} as const satisfies Record<AliasListQuery['sort'], readonly SortColumn[]>;

const toRow = (row: Pick<Selectable<Aliases>, (typeof COLUMNS)[number]>): AliasRow => ({
  aliasId: row.alias_id,
  name: row.alias_name,
  logins: splitList(row.logins_list),
  userGroup: row.user_group,
});

function filters(eb: AliasesEb, query: AliasListQuery): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (query.search) {
    const { search } = query;
    conditions.push(eb.or([contains('alias_id', search), contains('alias_name', search), contains('logins_list', search)]));
  }
  if (query.login) conditions.push(listHolds(eb, 'logins_list', query.login));
  return eb.and(conditions);
}

/** A page of aliases: searched, filtered by a member login, sorted, with the total. */
export function listAliases(db: Kysely<VicidialReadModel>, query: AliasListQuery, totals: CountRows = countEveryTime): Promise<AliasListResponse> {
  return pageOf(db, totals, query, {
    table: 'phones_alias',
    filtered: db.selectFrom('phones_alias').where((eb) => filters(eb, query)),
    select: (filtered) => filtered.select(COLUMNS),
    sort: SORT[query.sort],
    toRow,
  });
}

/** Lower case: VICIdial's database compares logins ignoring case. */
const loginKey = (login: string) => login.toLowerCase();
const loginKeys = (phones: readonly { login: string | null }[]) => new Set(phones.map((phone) => loginKey(phone.login ?? '')));

/** The listed logins no phone has (phones.login has no index: one read of the phones for the whole list). */
async function loginsWithoutPhone(db: Kysely<VicidialReadModel>, logins: readonly string[]): Promise<string[]> {
  if (logins.length === 0) return [];
  const found = await db.selectFrom('phones').select('login').where('login', 'in', logins).execute();
  const known = loginKeys(found);
  return logins.filter((login) => !known.has(loginKey(login)));
}

/** One alias with its logins, those that no phone has, and its version. */
export async function getAlias(db: Kysely<VicidialReadModel>, aliasId: string): Promise<AliasDetail | undefined> {
  const row = await db.selectFrom('phones_alias').select(COLUMNS).where('alias_id', '=', aliasId).executeTakeFirst();
  if (!row) return undefined;
  const alias = toRow(row);
  return { ...alias, unknownLogins: await loginsWithoutPhone(db, alias.logins), version: rowVersion(row) };
}

/** The aliases whose list holds `login`, by id. */
export async function aliasesListing(db: Kysely<VicidialReadModel>, login: string): Promise<AliasRow[]> {
  const rows = await db
    .selectFrom('phones_alias')
    .select(COLUMNS)
    .where((eb) => listHolds(eb, 'logins_list', login))
    .orderBy('alias_id')
    .execute();
  return rows.map(toRow);
}

/** The ids of the aliases whose list holds `login` (e.g. the phone that has it is being deleted). */
export async function aliasesListingLogin(db: Kysely<VicidialReadModel>, login: string): Promise<string[]> {
  return (await aliasesListing(db, login)).map((alias) => alias.aliasId);
}

/**
 * The aliases still listing logins that no phone has: VICIdial does not remove a deleted phone's
 * login from aliases. Reads every alias and every phone login once (a report, not a list page).
 */
export async function staleAliasLogins(db: Kysely<VicidialReadModel>): Promise<StaleAliasLogins> {
  const [aliases, phones] = await Promise.all([
    db.selectFrom('phones_alias').select(['alias_id', 'alias_name', 'logins_list']).orderBy('alias_id').execute(),
    db.selectFrom('phones').select('login').execute(),
  ]);
  const known = loginKeys(phones);
  return aliases.flatMap((alias) => {
    const staleLogins = splitList(alias.logins_list).filter((login) => !known.has(loginKey(login)));
    return staleLogins.length > 0 ? [{ aliasId: alias.alias_id, name: alias.alias_name, staleLogins }] : [];
  });
}
