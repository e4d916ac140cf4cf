import type { AliasRow } from '@vicidash/contracts/alias';
import { STALE_ALIAS_ID, STALE_LOGIN } from '@vicidash/vicidial-sim/seeds/demo';
import { describe, expect, test } from 'vitest';
import { byText, DIALECTS, readTestApp } from './reads-test-support.js';

describe.each(DIALECTS)('alias reads on %s', (dialect) => {
  const { get, vicidialDb, callVicidial } = readTestApp(dialect);

  /** Every alias as VICIdial holds it, by id. */
  const stored = async () =>
    (await vicidialDb().selectFrom('phones_alias').selectAll().execute())
      .map((a): AliasRow => ({ aliasId: a.alias_id, name: a.alias_name, logins: (a.logins_list ?? '').split(','), userGroup: a.user_group }))
      .sort((a, b) => byText(a.aliasId, b.aliasId));
  const ids = (rows: AliasRow[]) => rows.map((a) => a.aliasId);
  const list = async (query: string) => (await get(`/api/aliases?${query}`)).body;

  test('the default list: by id, logins split, with the total', async () => {
    const all = await stored();
    expect(await list('pageSize=5')).toEqual({ rows: all.slice(0, 5), total: all.length, page: 1, pageSize: 5 });
    expect(await list('page=2&pageSize=5')).toMatchObject({ rows: all.slice(5, 10), total: all.length });
  });

  test('search looks inside ids, names and logins, ignoring case; wildcards are plain characters', async () => {
    const all = await stored();
    const matching = (text: string) =>
      ids(all.filter((a) => [a.aliasId, a.name ?? '', a.logins.join(',')].some((v) => v.toLowerCase().includes(text.toLowerCase()))));
    for (const text of ['DESK', '2014b', 'pod', 'es_p', 'London/']) {
      const expected = matching(text);
      expect(expected.length, text).toBeGreaterThan(0);
      expect(ids((await list(`search=${encodeURIComponent(text)}`)).rows), text).toEqual(expected);
    }
    for (const wildcard of ['%', 's_les', 'sales%pod']) expect((await list(`search=${encodeURIComponent(wildcard)}`)).total, wildcard).toBe(0);
  });

  test('the member-login filter keeps aliases listing exactly that login (any case, anywhere in the list)', async () => {
    expect(ids((await list('login=2014B')).rows)).toEqual([STALE_ALIAS_ID, 'support_t2']);
    expect(ids((await list('login=1001a')).rows)).toEqual(['sales_pod1']); // first in its list
    expect(ids((await list('login=1006a')).rows)).toEqual(['sales_pod1']); // last
    expect(ids((await list('login=8000b')).rows)).toEqual(['front_desk']);
    expect((await list('login=2014')).total).toBe(0); // part of a login is not a login
    expect((await list('login=200_b')).total).toBe(0);
  });

  test('sorts by name, either way', async () => {
    const all = await stored();
    const byName = [...all].sort((a, b) => byText(a.name, b.name) || byText(a.aliasId, b.aliasId));
    expect(ids((await list('sort=name')).rows)).toEqual(ids(byName));
    expect(ids((await list('sort=name&order=desc')).rows)).toEqual(ids(byName).reverse());
  });

  test('the detail: logins, the ones no phone has, the version (also as ETag) that follows changes', async () => {
    const res = await get(`/api/aliases/${STALE_ALIAS_ID}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      aliasId: STALE_ALIAS_ID,
      name: 'Support desks - before the 2025 move',
      logins: ['2014b', '2015b', STALE_LOGIN],
      userGroup: '---ALL---',
      unknownLogins: [STALE_LOGIN],
      // Each login's phone, for a link to its page.
      phones: [
        { login: '2014b', extension: '2014', serverIp: expect.any(String) },
        { login: '2015b', extension: '2015', serverIp: expect.any(String) },
      ],
      version: expect.any(String),
    });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect((await get('/api/aliases/sales_pod1')).body.unknownLogins).toEqual([]);

    // VICIdial compares logins ignoring case (7001B is phone 7001's login) and keeps a deleted phone's login.
    await callVicidial({ function: 'update_phone_alias', alias_id: 'meeting_rooms', phone_logins: '7001B,7002b' });
    await callVicidial({ function: 'update_phone', extension: '7002', server_ip: '10.20.0.12', delete_phone: 'Y' });
    const changed = (await get('/api/aliases/meeting_rooms')).body;
    expect(changed).toMatchObject({ logins: ['7001B', '7002b'], unknownLogins: ['7002b'] });
    const before = (await get('/api/aliases/front_desk')).body.version;
    await callVicidial({ function: 'update_phone_alias', alias_id: 'front_desk', alias_name: 'Front desks renamed' });
    expect((await get('/api/aliases/front_desk')).body.version).not.toBe(before);
  });

  test('stale logins: every alias listing logins that no phone has', async () => {
    const res = await get('/api/aliases/stale-logins');
    expect(res.status).toBe(200);
    const phones = new Set((await vicidialDb().selectFrom('phones').select('login').execute()).map((p) => (p.login ?? '').toLowerCase()));
    const expected = (await stored())
      .map((a) => ({ aliasId: a.aliasId, name: a.name, staleLogins: a.logins.filter((l) => !phones.has(l.toLowerCase())) }))
      .filter((a) => a.staleLogins.length > 0);
    expect(res.body).toEqual(expected);
    expect(res.body).toContainEqual({ aliasId: STALE_ALIAS_ID, name: 'Support desks - before the 2025 move', staleLogins: [STALE_LOGIN] });
  });

  test('an unknown alias is 404 with a message', async () => {
    expect(await get('/api/aliases/nobody_here')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'No alias nobody_here.' } });
  });
});
