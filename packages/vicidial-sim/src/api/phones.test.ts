import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiUser } from './context.js';
import { lineOf, openPhoneFixture, type PhoneFixture } from './phone-test-fixture.js';
import { addPhone, updatePhone } from './phones.js';

// The seed (conformance/seed.sql): phones 100 (login 100a) and 101 (100b) and 200 (lim200, group
// OTHER) on 10.10.10.15, 102 (101a) on 10.10.10.16; 10.10.10.17 generates no configuration.

let fx: PhoneFixture;
beforeEach(async () => {
  fx = await openPhoneFixture();
});
afterEach(async () => {
  await fx.close();
});

const newPhone = (overrides: Record<string, string> = {}) => ({
  extension: '500',
  dialplan_number: '500',
  voicemail_id: '500',
  phone_login: '500a',
  phone_pass: 'pass500',
  server_ip: '10.10.10.15',
  protocol: 'SIP',
  registration_password: 'reg500',
  phone_full_name: 'Phone 500',
  local_gmt: '-5.00',
  outbound_cid: '3125550500',
  ...overrides,
});

const phone100 = (edits: Record<string, string>) => ({ extension: '100', server_ip: '10.10.10.15', ...edits });

const phoneRow = (extension: string, serverIp = '10.10.10.15') =>
  fx.db.selectFrom('phones').selectAll().where('extension', '=', extension).where('server_ip', '=', serverIp).executeTakeFirst();

const adminLogCount = async () => (await fx.db.selectFrom('vicidial_admin_log').select('admin_log_id').execute()).length;

const flaggedServers = async () =>
  (await fx.db.selectFrom('servers').select('server_ip').where('rebuild_conf_files', '=', 'Y').orderBy('server_ip').execute()).map(
    (s) => s.server_ip,
  );

async function userWith(flags: Partial<ApiUser>): Promise<ApiUser> {
  const { loadApiUser } = await import('./auth.js');
  return { ...(await loadApiUser(fx.db, '6666')), ...flags };
}

describe('user flags', () => {
  it.each([
    ['no API access', { vdcAgentApiAccess: false }],
    ['no ast_admin_access', { astAdminAccess: false }],
    ['level 7', { userLevel: 7 }],
  ])('refuses every phone write with %s', async (_, flags) => {
    const user = await userWith(flags);
    expect(lineOf(await fx.call(addPhone, newPhone(), user))).toBe(
      'ERROR: add_phone USER DOES NOT HAVE PERMISSION TO ADD PHONES: |6666|0',
    );
    expect(lineOf(await fx.call(updatePhone, phone100({ delete_phone: 'Y' }), user))).toBe(
      'ERROR: update_phone USER DOES NOT HAVE PERMISSION TO UPDATE PHONES: |6666|0',
    );
    expect(await phoneRow('100')).toBeDefined();
  });

  it('answers a delete without ast_delete_phones with a NOTICE and keeps the phone', async () => {
    const user = await userWith({ astDeletePhones: false });
    const reply = await fx.call(updatePhone, phone100({ delete_phone: 'Y', local_gmt: '13' }), user);
    expect(lineOf(reply)).toBe('NOTICE: update_phone USER DOES NOT HAVE PERMISSION TO DELETE PHONES: |6666|0');
    expect(await phoneRow('100')).toBeDefined();
    expect(await adminLogCount()).toBe(0);
  });
});

describe('add_phone', () => {
  it('writes the row, the admin log and the rebuild flag of its server only', async () => {
    const reply = await fx.call(addPhone, newPhone({ template_id: 'SIP_generic', is_webphone: 'y', admin_user_group: 'ADMIN' }));
    expect(lineOf(reply)).toBe('SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|500|10.10.10.15|SIP|500');
    expect(await phoneRow('500')).toMatchObject({
      login: '500a',
      conf_secret: 'reg500',
      template_id: 'SIP_generic',
      is_webphone: 'Y',
      user_group: 'ADMIN',
      phone_context: 'default',
      email: '',
      install_directory: '/usr/local/perl_TK',
    });
    const log = await fx.db.selectFrom('vicidial_admin_log').selectAll().executeTakeFirstOrThrow();
    expect(log.event_sql).toBe(
      "INSERT INTO phones SET  extension='500', dialplan_number='500', voicemail_id='500', login='500a', pass='pass500', " +
        "server_ip='10.10.10.15', protocol='SIP', conf_secret='reg500', fullname='Phone 500', local_gmt='-5.00', " +
        "outbound_cid='3125550500', phone_context='default', email='', active='Y', status='ACTIVE', user_group='ADMIN' " +
        ",is_webphone='y'   ,template_id='SIP_generic' |",
    );
    expect(await flaggedServers()).toEqual(['10.10.10.15']);
  });

  it('does not flag a server that generates no configuration', async () => {
    await fx.db.updateTable('servers').set({ rebuild_conf_files: 'N' }).execute();
    await fx.call(addPhone, newPhone({ server_ip: '10.10.10.17' }));
    expect(await phoneRow('500', '10.10.10.17')).toBeDefined();
    expect(await flaggedServers()).toEqual([]);
  });

  it('checks in order: required fields, server, extension, login, time zone, template', async () => {
    const calls: [Record<string, string>, string][] = [
      [newPhone({ protocol: 'PJSIP', server_ip: '10.9.9.9' }), 'YOU MUST USE ALL REQUIRED FIELDS: |6666|500|500|500|500a|pass500|10.9.9.9|PJSIP|reg500|Phone 500|-5.00|3125550500'],
      [newPhone({ server_ip: '10.9.9.9', extension: '100' }), 'SERVER DOES NOT EXIST: |6666|10.9.9.9'],
      [newPhone({ extension: '100', phone_login: '100b', local_gmt: '13' }), 'PHONE ALREADY EXISTS ON THIS SERVER: |6666|10.10.10.15|100'],
      [newPhone({ phone_login: '101A', local_gmt: '13' }), 'PHONE LOGIN ALREADY EXISTS: |6666|101A'],
      [newPhone({ local_gmt: '13', template_id: 'NOSUCH' }), 'YOU MUST USE A VALID TIMEZONE: |6666|13'],
      [newPhone({ template_id: 'NOSUCH' }), 'TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6666|500a|NOSUCH'],
    ];
    for (const [params, expected] of calls) expect(lineOf(await fx.call(addPhone, params))).toBe(`ERROR: add_phone ${expected}`);
    expect(await phoneRow('500')).toBeUndefined();
    expect(await adminLogCount()).toBe(0);
  });

  it('finds an existing extension whatever its case', async () => {
    await fx.call(addPhone, newPhone({ extension: 'abc', phone_login: 'abc1' }));
    expect(lineOf(await fx.call(addPhone, newPhone({ extension: 'ABC', phone_login: 'abc2' })))).toBe(
      'ERROR: add_phone PHONE ALREADY EXISTS ON THIS SERVER: |6666|10.10.10.15|ABC',
    );
  });

  it('cuts over-long values to their columns but echoes them whole', async () => {
    const extension = 'e'.repeat(120);
    const reply = await fx.call(addPhone, newPhone({ extension, phone_login: 'l'.repeat(20), voicemail_id: '1'.repeat(14) }));
    expect(lineOf(reply)).toBe(`SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666|${extension}|10.10.10.15|SIP|500`);
    expect(await phoneRow('e'.repeat(100))).toMatchObject({ login: 'l'.repeat(15), voicemail_id: '1'.repeat(10) });
    // A second over-long extension cut to the same one breaks the INSERT (the dispatcher answers 500).
    await expect(fx.call(addPhone, newPhone({ extension: `${'e'.repeat(100)}x`, phone_login: 'other' }))).rejects.toThrow();
    expect((await fx.db.selectFrom('vicidial_admin_log').select('record_id').execute()).length).toBe(1);
  });
});

describe('update_phone', () => {
  it('changes only the fields sent and always blanks install_directory', async () => {
    const before = await phoneRow('100');
    const reply = await fx.call(updatePhone, phone100({ phone_full_name: 'Front desk' }));
    expect(lineOf(reply)).toBe('SUCCESS: update_phone PHONE HAS BEEN UPDATED - 6666|100|10.10.10.15|');
    expect(await phoneRow('100')).toEqual({ ...before, fullname: 'Front desk', install_directory: '' });
  });

  it('checks the fields in a fixed order and writes nothing on the first failure', async () => {
    // Every field bad at once; fixing the reported one reveals the next. [param, bad, error, fix]
    const fields: [string, string, string, string][] = [
      ['local_gmt', '13', 'YOU MUST USE A VALID TIMEZONE: |6666|13', '-6'],
      ['email', 'a@b', 'YOU MUST USE A VALID EMAIL: |6666|a@b', 'a@b.cd'],
      ['phone_context', 'x', 'YOU MUST USE A VALID PHONE CONTEXT: |6666|x', 'ctx'],
      ['phone_full_name', 'a', 'YOU MUST USE A VALID PHONE NAME: |6666|a', 'Desk'],
      ['registration_password', 'a', 'YOU MUST USE A VALID REGISTRATION PASSWORD: |6666|a', 'secret'],
      ['protocol', 'PJSIP', 'YOU MUST USE A VALID PROTOCOL: |6666|PJSIP', 'IAX2'],
      ['phone_pass', 'a', 'YOU MUST USE A VALID PHONE PASSWORD: |6666|a', 'pass'],
      ['phone_login', '101a', 'LOGIN ALREADY EXISTS: |6666|101a', '100a'],
      ['voicemail_id', '1', 'YOU MUST USE A VALID VOICEMAIL NUMBER: |6666|1', '1000'],
      ['dialplan_number', '12', 'YOU MUST USE A VALID DIALPLAN NUMBER: |6666|12', '1000'],
      ['active', 'X', 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6666|X', 'N'],
      ['outbound_cid', '12345', 'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|12345', '123456'],
      ['admin_user_group', 'A', 'USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD: |6666|A', 'ADMIN'],
      ['outbound_alt_cid', '12345', 'OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|12345', '654321'],
      // VICIdial echoes outbound_alt_cid here, not the timeout.
      ['phone_ring_timeout', '181', 'PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD: |6666|654321', '30'],
      ['delete_vm_after_email', 'X', 'DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD: |6666|X', 'Y'],
      ['template_id', 'NOSUCH', 'TEMPLATE ID DOES NOT EXIST, THIS IS AN OPTIONAL FIELD: |6666|100a|NOSUCH', 'IAX_generic'],
    ];
    const params: Record<string, string> = Object.fromEntries(fields.map(([name, bad]) => [name, bad]));
    const before = await phoneRow('100');
    for (const [name, , message, fix] of fields) {
      expect(lineOf(await fx.call(updatePhone, phone100(params)))).toBe(`ERROR: update_phone ${message}`);
      params[name] = fix;
    }
    expect(await phoneRow('100')).toEqual(before);
    expect(await adminLogCount()).toBe(0);
    expect(lineOf(await fx.call(updatePhone, phone100(params)))).toMatch(/^SUCCESS/);
    expect(await phoneRow('100')).toMatchObject({ local_gmt: '-6', protocol: 'IAX2', phone_ring_timeout: 30, template_id: 'IAX_generic' });
  });

  it.each([
    // [parameter, sent, column, stored]
    ['email', '--BLANK--', 'email', ''],
    ['phone_context', '--BLANK--', 'phone_context', ''],
    ['phone_full_name', '--BLANK--', 'fullname', ''],
    ['registration_password', '--BLANK--', 'conf_secret', ''],
    ['template_id', '--blank--', 'template_id', ''],
    // No --BLANK-- rule: the filter leaves 'BLANK', or the text itself passes the checks.
    ['voicemail_id', '--BLANK--', 'voicemail_id', 'BLANK'],
    ['dialplan_number', '--BLANK--', 'dialplan_number', 'BLANK'],
    ['phone_pass', '--BLANK--', 'pass', '--BLANK--'],
    ['admin_user_group', '--BLANK--', 'user_group', '--BLANK--'],
    ['email', '--blank--', 'email', '--blank--'],
  ])('%s=%s stores %s=%j', async (param, sent, column, stored) => {
    await fx.db.updateTable('phones').set({ template_id: 'SIP_generic' }).execute();
    expect(lineOf(await fx.call(updatePhone, phone100({ [param]: sent })))).toMatch(/^SUCCESS/);
    expect((await phoneRow('100'))?.[column as 'email']).toBe(stored);
  });

  it('cannot clear outbound_cid or outbound_alt_cid with --BLANK--', async () => {
    expect(lineOf(await fx.call(updatePhone, phone100({ outbound_cid: '--BLANK--' })))).toMatch(/^SUCCESS/);
    expect((await phoneRow('100'))?.outbound_cid).toBe('3125550100');
    expect(lineOf(await fx.call(updatePhone, phone100({ outbound_alt_cid: '--BLANK--' })))).toBe(
      'ERROR: update_phone OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD: |6666|BLANK',
    );
  });

  it('writes the UPDATE statement with VICIdial\'s spacing', async () => {
    await fx.call(
      updatePhone,
      phone100({ email: 'x@y.com', phone_full_name: 'Desk', on_hook_agent: 'N', template_id: 'SIP_generic', webphone_auto_answer: 'maybe' }),
    );
    const log = await fx.db.selectFrom('vicidial_admin_log').selectAll().executeTakeFirstOrThrow();
    expect(log.event_sql).toBe(
      "UPDATE phones SET install_directory=''  ,fullname='Desk' ,email='x@y.com'    ,template_id='SIP_generic' ,on_hook_agent='N' " +
        "WHERE extension='100' and server_ip='10.10.10.15'|",
    );
    expect(log.event_notes).toBe('phone: 100|10.10.10.15');
  });

  it('refuses a login used on another server only, and only by a phone with another extension', async () => {
    // 100b is phone 101's login on the same server: allowed.
    expect(lineOf(await fx.call(updatePhone, phone100({ phone_login: '100B' })))).toMatch(/^SUCCESS/);
    // 101a belongs to phone 102 on 10.10.10.16, whatever the case.
    expect(lineOf(await fx.call(updatePhone, phone100({ phone_login: '101A' })))).toBe('ERROR: update_phone LOGIN ALREADY EXISTS: |6666|101A');
    // A phone 100 on the other server does not block its login: VICIdial also requires another extension.
    await fx.call(addPhone, newPhone({ extension: '100', server_ip: '10.10.10.16', phone_login: 'twin' }));
    expect(lineOf(await fx.call(updatePhone, phone100({ phone_login: 'twin' })))).toMatch(/^SUCCESS/);
  });

  it('deletes before checking any field, and only with delete_phone=Y exactly', async () => {
    for (const flag of ['y', 'YES']) {
      expect(lineOf(await fx.call(updatePhone, phone100({ delete_phone: flag })))).toMatch(/PHONE HAS BEEN UPDATED/);
    }
    await fx.db.updateTable('servers').set({ rebuild_conf_files: 'N' }).execute();
    const reply = await fx.call(updatePhone, phone100({ delete_phone: 'Y', local_gmt: '13', phone_full_name: 'a' }));
    expect(lineOf(reply)).toBe('SUCCESS: update_phone PHONE HAS BEEN DELETED - 6666|100|10.10.10.15|');
    expect(await phoneRow('100')).toBeUndefined();
    expect(await flaggedServers()).toEqual(['10.10.10.15']);
    const seedAlias = await fx.db.selectFrom('phones_alias').selectAll().where('alias_id', '=', 'seedalias').executeTakeFirst();
    expect(seedAlias?.logins_list).toBe('100a,100b');
  });

  it('checks required fields, then the server, then the phone', async () => {
    expect(lineOf(await fx.call(updatePhone, { extension: '1', server_ip: '10.9.9.9' }))).toBe(
      'ERROR: update_phone YOU MUST USE ALL REQUIRED FIELDS: |6666|1|10.9.9.9',
    );
    expect(lineOf(await fx.call(updatePhone, { extension: '999', server_ip: '10.9.9.9' }))).toBe(
      'ERROR: update_phone SERVER DOES NOT EXIST: |6666|10.9.9.9',
    );
    expect(lineOf(await fx.call(updatePhone, { extension: '102', server_ip: '10.10.10.15', delete_phone: 'Y' }))).toBe(
      'ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |6666|10.10.10.15|102',
    );
  });
});

describe('update_phone visibility (admin_viewable_groups)', () => {
  const phone200 = { extension: '200', server_ip: '10.10.10.15', phone_full_name: 'Edited' };
  const setGroupView = (value: string | null) =>
    fx.db.updateTable('vicidial_user_groups').set({ admin_viewable_groups: value }).where('user_group', '=', 'LIMITED').execute();

  it('hides phones of groups the user may not see, even from delete', async () => {
    const hidden = 'ERROR: update_phone PHONE DOES NOT EXIST ON THIS SERVER: |apilim|10.10.10.15|200';
    expect(lineOf(await fx.call(updatePhone, phone200, 'apilim'))).toBe(hidden);
    expect(lineOf(await fx.call(updatePhone, { ...phone200, delete_phone: 'Y' }, 'apilim'))).toBe(hidden);
    expect(await phoneRow('200')).toBeDefined();
    // ---ALL--- phones stay visible.
    expect(lineOf(await fx.call(updatePhone, phone100({ phone_full_name: 'Mine' }), 'apilim'))).toMatch(/^SUCCESS/);
  });

  it('shows the listed groups, and phones whose user_group is empty', async () => {
    await setGroupView(' LIMITED OTHER ');
    expect(lineOf(await fx.call(updatePhone, phone200, 'apilim'))).toMatch(/^SUCCESS/);
    await setGroupView(' LIMITED ');
    await fx.db.updateTable('phones').set({ user_group: '' }).where('extension', '=', '200').execute();
    expect(lineOf(await fx.call(updatePhone, phone200, 'apilim'))).toMatch(/^SUCCESS/);
  });

  it.each([[' ---ALL--- '], [' AB'], [''], [null]])('restricts nothing for admin_viewable_groups %j', async (value) => {
    await setGroupView(value);
    expect(lineOf(await fx.call(updatePhone, phone200, 'apilim'))).toMatch(/^SUCCESS/);
  });

  it('restricts nothing for a user whose group row is missing', async () => {
    expect(lineOf(await fx.call(updatePhone, phone200, 'apinogrp'))).toMatch(/^SUCCESS/);
  });
});

describe('garbage', () => {
  it('answers odd input without crashing', async () => {
    const odd = ["'; DROP TABLE phones; --", '\u0000\u00ff€😀', '%', '-'.repeat(5000)];
    for (const value of odd) {
      const params = Object.fromEntries(Object.keys(newPhone()).map((name) => [name, value]));
      expect((await fx.call(addPhone, params)).status).toBe(200);
      expect((await fx.call(updatePhone, { ...params, extension: '100', server_ip: '10.10.10.15' })).status).toBe(200);
    }
    expect(await phoneRow('100')).toBeDefined();
  });

  it('drops characters VICIdial filters away', async () => {
    const reply = await fx.call(addPhone, newPhone({ extension: "5'0;0", phone_full_name: 'O\'Brien <b>', email: 'a;b+c@x.com' }));
    expect(lineOf(reply)).toMatch(/^SUCCESS: add_phone PHONE HAS BEEN ADDED - 6666\|500\|/);
    expect(await phoneRow('500')).toMatchObject({ fullname: 'OBrien b', email: 'ab c@x.com' });
  });
});
