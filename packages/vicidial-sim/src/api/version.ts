import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import { epochSeconds, isDaylightSaving, localDateTime, localOffsetDigits } from './clock.js';
import type { ApiReply } from './reply.js';

/** The VICIdial build the embedded one reproduces (non_agent_api.php). */
export const VERSION = '2.14-202';
export const BUILD = '250720-1841';

/** PHP's `$x++` on what VICIdial increments for DST: null → 1, a numeric string → number + 1. */
function phpIncrement(value: string | null): string {
  if (value === null) return '1';
  const text = value.trim();
  if (text !== '' && Number.isFinite(Number(text))) return String(Number(text) + 1);
  return incrementString(value);
}

/** Characters that wrap when PHP increments a string: the wrapped value, and what a carry out of the first character adds. */
const WRAPS: Record<string, [string, string]> = { z: ['a', 'a'], Z: ['A', 'A'], '9': ['0', '1'] };

/** PHP's ++ on a non-numeric string: 'a' → 'b', 'Az' → 'Ba', 'zz' → 'aaa', '' → '1'; it stops at a symbol. */
function incrementString(value: string): string {
  if (value === '') return '1';
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    const c = chars[i] as string;
    if (!/[a-zA-Z0-9]/.test(c)) break;
    const wrap = WRAPS[c];
    if (!wrap) {
      chars[i] = String.fromCharCode(c.charCodeAt(0) + 1);
      break;
    }
    chars[i] = wrap[0];
    if (i === 0) return wrap[1] + chars.join('');
  }
  return chars.join('');
}

/**
 * `function=version`, answered before any login: the server's date, its epoch, DST and the time zone
 * of the first active server (TZ as stored, TZNOW one hour more during DST). With no active server
 * VICIdial falls back to PHP's own offset and prints an empty TZ.
 */
export async function versionReply(db: Kysely<VicidialDatabase>, now: Date): Promise<ApiReply> {
  const server = await db.selectFrom('servers').select('local_gmt').where('active', '=', 'Y').limit(1).executeTakeFirst();
  const dst = isDaylightSaving(now);
  let tz = '';
  let tzNow: string;
  if (server) {
    tz = server.local_gmt ?? '';
    const gmt = tz.length > 0 ? tz : null;
    tzNow = dst ? phpIncrement(gmt) : (gmt ?? '');
  } else {
    tzNow = String(localOffsetDigits(now));
  }
  const data = `VERSION: ${VERSION}|BUILD: ${BUILD}|DATE: ${localDateTime(now)}|EPOCH: ${epochSeconds(now)}|DST: ${dst ? 1 : 0}|TZ: ${tz}|TZNOW: ${tzNow}|`;
  return { status: 200, body: `${data}\n` };
}
