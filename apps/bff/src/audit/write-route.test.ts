/**
 * What a refused request costs the audit: the body limit fits the largest real request and no more,
 * a refused body is kept only in part, and any body that parses can be audited.
 */
import { bulkUpdateDidsRequestSchema } from '@vicidash/contracts/did';
import { BULK_MAX } from '@vicidash/contracts/common';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { JSON_BODY_LIMIT_BYTES } from '../app.js';
import { writeTestApp } from '../routes/changes-test-support.js';
import { MASK } from './mask.js';

/** The largest request the forms send: a bulk change of as many DIDs as allowed, each the longest pattern, with the widest routing. */
const largestBulk = (invalid: Record<string, unknown> = {}) => ({
  dids: Array.from({ length: BULK_MAX }, (_, i) => `+${String(i).padStart(49, '0')}`),
  routing: {
    route: 'IN_GROUP',
    inGroup: 'G'.repeat(20),
    callHandleMethod: 'C'.repeat(20),
    agentSearchMethod: 'LB',
    listId: 99_999_999_999_999,
    entryListId: 99_999_999_999_999,
    campaignId: 'C'.repeat(8),
    phoneCode: '9'.repeat(10),
  },
  active: true,
  recordCall: 'Y_QUEUESTOP',
  ...invalid,
});

describe('the body limit', () => {
  test('the largest valid request fits; it is checked, not refused for its size', async () => {
    expect(bulkUpdateDidsRequestSchema.safeParse(largestBulk()).success).toBe(true);
    // Nothing longer would be valid: one more DID, or one more character in a pattern.
    expect(bulkUpdateDidsRequestSchema.safeParse({ ...largestBulk(), dids: [...largestBulk().dids, '12'] }).success).toBe(false);
    expect(bulkUpdateDidsRequestSchema.safeParse({ ...largestBulk(), dids: [`${largestBulk().dids[0]}7`] }).success).toBe(false);
    expect(Buffer.byteLength(JSON.stringify(largestBulk()))).toBeLessThanOrEqual(JSON_BODY_LIMIT_BYTES);

    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids/bulk', largestBulk({ active: 'yes' }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'active' });
  });

  test('a larger body is 413 saying so, with the limit', async () => {
    const t = await writeTestApp();
    const res = await t.send('post', '/api/dids', { pattern: '3'.repeat(JSON_BODY_LIMIT_BYTES) });
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ code: 'VALIDATION', message: `The request is too large: at most ${JSON_BODY_LIMIT_BYTES / 1024} KB.` });
  });
});

describe('a refused request in the audit', () => {
  test('keeps at most the start of its body, marked truncated, secrets masked: 20 of them stay small', async () => {
    const t = await writeTestApp();
    const body = { pattern: '3'.repeat(JSON_BODY_LIMIT_BYTES - 1000), routing: { route: 'EXTEN', password: 'hunter22' } };
    for (let i = 0; i < 20; i++) expect((await t.send('post', '/api/dids', body)).status).toBe(400);
    const stored = await t.services.dashboardDb
      .selectFrom('audit_log')
      .select(sql<number>`sum(length(fields))`.as('characters'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.characters)).toBeLessThan(20 * 5_000);
    const rows = await t.auditRows();
    expect(rows).toHaveLength(20);
    expect(rows[0]?.fields).toMatchObject({ truncated: true, characters: expect.any(Number), kept: expect.stringMatching(/^\{"pattern":"3333/) });

    // A short refused body is kept whole, its secrets masked.
    await t.send('post', '/api/dids', { pattern: 'x', routing: { route: 'EXTEN', password: 'hunter22' } });
    expect((await t.auditRows()).at(-1)?.fields).toEqual({ pattern: 'x', routing: { route: 'EXTEN', password: MASK } });
    expect(JSON.stringify(await t.services.dashboardDb.selectFrom('audit_log').selectAll().execute())).not.toContain('hunter22');
  });

  test('a body nested 10,000 deep is audited, not lost', async () => {
    const t = await writeTestApp();
    const deep = `{"aliasId":"night","name":${'['.repeat(10_000)}${']'.repeat(10_000)},"logins":["1001a"]}`;
    const { agent, csrfToken } = await t.loginAs('supervisor');
    const res = await agent.post('/api/aliases').set('X-CSRF-Token', csrfToken).set('Content-Type', 'application/json').send(deep);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'name' });
    const rows = await t.auditRows();
    expect(rows).toMatchObject([{ action: 'create:aliases', outcome: 'failure', fields: { aliasId: 'night', logins: ['1001a'] } }]);
    expect(t.logs.lines.join('')).not.toContain('audit append failed');
  });
});
