import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import type { ApiUser } from './context.js';
import { error, type ApiReply } from './reply.js';
import { viewableGroupsStrict } from './visibility.js';

type DidFunction = 'add_did' | 'copy_did' | 'update_did';

const REFUSED: Record<DidFunction, string> = {
  add_did: 'USER DOES NOT HAVE PERMISSION TO ADD DIDS',
  copy_did: 'USER DOES NOT HAVE PERMISSION TO ADD DIDS',
  update_did: 'USER DOES NOT HAVE PERMISSION TO UPDATE DIDS',
};

/**
 * The user flags every DID function needs, or the error to answer. VICIdial prints the number of
 * matching user rows after the user, which is 0 here.
 */
export function refuseDidUser(user: ApiUser, fn: DidFunction): ApiReply | null {
  if (user.vdcAgentApiAccess && user.modifyInboundDids && user.userLevel >= 8) return null;
  return error(fn, REFUSED[fn], user.user, '0');
}

/**
 * The user groups whose DIDs the user may see (null: all). copy_did's source and update_did's DID are
 * filtered even when admin_viewable_groups is empty or the group row is missing; add_did's duplicate
 * check and copy_did's targets look at every DID.
 */
export const visibleDidGroups = (user: ApiUser): string[] | null => viewableGroupsStrict(user.adminViewableGroups);

/** did_id of the DID with this pattern among those in `groups` (null: all DIDs), if any. */
export async function findDidId(
  db: Kysely<VicidialDatabase>,
  pattern: string,
  groups: string[] | null,
): Promise<number | undefined> {
  let query = db.selectFrom('vicidial_inbound_dids').select('did_id').where('did_pattern', '=', pattern);
  if (groups) query = query.where('user_group', 'in', groups);
  return (await query.executeTakeFirst())?.did_id;
}
