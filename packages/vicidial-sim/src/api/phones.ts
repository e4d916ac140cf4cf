import type { Updateable } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { phones } from '../db/tables.js';
import type { FunctionHandler, HandlerContext } from './context.js';
import { mayAdministerPhones, mayDeletePhones } from './phone-access.js';
import { failLikeVicidialSql, flagConfRebuild, phoneLoginExists, serverExists } from './phone-db.js';
import { API_PROTOCOLS, readPhoneEdits, type PhoneKey } from './phone-edits.js';
import { readParam } from './phone-params.js';
import { answer, refuse } from './phone-refusal.js';
import { readPhoneSettings } from './phone-settings.js';
import { isValidLocalGmt } from './phone-timezones.js';
import { error, notice, success } from './reply.js';
import { viewableGroupsLenient } from './visibility.js';

type PhoneRow = Updateable<VicidialDatabase['phones']>;

/** add_phone's required parameters, in the order its "missing fields" error echoes them. */
const REQUIRED = [
  'extension', 'dialplan_number', 'voicemail_id', 'phone_login', 'phone_pass', 'server_ip', 'protocol',
  'registration_password', 'phone_full_name', 'local_gmt', 'outbound_cid',
] as const;
type RequiredParams = Record<(typeof REQUIRED)[number], string>;

async function phoneOnServer(ctx: HandlerContext, phone: PhoneKey, userGroups: string[] | null): Promise<boolean> {
  let query = ctx.db
    .selectFrom('phones')
    .select('extension')
    .where('extension', '=', phone.extension)
    .where('server_ip', '=', phone.serverIp);
  if (userGroups) query = query.where('user_group', 'in', userGroups);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** add_phone: a new phone (extension on a server) with a login no other phone uses. */
export const addPhone: FunctionHandler = (ctx) =>
  answer(async () => {
    const fn = 'add_phone';
    const who = ctx.user.user;
    if (!mayAdministerPhones(ctx.user)) refuse(error(fn, 'USER DOES NOT HAVE PERMISSION TO ADD PHONES', who, '0'));

    const p = Object.fromEntries(REQUIRED.map((name) => [name, readParam(ctx, name)])) as RequiredParams;
    const complete =
      p.extension.length >= 2 &&
      p.dialplan_number.length >= 2 &&
      REQUIRED.every((name) => p[name].length >= 1) &&
      API_PROTOCOLS.includes(p.protocol);
    if (!complete) refuse(error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', who, REQUIRED.map((name) => p[name]).join('|')));

    const phone = { extension: p.extension, serverIp: p.server_ip };
    if (!(await serverExists(ctx.db, phone.serverIp))) refuse(error(fn, 'SERVER DOES NOT EXIST', who, phone.serverIp));
    if (await phoneOnServer(ctx, phone, null)) {
      refuse(error(fn, 'PHONE ALREADY EXISTS ON THIS SERVER', who, `${phone.serverIp}|${phone.extension}`));
    }
    if (await phoneLoginExists(ctx.db, p.phone_login)) refuse(error(fn, 'PHONE LOGIN ALREADY EXISTS', who, p.phone_login));
    if (!isValidLocalGmt(p.local_gmt)) refuse(error(fn, 'YOU MUST USE A VALID TIMEZONE', who, p.local_gmt));
    const settings = await readPhoneSettings(ctx, fn);

    const phoneContext = readParam(ctx, 'phone_context') || 'default';
    const email = readParam(ctx, 'email');
    const userGroup = readParam(ctx, 'admin_user_group') || '---ALL---';
    const values = {
      extension: p.extension,
      dialplan_number: p.dialplan_number,
      voicemail_id: p.voicemail_id,
      login: p.phone_login,
      pass: p.phone_pass,
      server_ip: p.server_ip,
      protocol: p.protocol,
      conf_secret: p.registration_password,
      fullname: p.phone_full_name,
      local_gmt: p.local_gmt,
      outbound_cid: p.outbound_cid,
      phone_context: phoneContext,
      email,
      active: 'Y',
      status: 'ACTIVE',
      user_group: userGroup,
      // NOT NULL without a default: MariaDB (sql_mode='') stores '' when the statement omits it.
      template_id: '',
      ...settings.values,
    };
    failLikeVicidialSql(values);
    const row = fitRow(phones, values);
    // An extension longer than its column is cut and may then hit an existing phone's unique key:
    // the INSERT fails and, as PHP does, the dispatcher answers HTTP 500.
    await ctx.db.insertInto('phones').values(row as never).execute();

    const sql =
      `INSERT INTO phones SET  extension='${p.extension}', dialplan_number='${p.dialplan_number}', ` +
      `voicemail_id='${p.voicemail_id}', login='${p.phone_login}', pass='${p.phone_pass}', server_ip='${p.server_ip}', ` +
      `protocol='${p.protocol}', conf_secret='${p.registration_password}', fullname='${p.phone_full_name}', ` +
      `local_gmt='${p.local_gmt}', outbound_cid='${p.outbound_cid}', phone_context='${phoneContext}', email='${email}', ` +
      `active='Y', status='ACTIVE', user_group='${userGroup}'${settings.sql}`;
    await ctx.adminLog({
      section: 'PHONES',
      type: 'ADD',
      recordId: p.extension,
      code: 'ADMIN API ADD PHONE',
      sql,
      notes: `phone: ${p.extension}|${p.server_ip}`,
    });
    await flagConfRebuild(ctx.db, p.server_ip);
    return success(fn, 'PHONE HAS BEEN ADDED', who, `${p.extension}|${p.server_ip}|${p.protocol}|${p.dialplan_number}`);
  });

/**
 * update_phone: changes only the fields sent, or deletes the phone (delete_phone=Y, handled before
 * any field is checked). A phone of a user group the API user may not see "does not exist".
 */
export const updatePhone: FunctionHandler = (ctx) =>
  answer(async () => {
    const fn = 'update_phone';
    const who = ctx.user.user;
    if (!mayAdministerPhones(ctx.user)) refuse(error(fn, 'USER DOES NOT HAVE PERMISSION TO UPDATE PHONES', who, '0'));

    const phone: PhoneKey = { extension: readParam(ctx, 'extension'), serverIp: readParam(ctx, 'server_ip') };
    if (phone.extension.length < 2 || phone.serverIp.length < 1) {
      refuse(error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', who, `${phone.extension}|${phone.serverIp}`));
    }
    if (!(await serverExists(ctx.db, phone.serverIp))) refuse(error(fn, 'SERVER DOES NOT EXIST', who, phone.serverIp));
    if (!(await phoneOnServer(ctx, phone, viewableGroupsLenient(ctx.user.adminViewableGroups)))) {
      refuse(error(fn, 'PHONE DOES NOT EXIST ON THIS SERVER', who, `${phone.serverIp}|${phone.extension}`));
    }
    const where = `WHERE extension='${phone.extension}' and server_ip='${phone.serverIp}'`;

    if (readParam(ctx, 'delete_phone') === 'Y') {
      if (!mayDeletePhones(ctx.user)) refuse(notice(fn, 'USER DOES NOT HAVE PERMISSION TO DELETE PHONES', who, '0'));
      await ctx.db
        .deleteFrom('phones')
        .where('extension', '=', phone.extension)
        .where('server_ip', '=', phone.serverIp)
        .execute();
      await ctx.adminLog({
        section: 'PHONES',
        type: 'DELETE',
        recordId: phone.extension,
        code: 'ADMIN API DELETE PHONE',
        sql: `DELETE FROM phones ${where}`,
        notes: `phone: ${phone.extension}|${phone.serverIp}`,
      });
      await flagConfRebuild(ctx.db, phone.serverIp);
      return success(fn, 'PHONE HAS BEEN DELETED', who, `${phone.extension}|${phone.serverIp}|`);
    }

    const edits = await readPhoneEdits(ctx, fn, phone);
    const settings = await readPhoneSettings(ctx, fn);
    // Every update blanks install_directory, even one that changes nothing else.
    const values = { install_directory: '', ...edits.values, ...settings.values };
    failLikeVicidialSql(values);
    const changes = fitRow(phones, values);
    await ctx.db
      .updateTable('phones')
      .set(changes as PhoneRow)
      .where('extension', '=', phone.extension)
      .where('server_ip', '=', phone.serverIp)
      .execute();
    await ctx.adminLog({
      section: 'PHONES',
      type: 'MODIFY',
      recordId: phone.extension,
      code: 'ADMIN API UPDATE PHONE',
      sql: `UPDATE phones SET install_directory='' ${edits.sql}${settings.sql} ${where}`,
      notes: `phone: ${phone.extension}|${phone.serverIp}`,
    });
    await flagConfRebuild(ctx.db, phone.serverIp);
    return success(fn, 'PHONE HAS BEEN UPDATED', who, `${phone.extension}|${phone.serverIp}|`);
  });
