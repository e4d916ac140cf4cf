/**
 * A record has one audit identity: only the spelling the audit and the history use reaches it. A
 * spelling VICIdial's database would also match (05 for DID 5, FRONT_DESK for front_desk) is
 * refused, so no change can land in a record without landing in its history.
 */
import { describe, expect, test } from 'vitest';
import { NEW_PHONE, phonePath, writeTestApp, type WriteTestApp } from './changes-test-support.js';

const historyIds = async (t: WriteTestApp, type: string, id: string) => {
  const { agent } = await t.loginAs('supervisor');
  const res = await agent.get(`/api/history/${type}/${encodeURIComponent(id)}`);
  return (res.body.entries as { source: string; action: string }[]).filter((e) => e.source === 'dashboard').map((e) => e.action);
};

describe('a DID is reached only by its DID ID in plain digits', () => {
  test.each(['0x5', '05', '5.0', '+5', '%205', '5%20', '5e0'])('%s is 400 naming the DID ID; the DID is untouched', async (spelling) => {
    const t = await writeTestApp();
    const did = await t.records.didByPattern('3125550101');
    if (!did) throw new Error('no demo DID');
    const path = `/api/dids/${spelling.replace('5', String(did.didId))}`;
    const logged = (await t.adminLog()).length;
    const res = await t.send('patch', path, { description: 'Reached another way' }, { version: did.version });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'didId', message: expect.stringMatching(/^DID ID: /) });
    expect((await t.records.did(did.didId))?.description).toBe(did.description);
    expect(await t.adminLog()).toHaveLength(logged);
    const [row] = await t.auditRows();
    expect(row).toMatchObject({ outcome: 'failure', result: { field: 'didId' } });
    expect(row?.target.id).not.toBe(String(did.didId));

    // The same change under the DID's own ID is made, and is in its history.
    expect((await t.send('patch', `/api/dids/${did.didId}`, { description: 'Reached the one way' }, { version: did.version })).status).toBe(200);
    expect(await historyIds(t, 'did', String(did.didId))).toEqual(['update:dids']);
  });
});

describe('an alias or a phone is reached only under its stored spelling', () => {
  test('an alias ID in another case is 404; nothing changes', async () => {
    const t = await writeTestApp();
    const alias = await t.records.alias('front_desk');
    const res = await t.send('put', '/api/aliases/FRONT_DESK', { name: 'Renamed another way' }, { version: alias?.version });
    expect(res.status).toBe(404);
    expect((await t.records.alias('front_desk'))?.name).toBe('Front desks');
    const deleted = await t.send('delete', '/api/aliases/Front_Desk', undefined, { version: alias?.version });
    expect(deleted.status).toBe(404);
    expect(await t.records.alias('front_desk')).toBeDefined();
    expect((await t.auditRows()).map((row) => row.outcome)).toEqual(['failure', 'failure']);
  });

  test('an extension in another case is 404; nothing changes, no secret is revealed', async () => {
    const t = await writeTestApp();
    const key = { serverIp: NEW_PHONE.serverIp, extension: 'desk_a' };
    expect((await t.send('post', '/api/phones', { ...NEW_PHONE, ...key })).status).toBe(201);
    const phone = await t.records.phone(key);
    const other = { ...key, extension: 'DESK_A' };
    const res = await t.send('patch', phonePath(other), { fullName: 'Renamed another way' }, { version: phone?.version });
    expect(res.status).toBe(404);
    expect((await t.send('post', `${phonePath(other)}/secrets`)).status).toBe(404);
    expect((await t.send('delete', phonePath(other), undefined, { version: phone?.version })).status).toBe(404);
    expect((await t.records.phone(key))?.fullName).toBe(NEW_PHONE.fullName);
    const { agent } = await t.loginAs('viewer');
    expect((await agent.get(phonePath(other))).status).toBe(404);
  });
});
