import { describe, expect, test } from 'vitest';
import { writeTestApp, type WriteTestApp } from './changes-test-support.js';

const aliasRow = (t: WriteTestApp, aliasId: string) =>
  t.vicidial.db.selectFrom('phones_alias').selectAll().where('alias_id', '=', aliasId).executeTakeFirst();

describe('add an alias', () => {
  test('adds it and answers it with its version; audited', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/aliases', { aliasId: 'night_shift', name: 'Night shift', logins: ['1001a', '2001b'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ aliasId: 'night_shift', name: 'Night shift', logins: ['1001a', '2001b'], unknownLogins: [] });
    expect(res.headers.etag).toBe(`"${res.body.version}"`);
    expect(await aliasRow(t, 'night_shift')).toMatchObject({ logins_list: '1001a,2001b' });
    expect(await t.auditRows()).toMatchObject([
      {
        action: 'create:aliases',
        target: { type: 'alias', id: 'night_shift' },
        outcome: 'success',
        fields: { aliasId: 'night_shift', logins: ['1001a', '2001b'] },
        after: { aliasId: 'night_shift' },
      },
    ]);
  });

  test('a login no phone has is refused by VICIdial, naming it', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/aliases', { aliasId: 'night_shift', name: 'Night shift', logins: ['1001a', 'nobody9'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VICIDIAL_REJECTED', field: 'logins', details: { value: 'nobody9' } });
    expect(await aliasRow(t, 'night_shift')).toBeUndefined();
  });

  test('an existing alias id is 409', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/aliases', { aliasId: 'sales_pod1', name: 'Again', logins: ['1001a'] });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', field: 'aliasId' });
  });
});

describe('change an alias', () => {
  test('replaces the list over the loaded version', async () => {
    const t = await writeTestApp();
    const loaded = await t.records.alias('front_desk');
    const res = await t.send('put', '/api/aliases/front_desk', { logins: ['8000a', '8000b', '7001b'] }, { version: loaded?.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ aliasId: 'front_desk', logins: ['8000a', '8000b', '7001b'] });
    expect(await aliasRow(t, 'front_desk')).toMatchObject({ logins_list: '8000a,8000b,7001b', alias_name: 'Front desks' });
    expect(await t.auditRows()).toMatchObject([
      { action: 'update:aliases', outcome: 'success', before: { logins: ['8000a', '8000b'] }, after: { logins: ['8000a', '8000b', '7001b'] } },
    ]);
  });

  test('never drops a login someone else added meanwhile: 409 with the current list', async () => {
    const t = await writeTestApp();
    const loaded = await t.records.alias('front_desk');
    // Someone else adds a login first.
    const other = await t.send('put', '/api/aliases/front_desk', { logins: ['8000a', '8000b', '7001b'] }, { version: loaded?.version, as: 'supervisor' });
    expect(other.status).toBe(200);
    const logged = (await t.adminLog()).length;

    const mine = await t.send('put', '/api/aliases/front_desk', { logins: ['8000a', '8000b', '7002b'] }, { version: loaded?.version });
    expect(mine.status).toBe(409);
    expect(mine.body).toMatchObject({ code: 'CONFLICT', details: { current: { logins: ['8000a', '8000b', '7001b'], version: other.body.version } } });
    expect(await aliasRow(t, 'front_desk')).toMatchObject({ logins_list: '8000a,8000b,7001b' });
    expect(await t.adminLog()).toHaveLength(logged);
  });

  test('without If-Match: 428, audited', async () => {
    const t = await writeTestApp();
    const res = await t.send('put', '/api/aliases/front_desk', { name: 'Front desks both sites' });
    expect(res.status).toBe(428);
    expect(await t.auditRows()).toMatchObject([
      { action: 'update:aliases', target: { id: 'front_desk' }, outcome: 'failure', fields: { name: 'Front desks both sites' }, result: { code: 'VERSION_REQUIRED' } },
    ]);
  });
});

describe('delete an alias', () => {
  test('deletes it (its phones stay)', async () => {
    const t = await writeTestApp();
    const loaded = await t.records.alias('front_desk');
    const res = await t.send('delete', '/api/aliases/front_desk', undefined, { version: loaded?.version });
    expect(res.status).toBe(204);
    expect(await aliasRow(t, 'front_desk')).toBeUndefined();
    expect(await t.records.phone({ serverIp: '10.20.0.11', extension: '8000' })).toBeDefined();
    expect(await t.auditRows()).toMatchObject([{ action: 'delete:aliases', outcome: 'success', before: { aliasId: 'front_desk' }, after: null }]);
  });

  test('an alias that is gone is 404', async () => {
    const t = await writeTestApp();
    const res = await t.send('delete', '/api/aliases/no_such_alias', undefined, { version: 'x' });
    expect(res.status).toBe(404);
  });
});
