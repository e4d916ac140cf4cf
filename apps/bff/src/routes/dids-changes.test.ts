import { AGENT_SEARCH_METHODS, RECORD_CALL_MODES, updateDidRequestSchema } from '@vicidash/contracts/did';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { demoDid, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const didRow = (t: WriteTestApp, pattern: string) =>
  t.vicidial.db.selectFrom('vicidial_inbound_dids').selectAll().where('did_pattern', '=', pattern).executeTakeFirst();

describe('add a DID', () => {
  test('adds it with its route; the audit names it by its new DID ID', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const res = await t.send('post', '/api/dids', {
      pattern: '+13125559000',
      description: 'New sales number',
      recordCall: 'Y',
      routing: { route: 'IN_GROUP', inGroup: 'SALES_EN', listId: 10001, campaignId: 'OUTSALES' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ pattern: '+13125559000', route: 'IN_GROUP', inGroup: 'SALES_EN', listId: 10001, recordCall: 'Y' });
    expect(await didRow(t, '+13125559000')).toMatchObject({ group_id: 'SALES_EN', did_route: 'IN_GROUP' });
    expect(await t.auditRows()).toMatchObject([
      {
        actor: { username: 'helpdesk', role: 'helpdesk' },
        action: 'create:dids',
        target: { type: 'did', id: String(res.body.didId) },
        outcome: 'success',
        fields: { pattern: '+13125559000', routing: { route: 'IN_GROUP', inGroup: 'SALES_EN' } },
      },
    ]);
  });

  test('an existing pattern is 409 naming the pattern', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3125550101', routing: { route: 'CALLMENU', menuId: 'MAIN_IVR' } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'pattern' });
    expect(await t.auditRows()).toMatchObject([{ target: { type: 'did', id: '3125550101' }, outcome: 'failure' }]);
  });

  test('an in-group VICIdial does not know is refused, naming the routing field', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3125559001', routing: { route: 'IN_GROUP', inGroup: 'NO_SUCH_GROUP' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'routing.inGroup', message: expect.stringMatching(/^In-group: no in-group NO_SUCH_GROUP/) });
  });
});

describe('change a DID', () => {
  test('re-routes it over the loaded version', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const did = await demoDid(t, '3125550101');
    const res = await t.send('patch', `/api/dids/${did.didId}`, { routing: { route: 'CALLMENU', menuId: 'SALES_IVR' }, active: false }, { version: did.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ didId: did.didId, route: 'CALLMENU', menuId: 'SALES_IVR', active: false });
    expect(res.body.version).not.toBe(did.version);
    const [logged] = (await t.adminLog()).slice(-1);
    expect(logged).toMatchObject({ event_section: 'DIDS', event_type: 'MODIFY', record_id: String(did.didId) });
    expect(await t.auditRows()).toMatchObject([
      { action: 'update:dids', target: { type: 'did', id: String(did.didId) }, before: { route: 'IN_GROUP' }, after: { route: 'CALLMENU' } },
    ]);
  });

  test('a stale version is 409 with the current DID', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550101');
    expect((await t.send('patch', `/api/dids/${did.didId}`, { recordCall: 'Y_QUEUESTOP' }, { version: did.version })).status).toBe(200);
    const res = await t.send('patch', `/api/dids/${did.didId}`, { recordCall: 'N' }, { version: did.version });
    expect(res.status).toBe(409);
    expect(res.body.details.current).toMatchObject({ didId: did.didId, recordCall: 'Y_QUEUESTOP' });
    expect((await didRow(t, '3125550101'))?.record_call).toBe('Y_QUEUESTOP');
  });
});

describe('the DID after a change is what VICIdial then holds', () => {
  /** Valid changes of every kind: each field alone or together, every route with or without its extras. */
  const routing = fc.oneof(
    fc.record({ route: fc.constant('EXTEN'), extension: fc.constantFrom('8300', '9998811112', 'sales-desk'), context: fc.constantFrom('default', 'from_internal') }),
    fc.record({ route: fc.constantFrom('VOICEMAIL', 'VMAIL_NO_INST'), voicemailBox: fc.constantFrom('8500', '1001', '*97') }),
    // Demo phones: 1001 is on the Chicago server, 2014 on Atlanta's, 8000 on both.
    fc.constantFrom(
      { route: 'PHONE', phoneExtension: '1001', serverIp: '10.20.0.11' },
      { route: 'PHONE', phoneExtension: '2014', serverIp: '10.20.0.12' },
      { route: 'PHONE', phoneExtension: '8000', serverIp: '10.20.0.11' },
      { route: 'PHONE', phoneExtension: '8000', serverIp: '10.20.0.12' },
    ),
    fc.record(
      {
        route: fc.constant('IN_GROUP'),
        inGroup: fc.constantFrom('SALES_EN', 'SUPPORT_T1'),
        callHandleMethod: fc.constantFrom('CID', 'CIDLOOKUP', 'ANI'),
        agentSearchMethod: fc.constantFrom(...AGENT_SEARCH_METHODS),
        listId: fc.integer({ min: 100, max: 99_999_999 }),
        entryListId: fc.integer({ min: 0, max: 99_999 }),
        campaignId: fc.constantFrom('OUTSALES', 'BLENDED'),
        phoneCode: fc.constantFrom('1', '44'),
      },
      { requiredKeys: ['route', 'inGroup'] },
    ),
    fc.record({ route: fc.constant('CALLMENU'), menuId: fc.constantFrom('MAIN_IVR', 'SALES_IVR') }),
    fc.record({ route: fc.constant('AGENT') }),
  );
  const change = fc
    .record(
      {
        description: fc.constantFrom('Main sales line', 'After hours, support'),
        active: fc.boolean(),
        recordCall: fc.constantFrom(...RECORD_CALL_MODES),
        filterCleanCidNumber: fc.constantFrom('1', 'R10'),
        routing,
      },
      { requiredKeys: [] },
    )
    .filter((body) => updateDidRequestSchema.safeParse(body).success);

  test('the answer (never read back) and the audit equal a fresh read of the database, whatever the change', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    await fc.assert(
      fc.asyncProperty(change, async (body) => {
        const before = await demoDid(t, '3125550101');
        const res = await t.send('patch', `/api/dids/${before.didId}`, body, { version: before.version });
        expect(res.status).toBe(200);
        const now = await demoDid(t, '3125550101');
        expect(res.body).toEqual(now);
        expect((await t.auditRows()).at(-1)).toMatchObject({ outcome: 'success', before, after: now });
      }),
      { numRuns: 60 },
    );
    // 60 changes, each checked against the database: more than the default 5 s on a busy machine.
  }, 30_000);

  test('a bulk change audits each DID as VICIdial then holds it', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const patterns = ['3125550101', '3125550102', '2125550101'];
    const res = await t.send('post', '/api/dids/bulk', { dids: patterns, routing: { route: 'CALLMENU', menuId: 'SALES_IVR' }, recordCall: 'Y' });
    expect(res.status).toBe(200);
    const rows = await t.auditRows();
    for (const pattern of patterns) {
      const now = await demoDid(t, pattern);
      expect(rows.find((row) => row.target.id === String(now.didId))?.after).toEqual(now);
    }
  });
});

describe('delete a DID', () => {
  test('supervisors delete it; helpdesk may not', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '2125550101');
    expect((await t.send('delete', `/api/dids/${did.didId}`, undefined, { version: did.version, as: 'helpdesk' })).status).toBe(403);
    const res = await t.send('delete', `/api/dids/${did.didId}`, undefined, { version: did.version });
    expect(res.status).toBe(204);
    expect(await didRow(t, '2125550101')).toBeUndefined();
    expect(await t.auditRows()).toMatchObject([{ action: 'delete:dids', outcome: 'success', before: { pattern: '2125550101' } }]);
  });
});

describe('copy a DID', () => {
  test('to new patterns, reporting the ones that exist already', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const source = await demoDid(t, '3125550101');
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, {
      sourcePattern: '3125550101',
      newPatterns: ['3125558001', '+13125558002', '3125550102'],
      description: 'Copied sales line',
    });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      added: [
        { pattern: '3125558001', didId: expect.any(Number) },
        { pattern: '+13125558002', didId: expect.any(Number) },
      ],
      alreadyExisting: ['3125550102'],
    });
    expect(await didRow(t, '+13125558002')).toMatchObject({ did_route: 'IN_GROUP', group_id: 'SALES_EN', did_description: 'Copied sales line' });
    expect(await t.auditRows()).toMatchObject([
      { action: 'copy:dids', target: { type: 'did', id: String(source.didId) }, outcome: 'partial', result: { code: 'OK', added: 2, alreadyExisting: 1 } },
    ]);
  });

  test('the body must name the DID of the path', async () => {
    const t = await writeTestApp();
    const source = await demoDid(t, '3125550101');
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: '3125550102', newPatterns: ['3125558001'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'sourcePattern' });
    expect(await didRow(t, '3125558001')).toBeUndefined();
  });

  test('when every new pattern exists: 409', async () => {
    const t = await writeTestApp();
    const source = await demoDid(t, '3125550101');
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: '3125550101', newPatterns: ['3125550102'] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'newPatterns' });
  });
});

describe('bulk change', () => {
  test('one result per DID in request order; a failing DID does not stop the others; each audited', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const byId = await demoDid(t, '3125550102');
    const res = await t.send('post', '/api/dids/bulk', {
      dids: ['3125550101', 'NOSUCHDID', byId.didId, '+13125550120'],
      routing: { route: 'IN_GROUP', inGroup: 'RETENTION' },
      recordCall: 'Y',
    });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { did: '3125550101', ok: true },
      { did: 'NOSUCHDID', ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } },
      { did: byId.didId, ok: true },
      { did: '+13125550120', ok: true },
    ]);
    for (const pattern of ['3125550101', '3125550102', '+13125550120']) {
      expect(await didRow(t, pattern)).toMatchObject({ group_id: 'RETENTION', record_call: 'Y' });
    }
    const audit = await t.auditRows();
    expect(audit).toHaveLength(4);
    expect(audit.every((r) => r.action === 'update:dids')).toBe(true);
    expect(audit.filter((r) => r.outcome === 'failure')).toMatchObject([{ target: { type: 'did', id: 'NOSUCHDID' }, result: { code: 'NOT_FOUND' } }]);
    expect(audit.find((r) => r.target.id === String(byId.didId))).toMatchObject({ before: { inGroup: 'SALES_EN' }, after: { inGroup: 'RETENTION' } });
  });

  test('a call menu VICIdial does not have is refused per DID with the routing field', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids/bulk', { dids: ['3125550101', '3125550102'], routing: { route: 'CALLMENU', menuId: 'NO_SUCH_MENU' } });
    expect(res.status).toBe(200);
    expect(res.body.results).toMatchObject([
      { ok: false, error: { code: 'VALIDATION', field: 'routing.menuId' } },
      { ok: false, error: { code: 'VALIDATION', field: 'routing.menuId' } },
    ]);
  });

  test('1,000 DIDs in one request', async () => {
    const t = await writeTestApp();
    const real = (await t.vicidial.db.selectFrom('vicidial_inbound_dids').select('did_pattern').execute()).map((r) => r.did_pattern);
    // Every demo DID, then patterns no DID has, up to the 1,000 a request may hold.
    const refs = [...real, ...Array.from({ length: 1000 - real.length }, (_, i) => `9${String(i).padStart(9, '0')}`)];
    const res = await t.send('post', '/api/dids/bulk', { dids: refs, active: true });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.results.filter((r: { ok: boolean }) => r.ok)).toHaveLength(real.length);
  }, 60_000);
});
