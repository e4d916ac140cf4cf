import type { Kysely } from 'kysely';
import type { ServerLookup } from '@vicidash/contracts/lookups';
import type { VicidialReadModel } from '../tables.js';
import { isYes } from './match.js';

const selectServers = (db: Kysely<VicidialReadModel>) =>
  db.selectFrom('servers').select(['server_id', 'server_ip', 'server_description', 'active']).orderBy('server_id');

type ServerRow = Awaited<ReturnType<ReturnType<typeof selectServers>['execute']>>[number];

const toServer = (row: ServerRow): ServerLookup[number] => ({
  serverId: row.server_id,
  serverIp: row.server_ip,
  description: row.server_description,
  active: isYes(row.active),
});
const toServers = (rows: ServerRow[]): ServerLookup => rows.map(toServer);

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

/**
 * Every server with its rebuild flag. Only an active server that generates its configuration
 * rebuilds; VICIdial's flag on any other one means nothing (nothing will ever clear it).
 */
export async function serverRebuildStates(db: Kysely<VicidialReadModel>) {
  const rows = await selectServers(db).select(['generate_vicidial_conf', 'rebuild_conf_files']).execute();
  return rows.map((row) => {
    const rebuilds = isYes(row.active) && isYes(row.generate_vicidial_conf);
    return { ...toServer(row), rebuilds, awaitingRebuild: rebuilds && isYes(row.rebuild_conf_files) };
  });
}
