/**
 * Test support for the write routes' HTTP tests: the real BFF on the embedded VICIdial, logged in,
 * with what the checks need — VICIdial's own admin log, the dashboard's audit, current versions.
 */
import { auditQuerySchema } from '@vicidash/contracts/audit';
import type { Role } from '@vicidash/contracts/permissions';
import { startServer, type TestServer } from '@vicidash/vicidial-client/test-server';
import { afterEach } from 'vitest';
import { createTestApp, type TestAppOptions } from '../test/app.js';
import { vicidialRecords } from '../vicidial/records.js';
import { isAccountCheck } from '../test/account-checks.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

const opened: (() => Promise<void>)[] = [];
const servers: TestServer[] = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
  for (const server of servers.splice(0)) await server.close();
});

/**
 * A stand-in between the BFF and the embedded VICIdial that passes every call on (after `rewrite`
 * of its form), except that where `loseAnswer` says so the change is made but its answer is lost
 * (HTTP 500 after VICIdial made it). Point the BFF at `url`, then the relay at the VICIdial with `to`.
 */
export async function vicidialRelay(options: { rewrite?: (form: URLSearchParams) => void; loseAnswer?: (form: URLSearchParams) => boolean }) {
  let upstream = '';
  const server = await startServer((request, response) => {
    const form = new URLSearchParams(request.form);
    const lost = options.loseAnswer?.(form) ?? false;
    options.rewrite?.(form);
    void fetch(upstream, { method: 'POST', headers: { 'content-type': request.contentType }, body: form.toString() })
      .then(async (answer) => {
        const body = await answer.text();
        response.writeHead(lost ? 500 : answer.status, { 'content-type': 'text/html; charset=utf-8' });
        response.end(lost ? '' : body);
      })
      .catch(() => response.destroy());
  });
  servers.push(server);
  return { url: server.url, requests: server.requests, to: (url: string) => (upstream = url) };
}

/** A test app closed after the test, with a logged-in person of `role` (supervisor by default). */
export async function writeTestApp(options: TestAppOptions & { role?: Role } = {}) {
  const t = await createTestApp(options);
  opened.push(t.close);
  const records = vicidialRecords(t.services);

  // One login per role, however many requests start at once.
  const sessions = new Map<Role, ReturnType<typeof t.loginAs>>();
  const session = (role: Role) => {
    const existing = sessions.get(role);
    if (existing) return existing;
    const created = t.loginAs(role);
    sessions.set(role, created);
    return created;
  };

  /** Sends a request (a change, or a read) as `as` (default: the app's role), with the CSRF token and, when given, If-Match and other headers. */
  const send = async (method: Method, path: string, body?: object, extra: { version?: string; as?: Role; headers?: Record<string, string> } = {}) => {
    const { agent, csrfToken } = await session(extra.as ?? options.role ?? 'supervisor');
    let req = agent[method](path).set('X-CSRF-Token', csrfToken).set(extra.headers ?? {});
    if (extra.version) req = req.set('If-Match', `"${extra.version}"`);
    return body === undefined ? req : req.send(body);
  };

  /** VICIdial's own log of the writes it made (one row per successful API write). */
  const adminLog = () => t.vicidial.db.selectFrom('vicidial_admin_log').selectAll().orderBy('admin_log_id').execute();

  /** The dashboard's audit, oldest first. */
  const auditRows = async () => (await t.services.audit.list(auditQuerySchema.parse({ pageSize: 200 }))).rows.reverse();

  return { ...t, records, send, adminLog, auditRows };
}
/** The requests VICIdial received other than the BFF's checks of its API user: the writes themselves. */
export const sentWrites = <R extends { form: URLSearchParams }>(requests: readonly R[]): R[] => requests.filter(({ form }) => !isAccountCheck(form));

export type WriteTestApp = Awaited<ReturnType<typeof writeTestApp>>;

/** A DID of the demo data, by its pattern. */
export async function demoDid(t: WriteTestApp, pattern: string) {
  const did = await t.records.didByPattern(pattern);
  if (!did) throw new Error(`no demo DID ${pattern}`);
  return did;
}

/** A demo phone on the Chicago server, listed in the alias sales_pod1. */
export const DEMO_PHONE = { serverIp: '10.20.0.11', extension: '1001' } as const;
export const phonePath = (key: { serverIp: string; extension: string }) => `/api/phones/${encodeURIComponent(key.serverIp)}/${encodeURIComponent(key.extension)}`;

/** A complete, valid new phone for the Chicago server. */
export const NEW_PHONE = {
  extension: '6001',
  serverIp: '10.20.0.11',
  dialplanNumber: '6001',
  voicemailId: '6001',
  login: '6001a',
  password: 'Phone-Pass-6001',
  registrationPassword: 'Reg-Secret-6001',
  protocol: 'SIP',
  fullName: 'New desk 6001',
  gmtOffset: '-6.00',
  outboundCallerId: '3125550100',
} as const;
