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
});
