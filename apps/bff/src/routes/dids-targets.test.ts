import { describe, expect, test } from 'vitest';
import { writeTestApp, type WriteTestApp } from './changes-test-support.js';

/**
 * A DID is never routed to a phone, in-group or call menu VICIdial does not have: the BFF refuses
 * it before calling VICIdial, in its own words, naming the routing field and the nearest targets.
 * (Demo phones on 10.20.0.11: 1001-1020, 3001-3008, 5001-5004, 8000, 9001.)
 */

const stored = async (t: WriteTestApp, pattern: string) => {
  const did = await t.records.didByPattern(pattern);
  if (!did) throw new Error(`no demo DID ${pattern}`);
  return did;
};

/** The refusal the phone extension 1025 on the Chicago server gets. */
const NO_PHONE_1025 = {
  code: 'VALIDATION',
  field: 'routing.phoneExtension',
  message: 'Phone extension: no phone with extension 1025 on server 10.20.0.11 — did you mean 1020, 1019 or 1018?',
};

describe('add a DID', () => {
  test('routed to a phone that server does not have: refused with the nearest extensions, nothing sent', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'PHONE', phoneExtension: '1025', serverIp: '10.20.0.11' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(NO_PHONE_1025);
    expect(await t.records.didByPattern('3125559001')).toBeUndefined();
    expect(await t.adminLog()).toEqual([]);
    expect(await t.auditRows()).toMatchObject([{ action: 'create:dids', outcome: 'failure', result: { code: 'VALIDATION' } }]);
  });

  test('an existing phone is accepted', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'PHONE', phoneExtension: '1018', serverIp: '10.20.0.11' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ route: 'PHONE', phoneExtension: '1018', serverIp: '10.20.0.11', targetMissing: false });
  });

  test('a server VICIdial does not have: the server IP is at fault', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'PHONE', phoneExtension: '1001', serverIp: '10.20.0.19' } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'VALIDATION',
      field: 'routing.serverIp',
      message: 'Server IP: no server with IP 10.20.0.19 — did you mean 10.20.0.10, 10.20.0.11 or 10.20.0.12?',
    });
  });

  test('an in-group or call menu VICIdial does not have: refused in the dashboard’s words', async () => {
    const t = await writeTestApp();
    const inGroup = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'IN_GROUP', inGroup: 'SALES_FR' } });
    expect(inGroup.status).toBe(400);
    expect(inGroup.body).toEqual({ code: 'VALIDATION', field: 'routing.inGroup', message: 'In-group: no in-group SALES_FR — did you mean SALES_EN, SALES_ES or SUPPORT_T1?' });
    const menu = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'CALLMENU', menuId: 'SALES_MENU' } });
    expect(menu.status).toBe(400);
    expect(menu.body).toEqual({ code: 'VALIDATION', field: 'routing.menuId', message: 'Call menu: no call menu SALES_MENU — did you mean SALES_IVR, SPANISH_IVR or SUPPORT_IVR?' });
    expect(await t.adminLog()).toEqual([]);
  });
});

describe('change a DID', () => {
  test('re-routed to a phone that does not exist: refused, the DID unchanged', async () => {
    const t = await writeTestApp();
    const did = await stored(t, '3125550101');
    const res = await t.send('patch', `/api/dids/${did.didId}`, { routing: { route: 'PHONE', phoneExtension: '1025', serverIp: '10.20.0.11' } }, { version: did.version });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(NO_PHONE_1025);
    expect(await stored(t, '3125550101')).toEqual(did);
    expect(await t.adminLog()).toEqual([]);
  });

  test('to a call menu that does not exist: refused naming the call menu', async () => {
    const t = await writeTestApp();
    const did = await stored(t, '3125550101');
    const res = await t.send('patch', `/api/dids/${did.didId}`, { routing: { route: 'CALLMENU', menuId: 'NOPE' } }, { version: did.version });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'routing.menuId', message: expect.stringMatching(/^Call menu: no call menu NOPE/) });
  });

  test('a change without a routing block is not held up by a stale target', async () => {
    const t = await writeTestApp();
    const did = await stored(t, '4155550101');
    expect(did.route).toBe('PHONE');
    await t.vicidial.db.deleteFrom('phones').where('extension', '=', did.phoneExtension ?? '').where('server_ip', '=', did.serverIp ?? '').execute();
    const res = await t.send('patch', `/api/dids/${did.didId}`, { description: 'Desk moved away' }, { version: did.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: 'Desk moved away', targetMissing: true });
    expect(res.body).toEqual(await stored(t, '4155550101'));
  });
});

describe('bulk change', () => {
  test('to a phone that does not exist: every DID refused with the same message, none sent, each audited', async () => {
    const t = await writeTestApp();
    const patterns = ['3125550101', '3125550102'];
    const res = await t.send('post', '/api/dids/bulk', { dids: [...patterns, 'NOSUCHDID'], routing: { route: 'PHONE', phoneExtension: '1025', serverIp: '10.20.0.11' } });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { did: '3125550101', ok: false, error: NO_PHONE_1025 },
      { did: '3125550102', ok: false, error: NO_PHONE_1025 },
      { did: 'NOSUCHDID', ok: false, error: { code: 'NOT_FOUND', message: 'There is no such DID.' } },
    ]);
    for (const pattern of patterns) expect(await stored(t, pattern)).toMatchObject({ route: 'IN_GROUP' });
    expect(await t.adminLog()).toEqual([]);
    expect(await t.auditRows()).toMatchObject([
      { outcome: 'failure', result: { code: 'VALIDATION' }, before: { pattern: '3125550101' } },
      { outcome: 'failure', result: { code: 'VALIDATION' }, before: { pattern: '3125550102' } },
      { outcome: 'failure', result: { code: 'NOT_FOUND' } },
    ]);
  });

  test('to an existing phone: applied', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids/bulk', { dids: ['3125550101'], routing: { route: 'PHONE', phoneExtension: '8000', serverIp: '10.20.0.12' } });
    expect(res.body.results).toEqual([{ did: '3125550101', ok: true }]);
    expect(await stored(t, '3125550101')).toMatchObject({ route: 'PHONE', phoneExtension: '8000', serverIp: '10.20.0.12', targetMissing: false });
  });
});

describe('copy a DID', () => {
  test('whose phone no longer exists: refused, so no new DID rings nothing', async () => {
    const t = await writeTestApp();
    const source = await stored(t, '4155550101');
    await t.vicidial.db.deleteFrom('phones').where('extension', '=', source.phoneExtension ?? '').where('server_ip', '=', source.serverIp ?? '').execute();
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: source.pattern, newPatterns: ['4155558001'] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'VALIDATION',
      field: 'sourcePattern',
      message: `Source pattern: DID ${source.pattern} routes calls to phone ${source.phoneExtension} on ${source.serverIp}, which VICIdial no longer has: route it elsewhere before copying it`,
    });
    expect(await t.records.didByPattern('4155558001')).toBeUndefined();
  });
});
