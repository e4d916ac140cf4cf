import { auditQuerySchema } from '@vicidash/contracts/audit';
import { afterEach, describe, expect, test } from 'vitest';
import type { Account } from '../auth/accounts.js';
import { dashboardDbTargets } from '../test/dashboard-db.js';
import { AuditLog } from './audit-log.js';
import { MASK } from './mask.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

const ann: Account = { id: 1, username: 'ann', displayName: 'Ann Lee', role: 'supervisor', active: true, mustChangePassword: false, lastLoginAt: null };
const hal: Account = { id: 2, username: 'hal', displayName: 'Hal Desk', role: 'helpdesk', active: true, mustChangePassword: false, lastLoginAt: null };
const query = (q: Record<string, unknown> = {}) => auditQuerySchema.parse(q);

describe.each(Object.entries(dashboardDbTargets))('audit log on %s', (_name, open) => {
  const setup = async () => {
    const { database, drop } = await open();
    cleanups.push(async () => {
      await database.close();
      await drop();
    });
    let now = Date.parse('2026-11-22T08:00:00.000Z');
    const log = new AuditLog(database.db, () => (now += 60_000));
    return { log, database };
  };

  test('keeps who, what, the answer and before/after, with secrets masked', async () => {
    const { log, database } = await setup();
    await log.append({
      actor: ann,
      action: 'update:phones',
      target: { type: 'phone', id: '300@10.10.10.15' },
      outcome: 'success',
      fields: { fullName: 'New name', phonePass: 'hunter22' },
      result: { code: 'OK', message: 'Phone updated.' },
      before: { fullName: 'Old', phonePass: 'old-secret' },
      after: { fullName: 'New name', phonePass: 'hunter22' },
      requestId: 'req-1',
    });
    const { rows, total } = await log.list(query());
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      actor: { username: 'ann', displayName: 'Ann Lee', role: 'supervisor' },
      action: 'update:phones',
      target: { type: 'phone', id: '300@10.10.10.15' },
      outcome: 'success',
      fields: { fullName: 'New name', phonePass: MASK },
      before: { fullName: 'Old', phonePass: MASK },
      after: { phonePass: MASK },
    });
    const raw = JSON.stringify(await database.db.selectFrom('audit_log').selectAll().execute());
    expect(raw).not.toMatch(/hunter22|old-secret/);
  });

  test('secrets are masked at any depth and in lists; a cleared secret stays null', async () => {
    const { log } = await setup();
    await log.append({
      actor: ann,
      action: 'update:phones',
      target: { type: 'phone', id: '300@10.10.10.15' },
      outcome: 'success',
      fields: { phones: [{ phonePass: 'in-a-list' }], deeper: { still: { registrationPassword: 'deep-down' } }, conf_secret: null },
      result: {},
      requestId: 'req-1',
    });
    const [row] = (await log.list(query())).rows;
    expect(row?.fields).toEqual({ phones: [{ phonePass: MASK }], deeper: { still: { registrationPassword: MASK } }, conf_secret: null });
  });

  test('many rows at once (more than one INSERT holds): in order, each with its own time', async () => {
    const { log } = await setup();
    const at = Date.parse('2026-11-22T09:00:00.000Z');
    const records = Array.from({ length: 1_201 }, (_, i) => ({
      at: at + i,
      actor: hal,
      action: 'update:dids',
      target: { type: 'did', id: String(i) },
      outcome: i % 3 === 0 ? ('failure' as const) : ('success' as const),
      fields: { active: true },
      result: { code: i % 3 === 0 ? 'NOT_FOUND' : 'OK' },
      after: { didId: i, registration_password: 'x' },
      requestId: 'bulk-1',
    }));
    await log.appendAll(records);
    const { rows, total } = await log.list(query({ pageSize: 100 }));
    expect(total).toBe(1_201);
    expect(rows[0]).toMatchObject({ at: new Date(at + 1_200).toISOString(), target: { id: '1200' }, outcome: 'failure', after: { didId: 1200, registration_password: MASK } });
    expect(rows[1]).toMatchObject({ at: new Date(at + 1_199).toISOString(), target: { id: '1199' }, outcome: 'success', result: { code: 'OK' } });
  });

  test('filters by person, target, action, outcome and time, newest first, paged', async () => {
    const { log } = await setup();
    const entry = (actor: Account, action: string, id: string, outcome: 'success' | 'failure') =>
      log.append({ actor, action, target: { type: 'did', id }, outcome, fields: {}, result: {}, requestId: 'r' });
    await entry(ann, 'update:dids', '3125551000', 'success'); // 08:01
    await entry(hal, 'update:dids', '3125551000', 'failure'); // 08:02
    await entry(hal, 'create:dids', '3125552000', 'success'); // 08:03
    await entry(ann, 'delete:dids', '3125552000', 'success'); // 08:04

    const ids = async (q: Record<string, unknown>) => (await log.list(query(q))).rows.map((r) => `${r.actor.username}:${r.action}`);
    expect(await ids({})).toEqual(['ann:delete:dids', 'hal:create:dids', 'hal:update:dids', 'ann:update:dids']);
    expect(await ids({ actor: 'hal' })).toEqual(['hal:create:dids', 'hal:update:dids']);
    expect(await ids({ targetType: 'did', targetId: '3125552000' })).toEqual(['ann:delete:dids', 'hal:create:dids']);
    expect(await ids({ action: 'update:dids', outcome: 'failure' })).toEqual(['hal:update:dids']);
    expect(await ids({ from: '2026-11-22T08:02:00Z', to: '2026-11-22T08:03:00Z' })).toEqual(['hal:create:dids', 'hal:update:dids']);
    const page2 = await log.list(query({ pageSize: 3, page: 2 }));
    expect(page2.total).toBe(4);
    expect(page2.rows.map((r) => r.action)).toEqual(['update:dids']);
  });
});
