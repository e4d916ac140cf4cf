import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VicidialDatabase } from '../db/schema.js';
import { DEMO_API_PASS, DEMO_API_USER, STALE_ALIAS_ID, STALE_LOGIN, seedDemo } from './demo.js';
import { findProblems } from './problems.js';
import { DID_ROUTES } from './rows.js';
import { type DatabaseKind, openSeeded, type SeededDb, tableDigests } from './seed-test-support.js';

const count = async (seeded: SeededDb, table: keyof VicidialDatabase) => {
  const row = await seeded.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
};

describe.each<DatabaseKind>(['sqlite', 'mariadb'])('demo seed on %s', (kind) => {
  let seeded: SeededDb;
  beforeAll(async () => {
    seeded = await openSeeded(kind, seedDemo);
  });
  afterAll(() => seeded?.close());

  test('has a small call center on top of the schema file rows', async () => {
    expect({
      servers: await count(seeded, 'servers'),
      phones: await count(seeded, 'phones'),
      aliases: await count(seeded, 'phones_alias'),
      inGroups: await count(seeded, 'vicidial_inbound_groups'),
      callMenus: await count(seeded, 'vicidial_call_menu'),
      campaigns: await count(seeded, 'vicidial_campaigns'),
      dids: await count(seeded, 'vicidial_inbound_dids'),
      templates: await count(seeded, 'vicidial_conf_templates'),
    }).toEqual({ servers: 3, phones: 60, aliases: 12, inGroups: 10, callMenus: 8, campaigns: 4, dids: 121, templates: 3 });
    const first = await seeded.db.selectFrom('vicidial_inbound_dids').select(['did_id', 'did_pattern']).orderBy('did_id').executeTakeFirstOrThrow();
    expect(first).toEqual({ did_id: 1, did_pattern: 'default' });
    const admin = await seeded.db.selectFrom('vicidial_user_groups').select('admin_viewable_groups').where('user_group', '=', 'ADMIN').executeTakeFirstOrThrow();
    expect(admin.admin_viewable_groups).toBe(' ---ALL--- ');
  });

  test('breaks none of VICIdial rules; the only dangling login is the deliberate stale one', async () => {
    expect(await findProblems(seeded.db)).toEqual([`alias ${STALE_ALIAS_ID}: login ${STALE_LOGIN} has no phone`]);
  });

  test('spreads phones over both telephony servers, never on the DB/web server', async () => {
    const rows = await seeded.db
      .selectFrom('phones')
      .innerJoin('servers', 'servers.server_ip', 'phones.server_ip')
      .select(['servers.server_id', 'servers.generate_vicidial_conf', 'phones.protocol', 'phones.active'])
      .execute();
    expect(new Set(rows.map((r) => r.server_id))).toEqual(new Set(['ast1', 'ast2']));
    expect(rows.every((r) => r.generate_vicidial_conf === 'Y')).toBe(true);
    const protocols = rows.map((r) => r.protocol);
    expect(protocols.filter((p) => p === 'SIP').length).toBeGreaterThan(protocols.length / 2);
    expect(protocols.filter((p) => p === 'IAX2').length).toBeGreaterThan(0);
    expect(protocols.filter((p) => p === 'EXTERNAL').length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((r) => r.active === 'N').length).toBeGreaterThan(0);
    const dbOnly = await seeded.db.selectFrom('servers').selectAll().where('generate_vicidial_conf', '=', 'N').execute();
    expect(dbOnly.map((s) => s.server_id)).toEqual(['web1']);
  });

  test('varies the details of phones', async () => {
    const phones = await seeded.db.selectFrom('phones').select(['local_gmt', 'fullname', 'outbound_cid', 'email']).execute();
    expect(new Set(phones.map((p) => p.local_gmt)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(phones.map((p) => p.fullname)).size).toBeGreaterThan(30);
    expect(new Set(phones.map((p) => p.outbound_cid)).size).toBeGreaterThanOrEqual(3);
    expect(phones.filter((p) => p.email?.includes('@')).length).toBeGreaterThan(10);
  });

  test('routes DIDs every way, with + patterns, inactive and recorded numbers', async () => {
    const dids = await seeded.db.selectFrom('vicidial_inbound_dids').selectAll().execute();
    const byRoute = new Map(DID_ROUTES.map((route) => [route, dids.filter((d) => d.did_route === route)]));
    for (const route of DID_ROUTES) expect(byRoute.get(route)?.length, route).toBeGreaterThanOrEqual(5);
    expect(dids.filter((d) => d.did_pattern.startsWith('+')).length).toBeGreaterThanOrEqual(5);
    expect(dids.filter((d) => d.did_active === 'N').length).toBeGreaterThanOrEqual(3);
    expect(new Set(dids.map((d) => d.record_call))).toEqual(new Set(['Y', 'N', 'Y_QUEUESTOP']));
    const inGroup = byRoute.get('IN_GROUP') ?? [];
    expect(new Set(inGroup.map((d) => d.agent_search_method))).toEqual(new Set(['LO', 'LB', 'SO']));
    expect(new Set(inGroup.map((d) => d.call_handle_method)).size).toBeGreaterThan(2);
    expect(inGroup.every((d) => d.campaign_id && d.list_id && d.phone_code)).toBe(true);
    expect(inGroup.some((d) => d.entry_list_id !== 0)).toBe(true);
    expect(inGroup.some((d) => d.phone_code !== '1')).toBe(true);
    const inactiveGroup = await seeded.db.selectFrom('vicidial_inbound_groups').select('group_id').where('active', '=', 'N').execute();
    expect(inactiveGroup).toEqual([{ group_id: 'PROMO_2023' }]);
    expect(inGroup.some((d) => d.group_id === 'PROMO_2023')).toBe(true);
  });

  test('gives the dashboard an API user with the rights it needs', async () => {
    const user = await seeded.db.selectFrom('vicidial_users').selectAll().where('user', '=', DEMO_API_USER).executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      pass: DEMO_API_PASS,
      user_level: 9,
      user_group: 'ADMIN',
      active: 'Y',
      vdc_agent_api_access: '1',
      ast_admin_access: '1',
      ast_delete_phones: '1',
      modify_inbound_dids: '1',
      delete_inbound_dids: '1',
      api_allowed_functions: ' ALL_FUNCTIONS ',
    });
  });

  test('reports what breaks the rules (the check itself can fail)', async () => {
    await seeded.db.insertInto('phones_alias').values({ alias_id: 'zz_broken', alias_name: 'Broken', logins_list: '1001a,nosuch' }).execute();
    await seeded.db
      .insertInto('vicidial_inbound_dids')
      .values({ did_pattern: '3125559999', did_description: 'Broken route', did_route: 'CALLMENU', menu_id: 'NOSUCH' })
      .execute();
    try {
      expect((await findProblems(seeded.db)).sort()).toEqual([
        `alias ${STALE_ALIAS_ID}: login ${STALE_LOGIN} has no phone`,
        'alias zz_broken: login nosuch has no phone',
        'did 3125559999: no call menu NOSUCH',
      ]);
    } finally {
      await seeded.db.deleteFrom('phones_alias').where('alias_id', '=', 'zz_broken').execute();
      await seeded.db.deleteFrom('vicidial_inbound_dids').where('did_pattern', '=', '3125559999').execute();
    }
  });
});

test('gives the same rows on every run and on both databases', async () => {
  const runs = await Promise.all((['sqlite', 'sqlite', 'mariadb'] as const).map((kind) => openSeeded(kind, seedDemo)));
  try {
    const [first, second, mariadb] = await Promise.all(runs.map((run) => tableDigests(run.db)));
    expect(second).toEqual(first);
    expect(mariadb).toEqual(first);
  } finally {
    await Promise.all(runs.map((run) => run.close()));
  }
});

test('names the API user as configured (a real VICIdial has its own name for it)', async () => {
  const seeded = await openSeeded('sqlite', (db) => seedDemo(db, { apiUser: 'vicidash_api' }));
  try {
    const apiUsers = await seeded.db.selectFrom('vicidial_users').select('user').where('pass', '=', DEMO_API_PASS).execute();
    expect(apiUsers).toEqual([{ user: 'vicidash_api' }]);
  } finally {
    await seeded.close();
  }
});
