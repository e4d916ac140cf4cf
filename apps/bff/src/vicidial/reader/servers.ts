import type { Kysely } from 'kysely';
import type { ServerLookup } from '@vicidash/contracts/lookups';
import type { VicidialReadModel } from '../tables.js';
import { isYes } from './match.js';

const selectServers = (db: Kysely<VicidialReadModel>) =>
  db.selectFrom('servers').select(['server_id', 'server_ip', 'server_description', 'active']).orderBy('server_id');

const toServers = (rows: Awaited<ReturnType<ReturnType<typeof selectServers>['execute']>>): ServerLookup =>
  rows.map((row) => ({ serverId: row.server_id, serverIp: row.server_ip, description: row.server_description, active: isYes(row.active) }));

/** Every server (the phone form's server picker). */
export async function listServers(db: Kysely<VicidialReadModel>): Promise<ServerLookup> {
  return toServers(await selectServers(db).execute());
}

/**
 * The servers that still have to rebuild their configuration before phone changes reach them.
 * Only active Asterisk servers that generate configuration: a refresh flags the others too, but
 * they never rebuild.
 */
export async function serversAwaitingRebuild(db: Kysely<VicidialReadModel>): Promise<ServerLookup> {
  const rows = await selectServers(db)
    .where('rebuild_conf_files', '=', 'Y')
    .where('generate_vicidial_conf', '=', 'Y')
    .where('active', '=', 'Y')
    .where('active_asterisk_server', '=', 'Y')
    .execute();
  return toServers(rows);
}
