import type { Role } from '@vicidash/contracts/permissions';
import { describe, expect, test } from 'vitest';
import { MASK } from '../audit/mask.js';
import { DEMO_PHONE, demoDid, NEW_PHONE, phonePath, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const revertPath = (entryId: number) => `/api/audit/${entryId}/revert`;
const preview = (t: WriteTestApp, entryId: number, as: Role = 'supervisor') => t.send('get', revertPath(entryId), undefined, { as });
const revert = (t: WriteTestApp, entryId: number, body: object = {}, as?: Role) => t.send('post', revertPath(entryId), body, as ? { as } : {});
/** The newest audit entry: the change just made. */
const lastEntry = async (t: WriteTestApp) => (await t.auditRows()).at(-1) as { id: number; action: string };
const didRow = (t: WriteTestApp, pattern: string) =>
  t.vicidial.db.selectFrom('vicidial_inbound_dids').selectAll().where('did_pattern', '=', pattern).executeTakeFirst();

describe('a DID change', () => {
  test('helpdesk reverts their own: the preview shows field: now → back to; the DID is back as it was, audited as a revert of the entry', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const before = await demoDid(t, '3125550101');
    const change = { description: 'Night line', routing: { route: 'CALLMENU', menuId: 'SALES_IVR' } };
    expect((await t.send('patch', `/api/dids/${before.didId}`, change, { version: before.version })).status).toBe(200);
    const entry = await lastEntry(t);

    const shown = await preview(t, entry.id, 'helpdesk');
    expect(shown.status).toBe(200);
    expect(shown.body.items).toHaveLength(1);
    const [item] = shown.body.items;
    expect(item).toMatchObject({ entryId: entry.id, target: { type: 'did', id: String(before.didId) }, action: 'update:dids', needsSecrets: false });
    expect(item).not.toHaveProperty('blocked');
    expect(item.changes).toEqual(
      expect.arrayContaining([
        { field: 'description', label: 'Description', now: 'Night line', backTo: before.description },
        { field: 'route', label: 'Where calls go', now: 'CALLMENU', backTo: 'IN_GROUP' },
        { field: 'inGroup', label: 'In-group', now: before.inGroup, backTo: before.inGroup },
      ].filter((c) => c.now !== c.backTo)),
    );

    const res = await revert(t, entry.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ results: [{ entryId: entry.id, target: { type: 'did', id: String(before.didId) }, ok: true }] });
    // Routed as before; the call menu the change set stays (unused by the route): the preview said so.
    expect(item.notes).toEqual([`Call menu keeps "SALES_IVR" (it was ${before.menuId ? `"${before.menuId}"` : 'none'}): VICIdial's API cannot empty it, and the route does not use it.`]);
    const { version: _v, menuId: _m, ...settings } = before;
    expect(await demoDid(t, '3125550101')).toMatchObject(settings);
    expect(await t.auditRows()).toMatchObject([
      { action: 'update:dids' },
      { id: expect.any(Number), action: 'update:dids', outcome: 'success', revertOf: entry.id, actor: { username: 'helpdesk' }, after: { description: before.description, route: 'IN_GROUP' } },
    ]);
  });

  test('a DID changed since is 409 naming what moved; nothing is sent', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550101');
    const first = await t.send('patch', `/api/dids/${did.didId}`, { description: 'Night line' }, { version: did.version });
    const entry = await lastEntry(t);
    expect((await t.send('patch', `/api/dids/${did.didId}`, { recordCall: 'N' }, { version: first.body.version })).status).toBe(200);
    const writes = (await t.adminLog()).length;

    const shown = await preview(t, entry.id);
    expect(shown.body.items[0].blocked).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Recording is now "N" (this change left "Y")') });
    const res = await revert(t, entry.id);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', message: `DID 3125550101 has changed since this change: Recording is now "N" (this change left "Y"). Revert the later change first, or change it in its form.` });
    expect(await t.adminLog()).toHaveLength(writes);
    expect((await t.auditRows()).at(-1)).toMatchObject({ outcome: 'failure', revertOf: entry.id, result: { code: 'CONFLICT' } });
  });

  test.each(['sqlite', 'mariadb'] as const)('two reverts of the same entry at once: one applies, the other is 409 already reverted (dashboard on %s)', async (dashboardDb) => {
    const t = await writeTestApp({ dashboardDb });
    const did = await demoDid(t, '3125550101');
    await t.send('patch', `/api/dids/${did.didId}`, { active: false }, { version: did.version });
    const entry = await lastEntry(t);
    const writes = (await t.adminLog()).length;

    const answers = await Promise.all([revert(t, entry.id), revert(t, entry.id)]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    expect(answers.find((res) => res.status === 409)?.body.message).toMatch(/^This change was already reverted, by Test supervisor/);
    expect(await t.adminLog()).toHaveLength(writes + 1);
    expect((await t.auditRows()).filter((row) => row.revertOf === entry.id && row.outcome === 'success')).toHaveLength(1);
  });

  test('a field that had no value before cannot be emptied again: impossible, saying why', async () => {
    const t = await writeTestApp();
    const did = (await t.send('post', '/api/dids', { pattern: '3125559200', routing: { route: 'IN_GROUP', inGroup: 'SALES_EN' } })).body;
    expect(did.campaignId || null).toBeNull();
    await t.send('patch', `/api/dids/${did.didId}`, { routing: { route: 'IN_GROUP', inGroup: 'SALES_EN', campaignId: 'OUTSALES' } }, { version: did.version });
    const res = await revert(t, (await lastEntry(t)).id);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("This change cannot be reverted: Campaign had no value before it, and VICIdial's API cannot empty it again.");
  });
});

describe('DID deletions and additions', () => {
  test('a deleted DID is added back as it was (new DID ID); a second revert finds it exists again', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550102');
    expect((await t.send('delete', `/api/dids/${did.didId}`, undefined, { version: did.version })).status).toBe(204);
    const entry = await lastEntry(t);

    const shown = await preview(t, entry.id);
    expect(shown.body.items[0]).toMatchObject({
      action: 'create:dids',
      notes: [`VICIdial gives it a new DID ID (it was DID ${did.didId}).`, "VICIdial's API cannot set its user group (it was SALES): set it in VICIdial."],
    });
    expect(shown.body.items[0].changes).toContainEqual({ field: 'pattern', label: 'DID number', now: null, backTo: '3125550102' });
    expect((await revert(t, entry.id)).status).toBe(200);
    const back = await demoDid(t, '3125550102');
    const { didId: _old, version: _v, userGroup: _g, ...settings } = did;
    const { didId: newId, version: _nv, userGroup: _ng, ...settingsNow } = back;
    expect(settingsNow).toEqual(settings);
    expect(newId).not.toBe(did.didId);
    expect((await t.auditRows()).at(-1)).toMatchObject({ action: 'create:dids', revertOf: entry.id, target: { id: String(newId) } });
    expect((await revert(t, entry.id)).status).toBe(409);
  });

  test('an added DID is deleted; helpdesk may not (their role deletes no DID), and the preview says so', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    await t.send('post', '/api/dids', { pattern: '3125559100', description: 'Test line', routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' } });
    const entry = await lastEntry(t);
    expect((await preview(t, entry.id, 'helpdesk')).body.items[0].blocked).toEqual({ code: 'FORBIDDEN', message: 'Your role (helpdesk) may not delete DIDs.' });
    expect((await revert(t, entry.id)).status).toBe(403);
    expect(await didRow(t, '3125559100')).toBeDefined();

    expect((await revert(t, entry.id, {}, 'supervisor')).status).toBe(200);
    expect(await didRow(t, '3125559100')).toBeUndefined();
    expect((await t.auditRows()).at(-1)).toMatchObject({ action: 'delete:dids', outcome: 'success', revertOf: entry.id, actor: { username: 'supervisor' } });
  });
});

describe('changes of many DIDs under one request', () => {
  test('a bulk change: each DID back, a result per DID (one changed since: 409 for it alone), from any of its entries', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const dids = await Promise.all(['3125550101', '3125550102', '3125550103'].map((p) => demoDid(t, p)));
    const bulk = await t.send('post', '/api/dids/bulk', { dids: dids.map((d) => d.didId), recordCall: 'Y_QUEUESTOP' });
    expect(bulk.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const rows = (await t.auditRows()).slice(-3);
    const moved = await demoDid(t, '3125550103');
    await t.send('patch', `/api/dids/${moved.didId}`, { description: 'Moved since' }, { version: moved.version });

    const shown = await preview(t, rows[1]?.id as number, 'helpdesk');
    expect(shown.body.items.map((i: { entryId: number }) => i.entryId)).toEqual(rows.map((r) => r.id));
    const res = await revert(t, rows[1]?.id as number);
    expect(res.status).toBe(200);
    expect(res.body.results).toMatchObject([
      { entryId: rows[0]?.id, target: { id: String(dids[0]?.didId) }, ok: true },
      { entryId: rows[1]?.id, target: { id: String(dids[1]?.didId) }, ok: true },
      { entryId: rows[2]?.id, target: { id: String(dids[2]?.didId) }, ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Description is now "Moved since"') } },
    ]);
    for (const did of dids.slice(0, 2)) expect((await demoDid(t, did.pattern)).version).toBe(did.version);
    expect((await demoDid(t, '3125550103')).recordCall).toBe('Y_QUEUESTOP');
  });

  test('a copy: its new DIDs are deleted, a result per DID', async () => {
    const t = await writeTestApp();
    const source = await demoDid(t, '3125550101');
    await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: '3125550101', newPatterns: ['3125558001', '3125558002'], description: 'Copied line' });
    const entry = await lastEntry(t);
    const shown = await preview(t, entry.id);
    expect(shown.body.items.map((i: { action: string; blocked?: unknown }) => [i.action, i.blocked])).toEqual([
      ['delete:dids', undefined],
      ['delete:dids', undefined],
    ]);
    const res = await revert(t, entry.id);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true]);
    expect(await didRow(t, '3125558001')).toBeUndefined();
    expect(await didRow(t, '3125558002')).toBeUndefined();
    expect(await didRow(t, '3125550101')).toBeDefined();
  });
});

describe('aliases', () => {
  test('a change, a deletion (added back as it was) and an addition (deleted) are reverted', async () => {
    const t = await writeTestApp();
    const loaded = await t.records.alias('front_desk');
    await t.send('put', '/api/aliases/front_desk', { name: 'Front desks all', logins: ['8000a'] }, { version: loaded?.version });
    const changed = await lastEntry(t);
    expect((await preview(t, changed.id)).body.items[0].changes).toEqual([
      { field: 'name', label: 'Name', now: 'Front desks all', backTo: 'Front desks' },
      { field: 'logins', label: 'Logins', now: ['8000a'], backTo: ['8000a', '8000b'] },
    ]);
    expect((await revert(t, changed.id)).status).toBe(200);
    expect((await t.records.alias('front_desk'))?.version).toBe(loaded?.version);

    const sales = await t.records.alias('sales_pod1');
    await t.send('delete', '/api/aliases/sales_pod1', undefined, { version: sales?.version });
    expect((await revert(t, (await lastEntry(t)).id)).status).toBe(200);
    expect((await t.records.alias('sales_pod1'))?.version).toBe(sales?.version);

    await t.send('post', '/api/aliases', { aliasId: 'night_shift', name: 'Night shift', logins: ['1001a'] });
    expect((await revert(t, (await lastEntry(t)).id)).status).toBe(200);
    expect(await t.records.alias('night_shift')).toBeUndefined();
    expect((await t.auditRows()).filter((row) => row.revertOf !== undefined).map((row) => row.action)).toEqual(['update:aliases', 'create:aliases', 'delete:aliases']);
  });
});

describe('phones', () => {
  test('a change is reverted; one that set the SIP passwords cannot be, and says why', async () => {
    const t = await writeTestApp();
    const phone = await t.records.phone(DEMO_PHONE);
    await t.send('patch', phonePath(DEMO_PHONE), { fullName: 'Changed desk', ringTimeout: 45 }, { version: phone?.version });
    expect((await revert(t, (await lastEntry(t)).id)).status).toBe(200);
    expect((await t.records.phone(DEMO_PHONE))?.version).toBe(phone?.version);

    const now = await t.records.phone(DEMO_PHONE);
    await t.send('patch', phonePath(DEMO_PHONE), { password: 'Another-Pass-1' }, { version: now?.version });
    const res = await revert(t, (await lastEntry(t)).id);
    expect(res.status).toBe(400);
    expect(res.body.message).toBe("This change cannot be reverted: it set the phone's SIP passwords, which the audit never keeps. Set them in the phone's form.");
  });

  test('a deleted phone comes back only with new SIP passwords, which are never audited in clear', async () => {
    const t = await writeTestApp();
    await t.send('post', '/api/phones', NEW_PHONE);
    const added = await lastEntry(t);
    const phone = await t.records.phone(NEW_PHONE);
    await t.send('delete', phonePath(NEW_PHONE), undefined, { version: phone?.version });
    const deleted = await lastEntry(t);

    const shown = await preview(t, deleted.id);
    expect(shown.body.items[0]).toMatchObject({ action: 'create:phones', needsSecrets: true });
    expect(shown.body.items[0]).not.toHaveProperty('blocked');
    expect(shown.body.items[0].changes).toContainEqual({ field: 'login', label: 'Login', now: null, backTo: '6001a' });
    const refused = await revert(t, deleted.id);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', field: 'secrets.password' });

    const res = await revert(t, deleted.id, { secrets: { password: 'New-Pass-6001', registrationPassword: 'New-Reg-6001' } });
    expect(res.status).toBe(200);
    const back = await t.records.phone(NEW_PHONE);
    const { version: _v, ...settings } = phone as NonNullable<typeof phone>;
    expect(back).toMatchObject(settings);
    expect(await t.records.phoneSecrets(NEW_PHONE)).toEqual({ password: 'New-Pass-6001', registrationPassword: 'New-Reg-6001' });
    const row = (await t.auditRows()).at(-1);
    expect(row).toMatchObject({ action: 'create:phones', revertOf: deleted.id, fields: { password: MASK, registrationPassword: MASK } });
    expect(JSON.stringify(await t.auditRows())).not.toMatch(/New-Pass-6001|New-Reg-6001/);

    // Its addition, reverted now, would delete the phone added back: it is not as that addition left it.
    expect((await revert(t, added.id)).status).toBe(409);
  });
});

describe('who may revert what', () => {
  test("viewers nothing; helpdesk not someone else's change; entries without a revert say so", async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550101');
    await t.send('patch', `/api/dids/${did.didId}`, { active: false }, { version: did.version });
    const entry = await lastEntry(t);

    const viewer = await revert(t, entry.id, {}, 'viewer');
    expect(viewer.status).toBe(403);
    expect(viewer.body.message).toBe('Your role (viewer) may not revert their own DID changes.');
    expect((await preview(t, entry.id, 'viewer')).status).toBe(403);
    const helpdesk = await revert(t, entry.id, {}, 'helpdesk');
    expect(helpdesk.status).toBe(403);
    expect(helpdesk.body.message).toBe('Your role (helpdesk) may not revert changes other people made, or of phones and aliases.');

    await t.send('patch', `/api/dids/${did.didId}`, { active: true }, { version: 'stale' });
    expect((await revert(t, (await lastEntry(t)).id)).body).toMatchObject({ code: 'VALIDATION', message: 'This attempt was not done: there is nothing to revert.' });
    await t.send('post', '/api/servers/refresh', {});
    expect((await revert(t, (await lastEntry(t)).id)).body.message).toBe('This kind of entry (ask servers to rebuild their configuration) has no revert.');
    expect((await revert(t, 999_999)).status).toBe(404);
  });
});
