/**
 * The audit tells what happened: the fields a change really changed (not every field the form
 * sent), a copy that was only partly done as such, and a deleted record as it was.
 */
import { API_PATH } from '@vicidash/vicidial-sim';
import { describe, expect, test } from 'vitest';
import { DEMO_PHONE, demoDid, phonePath, vicidialRelay, writeTestApp } from './changes-test-support.js';

describe('only real changes are recorded', () => {
  test('a DID change: the routing block is sent whole, only its changed fields are recorded', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550101');
    expect(did).toMatchObject({ route: 'IN_GROUP', inGroup: 'SALES_EN' });
    const res = await t.send(
      'patch',
      `/api/dids/${did.didId}`,
      { description: did.description, active: !did.active, routing: { route: 'IN_GROUP', inGroup: 'RETENTION' } },
      { version: did.version },
    );
    expect(res.status).toBe(200);
    const [row] = await t.auditRows();
    expect(row?.fields).toEqual({ active: !did.active, routing: { inGroup: 'RETENTION' } });
  });

  test('an alias change: an unchanged list of logins is not recorded', async () => {
    const t = await writeTestApp();
    const alias = await t.records.alias('front_desk');
    const res = await t.send('put', '/api/aliases/front_desk', { name: 'Front desks all', logins: alias?.logins }, { version: alias?.version });
    expect(res.status).toBe(200);
    expect((await t.auditRows())[0]?.fields).toEqual({ name: 'Front desks all' });
  });

  test('a bulk change: each DID records what changed for it', async () => {
    const t = await writeTestApp();
    const [a, b] = [await demoDid(t, '3125550101'), await demoDid(t, '3125550102')];
    expect([a.recordCall, b.recordCall]).not.toContain('Y_QUEUESTOP');
    // a goes to RETENTION first; then both go there, recording to the queue's end.
    expect((await t.send('patch', `/api/dids/${a.didId}`, { routing: { route: 'IN_GROUP', inGroup: 'RETENTION' } }, { version: a.version })).status).toBe(200);
    const res = await t.send('post', '/api/dids/bulk', { dids: [a.didId, b.didId], routing: { route: 'IN_GROUP', inGroup: 'RETENTION' }, recordCall: 'Y_QUEUESTOP' });
    expect(res.status).toBe(200);
    const rows = (await t.auditRows()).slice(1);
    const fieldsOf = (didId: number) => rows.find((row) => row.target.id === String(didId))?.fields;
    expect(fieldsOf(a.didId)).toEqual({ recordCall: 'Y_QUEUESTOP' });
    expect(fieldsOf(b.didId)).toEqual({ recordCall: 'Y_QUEUESTOP', routing: { inGroup: 'RETENTION' } });
  });
});

describe('a copy is audited as what it did', () => {
  test('some new patterns existing already: partly done, with what was added and what was not', async () => {
    const t = await writeTestApp();
    const source = await demoDid(t, '3125550101');
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: source.pattern, newPatterns: ['3125558001', '3125550102'] });
    expect(res.status).toBe(201);
    const [row] = await t.auditRows();
    expect(row).toMatchObject({
      action: 'copy:dids',
      outcome: 'partial',
      result: { code: 'OK', added: 1, alreadyExisting: 1, message: 'Added 1 of 2 new DIDs; not added, as they exist already: 3125550102' },
      after: { added: [{ pattern: '3125558001' }], alreadyExisting: ['3125550102'] },
    });
    // Its history says so too.
    const { agent } = await t.loginAs('supervisor');
    const history = await agent.get(`/api/history/did/${source.didId}`);
    expect(history.body.entries.find((e: { source: string }) => e.source === 'dashboard')).toMatchObject({ outcome: 'partial', summary: row?.result && (row.result as { message: string }).message });
  });

  test('every new pattern added: done', async () => {
    const t = await writeTestApp();
    const source = await demoDid(t, '3125550101');
    expect((await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: source.pattern, newPatterns: ['3125558001'] })).status).toBe(201);
    expect((await t.auditRows())[0]).toMatchObject({ outcome: 'success', result: { code: 'OK', added: 1, alreadyExisting: 0 } });
  });

  test('its answer lost: the new patterns are read again, so the row shows which exist now', async () => {
    const relay = await vicidialRelay({ loseAnswer: (form) => form.has('new_dids') });
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: relay.url } });
    relay.to(`${t.vicidial.url}${API_PATH}`);
    const source = await demoDid(t, '3125550101');
    const res = await t.send('post', `/api/dids/${source.didId}/copy`, { sourcePattern: source.pattern, newPatterns: ['3125558001', '3125558002'] });
    expect(res.status).toBe(502);
    expect(res.body.details).toEqual({ maybeApplied: true });
    const added = await demoDid(t, '3125558002');
    expect((await t.auditRows())[0]).toMatchObject({
      outcome: 'failure',
      result: { code: 'VICIDIAL_UNAVAILABLE', maybeApplied: true },
      after: { existingNow: [{ pattern: '3125558001' }, { pattern: '3125558002', didId: added.didId }], missing: [] },
    });
  });
});

describe('a deletion keeps the record as it was', () => {
  test('DID, phone and alias: the audit row holds it, and the history of the deleted record still answers with it', async () => {
    const t = await writeTestApp();
    const did = await demoDid(t, '3125550101');
    const phone = await t.records.phone(DEMO_PHONE);
    const alias = await t.records.alias('front_desk');
    const deletions = [
      { path: `/api/dids/${did.didId}`, version: did.version, history: `/api/history/did/${did.didId}`, was: { didId: did.didId, pattern: did.pattern, inGroup: did.inGroup } },
      { path: phonePath(DEMO_PHONE), version: phone?.version, history: `/api/history/phone/${DEMO_PHONE.extension}@${DEMO_PHONE.serverIp}`, was: { extension: '1001', login: phone?.login, fullName: phone?.fullName } },
      { path: '/api/aliases/front_desk', version: alias?.version, history: '/api/history/alias/front_desk', was: { aliasId: 'front_desk', logins: alias?.logins } },
    ];
    const { agent } = await t.loginAs('supervisor');
    for (const { path, version, history, was } of deletions) {
      expect((await t.send('delete', path, undefined, { version })).status, path).toBeLessThan(300);
      expect((await t.auditRows()).at(-1), path).toMatchObject({ outcome: 'success', before: was });
      const res = await agent.get(history);
      expect(res.status, history).toBe(200);
      expect(res.body.entries.find((e: { source: string }) => e.source === 'dashboard'), history).toMatchObject({ action: expect.stringMatching(/^delete:/), before: was });
    }
  });
});

describe('what a request carries cannot cost its audit row', () => {
  test("the longest request id a proxy may send is kept whole in the audit, on MariaDB too", async () => {
    const t = await writeTestApp({ dashboardDb: 'mariadb' });
    const did = await demoDid(t, '3125550101');
    const proxyId = `lb-${'7'.repeat(61)}`;
    const res = await t.send('patch', `/api/dids/${did.didId}`, { description: 'Renamed behind a proxy' }, { version: did.version, headers: { 'X-Request-Id': proxyId } });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe(proxyId);
    const [row] = await t.auditRows();
    expect((await t.services.audit.entry(row?.id ?? 0))?.requestId).toBe(proxyId);
  });

  test('a request id longer than the audit keeps is replaced by one of our own, and the change is audited', async () => {
    const t = await writeTestApp({ dashboardDb: 'mariadb' });
    const did = await demoDid(t, '3125550101');
    const res = await t.send('patch', `/api/dids/${did.didId}`, { description: 'Renamed with a long id' }, { version: did.version, headers: { 'X-Request-Id': 'x'.repeat(100) } });
    expect(res.status).toBe(200);
    const rows = await t.auditRows();
    expect(rows).toHaveLength(1);
    const ownId = (await t.services.audit.entry(rows[0]?.id ?? 0))?.requestId;
    expect(ownId).toBe(res.headers['x-request-id']);
    expect(ownId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
