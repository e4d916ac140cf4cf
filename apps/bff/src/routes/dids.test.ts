import { type DidDetail, type DidRow, didTarget } from '@vicidash/contracts/did';
import type { Selectable } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { VicidialReadModel } from '../vicidial/tables.js';
import { byText, DIALECTS, readTestApp } from './reads-test-support.js';

type StoredDid = Selectable<VicidialReadModel['vicidial_inbound_dids']>;

describe.each(DIALECTS)('DID reads on %s', (dialect) => {
  const { get, vicidialDb, callVicidial } = readTestApp(dialect);

  /** Every DID as VICIdial holds it: the oracle the answers are checked against. */
  const stored = () => vicidialDb().selectFrom('vicidial_inbound_dids').selectAll().orderBy('did_pattern').execute() as Promise<StoredDid[]>;
  const targetOf = (d: StoredDid) =>
    didTarget({
      route: d.did_route,
      extension: d.extension,
      context: d.exten_context,
      voicemailBox: d.voicemail_ext,
      phoneExtension: d.phone,
      serverIp: d.server_ip,
      agentUser: d.user,
      inGroup: d.group_id,
      menuId: d.menu_id,
    });
  const asRow = (d: StoredDid): DidRow => ({
    didId: Number(d.did_id),
    pattern: d.did_pattern,
    description: d.did_description,
    active: d.did_active === 'Y',
    route: d.did_route,
    target: targetOf(d),
    recordCall: d.record_call,
    userGroup: d.user_group,
  });
  const patterns = (rows: { pattern: string }[]) => rows.map((r) => r.pattern);

  test('the default list: the first 50 DIDs by pattern, with their route targets and the total', async () => {
    const all = await stored();
    const res = await get('/api/dids');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: all.slice(0, 50).map(asRow), total: all.length, page: 1, pageSize: 50 });
    // VICIdial's configuration is kept by no browser or proxy; only records carry an ETag (their version).
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers.etag).toBeUndefined();
    expect(res.body.rows.some((row: DidRow) => row.route === 'EXTEN' && row.target?.includes('@'))).toBe(true);
  });

  test('filters combine: route, active, recording', async () => {
    const expected = (await stored()).filter((d) => d.did_route === 'IN_GROUP' && d.did_active === 'Y' && d.record_call === 'Y');
    expect(expected.length).toBeGreaterThan(0);
    const res = await get('/api/dids?route=IN_GROUP&active=true&recordCall=Y&pageSize=200');
    expect(res.body.total).toBe(expected.length);
    expect(res.body.rows).toEqual(expected.map(asRow));

    const inactive = (await stored()).filter((d) => d.did_active !== 'Y');
    expect((await get('/api/dids?active=false&pageSize=200')).body.rows).toEqual(inactive.map(asRow));
  });

  test('route targets: by in-group (its index), by any target, by the target of one route', async () => {
    const all = await stored();
    const sales = all.filter((d) => d.did_route === 'IN_GROUP' && d.group_id === 'SALES_EN');
    const bySales = await get('/api/dids?inGroup=SALES_EN&pageSize=200');
    expect(patterns(bySales.body.rows)).toEqual(patterns(sales.map(asRow)));
    expect(bySales.body.total).toBe(sales.length);

    const mainIvr = all.filter((d) => d.did_route === 'CALLMENU' && d.menu_id === 'MAIN_IVR');
    expect(mainIvr.length).toBeGreaterThan(0);
    expect(patterns((await get('/api/dids?target=main_ivr&pageSize=200')).body.rows)).toEqual(patterns(mainIvr.map(asRow)));

    // Box 5001 takes voicemail and message lines: the route keeps one kind.
    const box = all.filter((d) => ['VOICEMAIL', 'VMAIL_NO_INST'].includes(d.did_route ?? '') && d.voicemail_ext === '5001');
    const voicemail = box.filter((d) => d.did_route === 'VOICEMAIL');
    expect(voicemail.length).toBeGreaterThan(0);
    expect(voicemail.length).toBeLessThan(box.length);
    expect((await get('/api/dids?target=5001&pageSize=200')).body.total).toBe(box.length);
    expect(patterns((await get('/api/dids?route=VOICEMAIL&target=5001&pageSize=200')).body.rows)).toEqual(patterns(voicemail.map(asRow)));
  });

  test('a number finds DIDs holding its digits anywhere (the last four); a longer one also without + and +1', async () => {
    const national = (pattern: string) => pattern.replace(/^\+1?/, '');
    const chicago = (await stored()).filter((d) => national(d.did_pattern).startsWith('312555')).map((d) => d.did_pattern);
    expect(chicago.some((p) => p.startsWith('+1'))).toBe(true);
    expect(chicago.some((p) => !p.startsWith('+'))).toBe(true);
    for (const search of ['312555', '+1312555', '1312555']) {
      const res = await get(`/api/dids?search=${encodeURIComponent(search)}&pageSize=200`);
      expect(patterns(res.body.rows), search).toEqual(chicago);
    }
    const all = (await stored()).map((d) => d.did_pattern);
    for (const digits of ['0101', '5550101']) {
      const holding = all.filter((p) => p.includes(digits));
      expect(holding.filter((p) => !p.startsWith(digits)).length, digits).toBeGreaterThan(0);
      expect(patterns((await get(`/api/dids?search=${digits}&pageSize=200`)).body.rows), digits).toEqual(holding);
    }
    // Four digits are the end of a number: a leading 1 is not read as a country code there.
    const tail = all.filter((p) => p.includes('1555'));
    expect(patterns((await get('/api/dids?search=1555&pageSize=200')).body.rows)).toEqual(tail);
  });

  test('text searches the description too, ignoring case; LIKE wildcards are plain characters', async () => {
    const support = (await stored()).filter((d) => (d.did_description ?? '').toLowerCase().includes('support'));
    expect(support.length).toBeGreaterThan(0);
    const res = await get('/api/dids?search=SUPPORT&pageSize=200');
    expect(patterns(res.body.rows)).toEqual(patterns(support.map(asRow)));
    for (const wildcard of ['%', '_', 'line_', 'Sales%line']) {
      expect((await get(`/api/dids?search=${encodeURIComponent(wildcard)}`)).body.total, wildcard).toBe(0);
    }
  });

  test('sorts by id, route and description, either way; pages never overlap', async () => {
    const all = await stored();
    const byIdDesc = await get('/api/dids?sort=didId&order=desc&pageSize=5');
    expect(byIdDesc.body.rows.map((r: DidRow) => r.didId)).toEqual(
      all
        .map((d) => Number(d.did_id))
        .sort((a, b) => b - a)
        .slice(0, 5),
    );

    const byRoute = (await get('/api/dids?sort=route&pageSize=200')).body.rows as DidRow[];
    const routes = byRoute.map((r) => r.route ?? '');
    expect(routes).toEqual([...routes].sort());

    const inGroup = all
      .filter((d) => d.did_route === 'IN_GROUP')
      .sort((a, b) => byText(a.did_description, b.did_description) || Number(a.did_id) - Number(b.did_id))
      .map(asRow);
    const byDescription = await get('/api/dids?route=IN_GROUP&sort=description&pageSize=200');
    expect(byDescription.body.rows).toEqual(inGroup);
    const backwards = await get('/api/dids?route=IN_GROUP&sort=description&order=desc&pageSize=200');
    expect(backwards.body.rows).toEqual([...inGroup].reverse());

    const pages = await Promise.all([1, 2, 3].map((page) => get(`/api/dids?route=IN_GROUP&sort=description&pageSize=7&page=${page}`)));
    expect(pages.flatMap((p) => p.body.rows)).toEqual(inGroup.slice(0, 21));
    expect(pages.map((p) => p.body.total)).toEqual([inGroup.length, inGroup.length, inGroup.length]);
    const beyond = await get('/api/dids?route=IN_GROUP&page=99');
    expect(beyond.body).toEqual({ rows: [], total: inGroup.length, page: 99, pageSize: 50 });
  });

  test('a bad query is refused naming the field', async () => {
    for (const [query, field] of [
      ['route=NOWHERE', 'route'],
      ['recordCall=maybe', 'recordCall'],
      ['active=yes', 'active'],
      ['sort=target', 'sort'],
      ['pageSize=500', 'pageSize'],
      ['page=0', 'page'],
    ] as const) {
      const res = await get(`/api/dids?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION', field });
    }
  });

  test('the detail holds every field of the route and the version, also as ETag; the version follows changes', async () => {
    const [first] = (await stored()).filter((d) => d.did_route === 'IN_GROUP');
    if (!first) throw new Error('the demo has IN_GROUP DIDs');
    const res = await get(`/api/dids/${first.did_id}`);
    expect(res.status).toBe(200);
    const detail = res.body as DidDetail;
    expect(detail).toMatchObject({
      didId: Number(first.did_id),
      pattern: first.did_pattern,
      route: 'IN_GROUP',
      inGroup: first.group_id,
      callHandleMethod: first.call_handle_method,
      agentSearchMethod: first.agent_search_method,
      listId: Number(first.list_id),
      entryListId: Number(first.entry_list_id),
      campaignId: first.campaign_id,
      phoneCode: first.phone_code,
      filterCleanCidNumber: first.filter_clean_cid_number,
    });
    expect(res.headers.etag).toBe(`"${detail.version}"`);
    expect((await get(`/api/dids/${first.did_id}`)).body.version).toBe(detail.version);

    await callVicidial({ function: 'update_did', did_pattern: first.did_pattern, did_description: 'Changed in VICIdial' });
    const after = (await get(`/api/dids/${first.did_id}`)).body as DidDetail;
    expect(after.description).toBe('Changed in VICIdial');
    expect(after.version).not.toBe(detail.version);
  });

  test('an unknown DID is 404 with a message; a DID ID must be a number', async () => {
    const unknown = await get('/api/dids/999999');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ code: 'NOT_FOUND', message: 'No DID with ID 999999.' });
    expect((await get('/api/dids/abc')).body).toMatchObject({ code: 'VALIDATION', field: 'didId' });
  });

  test("where used: an in-group's and a call menu's DIDs, inactive in-groups included; unknown ones are 404", async () => {
    const all = await stored();
    for (const group of ['SUPPORT_T1', 'PROMO_2023']) {
      const expected = all.filter((d) => d.did_route === 'IN_GROUP' && d.group_id === group);
      expect(expected.length).toBeGreaterThan(0);
      const res = await get(`/api/in-groups/${group}/dids`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ rows: expected.map(asRow), total: expected.length, page: 1, pageSize: 50 });
    }
    const menu = all.filter((d) => d.did_route === 'CALLMENU' && d.menu_id === 'SALES_IVR');
    const res = await get('/api/call-menus/SALES_IVR/dids?sort=didId&order=desc');
    expect(res.body.rows.map((r: DidRow) => r.didId)).toEqual(menu.map((d) => Number(d.did_id)).sort((a, b) => b - a));
    expect(res.body.total).toBe(menu.length);

    expect(await get('/api/in-groups/NO_SUCH_GROUP/dids')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'No in-group NO_SUCH_GROUP.' } });
    expect(await get('/api/call-menus/NO_SUCH_MENU/dids')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'No call menu NO_SUCH_MENU.' } });
  });

  // Last: it deletes targets from VICIdial's tables.
  test('the detail says when the phone, in-group or call menu it routes to is gone; its version does not move', async () => {
    const all = await stored();
    const first = (route: string) => {
      const did = all.find((d) => d.did_route === route);
      if (!did) throw new Error(`the demo has ${route} DIDs`);
      return did;
    };
    const [phone, inGroup, menu, exten] = [first('PHONE'), first('IN_GROUP'), first('CALLMENU'), first('EXTEN')];
    const detail = async (did: StoredDid) => (await get(`/api/dids/${did.did_id}`)).body as DidDetail;
    const before = await Promise.all([phone, inGroup, menu, exten].map(detail));
    expect(before.map((d) => d.targetMissing)).toEqual([false, false, false, false]);

    const db = vicidialDb();
    await db.deleteFrom('phones').where('extension', '=', phone.phone ?? '').where('server_ip', '=', phone.server_ip ?? '').execute();
    await db.deleteFrom('vicidial_inbound_groups').where('group_id', '=', inGroup.group_id ?? '').execute();
    await db.deleteFrom('vicidial_call_menu').where('menu_id', '=', menu.menu_id ?? '').execute();
    const after = await Promise.all([phone, inGroup, menu, exten].map(detail));
    expect(after.map((d) => d.targetMissing)).toEqual([true, true, true, false]);
    expect(after.map((d) => d.version)).toEqual(before.map((d) => d.version));
  });
});
