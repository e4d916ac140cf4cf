import type { Insertable, Kysely } from 'kysely';
import { fitRow, fitValue } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { vicidial_inbound_dids } from '../db/tables.js';
import type { FunctionHandler } from './context.js';
import { findDidId, refuseDidUser, visibleDidGroups } from './did-access.js';
import { isDidPatternLength, readParam } from './did-fields.js';
import { error, lines, type ApiReply } from './reply.js';

type DidRow = VicidialDatabase['vicidial_inbound_dids'];

/**
 * The columns copy_did writes, in VICIdial's order: the new pattern, the description (the source's
 * unless one is sent), then every other setting of the source. did_id, modify_stamp,
 * inbound_route_answer and the pre_filter_recent_* columns get their defaults.
 */
const COPIED = [
  'did_pattern', 'did_description', 'did_active', 'did_route', 'extension', 'exten_context', 'voicemail_ext',
  'phone', 'server_ip', 'user', 'user_unavailable_action', 'user_route_settings_ingroup', 'group_id',
  'call_handle_method', 'agent_search_method', 'list_id', 'campaign_id', 'phone_code', 'menu_id', 'record_call',
  'filter_inbound_number', 'filter_phone_group_id', 'filter_url', 'filter_action', 'filter_extension',
  'filter_exten_context', 'filter_voicemail_ext', 'filter_phone', 'filter_server_ip', 'filter_user',
  'filter_user_unavailable_action', 'filter_user_route_settings_ingroup', 'filter_group_id',
  'filter_call_handle_method', 'filter_agent_search_method', 'filter_list_id', 'filter_campaign_id',
  'filter_phone_code', 'filter_menu_id', 'filter_clean_cid_number', 'custom_one', 'custom_two', 'custom_three',
  'custom_four', 'custom_five', 'user_group', 'filter_dnc_campaign', 'filter_url_did_redirect',
  'no_agent_ingroup_redirect', 'no_agent_ingroup_id', 'no_agent_ingroup_extension', 'pre_filter_phone_group_id',
  'pre_filter_extension', 'entry_list_id', 'filter_entry_list_id', 'max_queue_ingroup_calls',
  'max_queue_ingroup_id', 'max_queue_ingroup_extension', 'did_carrier_description',
] as const satisfies readonly (keyof DidRow)[];
const SETTINGS = COPIED.slice(2);

/** The INSERT IGNORE … SELECT VICIdial runs (and logs) for one new DID. */
const copySql = (source: string, target: string, description: string) =>
  `INSERT IGNORE INTO vicidial_inbound_dids (${COPIED.join(',')}) ` +
  `SELECT '${target}',${description ? `'${description}'` : 'did_description'},${SETTINGS.join(',')} ` +
  `from vicidial_inbound_dids where did_pattern='${source}'`;

/**
 * Inserts the copy like INSERT IGNORE would: a pattern longer than the column is cut, and when the
 * cut pattern already exists nothing is inserted (0 rows, did_id 0).
 */
async function insertCopy(
  db: Kysely<VicidialDatabase>,
  source: string,
  target: string,
  description: string,
): Promise<{ added: number; didId: number }> {
  const pattern = String(fitValue(vicidial_inbound_dids.did_pattern, target));
  if ((await findDidId(db, pattern, null)) !== undefined) return { added: 0, didId: 0 };
  const settings = await db
    .selectFrom('vicidial_inbound_dids')
    .select([...SETTINGS, 'did_description'])
    .where('did_pattern', '=', source)
    .executeTakeFirstOrThrow();
  const row = fitRow(vicidial_inbound_dids, {
    ...settings,
    did_pattern: pattern,
    did_description: description || settings.did_description,
  }) as Insertable<DidRow>;
  const inserted = await db.insertInto('vicidial_inbound_dids').values(row).executeTakeFirstOrThrow();
  return { added: 1, didId: Number(inserted.insertId) };
}

/** copy_did prints its per-DID notices and its summary as `<KIND>: copy_did <MESSAGE> - <user>|<data>`. */
const copyLine = (kind: 'NOTICE' | 'SUCCESS' | 'ERROR', message: string, user: string, data: string): ApiReply => ({
  status: 200,
  body: `${kind}: copy_did ${message} - ${user}|${data}\n`,
});

/** copy_did: new DIDs (comma-separated new_dids) with every setting of source_did_pattern. */
export const copyDid: FunctionHandler = async (ctx) => {
  const fn = 'copy_did';
  const { db, user } = ctx;
  const refused = refuseDidUser(user, fn);
  if (refused) return refused;

  const source = readParam(ctx, 'source_did_pattern');
  const newDids = readParam(ctx, 'new_dids');
  if (!isDidPatternLength(source) || newDids.length < 2 || newDids.length > 2000) {
    return error(fn, 'YOU MUST USE ALL REQUIRED FIELDS', user.user, `${source}|${newDids}`);
  }
  if ((await findDidId(db, source, visibleDidGroups(user))) === undefined) {
    return error(fn, 'SOURCE DID DOES NOT EXIST', user.user, source);
  }

  const description = readParam(ctx, 'did_description');
  const replies: ApiReply[] = [];
  const copyLog: string[] = [];
  let inserts = 0;
  let existing = 0;
  // The admin log keeps the last statement run and the last did_id inserted.
  let lastSql = '';
  let lastDidId = '';
  // Empty items (a trailing or doubled comma) are real targets: VICIdial inserts a DID with pattern ''.
  for (const target of newDids.split(',')) {
    // Targets are looked for among all DIDs, whatever the user may see.
    if ((await findDidId(db, target, null)) !== undefined) {
      replies.push(copyLine('NOTICE', 'DID ALREADY EXISTS', user.user, target));
      existing++;
      copyLog.push(`${target} ALREADY EXISTS\n`);
      lastSql = `SELECT count(*) from vicidial_inbound_dids where did_pattern='${target}'`;
      continue;
    }
    // Checked only once a target is free, and it stops the whole call (no admin log).
    if (description !== '' && (description.length < 6 || description.length > 50)) {
      const message = 'DID DESCRIPTION MUST BE EITHER BLANK OR FROM 6 TO 50 CHARACTERS, THIS IS AN OPTIONAL FIELD';
      return lines(...replies, error(fn, message, user.user, description));
    }
    const { added, didId } = await insertCopy(db, source, target, description);
    inserts += added;
    lastDidId = String(didId);
    lastSql = copySql(source, target, description);
    copyLog.push(`${target} ADDED, did_id: ${didId}\n`);
    replies.push(copyLine('NOTICE', 'DID HAS BEEN ADDED', user.user, `${target}|${source}|${didId}|${added}`));
  }

  await ctx.adminLog({
    section: 'DIDS',
    type: 'COPY',
    recordId: lastDidId,
    code: 'ADMIN API COPY DIDS',
    sql: lastSql,
    notes: `DID Source: ${source} Inserts: ${inserts} Insert Errors: ${existing} Copy Log:\n${copyLog.join('')}`,
  });
  const summary =
    inserts > 0
      ? copyLine('SUCCESS', 'DIDS HAVE BEEN ADDED', user.user, `${source}|${inserts}|${existing}`)
      : copyLine('ERROR', 'NO DIDS ADDED', user.user, `${source}|${inserts}|${existing}`);
  return lines(...replies, summary);
};
