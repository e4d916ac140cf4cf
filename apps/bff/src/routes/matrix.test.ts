// The full role × route × method matrix, generic over the route table (routes are data): whatever
// route exists is checked against its declared permission and design.md's roles matrix.
import { type Permission, type Role, can, permissionDescriptions, refusalReason } from '@vicidash/contracts/permissions';
import request from 'supertest';
import { afterAll, describe, expect, test } from 'vitest';
import type { RouteSpec } from '../http/route.js';
import { createTestApp } from '../test/app.js';
import { apiRoutes } from './index.js';

const t = await createTestApp();
afterAll(async () => t.close());
const routes = apiRoutes(t.services);
const ROLES: Role[] = ['viewer', 'helpdesk', 'supervisor'];
const CHANGES = new Set(['post', 'put', 'patch', 'delete']);
const where = (spec: RouteSpec) => `${spec.method.toUpperCase()} ${spec.path}`;

/**
 * design.md, "Roles": each capability row, who has it, and the permissions that carry it out.
 * Refreshing servers belongs to changing phones (a phone change is what makes a server wait for it).
 */
const DESIGN_MATRIX: { capability: string; roles: Role[]; permissions: Permission[] }[] = [
  {
    capability: 'list / view phones, aliases, DIDs, in-groups, call menus',
    roles: ['viewer', 'helpdesk', 'supervisor'],
    permissions: ['read:phones', 'read:aliases', 'read:dids', 'read:lookups'],
  },
  { capability: 'see phone_pass / registration_password', roles: ['supervisor'], permissions: ['reveal:secrets'] },
  { capability: 'add / copy / update DIDs', roles: ['helpdesk', 'supervisor'], permissions: ['create:dids', 'copy:dids', 'update:dids'] },
  { capability: 'delete DIDs', roles: ['supervisor'], permissions: ['delete:dids'] },
  {
    capability: 'add / update / delete phones and aliases',
    roles: ['supervisor'],
    permissions: ['create:phones', 'update:phones', 'delete:phones', 'create:aliases', 'update:aliases', 'delete:aliases', 'refresh:servers'],
  },
  { capability: 'view the audit log: own changes', roles: ['helpdesk', 'supervisor'], permissions: ['read:own-audit'] },
  { capability: 'view the audit log: all', roles: ['supervisor'], permissions: ['read:audit'] },
  { capability: 'manage dashboard users', roles: ['supervisor'], permissions: ['manage:users'] },
  { capability: 'revert a change from history / audit: own DID changes', roles: ['helpdesk', 'supervisor'], permissions: ['revert:own-did-changes'] },
  { capability: 'revert a change from history / audit: all', roles: ['supervisor'], permissions: ['revert:any-change'] },
  { capability: 'import CSV: DIDs (add, change)', roles: ['helpdesk', 'supervisor'], permissions: ['import:dids'] },
  { capability: 'import CSV: phones, aliases', roles: ['supervisor'], permissions: ['import:phones', 'import:aliases'] },
  { capability: "change one's own password", roles: ['viewer', 'helpdesk', 'supervisor'], permissions: ['change:own-password'] },
];
const matrixPermissions = DESIGN_MATRIX.flatMap((row) => row.permissions);

/** The API surface of the BFF brief: a route missing from the table fails here. */
const REQUIRED_ROUTES = [
  'GET /api/phones',
  'POST /api/phones',
  'GET /api/phones/:serverIp/:extension',
  'PATCH /api/phones/:serverIp/:extension',
  'DELETE /api/phones/:serverIp/:extension',
  'POST /api/phones/:serverIp/:extension/secrets',
  'GET /api/phones/:serverIp/:extension/aliases',
  'GET /api/aliases',
  'POST /api/aliases',
  'GET /api/aliases/stale-logins',
  'GET /api/aliases/:aliasId',
  'PUT /api/aliases/:aliasId',
  'DELETE /api/aliases/:aliasId',
  'GET /api/dids',
  'POST /api/dids',
  'POST /api/dids/bulk',
  'GET /api/dids/:didId',
  'PATCH /api/dids/:didId',
  'DELETE /api/dids/:didId',
  'POST /api/dids/:didId/copy',
  ...['servers', 'in-groups', 'call-menus', 'campaigns', 'templates', 'user-groups', 'phone-logins', 'time-zones'].map((l) => `GET /api/lookups/${l}`),
  'GET /api/in-groups/:groupId/dids',
  'GET /api/call-menus/:menuId/dids',
  'GET /api/history/:type/:id',
  'GET /api/servers',
  'GET /api/servers/rebuild',
  'POST /api/servers/refresh',
  'GET /api/audit',
  'GET /api/audit/:entryId/revert',
  'POST /api/audit/:entryId/revert',
  'POST /api/auth/login',
  'GET /api/auth/session',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'GET /api/users',
  'POST /api/users',
  'PATCH /api/users/:username',
  'POST /api/users/:username/password-reset',
  'GET /api/health',
  'GET /api/ready',
  ...['dids', 'phones', 'aliases'].flatMap((list) => [`GET /api/${list}/export.csv`, `POST /api/${list}/import`]),
  'GET /api/imports/:importId',
  'GET /api/imports/:importId/errors.csv',
];

/** Real demo-seed records for the path parameters, read from the embedded VICIdial's database. */
async function demoParameters(): Promise<Record<string, string>> {
  const db = t.vicidial.db;
  const phone = await db
    .selectFrom('phones')
    .select(['server_ip', 'extension'])
    .$narrowType<{ server_ip: string; extension: string }>()
    .orderBy('extension')
    .executeTakeFirstOrThrow();
  const alias = await db.selectFrom('phones_alias').select('alias_id').orderBy('alias_id').executeTakeFirstOrThrow();
  const did = await db.selectFrom('vicidial_inbound_dids').select('did_id').orderBy('did_id').executeTakeFirstOrThrow();
  const group = await db.selectFrom('vicidial_inbound_groups').select('group_id').orderBy('group_id').executeTakeFirstOrThrow();
  const menu = await db.selectFrom('vicidial_call_menu').select('menu_id').orderBy('menu_id').executeTakeFirstOrThrow();
  return {
    serverIp: phone.server_ip,
    extension: phone.extension,
    aliasId: alias.alias_id,
    didId: String(did.did_id),
    groupId: group.group_id,
    menuId: menu.menu_id,
    type: 'did',
    id: String(did.did_id),
    // No such entry: the guard is the point (a role that may revert gets 404, not 403).
    entryId: '999999999',
    importId: 'no-such-import',
    // An account of its own: a reset ends its sessions, which must not be the ones logged in here.
    username: (await t.services.accounts.create({ username: 'matrix-target', displayName: 'Matrix', role: 'viewer', password: 'matrix-password' })).username,
  };
}
const parameters = await demoParameters();

const fill = (path: string) =>
  path.replace(/:(\w+)/g, (_all, name: string) => {
    const value = parameters[name];
    if (value === undefined) throw new Error(`matrix.test.ts has no demo value for the path parameter :${name}; add one to demoParameters()`);
    return encodeURIComponent(value);
  });

type Client = ReturnType<typeof request.agent> | ReturnType<typeof request>;

/** The request a route gets here: real ids in the path, a minimal body (the guard is the point, not the input). */
function send(client: Client, spec: RouteSpec, csrfToken?: string) {
  let req = client[spec.method](fill(spec.path));
  if (csrfToken) req = req.set('X-CSRF-Token', csrfToken);
  return spec.body ? req.send({}) : req;
}

const sessions = new Map<Role, Awaited<ReturnType<typeof t.loginAs>>>();
const session = async (role: Role) => {
  if (!sessions.has(role)) sessions.set(role, await t.loginAs(role));
  return sessions.get(role) as Awaited<ReturnType<typeof t.loginAs>>;
};

describe('the route table', () => {
  test('holds the whole API surface (fails until the read and write routes have all landed)', () => {
    const present = new Set(routes.map(where));
    expect(REQUIRED_ROUTES.filter((route) => !present.has(route))).toEqual([]);
  });

  test('declares each method and path once', () => {
    const all = routes.map(where);
    expect(all.filter((route, i) => all.indexOf(route) !== i)).toEqual([]);
  });

  test("every route's permission is one of design.md's roles matrix (or public / any logged-in person)", () => {
    const outside = routes.filter((spec) => spec.permission !== null && spec.permission !== 'authenticated' && !matrixPermissions.includes(spec.permission));
    expect(outside.map(where)).toEqual([]);
  });

  test('only health probes and login/logout are public; only the session and import-progress routes are open to any logged-in person', () => {
    expect(routes.filter((spec) => spec.permission === null).map(where).sort()).toEqual(
      ['GET /api/health', 'GET /api/ready', 'POST /api/auth/login', 'POST /api/auth/logout'].sort(),
    );
    // An import's progress and error report: its own person's (or a supervisor's), whatever it imported.
    expect(routes.filter((spec) => spec.permission === 'authenticated').map(where)).toEqual([
      'GET /api/auth/session',
      'GET /api/imports/:importId',
      'GET /api/imports/:importId/errors.csv',
    ]);
  });
});

describe("the permissions agree with design.md's roles matrix", () => {
  test('every permission belongs to exactly one capability row', () => {
    const permissions = Object.keys(permissionDescriptions) as Permission[];
    expect([...matrixPermissions].sort()).toEqual([...permissions].sort());
  });

  test.each(DESIGN_MATRIX)('$capability', ({ roles, permissions }) => {
    for (const role of ROLES) {
      for (const permission of permissions) expect(can(role, permission), `${role} ${permission}`).toBe(roles.includes(role));
    }
  });
});

const guarded = routes.filter((spec) => spec.permission !== null);

describe.each(guarded.map((spec) => ({ spec, name: where(spec) })))('$name', ({ spec }) => {
  test('logged out: 401', async () => {
    const res = await send(request(t.app), spec);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  test.each(ROLES)('%s: refused with the reason exactly when the role lacks the permission', async (role) => {
    const { agent, csrfToken } = await session(role);
    const res = await send(agent, spec, csrfToken);
    const permission = spec.permission as Permission | 'authenticated';
    if (permission === 'authenticated' || can(role, permission)) {
      expect([401, 403], `${role} holds ${permission}, got ${res.status} ${JSON.stringify(res.body)}`).not.toContain(res.status);
    } else {
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ code: 'FORBIDDEN', message: refusalReason(role, permission) });
    }
  });

  if (CHANGES.has(spec.method)) {
    test.each(ROLES)('%s without the CSRF token: 403 CSRF', async (role) => {
      const { agent } = await session(role);
      const res = await send(agent, spec);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CSRF');
    });
  }
});
