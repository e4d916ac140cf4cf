import type { FunctionHandler, HandlerContext } from './context.js';
import { findDidId, refuseDidUser, visibleDidGroups } from './did-access.js';
import { assignmentRow, assignmentSql, isDidPatternLength, readDidFields, readParam } from './did-fields.js';
import { error, notice, success, type ApiReply } from './reply.js';

export { copyDid } from './did-copy.js';

/** add_did: a new DID from did_pattern plus any editable field. */
export const addDid: FunctionHandler = async (ctx) => {
  const fn = 'add_did';
  const { db, user } = ctx;
  const refused = refuseDidUser(user, fn);
  if (refused) return refused;

  const pattern = readParam(ctx, 'did_pattern');
  if (!isDidPatternLength(pattern)) return error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', user.user, pattern);
  // Duplicates are looked for among all DIDs, whatever the user may see.
  if ((await findDidId(db, pattern, null)) !== undefined) return error(fn, 'DID ALREADY EXISTS', user.user, pattern);

  const fields = await readDidFields(ctx, fn);
  if (!fields.ok) return fields.reply;

  const inserted = await db
    .insertInto('vicidial_inbound_dids')
    .values({ ...assignmentRow(fields.assignments), did_pattern: pattern })
    .executeTakeFirstOrThrow();
  const didId = String(inserted.insertId);
  await ctx.adminLog({
    section: 'DIDS',
    type: 'ADD',
    recordId: didId,
    code: 'ADMIN API ADD DID',
    sql: `INSERT INTO vicidial_inbound_dids SET ${[`did_pattern='${pattern}'`, ...assignmentSql(fields.assignments)].join(' ,')}`,
    notes: `did: ${pattern} did_id: ${didId} inserted: ${inserted.numInsertedOrUpdatedRows ?? 1n}`,
  });
  return success(fn, 'DID HAS BEEN ADDED', user.user, pattern);
};

/** update_did: changes the fields sent, or deletes the DID with delete_did=Y. */
export const updateDid: FunctionHandler = async (ctx) => {
  const fn = 'update_did';
  const { db, user } = ctx;
  const refused = refuseDidUser(user, fn);
  if (refused) return refused;

  const pattern = readParam(ctx, 'did_pattern');
  if (!isDidPatternLength(pattern)) return error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', user.user, pattern);
  const didId = await findDidId(db, pattern, visibleDidGroups(user));
  if (didId === undefined) return error(fn, 'DID DOES NOT EXIST', user.user, pattern);

  // Deleting comes before any field check: bad fields do not stop it.
  if (readParam(ctx, 'delete_did') === 'Y') return deleteDid(ctx, pattern, didId);

  const fields = await readDidFields(ctx, fn);
  if (!fields.ok) return fields.reply;
  if (fields.assignments.length === 0) return notice(fn, 'NO UPDATES DEFINED', user.user, '');

  await db
    .updateTable('vicidial_inbound_dids')
    .set(assignmentRow(fields.assignments))
    .where('did_pattern', '=', pattern)
    .execute();
  await ctx.adminLog({
    section: 'DIDS',
    type: 'MODIFY',
    recordId: String(didId),
    code: 'ADMIN API UPDATE DID',
    sql: `UPDATE vicidial_inbound_dids SET ${assignmentSql(fields.assignments).join(' ,')} WHERE did_pattern='${pattern}'`,
    notes: `did: ${pattern} did_id: ${didId}`,
  });
  return success(fn, 'DID HAS BEEN UPDATED', user.user, pattern);
};

async function deleteDid(ctx: HandlerContext, pattern: string, didId: number): Promise<ApiReply> {
  const fn = 'update_did';
  const { db, user } = ctx;
  // VICIdial prints the count of users allowed to update DIDs here, which is 1 by now.
  if (!user.deleteInboundDids) return error(fn, 'USER DOES NOT HAVE PERMISSION TO DELETE DIDS', user.user, '1');

  await db.deleteFrom('vicidial_inbound_dids').where('did_pattern', '=', pattern).execute();
  await ctx.adminLog({
    section: 'DIDS',
    type: 'DELETE',
    recordId: String(didId),
    code: 'ADMIN API DELETE DID',
    sql: `DELETE FROM vicidial_inbound_dids WHERE did_pattern='${pattern}' limit 1`,
    notes: `did: ${pattern} did_id: ${didId}`,
  });
  return success(fn, 'DID HAS BEEN DELETED', user.user, `${pattern}|${didId}`);
}
