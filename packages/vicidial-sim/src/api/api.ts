import type { Kysely } from 'kysely';
import type { VicidialDatabase } from '../db/schema.js';
import { writeAdminLog } from './admin-log.js';
import { writeApiLog } from './api-log.js';
import { addPhoneAlias, updatePhoneAlias } from './aliases.js';
import { authenticate, functionAllowed, loadApiUser } from './auth.js';
import type { FunctionHandler, HandlerContext } from './context.js';
import { addDid, copyDid, updateDid } from './dids.js';
import { filterParam } from './filters.js';
import { callmenuList, ingroupList } from './lists.js';
import { addPhone, updatePhone } from './phones.js';
import type { ApiReply } from './reply.js';
import { type ApiRequest, loggedUrl, requestParams } from './request.js';
import { serverRefresh } from './servers.js';
import { versionReply } from './version.js';

export type { ApiReply } from './reply.js';
export type { ApiRequest } from './request.js';

export interface VicidialApiOptions {
  /** The clock (tests pin it); VICIdial prints and stores local times of this instant. */
  now?: () => Date;
}

/** The functions of the embedded VICIdial; `source` says whether VICIdial checks the source first. */
const FUNCTIONS = new Map<string, { handler: FunctionHandler; source: boolean }>([
  ['add_phone', { handler: addPhone, source: true }],
  ['update_phone', { handler: updatePhone, source: true }],
  ['add_phone_alias', { handler: addPhoneAlias, source: true }],
  ['update_phone_alias', { handler: updatePhoneAlias, source: true }],
  ['add_did', { handler: addDid, source: true }],
  ['copy_did', { handler: copyDid, source: true }],
  ['update_did', { handler: updateDid, source: true }],
  ['server_refresh', { handler: serverRefresh, source: true }],
  ['ingroup_list', { handler: ingroupList, source: false }],
  ['callmenu_list', { handler: callmenuList, source: false }],
]);

const COFFEE = new Set(['coffee', 'start_coffee', 'make_coffee', 'brew_coffee']);

const text = (body: string, status = 200): ApiReply => ({ status, body });

/** PHP dies with HTTP 500 and no body when a statement fails; so does the embedded VICIdial. */
const SERVER_ERROR: ApiReply = { status: 500, body: '' };

/**
 * VICIdial's Non-Agent API in process: version and coffee before anything else, then login, then per
 * function the source check, the api_allowed_functions check, and the function itself (which checks
 * the user's own permission flags).
 */
export function createVicidialApi(db: Kysely<VicidialDatabase>, options: VicidialApiOptions = {}) {
  const clock = options.now ?? (() => new Date());

  /** The answer; VICIdial logs every call but a refused login (vicidial_api_log, vicidial_api_urls). */
  async function answer(request: ApiRequest): Promise<ApiReply> {
    const params = requestParams(request);
    const param = (name: string) => params.get(name) ?? '';
    const now = clock();
    const fn = filterParam('function', param('function'));
    const user = filterParam('user', param('user'));
    const logged = async (reply: ApiReply) => {
      const call = { user, function: fn, source: filterParam('source', param('source')), remoteIp: request.remoteIp, url: loggedUrl(request), now };
      await writeApiLog(db, call, reply);
      return reply;
    };

    if (fn === 'version') return logged(await versionReply(db, now));
    if (COFFEE.has(fn)) return logged(text(`Coffee: ${fn}|Error 418 I'm a teapot`, 418));

    const pass = filterParam('pass', param('pass'));
    const auth = await authenticate(db, { user, pass, ip: request.remoteIp, now });
    if (auth === 'LOCK') return text(`ERROR: Too many login attempts, try again in 15 minutes: |${user}|LOCK|\n`);
    if (auth === 'BAD') return text(`ERROR: Login incorrect, please try again: |${user}|${pass}|BAD|\n`);
    return logged(await authorised(request, params, fn, user, now));
  }

  async function authorised(request: ApiRequest, params: ReturnType<typeof requestParams>, fn: string, user: string, now: Date): Promise<ApiReply> {
    const param = (name: string) => params.get(name) ?? '';

    const route = FUNCTIONS.get(fn);
    if (!route) return text('ERROR: NO FUNCTION SPECIFIED\n');
    const source = filterParam('source', param('source'));
    if (route.source && source.length < 2) {
      return text(`ERROR: Invalid Source - ${source}\nERROR: Invalid Source: |${source}|\n`);
    }
    if (!(await functionAllowed(db, user, fn))) {
      return text(`ERROR: auth USER DOES NOT HAVE PERMISSION TO USE THIS FUNCTION: |${user}|${fn}|\n`);
    }

    const apiUser = await loadApiUser(db, user);
    const ctx: HandlerContext = {
      db,
      user: apiUser,
      source,
      remoteIp: request.remoteIp,
      now,
      param,
      has: (name) => params.get(name) !== undefined,
      adminLog: (entry) => writeAdminLog(db, { user, ip: request.remoteIp, now }, entry),
    };
    return route.handler(ctx);
  }

  return async (request: ApiRequest): Promise<ApiReply> => {
    try {
      return await answer(request);
    } catch {
      return SERVER_ERROR;
    }
  };
}

export type VicidialApi = ReturnType<typeof createVicidialApi>;
