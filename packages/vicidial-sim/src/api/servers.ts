import { localDateTime } from './clock.js';
import type { FunctionHandler } from './context.js';
import { filterParam } from './filters.js';
import { error, success } from './reply.js';

const FN = 'server_refresh';

/**
 * server_refresh: flags every server to rebuild its configuration and stamps
 * system_settings.reload_timestamp. The count answered is of servers whose flag changed (what
 * MariaDB reports to PHP), so a second refresh before the rebuild answers 0.
 */
export const serverRefresh: FunctionHandler = async (ctx) => {
  const { user } = ctx;
  if (!(user.vdcAgentApiAccess && user.astAdminAccess && user.userLevel >= 8)) {
    return error(FN, 'USER DOES NOT HAVE PERMISSION TO REFRESH SERVERS', user.user, '0');
  }
  // Any stage containing REFRESH (case matters) will do.
  if (!filterParam('stage', ctx.param('stage')).includes('REFRESH')) {
    // Sic: VICIdial prints add_phone_alias's fields here, as filtered (usually not sent: '||').
    const echoed = ['alias_id', 'alias_name', 'phone_logins'].map((name) => filterParam(name, ctx.param(name)));
    return error(FN, 'YOU MUST USE ALL REQUIRED FIELDS', user.user, echoed.join('|'));
  }
  const result = await ctx.db
    .updateTable('servers')
    .set({ rebuild_conf_files: 'Y' })
    .where((eb) => eb.or([eb('rebuild_conf_files', 'is', null), eb('rebuild_conf_files', '!=', 'Y')]))
    .executeTakeFirst();
  const changed = Number(result.numUpdatedRows);
  await ctx.db.updateTable('system_settings').set({ reload_timestamp: localDateTime(ctx.now) }).execute();
  await ctx.adminLog({
    section: 'SERVERS',
    type: 'OTHER',
    recordId: 'refresh',
    code: 'ADMIN API SERVERS REFRESH',
    sql: "UPDATE servers SET rebuild_conf_files='Y'",
    notes: `servers: ${changed}`,
  });
  return success(FN, 'SERVER REFRESH HAS BEEN TRIGGERED', user.user, String(changed));
};
