import type { PhoneDetail, PhoneRow } from '@vicidash/contracts/phone';
import type { Selectable } from 'kysely';
import { describe, expect, test } from 'vitest';
import type { VicidialReadModel } from '../vicidial/tables.js';
import { byText, DIALECTS, readTestApp } from './reads-test-support.js';

type StoredPhone = Selectable<VicidialReadModel['phones']>;

const CHICAGO = '10.20.0.11';
const ATLANTA = '10.20.0.12';

describe.each(DIALECTS)('phone reads on %s', (dialect) => {
  const { get, vicidialDb, callVicidial } = readTestApp(dialect);

  /** Every phone as VICIdial holds it, in the list's default order (extension, then server). */
  const stored = async () =>
    ((await vicidialDb().selectFrom('phones').selectAll().execute()) as StoredPhone[]).sort(
      (a, b) => byText(a.extension, b.extension) || byText(a.server_ip, b.server_ip),
    );
  const asRow = (p: StoredPhone): PhoneRow => ({
    extension: p.extension ?? '',
    serverIp: p.server_ip ?? '',
    login: p.login,
    fullName: p.fullname,
    dialplanNumber: p.dialplan_number,
    protocol: p.protocol,
    gmtOffset: p.local_gmt,
    userGroup: p.user_group,
    active: p.active === 'Y',
    status: p.status,
  });
  const keys = (rows: PhoneRow[]) => rows.map((r) => `${r.extension}@${r.serverIp}`);

  test('the default list: by extension then server, with the total', async () => {
    const all = await stored();
    const res = await get('/api/phones?pageSize=10');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ rows: all.slice(0, 10).map(asRow), total: all.length, page: 1, pageSize: 10 });
  });

  test('filters: server, protocol, active', async () => {
    const all = await stored();
    const cases = [
      ['serverIp=10.20.0.12', (p: StoredPhone) => p.server_ip === ATLANTA],
      ['protocol=IAX2', (p: StoredPhone) => p.protocol === 'IAX2'],
      ['active=false', (p: StoredPhone) => p.active !== 'Y'],
      [`serverIp=${CHICAGO}&protocol=SIP&active=true`, (p: StoredPhone) => p.server_ip === CHICAGO && p.protocol === 'SIP' && p.active === 'Y'],
    ] as const;
    for (const [query, keep] of cases) {
      const expected = all.filter(keep).map(asRow);
      expect(expected.length, query).toBeGreaterThan(0);
      expect((await get(`/api/phones?${query}&pageSize=200`)).body, query).toEqual({ rows: expected, total: expected.length, page: 1, pageSize: 200 });
    }
    expect((await get('/api/phones?protocol=PJSIP')).body.total).toBe(0);
  });

  test('search: digits find the start of extensions and dialplan numbers; text the start of logins or part of names', async () => {
    const all = await stored();
    const search = async (text: string) => keys((await get(`/api/phones?search=${encodeURIComponent(text)}&pageSize=200`)).body.rows);
    const expect200 = (keep: (p: StoredPhone) => boolean) => keys(all.filter(keep).map(asRow));

    expect(await search('100')).toEqual(expect200((p) => (p.extension ?? '').startsWith('100') || (p.dialplan_number ?? '').startsWith('100')));
    // On-call mobiles dial out through 9 + the number: found by their dialplan number.
    expect(await search('91312')).toEqual(expect200((p) => (p.dialplan_number ?? '').startsWith('91312')));
    expect(await search('91312')).toHaveLength(1);
    expect(await search('front DESK')).toEqual(['8000@10.20.0.11', '8000@10.20.0.12']);
    expect(await search('2014B')).toEqual(['2014@10.20.0.12']);
    for (const wildcard of ['%', '_', '1_0']) expect(await search(wildcard), wildcard).toEqual([]);
  });

  test('sorts by login backwards, and by protocol as text', async () => {
    const all = await stored();
    const byLogin = (await get('/api/phones?sort=login&order=desc&pageSize=5')).body.rows;
    expect(byLogin).toEqual(
      [...all]
        .sort((a, b) => byText(b.login, a.login) || byText(b.extension, a.extension) || byText(b.server_ip, a.server_ip))
        .slice(0, 5)
        .map(asRow),
    );
    const protocols = ((await get('/api/phones?sort=protocol&pageSize=200')).body.rows as PhoneRow[]).map((r) => r.protocol ?? '');
    expect(protocols).toEqual([...protocols].sort());
    expect(new Set(protocols).size).toBeGreaterThan(2);
  });

  test('the same extension on two servers is two phones', async () => {
    const chicago = (await get(`/api/phones/${CHICAGO}/8000`)).body as PhoneDetail;
    const atlanta = (await get(`/api/phones/${ATLANTA}/8000`)).body as PhoneDetail;
    expect([chicago.fullName, atlanta.fullName]).toEqual(['Front desk Chicago', 'Front desk Atlanta']);
    expect(chicago.listedInAliases).toEqual(['front_desk']);
  });

  test('the detail: every field but the secrets, the aliases listing its login, the version (also as ETag)', async () => {
    const [row] = (await stored()).filter((p) => p.extension === '2014' && p.server_ip === ATLANTA);
    if (!row) throw new Error('the demo has phone 2014 in Atlanta');
    const res = await get(`/api/phones/${ATLANTA}/2014`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...asRow(row),
      voicemailId: row.voicemail_id,
      outboundCallerId: row.outbound_cid,
      outboundAltCallerId: row.outbound_alt_cid,
      email: row.email,
      context: row.phone_context,
      ringTimeout: Number(row.phone_ring_timeout),
      deleteVoicemailAfterEmail: row.delete_vm_after_email === 'Y',
      templateId: row.template_id,
      webphone: row.is_webphone,
      webphoneAutoAnswer: row.webphone_auto_answer === 'Y',
      useExternalServerIp: row.use_external_server_ip === 'Y',
      onHookAgent: row.on_hook_agent === 'Y',
      listedInAliases: ['support_legacy', 'support_t2'],
      version: expect.any(String),
    });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(JSON.stringify(res.body)).not.toContain(row.pass);
    expect(JSON.stringify(res.body)).not.toContain(row.conf_secret);
  });

  test('the version changes with the phone and with its secrets (a stale save must not overwrite a new password)', async () => {
    const path = `/api/phones/${CHICAGO}/5001`;
    const first = (await get(path)).body.version as string;
    expect((await get(path)).body.version).toBe(first);
    await callVicidial({ function: 'update_phone', extension: '5001', server_ip: CHICAGO, phone_pass: 'NewSecret77' });
    const second = (await get(path)).body.version as string;
    expect(second).not.toBe(first);
    await callVicidial({ function: 'update_phone', extension: '5001', server_ip: CHICAGO, registration_password: 'NewReg88' });
    const third = (await get(path)).body.version as string;
    expect(third).not.toBe(second);
    await callVicidial({ function: 'update_phone', extension: '5001', server_ip: CHICAGO, phone_full_name: 'Renamed desk' });
    const after = (await get(path)).body as PhoneDetail;
    expect(after.fullName).toBe('Renamed desk');
    expect(after.version).not.toBe(third);
  });

  test("a phone's aliases, by its login", async () => {
    const res = await get(`/api/phones/${ATLANTA}/2015/aliases`);
    expect(res.status).toBe(200);
    expect(res.body.map((a: { aliasId: string }) => a.aliasId)).toEqual(['support_legacy', 'support_t2']);
    expect(res.body[0]).toEqual({ aliasId: 'support_legacy', name: 'Support desks - before the 2025 move', logins: ['2014b', '2015b', '2017b'], userGroup: '---ALL---' });
    expect((await get(`/api/phones/${CHICAGO}/9001/aliases`)).body.map((a: { aliasId: string }) => a.aliasId)).toEqual(['on_call']);
  });

  test('an unknown phone is 404 with a message (detail and aliases)', async () => {
    for (const path of [`/api/phones/${CHICAGO}/2001`, `/api/phones/${CHICAGO}/2001/aliases`]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: `No phone 2001 on server ${CHICAGO}.` });
    }
  });
});
