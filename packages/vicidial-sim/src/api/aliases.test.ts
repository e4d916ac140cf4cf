import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPhoneAlias, updatePhoneAlias } from './aliases.js';
import { loadApiUser } from './auth.js';
import { lineOf, openPhoneFixture, type PhoneFixture } from './phone-test-fixture.js';

// The seed has phone logins 100a, 100b, 101a, lim200 and the alias 'seedalias' (100a,100b).

let fx: PhoneFixture;
beforeEach(async () => {
  fx = await openPhoneFixture();
});
afterEach(async () => {
  await fx.close();
});

const alias = (aliasId: string) =>
  fx.db.selectFrom('phones_alias').selectAll().where('alias_id', '=', aliasId).executeTakeFirst();

const adminLog = () => fx.db.selectFrom('vicidial_admin_log').selectAll().orderBy('admin_log_id').execute();

describe('add_phone_alias', () => {
  it('stores the logins as sent after filtering: spaces gone, duplicates and case kept', async () => {
    const reply = await fx.call(addPhoneAlias, { alias_id: 'desk', alias_name: 'Front desk', phone_logins: '100a, 100A,101a' });
    expect(lineOf(reply)).toBe('SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - 6666|desk|Front desk|100a,100A,101a');
    expect(await alias('desk')).toEqual({ alias_id: 'desk', alias_name: 'Front desk', logins_list: '100a,100A,101a', user_group: '---ALL---' });
    const [log] = await adminLog();
    expect(log).toMatchObject({
      event_section: 'PHONEALIASES',
      event_type: 'ADD',
      record_id: 'desk',
      event_code: 'ADMIN API ADD PHONE ALIAS',
      event_sql: "INSERT INTO phones_alias (alias_id,alias_name,logins_list) values('desk','Front desk','100a,100A,101a')|",
      event_notes: 'phones: 100a,100A,101a',
    });
  });

  it.each(['100a,', ',100a', '100a,,100b'])('reports the empty item of %j as a missing phone', async (logins) => {
    expect(lineOf(await fx.call(addPhoneAlias, { alias_id: 'desk', alias_name: 'x', phone_logins: logins }))).toBe(
      'ERROR: add_phone_alias PHONE DOES NOT EXIST: |6666|',
    );
    expect(await alias('desk')).toBeUndefined();
  });

  it('checks in order: flags, required fields, existing alias, logins (first missing one)', async () => {
    const noAdmin = { ...(await loadApiUser(fx.db, '6666')), astAdminAccess: false };
    expect(lineOf(await fx.call(addPhoneAlias, {}, noAdmin))).toBe(
      'ERROR: add_phone_alias USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES: |6666|0',
    );
    expect(lineOf(await fx.call(addPhoneAlias, { alias_id: 'SEEDALIAS', alias_name: '', phone_logins: 'zz' }))).toBe(
      'ERROR: add_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |6666|SEEDALIAS||zz',
    );
    expect(lineOf(await fx.call(addPhoneAlias, { alias_id: 'SEEDALIAS', alias_name: 'n', phone_logins: 'zz' }))).toBe(
      'ERROR: add_phone_alias PHONE ALIAS ALREADY EXISTS: |6666|SEEDALIAS',
    );
    expect(lineOf(await fx.call(addPhoneAlias, { alias_id: 'new', alias_name: 'n', phone_logins: '100a,nope1,nope2' }))).toBe(
      'ERROR: add_phone_alias PHONE DOES NOT EXIST: |6666|nope1',
    );
    expect(await adminLog()).toEqual([]);
  });

  it('cuts over-long ids and names but echoes them whole; a cut id that collides fails', async () => {
    const id = 'I'.repeat(25);
    const name = 'N'.repeat(60);
    expect(lineOf(await fx.call(addPhoneAlias, { alias_id: id, alias_name: name, phone_logins: '100a' }))).toBe(
      `SUCCESS: add_phone_alias PHONE ALIAS HAS BEEN ADDED - 6666|${id}|${name}|100a`,
    );
    expect(await alias('I'.repeat(20))).toMatchObject({ alias_name: 'N'.repeat(50) });
    // Cut to the same id, a second one breaks the INSERT (the dispatcher answers 500).
    await expect(fx.call(addPhoneAlias, { alias_id: 'I'.repeat(21), alias_name: 'x', phone_logins: '100a' })).rejects.toThrow();
    expect(await adminLog()).toHaveLength(1);
  });
});

describe('update_phone_alias', () => {
  it('replaces the whole logins list', async () => {
    const reply = await fx.call(updatePhoneAlias, { alias_id: 'seedalias', phone_logins: '101a' });
    expect(lineOf(reply)).toBe('SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN UPDATED - 6666|seedalias|');
    expect(await alias('seedalias')).toMatchObject({ alias_name: 'Seed alias', logins_list: '101a' });
  });

  it('writes logins before name in its statement, and notes the logins sent even when ignored', async () => {
    await fx.call(updatePhoneAlias, { alias_id: 'seedalias', alias_name: 'Renamed', phone_logins: '100b' });
    await fx.call(updatePhoneAlias, { alias_id: 'seedalias', alias_name: 'Again', phone_logins: 'x' });
    const logs = await adminLog();
    expect(logs.map((l) => [l.event_code, l.event_sql, l.event_notes])).toEqual([
      ['ADMIN API UPDATE PHONE', "UPDATE phones_alias SET logins_list='100b',alias_name='Renamed' WHERE alias_id='seedalias'|", 'phones: 100b'],
      ['ADMIN API UPDATE PHONE', "UPDATE phones_alias SET alias_name='Again' WHERE alias_id='seedalias'|", 'phones: x'],
    ]);
    expect(await alias('seedalias')).toMatchObject({ alias_name: 'Again', logins_list: '100b' });
  });

  it('checks in order: required fields, existing alias, delete, name (2-50), logins', async () => {
    const calls: [Record<string, string>, string][] = [
      [{ alias_id: 'x', alias_name: 'ok' }, 'ERROR: update_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |6666|x|ok|'],
      [{ alias_id: 'seedalias', phone_logins: 'a', delete_alias: 'y' }, 'ERROR: update_phone_alias YOU MUST USE ALL REQUIRED FIELDS: |6666|seedalias||a'],
      [{ alias_id: 'nosuch', delete_alias: 'Y' }, 'ERROR: update_phone_alias PHONE ALIAS DOES NOT EXIST: |6666|nosuch'],
      [{ alias_id: 'seedalias', alias_name: 'a', phone_logins: 'nope' }, 'ERROR: update_phone_alias YOU MUST USE A VALID ALIAS NAME: |6666|a'],
      [{ alias_id: 'seedalias', alias_name: 'M'.repeat(51) }, `ERROR: update_phone_alias YOU MUST USE A VALID ALIAS NAME: |6666|${'M'.repeat(51)}`],
      [{ alias_id: 'seedalias', alias_name: 'ok', phone_logins: 'nope' }, 'ERROR: update_phone_alias PHONE DOES NOT EXIST: |6666|nope'],
      [{ alias_id: 'seedalias', delete_alias: 'N' }, 'NOTICE: update_phone_alias NO UPDATES DEFINED: |6666|'],
    ];
    for (const [params, expected] of calls) expect(lineOf(await fx.call(updatePhoneAlias, params))).toBe(expected);
    expect(await alias('seedalias')).toMatchObject({ alias_name: 'Seed alias', logins_list: '100a,100b' });
    expect(await adminLog()).toEqual([]);
  });

  it('deletes with delete_alias=Y before checking other fields, and leaves the phones alone', async () => {
    const phonesBefore = await fx.db.selectFrom('phones').selectAll().execute();
    const reply = await fx.call(updatePhoneAlias, { alias_id: 'SeedAlias', delete_alias: 'Y', alias_name: 'x', phone_logins: 'nope' });
    expect(lineOf(reply)).toBe('SUCCESS: update_phone_alias PHONE ALIAS HAS BEEN DELETED - 6666|SeedAlias');
    expect(await alias('seedalias')).toBeUndefined();
    expect(await fx.db.selectFrom('phones').selectAll().execute()).toEqual(phonesBefore);
    const [log] = await adminLog();
    expect(log).toMatchObject({
      event_type: 'DELETE',
      event_code: 'ADMIN API DELETE PHONE ALIAS',
      event_sql: "DELETE FROM phones_alias where alias_id='SeedAlias'|",
      event_notes: '',
    });
  });

  it('answers a delete without ast_delete_phones with a NOTICE', async () => {
    const reply = await fx.call(updatePhoneAlias, { alias_id: 'seedalias', delete_alias: 'Y' }, 'apiupd');
    expect(lineOf(reply)).toBe('NOTICE: update_phone_alias USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES: |apiupd|0');
    expect(await alias('seedalias')).toBeDefined();
  });

  it('answers odd input without crashing', async () => {
    for (const value of ["'; DROP TABLE phones_alias; --", '\u0000€😀', ','.repeat(300), 'a'.repeat(5000)]) {
      const params = { alias_id: value, alias_name: value, phone_logins: value, delete_alias: value };
      expect((await fx.call(addPhoneAlias, params)).status).toBe(200);
      expect((await fx.call(updatePhoneAlias, { ...params, alias_id: 'seedalias' })).status).toBe(200);
    }
  });
});
