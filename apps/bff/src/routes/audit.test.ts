import type { AuditEntry } from '@vicidash/contracts/audit';
import { refusalReason, type Role } from '@vicidash/contracts/permissions';
import { beforeAll, describe, expect, test } from 'vitest';
import { readTestApp } from './reads-test-support.js';

describe('GET /api/audit', () => {
  const { t, get } = readTestApp('sqlite');

  beforeAll(async () => {
    const accounts = await t().services.accounts.list();
    const append = async (role: Role, action: string, targetId: string, outcome: 'success' | 'failure') => {
      const actor = accounts.find((a) => a.username === role);
      if (!actor) throw new Error(`no ${role} account`);
      await t().services.audit.append({ actor, action, target: { type: 'did', id: targetId }, outcome, fields: {}, result: { code: 'OK' }, requestId: 'test' });
    };
    await append('helpdesk', 'update:dids', '11', 'success');
    await append('supervisor', 'delete:dids', '12', 'success');
    await append('helpdesk', 'update:dids', '13', 'failure');
    await append('supervisor', 'update:dids', '13', 'success');
  });
  const actors = (rows: AuditEntry[]) => rows.map((r) => `${r.actor.username} ${r.target.id}`);

  test('supervisors see every entry, newest first, with filters', async () => {
    const res = await get('/api/audit', 'supervisor');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(4);
    expect(actors(res.body.rows)).toEqual(['supervisor 13', 'helpdesk 13', 'supervisor 12', 'helpdesk 11']);
    expect(actors((await get('/api/audit?actor=helpdesk', 'supervisor')).body.rows)).toEqual(['helpdesk 13', 'helpdesk 11']);
    expect(actors((await get('/api/audit?targetId=13&outcome=success', 'supervisor')).body.rows)).toEqual(['supervisor 13']);
  });

  test('helpdesk sees only their own entries, and may not ask for anyone else’s', async () => {
    const own = await get('/api/audit', 'helpdesk');
    expect(own.status).toBe(200);
    expect(own.body.total).toBe(2);
    expect(actors(own.body.rows)).toEqual(['helpdesk 13', 'helpdesk 11']);
    expect(actors((await get('/api/audit?action=update:dids&targetId=13', 'helpdesk')).body.rows)).toEqual(['helpdesk 13']);
    expect(actors((await get('/api/audit?actor=helpdesk', 'helpdesk')).body.rows)).toEqual(['helpdesk 13', 'helpdesk 11']);

    const other = await get('/api/audit?actor=supervisor', 'helpdesk');
    expect(other.status).toBe(403);
    expect(other.body).toEqual({ code: 'FORBIDDEN', message: refusalReason('helpdesk', 'read:audit') });
  });

  test('viewers may not read the audit', async () => {
    const res = await get('/api/audit', 'viewer');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'FORBIDDEN', message: refusalReason('viewer', 'read:own-audit') });
  });

  test('a bad filter is refused naming the field', async () => {
    expect((await get('/api/audit?outcome=maybe', 'supervisor')).body).toMatchObject({ code: 'VALIDATION', field: 'outcome' });
  });

  test('From after To is refused with a message, not answered with nothing', async () => {
    const res = await get(`/api/audit?from=${encodeURIComponent('2026-11-22T10:00:00Z')}&to=${encodeURIComponent('2026-11-22T09:00:00Z')}`, 'supervisor');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'from', message: expect.stringMatching(/^From: a time before To/) });
    const same = encodeURIComponent('2026-11-22T09:00:00Z');
    expect((await get(`/api/audit?from=${same}&to=${same}`, 'supervisor')).status).toBe(200);
  });

  test('the people of the audit, for the person filter: everyone for a supervisor, oneself for helpdesk, nobody for a viewer', async () => {
    const everyone = await get('/api/audit/people', 'supervisor');
    expect(everyone.status).toBe(200);
    expect(everyone.body).toEqual([
      { username: 'helpdesk', displayName: 'Test helpdesk' },
      { username: 'supervisor', displayName: 'Test supervisor' },
    ]);
    expect((await get('/api/audit/people', 'helpdesk')).body).toEqual([{ username: 'helpdesk', displayName: 'Test helpdesk' }]);
    const viewer = await get('/api/audit/people', 'viewer');
    expect(viewer.status).toBe(403);
    expect(viewer.body).toEqual({ code: 'FORBIDDEN', message: refusalReason('viewer', 'read:own-audit') });
  });
});

describe('audited actions', () => {
  test('every write route audits an action the audit page knows', async () => {
    const { writeRoute } = await import('../audit/write-route.js');
    const declare = (action: string) => () =>
      writeRoute({} as never, { method: 'post', path: '/api/x', tag: 'x', summary: 'x', permission: 'manage:users', action: action as never, response: null, target: () => ({ type: 'user', id: 'x' }), handler: async () => {} });
    expect(declare('manage:users')).toThrow('POST /api/x: "manage:users" is not in AUDIT_ACTIONS');
    expect(declare('reset:user-password')).not.toThrow();
  });
});
