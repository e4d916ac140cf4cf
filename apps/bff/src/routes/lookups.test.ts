import { TIME_ZONES } from '@vicidash/contracts/lookups';
import { describe, expect, test } from 'vitest';
import { byText, DIALECTS, readTestApp } from './reads-test-support.js';

describe.each(DIALECTS)('lookups and servers on %s', (dialect) => {
  const { get, vicidialDb, callVicidial } = readTestApp(dialect);
  const db = () => vicidialDb();

  test('servers, in-groups (inactive flagged), call menus, campaigns, templates, user groups: what VICIdial holds, by id', async () => {
    const servers = await db().selectFrom('servers').selectAll().execute();
    expect((await get('/api/lookups/servers')).body).toEqual(
      servers
        .sort((a, b) => byText(a.server_id, b.server_id))
        .map((s) => ({ serverId: s.server_id, serverIp: s.server_ip, description: s.server_description, active: s.active === 'Y' })),
    );

    const groups = (await get('/api/lookups/in-groups')).body;
    const storedGroups = await db().selectFrom('vicidial_inbound_groups').select(['group_id', 'group_name', 'active']).execute();
    expect(groups).toEqual(
      storedGroups.sort((a, b) => byText(a.group_id, b.group_id)).map((g) => ({ groupId: g.group_id, name: g.group_name, active: g.active === 'Y' })),
    );
    expect(groups).toContainEqual({ groupId: 'PROMO_2023', name: 'Spring promo 2023 - retired', active: false });

    const menus = await db().selectFrom('vicidial_call_menu').select(['menu_id', 'menu_name']).execute();
    expect((await get('/api/lookups/call-menus')).body).toEqual(
      menus.sort((a, b) => byText(a.menu_id, b.menu_id)).map((m) => ({ menuId: m.menu_id, name: m.menu_name })),
    );
    expect((await get('/api/lookups/campaigns')).body).toContainEqual({ campaignId: 'SURVEY', name: 'Post-call survey', active: false });
    expect((await get('/api/lookups/campaigns')).body).toHaveLength(4);

    const templates = await db().selectFrom('vicidial_conf_templates').select(['template_id', 'template_name']).execute();
    expect((await get('/api/lookups/templates')).body).toEqual(
      templates.sort((a, b) => byText(a.template_id, b.template_id)).map((t) => ({ templateId: t.template_id, name: t.template_name })),
    );
    expect((await get('/api/lookups/user-groups')).body).toEqual(
      expect.arrayContaining([
        { userGroup: 'SALES', name: 'Sales floor' },
        { userGroup: 'SUPPORT', name: 'Support floor' },
      ]),
    );
  });

  test('user groups: one entry per group, though VICIdial has no key against a second row of one', async () => {
    await db().insertInto('vicidial_user_groups').values({ user_group: 'SALES', group_name: 'Sales floor (copy)' }).execute();
    try {
      const sales = (await get('/api/lookups/user-groups')).body.filter((g: { userGroup: string }) => g.userGroup === 'SALES');
      // VICIdial itself reads the first row of a group.
      expect(sales).toEqual([{ userGroup: 'SALES', name: 'Sales floor' }]);
    } finally {
      await db().deleteFrom('vicidial_user_groups').where('group_name', '=', 'Sales floor (copy)').execute();
    }
  });

  test('phone logins: those starting with the search, alphabetically, at most the limit', async () => {
    const logins = (await db().selectFrom('phones').select(['login', 'extension', 'server_ip']).execute())
      .map((p) => p.login ?? '')
      .sort(byText);
    const res = await get('/api/lookups/phone-logins?search=20&limit=5');
    expect(res.status).toBe(200);
    expect(res.body.map((p: { login: string }) => p.login)).toEqual(logins.filter((l) => l.startsWith('20')).slice(0, 5));
    expect(res.body[0]).toEqual({ login: '2001b', extension: '2001', serverIp: '10.20.0.12', fullName: expect.any(String) });

    expect((await get('/api/lookups/phone-logins?search=800')).body.map((p: { login: string }) => p.login)).toEqual(['8000a', '8000b']);
    expect((await get('/api/lookups/phone-logins?search=8000B')).body.map((p: { login: string }) => p.login)).toEqual(['8000b']);
    expect((await get('/api/lookups/phone-logins')).body).toHaveLength(20);
    expect((await get('/api/lookups/phone-logins?search=_')).body).toEqual([]);
    expect((await get('/api/lookups/phone-logins?limit=500')).body).toMatchObject({ code: 'VALIDATION', field: 'limit' });
  });

  test('time zones: every offset VICIdial accepts', async () => {
    expect((await get('/api/lookups/time-zones')).body).toEqual(TIME_ZONES);
  });

  test('servers awaiting a rebuild: those a phone change flagged; after a refresh, only those that generate configuration', async () => {
    expect((await get('/api/servers/rebuild')).body).toEqual([]);
    await callVicidial({ function: 'update_phone', extension: '2002', server_ip: '10.20.0.12', phone_full_name: 'Moved desk' });
    expect((await get('/api/servers/rebuild')).body).toEqual([{ serverId: 'ast2', serverIp: '10.20.0.12', description: 'Telephony 2 - Atlanta', active: true }]);

    await callVicidial({ function: 'server_refresh', stage: 'REFRESH' });
    expect((await db().selectFrom('servers').select('server_id').where('rebuild_conf_files', '=', 'Y').execute()).map((s) => s.server_id).sort()).toEqual([
      'ast1',
      'ast2',
      'web1',
    ]);
    expect((await get('/api/servers/rebuild')).body.map((s: { serverId: string }) => s.serverId)).toEqual(['ast1', 'ast2']);
  });
});
