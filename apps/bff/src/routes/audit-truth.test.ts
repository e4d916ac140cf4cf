/**
 * The audit tells what happened: the fields a change really changed (not every field the form
 * sent), a copy that was only partly done as such, and a deleted record as it was.
 */
import { describe, expect, test } from 'vitest';
import { writeTestApp, type WriteTestApp } from './changes-test-support.js';

const demoDid = async (t: WriteTestApp, pattern: string) => {
  const did = await t.records.didByPattern(pattern);
  if (!did) throw new Error(`no demo DID ${pattern}`);
  return did;
};

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
