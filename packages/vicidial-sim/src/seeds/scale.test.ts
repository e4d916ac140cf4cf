import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STALE_ALIAS_ID, STALE_LOGIN } from './demo.js';
import { findProblems } from './problems.js';
import { DID_ROUTES } from './rows.js';
import { SCALE_COUNTS, seedScale } from './scale.js';
import { type DatabaseKind, openSeeded, type SeededDb, tableDigests } from './seed-test-support.js';

// Seeding takes ~3 s per database here (more on a busy 2-core machine); both run side by side.
const KINDS: DatabaseKind[] = ['sqlite', 'mariadb'];
const seeded = new Map<DatabaseKind, SeededDb>();

beforeAll(async () => {
  const runs = await Promise.all(KINDS.map((kind) => openSeeded(kind, seedScale)));
  runs.forEach((run, i) => seeded.set(KINDS[i] as DatabaseKind, run));
  console.info(`scale seed: ${KINDS.map((kind, i) => `${kind} ${Math.round(runs[i]?.seedMs ?? 0)} ms`).join(', ')}`);
}, 120_000);
afterAll(() => Promise.all([...seeded.values()].map((run) => run.close())));

const db = (kind: DatabaseKind) => (seeded.get(kind) as SeededDb).db;

describe.each(KINDS)('scale seed on %s', (kind) => {
  test('reaches the measured sizes', async () => {
    const count = (table: 'phones' | 'phones_alias' | 'vicidial_inbound_dids') =>
      db(kind).selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow().then((r) => Number(r.n));
    expect({ phones: await count('phones'), dids: await count('vicidial_inbound_dids'), aliases: await count('phones_alias') }).toEqual(SCALE_COUNTS);
  });

  test('breaks none of VICIdial rules; the only dangling login is the demo stale one', async () => {
    expect(await findProblems(db(kind))).toEqual([`alias ${STALE_ALIAS_ID}: login ${STALE_LOGIN} has no phone`]);
  }, 30_000);

  test('uses every route, both servers and the 255-character alias budget', async () => {
    const routes = await db(kind).selectFrom('vicidial_inbound_dids').select(['did_route', sql<number>`count(*)`.as('n')]).groupBy('did_route').execute();
    for (const route of DID_ROUTES) expect(Number(routes.find((r) => r.did_route === route)?.n ?? 0), route).toBeGreaterThan(1000);
    const servers = await db(kind).selectFrom('phones').select('server_ip').distinct().execute();
    expect(servers.map((s) => s.server_ip).sort()).toEqual(['10.20.0.11', '10.20.0.12']);
    const longest = await db(kind).selectFrom('phones_alias').select(sql<number>`max(length(logins_list))`.as('n')).executeTakeFirstOrThrow();
    expect(Number(longest.n)).toBeGreaterThan(240);
    expect(Number(longest.n)).toBeLessThanOrEqual(255);
  });
});

/** The columns the seed writes; the rest are table defaults and take seconds to read at this size. */
const SEEDED_COLUMNS = {
  phones: [
    'extension', 'server_ip', 'login', 'pass', 'conf_secret', 'fullname', 'protocol', 'local_gmt', 'outbound_cid', 'email', 'active',
    'user_group', 'dialplan_number', 'template_id', 'is_webphone', 'phone_ring_timeout',
  ],
  phones_alias: ['alias_id', 'alias_name', 'logins_list'],
  vicidial_inbound_dids: [
    'did_id', 'did_pattern', 'did_description', 'did_active', 'did_route', 'record_call', 'user_group', 'extension', 'exten_context', 'voicemail_ext', 'phone',
    'server_ip', 'user', 'user_unavailable_action', 'group_id', 'call_handle_method', 'agent_search_method', 'list_id', 'entry_list_id', 'campaign_id', 'phone_code', 'menu_id',
  ],
} as const;

test('two runs give the same rows, on either database', async () => {
  // Two separate runs: equal digests show the seed is deterministic and both databases store it alike.
  const [sqlite, mariadb] = await Promise.all(KINDS.map((kind) => tableDigests(db(kind), SEEDED_COLUMNS)));
  expect(mariadb).toEqual(sqlite);
}, 30_000);
