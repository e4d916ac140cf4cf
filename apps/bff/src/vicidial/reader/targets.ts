import type { Kysely } from 'kysely';
import type { DidRouting } from '@vicidash/contracts/did';
import type { VicidialReadModel } from '../tables.js';
import { callMenus, findCallMenu, findInGroup, inGroups } from './lookups.js';

type Db = Kysely<VicidialReadModel>;

/** A routing block's target VICIdial does not have: the field at fault and what to tell the person. */
export interface MissingTarget {
  field: `routing.${'phoneExtension' | 'serverIp' | 'inGroup' | 'menuId'}`;
  message: string;
}

const SUGGESTIONS = 3;

/** The length of the start two texts share, ignoring case (MariaDB compares these keys so). */
function sharedStart(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n += 1;
  return n;
}

const asNumber = (text: string) => (/^\d+$/.test(text) ? Number(text) : undefined);

/**
 * The few existing ids nearest what was typed, nearest first. A slip is usually late in the id, so
 * the longest shared start comes first; among equals, for numbers (extensions), the smallest
 * difference; then alphabetical order.
 */
export function nearest(typed: string, existing: readonly string[], count = SUGGESTIONS): string[] {
  const typedNumber = asNumber(typed);
  const distance = (id: string) => {
    const number = asNumber(id);
    return typedNumber === undefined || number === undefined ? Infinity : Math.abs(number - typedNumber);
  };
  return existing
    .map((id) => ({ id, start: sharedStart(typed, id), distance: distance(id), key: id.toLowerCase() }))
    .sort((a, b) => b.start - a.start || a.distance - b.distance || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .slice(0, count)
    .map(({ id }) => id);
}

/** ' — did you mean A, B or C?' (nothing when there is nothing to suggest). */
function didYouMean(suggestions: readonly string[]): string {
  if (suggestions.length === 0) return '';
  const last = suggestions.at(-1);
  const list = suggestions.length === 1 ? last : `${suggestions.slice(0, -1).join(', ')} or ${last}`;
  return ` — did you mean ${list}?`;
}

const missing = (field: MissingTarget['field'], problem: string, typed: string, existing: readonly string[]): MissingTarget => ({
  field,
  message: `${problem}${didYouMean(nearest(typed, existing))}`,
});

/**
 * Whether the phone, in-group or call menu a routing block names exists; other routes name nothing
 * VICIdial keeps a table of. Only a missing target reads the lists the suggestions come from.
 */
export async function missingRouteTarget(db: Db, routing: DidRouting): Promise<MissingTarget | undefined> {
  switch (routing.route) {
    case 'PHONE': {
      const { phoneExtension, serverIp } = routing;
      const server = await db.selectFrom('servers').select('server_ip').where('server_ip', '=', serverIp).executeTakeFirst();
      if (!server) {
        const servers = await db.selectFrom('servers').select('server_ip').execute();
        return missing('routing.serverIp', `Server IP: no server with IP ${serverIp}`, serverIp, servers.map((s) => s.server_ip));
      }
      const onServer = db.selectFrom('phones').select('extension').where('server_ip', '=', serverIp);
      if (await onServer.where('extension', '=', phoneExtension).executeTakeFirst()) return undefined;
      const phones = await onServer.execute();
      return missing(
        'routing.phoneExtension',
        `Phone extension: no phone with extension ${phoneExtension} on server ${serverIp}`,
        phoneExtension,
        phones.flatMap((p) => (p.extension ? [p.extension] : [])),
      );
    }
    case 'IN_GROUP': {
      if (await findInGroup(db, routing.inGroup)) return undefined;
      const groups = await inGroups(db);
      return missing('routing.inGroup', `In-group: no in-group ${routing.inGroup}`, routing.inGroup, groups.map((g) => g.groupId));
    }
    case 'CALLMENU': {
      if (await findCallMenu(db, routing.menuId)) return undefined;
      const menus = await callMenus(db);
      return missing('routing.menuId', `Call menu: no call menu ${routing.menuId}`, routing.menuId, menus.map((m) => m.menuId));
    }
    default:
      return undefined;
  }
}
