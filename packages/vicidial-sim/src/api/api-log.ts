import type { Kysely } from 'kysely';
import { fitRow } from '../db/fit.js';
import type { VicidialDatabase } from '../db/schema.js';
import { vicidial_api_log, vicidial_api_urls } from '../db/tables.js';
import { localDateTime } from './clock.js';
import type { ApiReply } from './reply.js';

export interface ApiLogCall {
  /** As sent (blank for version, coffee and a call without a function). */
  user: string;
  function: string;
  source: string;
  remoteIp: string;
  url: string;
  now: Date;
}

/**
 * result, result_reason and data of an answer's last line, as VICIdial's api_log() receives them:
 * `SUCCESS: <reason> - <user>|<data>`, `ERROR: <reason>: |<user>|<data>`, a bare `ERROR: <reason>`;
 * an answer of another shape (version, coffee) is logged whole as data.
 */
function outcome(reply: ApiReply): { result: string; result_reason: string; data: string } {
  const line = reply.body.split('\n').filter((text) => text !== '').at(-1) ?? '';
  const success = /^SUCCESS: (.*?) - [^|]*\|?(.*)$/.exec(line);
  if (success) return { result: 'SUCCESS', result_reason: success[1] ?? '', data: success[2] ?? '' };
  const refusal = /^(ERROR|NOTICE): (.*?)(?:: \|[^|]*\|(.*))?$/.exec(line);
  if (refusal) return { result: refusal[1] ?? '', result_reason: refusal[2] ?? '', data: (refusal[3] ?? '').replace(/\|$/, '') };
  return { result: reply.status === 200 ? 'SUCCESS' : 'ERROR', result_reason: '', data: line };
}

/** One vicidial_api_log row and, once it is written, its vicidial_api_urls row. */
export async function writeApiLog(db: Kysely<VicidialDatabase>, call: ApiLogCall, reply: ApiReply): Promise<void> {
  const at = localDateTime(call.now);
  const row = fitRow(vicidial_api_log, {
    user: call.user,
    api_date: at,
    api_script: 'non-agent',
    function: call.function,
    agent_user: '',
    value: '',
    ...outcome(reply),
    source: call.source,
    run_time: '0',
    webserver: 0,
    api_url: 0,
  });
  const inserted = await db.insertInto('vicidial_api_log').values(row as never).executeTakeFirstOrThrow();
  const url = fitRow(vicidial_api_urls, { api_id: Number(inserted.insertId), api_date: at, remote_ip: call.remoteIp, url: call.url });
  await db.insertInto('vicidial_api_urls').values(url as never).execute();
}
