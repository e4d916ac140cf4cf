import { describe, expect, test } from 'vitest';
import { MASK } from '../audit/mask.js';
import { DEMO_PHONE, NEW_PHONE, phonePath, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const phoneRow = (t: WriteTestApp, key: { serverIp: string; extension: string }) =>
  t.vicidial.db.selectFrom('phones').selectAll().where('extension', '=', key.extension).where('server_ip', '=', key.serverIp).executeTakeFirst();
const version = async (t: WriteTestApp, key = DEMO_PHONE) => (await t.records.phone(key))?.version as string;
const rebuildFlags = async (t: WriteTestApp) =>
  Object.fromEntries((await t.vicidial.db.selectFrom('servers').select(['server_ip', 'rebuild_conf_files']).execute()).map((s) => [s.server_ip, s.rebuild_conf_files]));

describe('add a phone', () => {
  test('adds it through VICIdial, answers the phone and the servers awaiting a rebuild, audits it with secrets masked', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/phones', NEW_PHONE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ extension: '6001', serverIp: '10.20.0.11', login: '6001a', fullName: 'New desk 6001', active: true });
    expect(res.body.version).toEqual(expect.any(String));
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(res.body).not.toHaveProperty('password');
    // Only the phone's own server builds configuration from it.
    expect(res.body.serversAwaitingRebuild.map((s: { serverIp: string }) => s.serverIp)).toEqual(['10.20.0.11']);
    expect(await rebuildFlags(t)).toEqual({ '10.20.0.10': 'N', '10.20.0.11': 'Y', '10.20.0.12': 'N' });

    expect(await phoneRow(t, NEW_PHONE)).toMatchObject({ login: '6001a', pass: 'Phone-Pass-6001', conf_secret: 'Reg-Secret-6001' });
    const [row, ...others] = await t.auditRows();
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      actor: { username: 'supervisor', role: 'supervisor' },
      action: 'create:phones',
      target: { type: 'phone', id: '6001@10.20.0.11' },
      outcome: 'success',
      fields: { extension: '6001', password: MASK, registrationPassword: MASK },
      result: { code: 'OK' },
      before: null,
      after: { extension: '6001', login: '6001a' },
    });
    expect(JSON.stringify(row)).not.toMatch(/Phone-Pass-6001|Reg-Secret-6001/);
  });

  test('a login another phone uses is 409 naming the login; audited as a failure', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/phones', { ...NEW_PHONE, login: '1001a' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'login', message: 'This phone login is already used by another phone.' });
    expect(await phoneRow(t, NEW_PHONE)).toBeUndefined();
    expect(await t.auditRows()).toMatchObject([{ action: 'create:phones', outcome: 'failure', result: { code: 'CONFLICT', field: 'login' } }]);
  });

  test('a role without create:phones is refused before anything is sent', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const before = (await t.adminLog()).length;
    const res = await t.send('post', '/api/phones', NEW_PHONE);
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'Your role (helpdesk) may not add phones.' });
    expect(await t.adminLog()).toHaveLength(before);
  });
});

describe('change a phone', () => {
  test('sends only the fields that differ from the stored phone', async () => {
    const t = await writeTestApp();
    const stored = await t.records.phone(DEMO_PHONE);
    const res = await t.send(
      'patch',
      phonePath(DEMO_PHONE),
      { fullName: 'Renamed desk', dialplanNumber: stored?.dialplanNumber, gmtOffset: stored?.gmtOffset, active: true, ringTimeout: 33 },
      { version: stored?.version },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fullName: 'Renamed desk', ringTimeout: 33 });
    expect(res.body.version).not.toBe(stored?.version);
    expect(res.body.serversAwaitingRebuild.map((s: { serverIp: string }) => s.serverIp)).toEqual(['10.20.0.11']);

    const [logged] = (await t.adminLog()).slice(-1);
    expect(logged?.event_sql).toContain("fullname='Renamed desk'");
    expect(logged?.event_sql).toContain("phone_ring_timeout='33'");
    expect(logged?.event_sql).not.toMatch(/dialplan_number|local_gmt|active=/);

    const [row] = await t.auditRows();
    expect(row).toMatchObject({
      action: 'update:phones',
      target: { type: 'phone', id: '1001@10.20.0.11' },
      outcome: 'success',
      fields: { fullName: 'Renamed desk', ringTimeout: 33 },
      before: { fullName: stored?.fullName, version: stored?.version },
      after: { fullName: 'Renamed desk', version: res.body.version },
    });
    expect(Object.keys(row?.fields as object).sort()).toEqual(['fullName', 'ringTimeout']);
  });

  test('a request that changes nothing is refused before VICIdial is called', async () => {
    const t = await writeTestApp();
    const stored = await t.records.phone(DEMO_PHONE);
    const logged = (await t.adminLog()).length;
    const res = await t.send('patch', phonePath(DEMO_PHONE), { fullName: stored?.fullName, active: stored?.active }, { version: stored?.version });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Nothing to change/) });
    expect(await t.adminLog()).toHaveLength(logged);
    expect(await t.auditRows()).toMatchObject([{ action: 'update:phones', outcome: 'failure', fields: {}, result: { code: 'VALIDATION' } }]);
  });

  test('null clears a field with --BLANK-- where VICIdial supports it', async () => {
    const t = await writeTestApp();
    const res = await t.send('patch', phonePath(DEMO_PHONE), { context: null, templateId: null }, { version: await version(t) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ context: '', templateId: '' });
    expect(await phoneRow(t, DEMO_PHONE)).toMatchObject({ phone_context: '', template_id: '' });
    const [logged] = (await t.adminLog()).slice(-1);
    expect(logged?.event_sql).toContain("phone_context=''");
    expect(await t.auditRows()).toMatchObject([{ fields: { context: null, templateId: null } }]);
  });

  test('fields VICIdial cannot clear are refused, naming the field and why', async () => {
    const t = await writeTestApp();
    const res = await t.send('patch', phonePath(DEMO_PHONE), { outboundAltCallerId: null }, { version: await version(t) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'outboundAltCallerId', message: expect.stringMatching(/cannot be cleared \(VICIdial refuses/) });
  });

  test('a secret equal to the stored one is not sent; a new one is, and never audited in clear', async () => {
    const t = await writeTestApp();
    const row = await phoneRow(t, DEMO_PHONE);
    const res = await t.send('patch', phonePath(DEMO_PHONE), { password: row?.pass ?? '', registrationPassword: 'New-Reg-Secret-1' }, { version: await version(t) });
    expect(res.status).toBe(200);
    const [logged] = (await t.adminLog()).slice(-1);
    expect(logged?.event_sql).toContain("conf_secret='New-Reg-Secret-1'");
    expect(logged?.event_sql).not.toContain(' ,pass=');
    const audit = await t.auditRows();
    expect(audit).toMatchObject([{ fields: { registrationPassword: MASK } }]);
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`New-Reg-Secret-1|${row?.pass}`));
  });

  test('a value VICIdial refuses is 400 naming the field; nothing changes', async () => {
    const t = await writeTestApp();
    const res = await t.send('patch', phonePath(DEMO_PHONE), { templateId: 'NO_SUCH_TPL' }, { version: await version(t) });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'VICIDIAL_REJECTED', field: 'templateId', message: 'There is no phone template with this ID.' });
    expect(await t.auditRows()).toMatchObject([
      { outcome: 'failure', fields: { templateId: 'NO_SUCH_TPL' }, result: { code: 'VICIDIAL_REJECTED', field: 'templateId' } },
    ]);
  });

  test('a stale version is 409 with the current values, nothing sent; a missing If-Match is 428', async () => {
    const t = await writeTestApp();
    const loaded = await version(t);
    expect((await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'First save' }, { version: loaded })).status).toBe(200);
    const logged = (await t.adminLog()).length;

    const stale = await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'Second save' }, { version: loaded });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { current: { fullName: 'First save', version: await version(t) } } });

    const unversioned = await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'Third save' });
    expect(unversioned.status).toBe(428);
    expect(unversioned.body.code).toBe('VERSION_REQUIRED');

    expect(await t.adminLog()).toHaveLength(logged);
    expect((await phoneRow(t, DEMO_PHONE))?.fullname).toBe('First save');
    expect((await t.auditRows()).map((r) => [r.outcome, (r.result as { code: string }).code])).toEqual([
      ['success', 'OK'],
      ['failure', 'CONFLICT'],
      ['failure', 'VERSION_REQUIRED'],
    ]);
  });

  test("a password someone else changed makes a stale save 409: the new secrets are not overwritten", async () => {
    const t = await writeTestApp();
    const loaded = await version(t);
    // Someone else sets new secrets (another tool, VICIdial's admin screen): through VICIdial's API.
    const other = await fetch(`${t.vicidial.url}/vicidial/non_agent_api.php`, {
      method: 'POST',
      body: new URLSearchParams({ source: 'test', user: t.config.VICIDIAL_API_USER, pass: t.config.VICIDIAL_API_PASS, function: 'update_phone', extension: DEMO_PHONE.extension, server_ip: DEMO_PHONE.serverIp, phone_pass: 'Someone-Elses-1', registration_password: 'Someone-Elses-2' }),
    });
    expect(await other.text()).toMatch(/^SUCCESS/);

    const stale = await t.send('patch', phonePath(DEMO_PHONE), { password: 'My-Stale-Pass-1' }, { version: loaded });
    expect(stale.status).toBe(409);
    expect(await phoneRow(t, DEMO_PHONE)).toMatchObject({ pass: 'Someone-Elses-1', conf_secret: 'Someone-Elses-2' });
    // The 409's current values carry the new version, never the secrets.
    expect(stale.body.details.current.version).toBe(await version(t));
    expect(JSON.stringify(stale.body)).not.toMatch(/Someone-Elses/);
  });

  test('a phone that no longer exists is 404', async () => {
    const t = await writeTestApp();
    const res = await t.send('patch', phonePath({ serverIp: '10.20.0.11', extension: '9999' }), { fullName: 'Ghost' }, { version: 'any' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('delete a phone', () => {
  test('deletes it, says which aliases still list its login and which servers await a rebuild', async () => {
    const t = await writeTestApp();
    const stored = await t.records.phone(DEMO_PHONE);
    const res = await t.send('delete', phonePath(DEMO_PHONE), undefined, { version: stored?.version });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      deleted: DEMO_PHONE,
      stillListedInAliases: ['sales_pod1'],
      serversAwaitingRebuild: [expect.objectContaining({ serverIp: '10.20.0.11' })],
    });
    expect(await phoneRow(t, DEMO_PHONE)).toBeUndefined();
    expect(await t.auditRows()).toMatchObject([
      { action: 'delete:phones', outcome: 'success', before: { extension: '1001', login: '1001a' }, after: null },
    ]);
  });

  test('needs the current version', async () => {
    const t = await writeTestApp();
    const res = await t.send('delete', phonePath(DEMO_PHONE), undefined, { version: 'outdated' });
    expect(res.status).toBe(409);
    expect(await phoneRow(t, DEMO_PHONE)).toBeDefined();
  });
});

describe('reveal SIP secrets', () => {
  test('supervisors see them; every reveal is audited without the secrets', async () => {
    const t = await writeTestApp();
    const row = await phoneRow(t, DEMO_PHONE);
    const res = await t.send('post', `${phonePath(DEMO_PHONE)}/secrets`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ password: row?.pass, registrationPassword: row?.conf_secret });
    const audit = await t.auditRows();
    expect(audit).toMatchObject([{ action: 'reveal:secrets', target: { type: 'phone', id: '1001@10.20.0.11' }, outcome: 'success' }]);
    expect(JSON.stringify(audit)).not.toContain(String(row?.pass));
  });

  test('helpdesk and viewers may not', async () => {
    const t = await writeTestApp();
    for (const role of ['helpdesk', 'viewer'] as const) {
      const res = await t.send('post', `${phonePath(DEMO_PHONE)}/secrets`, undefined, { as: role });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'FORBIDDEN', message: `Your role (${role}) may not see SIP passwords.` });
    }
  });

  test('an unknown phone is 404, audited', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', `${phonePath({ serverIp: '10.20.0.11', extension: '9999' })}/secrets`);
    expect(res.status).toBe(404);
    expect(await t.auditRows()).toMatchObject([{ action: 'reveal:secrets', outcome: 'failure', result: { code: 'NOT_FOUND' } }]);
  });
});
