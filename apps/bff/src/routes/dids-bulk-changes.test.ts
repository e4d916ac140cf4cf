import { freePort } from '@vicidash/testkit';
import { API_PATH } from '@vicidash/vicidial-sim';
import { describe, expect, test } from 'vitest';
import { auditTargets } from '../audit/write-audit.js';
import { recordLockKey } from '../store/record-locks.js';
import { sentWrites, vicidialRelay, writeTestApp } from './changes-test-support.js';

/**
 * The DID `gone` is asked for under a pattern no DID has (as if deleted in VICIdial meanwhile:
 * VICIdial answers DID DOES NOT EXIST); the change of the DID `lost` is made but its answer is lost.
 */
const relay = (troubles: { gone: string; lost: string }) =>
  vicidialRelay({
    rewrite: (form) => {
      if (form.get('did_pattern') === troubles.gone) form.set('did_pattern', '9999999999');
    },
    loseAnswer: (form) => form.get('did_pattern') === troubles.lost,
  });

describe('bulk change, batched around its per-DID calls', () => {
  test('each DID gets its own result and audit row, whatever the others do; each found DID is sent once', async () => {
    const proxy = await relay({ gone: '3125550102', lost: '3125550103' });
    const t = await writeTestApp({ role: 'helpdesk', env: { VICIDIAL_API_URL: proxy.url } });
    proxy.to(`${t.vicidial.url}${API_PATH}`);
    const [ok, gone, lost] = await Promise.all(['3125550101', '3125550102', '3125550103'].map((p) => t.records.didByPattern(p)));
    if (!ok || !gone || !lost) throw new Error('demo DIDs missing');
    expect([ok.inGroup, gone.inGroup, lost.inGroup]).not.toContain('RETENTION');

    const routing = { route: 'IN_GROUP', inGroup: 'RETENTION' };
    const res = await t.send('post', '/api/dids/bulk', { dids: [ok.pattern, 'NOSUCHDID', gone.didId, lost.pattern], routing });

    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { did: ok.pattern, ok: true },
      { did: 'NOSUCHDID', ok: false, error: { code: 'NOT_FOUND', message: 'There is no such DID.' } },
      { did: gone.didId, ok: false, error: expect.objectContaining({ code: 'NOT_FOUND', field: 'pattern' }) },
      { did: lost.pattern, ok: false, error: expect.objectContaining({ code: 'VICIDIAL_UNAVAILABLE', details: { maybeApplied: true } }) },
    ]);
    expect(sentWrites(proxy.requests).map((r) => r.form.get('did_pattern')).sort()).toEqual([ok.pattern, gone.pattern, lost.pattern]);

    const audit = await t.auditRows();
    expect(audit.map((row) => row.target.id)).toEqual([String(ok.didId), 'NOSUCHDID', String(gone.didId), String(lost.didId)]);
    expect(audit.every((row) => row.action === 'update:dids' && row.actor.username === 'helpdesk')).toBe(true);
    // Each DID found records what changed for it (all were routed to an in-group already); the one not found, what was sent.
    expect([ok.route, gone.route, lost.route]).toEqual(['IN_GROUP', 'IN_GROUP', 'IN_GROUP']);
    const changed = { routing: { inGroup: 'RETENTION' } };
    expect(audit.map((row) => row.fields)).toEqual([changed, { routing }, changed, changed]);
    const [okRow, noneRow, goneRow, lostRow] = audit;
    // Made: before and after are this DID's own.
    expect(okRow).toMatchObject({ outcome: 'success', result: { code: 'OK' }, before: { didId: ok.didId, inGroup: ok.inGroup }, after: { didId: ok.didId, inGroup: 'RETENTION' } });
    // Not found: nothing sent, nothing before or after.
    expect(noneRow).toMatchObject({ outcome: 'failure', result: { code: 'NOT_FOUND' }, before: null, after: null });
    // Refused by VICIdial: the DID as it was, no after (nothing changed).
    expect(goneRow).toMatchObject({ outcome: 'failure', result: { code: 'NOT_FOUND' }, before: { didId: gone.didId, inGroup: gone.inGroup }, after: null });
    // Answer lost: read back, so the row shows that VICIdial did make the change.
    expect(lostRow).toMatchObject({
      outcome: 'failure',
      result: { code: 'VICIDIAL_UNAVAILABLE', maybeApplied: true },
      before: { didId: lost.didId, inGroup: lost.inGroup },
      after: { didId: lost.didId, inGroup: 'RETENTION' },
    });
    expect((await t.records.did(gone.didId))?.inGroup).toBe(gone.inGroup);
  });

  test("a DID listed by its DID ID and a pattern written in other letter case are found", async () => {
    const t = await writeTestApp();
    const dids = await t.vicidial.db.selectFrom('vicidial_inbound_dids').select(['did_id', 'did_pattern']).orderBy('did_id').execute();
    const lettered = dids.find((d) => /[a-z]/i.test(d.did_pattern));
    const numbered = dids.find((d) => d !== lettered);
    if (!lettered || !numbered) throw new Error('the demo seed has no DID with letters in its pattern');
    const swapped = [...lettered.did_pattern].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join('');
    const res = await t.send('post', '/api/dids/bulk', { dids: [swapped, Number(numbered.did_id)], active: false });
    expect(res.body.results).toEqual([
      { did: swapped, ok: true },
      { did: Number(numbered.did_id), ok: true },
    ]);
    expect((await t.auditRows()).map((row) => row.target.id)).toEqual([String(lettered.did_id), String(numbered.did_id)]);
  });

  test("VICIdial's database down: every DID fails with 503, none is sent, each is audited", async () => {
    const proxy = await relay({ gone: '', lost: '' });
    const t = await writeTestApp({ env: { VICIDIAL_API_URL: proxy.url, VICIDIAL_DB_URL: `mysql://root@127.0.0.1:${await freePort()}/asterisk` } });
    const res = await t.send('post', '/api/dids/bulk', { dids: ['3125550101', 12], active: false });
    expect(res.status).toBe(200);
    expect(res.body.results).toEqual([
      { did: '3125550101', ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } },
      { did: 12, ok: false, error: { code: 'DATABASE_UNAVAILABLE', message: expect.any(String) } },
    ]);
    expect(sentWrites(proxy.requests)).toHaveLength(0);
    expect(await t.auditRows()).toMatchObject([
      { target: { id: '3125550101' }, outcome: 'failure', result: { code: 'DATABASE_UNAVAILABLE' } },
      { target: { id: '12' }, outcome: 'failure', result: { code: 'DATABASE_UNAVAILABLE' } },
    ]);
  });
});

describe('bulk change and single saves of the same DIDs', () => {
  const lockOf = (didId: number) => recordLockKey(auditTargets.did(didId));

  test('a DID another save is changing is waited for, and changed from the state that save left', async () => {
    const t = await writeTestApp({ role: 'helpdesk' });
    const [first, second] = await Promise.all(['3125550101', '3125550102'].map((p) => t.records.didByPattern(p)));
    if (!first || !second) throw new Error('demo DIDs missing');
    // A single save of the first DID is under way: it holds the lock and changes the description.
    const logged = (await t.adminLog()).length;
    const save = await t.services.locks.acquire([lockOf(first.didId)]);
    const bulk = t.send('post', '/api/dids/bulk', { dids: [first.didId, second.didId], recordCall: 'Y' }).then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Nothing of the bulk is sent while the save holds one of its DIDs.
    expect(await t.adminLog()).toHaveLength(logged);
    await t.services.vicidial.updateDid({ did_pattern: first.pattern, did_description: 'Saved meanwhile' });
    await save.release();

    const res = await bulk;
    expect(res.body.results).toEqual([
      { did: first.didId, ok: true },
      { did: second.didId, ok: true },
    ]);
    const rows = await t.auditRows();
    const row = rows.find((r) => r.target.id === String(first.didId));
    expect(row?.before).toMatchObject({ description: 'Saved meanwhile' });
    expect(row?.after).toMatchObject({ description: 'Saved meanwhile', recordCall: 'Y' });
    expect(row?.after).toMatchObject(await t.records.did(first.didId) as object);
  });

  test('a DID held beyond the wait is reported and left unsent; the others are changed', async () => {
    const t = await writeTestApp({ role: 'helpdesk', env: { RECORD_LOCK_WAIT_MS: '200' } });
    const [held, free] = await Promise.all(['3125550101', '3125550102'].map((p) => t.records.didByPattern(p)));
    if (!held || !free) throw new Error('demo DIDs missing');
    const save = await t.services.locks.acquire([lockOf(held.didId)]);
    const res = await t.send('post', '/api/dids/bulk', { dids: [held.pattern, free.pattern], active: false });
    await save.release();
    expect(res.body.results).toEqual([
      { did: held.pattern, ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^Someone else is saving this DID at this moment.*Nothing was sent/) } },
      { did: free.pattern, ok: true },
    ]);
    expect(await t.records.did(held.didId)).toMatchObject({ active: true });
    expect(await t.records.did(free.didId)).toMatchObject({ active: false });
    expect((await t.auditRows()).map((r) => [r.target.id, r.outcome])).toEqual([
      [String(held.didId), 'failure'],
      [String(free.didId), 'success'],
    ]);
  });
});
