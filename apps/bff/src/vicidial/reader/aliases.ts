import type { Kysely, Selectable } from 'kysely';
import type { AliasDetail, AliasListQuery, AliasRow, StaleAliasLogins } from '@vicidash/contracts/alias';
import type { VicidialReadModel } from '../tables.js';
import { rowVersion } from '../version.js';
import { type Collation, collationOf } from './collation.js';
import { dialectOf } from './dialect.js';
import { allOf, type ListModel, type ListSource, type SortKey } from './list-model.js';
import { listHolds, splitList } from './match.js';

type Aliases = VicidialReadModel['phones_alias'];

const COLUMNS = ['alias_id', 'alias_name', 'logins_list', 'user_group'] as const satisfies readonly (keyof Aliases)[];

const toRow = (row: Pick<Selectable<Aliases>, (typeof COLUMNS)[number]>): AliasRow => ({
  aliasId: row.alias_id,
  name: row.alias_name,
  logins: splitList(row.logins_list),
  userGroup: row.user_group,
});

/** An alias as the list holds it: its row, and what the filters and sorts compare. */
interface AliasEntry {
  row: AliasRow;
  /** As LIKE sees them. */
  id: string;
  name: string | null;
  logins: string | null;
  /** As = sees the logins. */
  loginsEqual: string | null;
}

const entryOf = (c: Collation, row: Pick<Selectable<Aliases>, (typeof COLUMNS)[number]>): AliasEntry => ({
  row: toRow(row),
  id: c.like(row.alias_id),
  name: c.like(row.alias_name),
  logins: c.like(row.logins_list),
  loginsEqual: c.equal(row.logins_list),
});

/** The logins hold `login` as one of their items (as listHolds asks the database). */
function holdsLogin(c: Collation, login: string): (a: AliasEntry) => boolean {
  const item = c.like(login);
  const equal = c.equal(login);
  return ({ logins, loginsEqual }) =>
    loginsEqual === equal || (logins !== null && (logins.startsWith(`${item},`) || logins.endsWith(`,${item}`) || logins.includes(`,${item},`)));
}

function filterOf(c: Collation, query: AliasListQuery): ((a: AliasEntry) => boolean) | undefined {
  const tests: ((a: AliasEntry) => boolean)[] = [];
  if (query.search) {
    const text = c.like(query.search);
    tests.push((a) => a.id.includes(text) || (a.name?.includes(text) ?? false) || (a.logins?.includes(text) ?? false));
  }
  if (query.login) tests.push(holdsLogin(c, query.login));
  return allOf(tests);
}

/** The alias list's rows, search, filters and sorts (aliases carry no change stamp: a changed table is read again whole). */
export function aliasListSource(db: Kysely<VicidialReadModel>): ListSource<AliasEntry, AliasListQuery> {
  const c = collationOf(dialectOf(db));
  const byId: SortKey<AliasEntry> = (a) => c.order(a.row.aliasId);
  return {
    table: 'phones_alias',
    loadAll: async (db) => (await db.selectFrom('phones_alias').select(COLUMNS).execute()).map((row) => entryOf(c, row)),
    sorts: {
      aliasId: [byId],
      name: [(a) => c.order(a.row.name), byId],
    },
    filter: (query) => filterOf(c, query),
    columns: COLUMNS,
  };
}

export type AliasList = ListModel<AliasEntry, AliasListQuery>;

/** Lower case: VICIdial's database compares logins ignoring case. */
const loginKey = (login: string) => login.toLowerCase();
const loginKeys = (phones: readonly { login: string | null }[]) => new Set(phones.map((phone) => loginKey(phone.login ?? '')));

/**
 * The phone of each listed login, and the logins no phone has (phones.login has no index: one read
 * of the phones for the whole list).
 */
async function phonesOfLogins(db: Kysely<VicidialReadModel>, logins: readonly string[]): Promise<Pick<AliasDetail, 'phones' | 'unknownLogins'>> {
  if (logins.length === 0) return { phones: [], unknownLogins: [] };
  const found = await db.selectFrom('phones').select(['login', 'extension', 'server_ip']).where('login', 'in', logins).execute();
  const byLogin = new Map(found.map((phone) => [loginKey(phone.login ?? ''), phone]));
  const phones: AliasDetail['phones'] = [];
  const unknownLogins: string[] = [];
  for (const login of logins) {
    const phone = byLogin.get(loginKey(login));
    if (!phone) unknownLogins.push(login);
    // A phone's key columns are never empty in VICIdial; the type allows it.
    else if (phone.extension && phone.server_ip) phones.push({ login, extension: phone.extension, serverIp: phone.server_ip });
  }
  return { phones, unknownLogins };
}

/** One alias with its logins, those that no phone has, and its version. */
export async function getAlias(db: Kysely<VicidialReadModel>, aliasId: string): Promise<AliasDetail | undefined> {
  const row = await db.selectFrom('phones_alias').select(COLUMNS).where('alias_id', '=', aliasId).executeTakeFirst();
  // The database matches an ID in any case: an alias is reached only under its stored spelling, the one its audit rows and history know.
  if (row?.alias_id !== aliasId) return undefined;
  const alias = toRow(row);
  return { ...alias, ...(await phonesOfLogins(db, alias.logins)), version: rowVersion(row) };
}

/** Every alias with its version: what an import compares its rows with. */
export async function allAliases(db: Kysely<VicidialReadModel>): Promise<(AliasRow & { version: string })[]> {
  const rows = await db.selectFrom('phones_alias').select(COLUMNS).execute();
  return rows.map((row) => ({ ...toRow(row), version: rowVersion(row) }));
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
