import type { Kysely } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { phones_alias } from '../db/tables.js';
import type { FunctionHandler, HandlerContext } from './context.js';
import { mayAdministerPhones, mayDeletePhones } from './phone-access.js';
import { phoneLoginExists } from './phone-db.js';
import { readParam } from './phone-params.js';
import { answer, refuse } from './phone-refusal.js';
import { error, notice, success } from './reply.js';

async function aliasExists(db: Kysely<VicidialDatabase>, aliasId: string): Promise<boolean> {
  const row = await db.selectFrom('phones_alias').select('alias_id').where('alias_id', '=', aliasId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Every comma-separated login must belong to some phone; the first that does not is reported. An
 * empty item (leading, trailing or double comma) matches no phone, so it is reported as ''.
 */
async function requireLogins(ctx: HandlerContext, fn: string, logins: string): Promise<void> {
  for (const login of logins.split(',')) {
    if (!(await phoneLoginExists(ctx.db, login))) refuse(error(fn, 'PHONE DOES NOT EXIST', ctx.user.user, login));
  }
}

/** add_phone_alias: one alias name for several phone logins, stored as the list sent (duplicates kept). */
export const addPhoneAlias: FunctionHandler = (ctx) =>
  answer(async () => {
    const fn = 'add_phone_alias';
    const who = ctx.user.user;
    if (!mayAdministerPhones(ctx.user)) refuse(error(fn, 'USER DOES NOT HAVE PERMISSION TO ADD PHONE ALIASES', who, '0'));

    const aliasId = readParam(ctx, 'alias_id');
    const aliasName = readParam(ctx, 'alias_name');
    const logins = readParam(ctx, 'phone_logins');
    if (aliasId.length < 2 || logins.length < 2 || aliasName.length < 1) {
      refuse(error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', who, `${aliasId}|${aliasName}|${logins}`));
    }
    if (await aliasExists(ctx.db, aliasId)) refuse(error(fn, 'PHONE ALIAS ALREADY EXISTS', who, aliasId));
    await requireLogins(ctx, fn, logins);

    const row = fitRow(phones_alias, { alias_id: aliasId, alias_name: aliasName, logins_list: logins });
    // An alias_id longer than its column is cut and may then hit an existing alias's key: the INSERT
    // fails and, as PHP does, the dispatcher answers HTTP 500.
    await ctx.db.insertInto('phones_alias').values(row as never).execute();
    await ctx.adminLog({
      section: 'PHONEALIASES',
      type: 'ADD',
      recordId: aliasId,
      code: 'ADMIN API ADD PHONE ALIAS',
      sql: `INSERT INTO phones_alias (alias_id,alias_name,logins_list) values('${aliasId}','${aliasName}','${logins}')`,
      notes: `phones: ${logins}`,
    });
    return success(fn, 'PHONE ALIAS HAS BEEN ADDED', who, `${aliasId}|${aliasName}|${logins}`);
  });

/**
 * update_phone_alias: renames the alias and/or replaces its whole logins list, or deletes it
 * (delete_alias=Y, before the other fields are checked). Deleting never touches the phones.
 */
export const updatePhoneAlias: FunctionHandler = (ctx) =>
  answer(async () => {
    const fn = 'update_phone_alias';
    const who = ctx.user.user;
    if (!mayAdministerPhones(ctx.user)) refuse(error(fn, 'USER DOES NOT HAVE PERMISSION TO UPDATE PHONE ALIASES', who, '0'));

    const aliasId = readParam(ctx, 'alias_id');
    const aliasName = readParam(ctx, 'alias_name');
    const logins = readParam(ctx, 'phone_logins');
    const deleteAlias = readParam(ctx, 'delete_alias');
    if (aliasId.length < 2 || (logins.length < 2 && aliasName.length < 1 && deleteAlias.length < 1)) {
      refuse(error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', who, `${aliasId}|${aliasName}|${logins}`));
    }
    if (!(await aliasExists(ctx.db, aliasId))) refuse(error(fn, 'PHONE ALIAS DOES NOT EXIST', who, aliasId));
    if (deleteAlias === 'Y') {
      if (!mayDeletePhones(ctx.user)) refuse(notice(fn, 'USER DOES NOT HAVE PERMISSION TO DELETE PHONE ALIASES', who, '0'));
      await ctx.db.deleteFrom('phones_alias').where('alias_id', '=', aliasId).execute();
      await ctx.adminLog({
        section: 'PHONEALIASES',
        type: 'DELETE',
        recordId: aliasId,
        code: 'ADMIN API DELETE PHONE ALIAS',
        sql: `DELETE FROM phones_alias where alias_id='${aliasId}'`,
        notes: '',
      });
      return success(fn, 'PHONE ALIAS HAS BEEN DELETED', who, aliasId);
    }

    const renames = aliasName.length > 0;
    if (renames && (aliasName.length < 2 || aliasName.length > 50)) {
      refuse(error(fn, 'YOU MUST USE A VALID ALIAS NAME', who, aliasName));
    }
    // A logins list of one character is ignored, not refused.
    const relists = logins.length > 1;
    if (relists) await requireLogins(ctx, fn, logins);
    if (!renames && !relists) return notice(fn, 'NO UPDATES DEFINED', who, '');

    // VICIdial's statement sets logins_list before alias_name.
    const changes = { ...(relists && { logins_list: logins }), ...(renames && { alias_name: aliasName }) };
    const assignments = Object.entries(changes).map(([column, value]) => `${column}='${value}'`);

    await ctx.db.updateTable('phones_alias').set(fitRow(phones_alias, changes)).where('alias_id', '=', aliasId).execute();
    await ctx.adminLog({
      section: 'PHONEALIASES',
      type: 'MODIFY',
      recordId: aliasId,
      // Sic: VICIdial logs alias updates under the phone code.
      code: 'ADMIN API UPDATE PHONE',
      sql: `UPDATE phones_alias SET ${assignments.join(',')} WHERE alias_id='${aliasId}'`,
      notes: `phones: ${logins}`,
    });
    return success(fn, 'PHONE ALIAS HAS BEEN UPDATED', who, `${aliasId}|`);
  });
