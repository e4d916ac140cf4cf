import type { DidRow } from '@vicidash/contracts/did';
import { API_PATH } from '@vicidash/vicidial-sim';
import { DEMO_API_PASS, DEMO_API_USER } from '@vicidash/vicidial-sim/seeds/demo';
import { describe, expect, test } from 'vitest';
import { CHECK_EVERY_MS, FRESH_WITHIN_MS } from '../vicidial/reader/list-model.js';
import { NEW_PHONE, phonePath, writeTestApp } from './changes-test-support.js';
import { DIALECTS } from './reads-test-support.js';

/**
 * The lists answer from memory (vicidial/reader/list-model.ts): a change through the dashboard
 * shows in the very next list; one made in VICIdial itself within CHECK_EVERY_MS.
 */
describe.each(DIALECTS)('lists stay current, on %s', (dialect) => {
  test('a change through the dashboard shows in the next list read: a DID changed, a phone added and deleted, an alias added', async () => {
    const t = await writeTestApp({ vicidialDb: dialect });
    const { agent } = await t.loginAs('viewer');
    const list = async (path: string) => (await agent.get(path)).body as { rows: Record<string, unknown>[]; total: number };

    const [did] = (await list('/api/dids?search=3125550101')).rows as DidRow[];
    if (!did) throw new Error('the demo has DID 3125550101');
    const version = (await agent.get(`/api/dids/${did.didId}`)).body.version as string;
    expect((await t.send('patch', `/api/dids/${did.didId}`, { description: 'Renamed just now' }, { version })).status).toBe(200);
    expect((await list('/api/dids?search=3125550101')).rows).toMatchObject([{ didId: did.didId, description: 'Renamed just now' }]);
    expect((await list('/api/dids?search=renamed just')).total).toBe(1);

    const phones = (await list('/api/phones?pageSize=1')).total;
    expect((await t.send('post', '/api/phones', NEW_PHONE)).status).toBe(201);
    expect((await list('/api/phones?pageSize=1')).total).toBe(phones + 1);
    expect((await list(`/api/phones?search=${NEW_PHONE.extension}`)).rows).toMatchObject([{ extension: NEW_PHONE.extension, fullName: NEW_PHONE.fullName }]);
    const phoneVersion = (await agent.get(phonePath(NEW_PHONE))).body.version as string;
    expect((await t.send('delete', phonePath(NEW_PHONE), undefined, { version: phoneVersion })).status).toBe(200);
    expect((await list('/api/phones?pageSize=1')).total).toBe(phones);

    expect((await t.send('post', '/api/aliases', { aliasId: 'night_shift', name: 'Night shift', logins: ['1001a'] })).status).toBe(201);
    expect((await list('/api/aliases?login=1001A')).rows.map((a) => a.aliasId)).toContain('night_shift');
  });

  test("a change made in VICIdial itself (its API, not the dashboard's) shows within the check interval", async () => {
    const t = await writeTestApp({ vicidialDb: dialect });
    const { agent } = await t.loginAs('viewer');
    const description = async () => ((await agent.get('/api/dids?search=3125550102')).body.rows as DidRow[])[0]?.description;
    expect(await description()).not.toBe('Renamed in VICIdial');

    const body = new URLSearchParams({ user: DEMO_API_USER, pass: DEMO_API_PASS, source: 'test', function: 'update_did', did_pattern: '3125550102', did_description: 'Renamed in VICIdial' });
    expect(await (await fetch(`${t.vicidial.url}${API_PATH}`, { method: 'POST', body })).text()).toMatch(/^SUCCESS/);
    const changed = Date.now();
    while ((await description()) !== 'Renamed in VICIdial') {
      // Generous for a busy machine: the bound itself is checked with a clock the test moves (list-model.test.ts).
      expect(Date.now() - changed).toBeLessThan(CHECK_EVERY_MS + 2_000);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  test('a DID (its stamp kept), a phone and an alias changed directly in the database show within FRESH_WITHIN_MS', async () => {
    const t = await writeTestApp({ vicidialDb: dialect });
    const { agent } = await t.loginAs('viewer');
    const first = async (path: string) => ((await agent.get(path)).body.rows as Record<string, unknown>[])[0];
    const did = () => first('/api/dids?search=3125550103');
    const phone = () => first('/api/phones?sort=extension&pageSize=1');
    const alias = () => first('/api/aliases?sort=aliasId&pageSize=1');
    const [before, phoneBefore, aliasBefore] = [await did(), await phone(), await alias()];
    const { db } = t.vicidial;
    const modify_stamp = '2020-01-02 03:04:05';
    // A stamp long ago (read by the list first): a list going by stamps would not look at this DID again.
    await db.updateTable('vicidial_inbound_dids').set({ modify_stamp }).where('did_pattern', '=', '3125550103').execute();
    t.services.lists.invalidate();
    expect(await did()).toEqual(before);

    await db.transaction().execute(async (tx) => {
      await tx.updateTable('vicidial_inbound_dids').set({ did_description: 'Changed by a script' }).where('did_pattern', '=', '3125550103').execute();
      // The embedded VICIdial stamps a changed row, as MariaDB does: set back, as a restore would leave it.
      await tx.updateTable('vicidial_inbound_dids').set({ modify_stamp }).where('did_pattern', '=', '3125550103').execute();
      await tx.updateTable('phones').set({ fullname: 'Changed by a script' }).where('extension', '=', String(phoneBefore?.extension)).execute();
      await tx.updateTable('phones_alias').set({ alias_name: 'Changed by a script' }).where('alias_id', '=', String(aliasBefore?.aliasId)).execute();
    });
    const changed = Date.now();
    for (const [read, field] of [[did, 'description'], [phone, 'fullName'], [alias, 'name']] as const) {
      while ((await read())?.[field] !== 'Changed by a script') {
        // Generous for a busy machine, as above.
        expect(Date.now() - changed).toBeLessThan(FRESH_WITHIN_MS + 2_000);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  });
});
