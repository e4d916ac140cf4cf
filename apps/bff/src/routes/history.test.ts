import type { HistoryEntry } from '@vicidash/contracts/history';
import type { Role } from '@vicidash/contracts/permissions';
import { describe, expect, test } from 'vitest';
import { DIALECTS, readTestApp } from './reads-test-support.js';

describe.each(DIALECTS)('record history on %s', (dialect) => {
  const { t, get, vicidialDb, callVicidial } = readTestApp(dialect);

  /** A dashboard audit row for `target`, as the write routes append them. */
  const appendAudit = async (role: Role, target: { type: string; id: string }, message?: string) => {
    const actor = (await t().services.accounts.list()).find((a) => a.username === role);
    if (!actor) throw new Error(`no ${role} account`);
    // The test app's clock stands still unless moved: bring it to now, as the audit's time.
    t().advance(Date.now() - t().services.now());
    await t().services.audit.append({
      actor,
      action: 'update:dids',
      target,
      outcome: message ? 'failure' : 'success',
      fields: { description: `Set by ${role}` },
      result: message ? { code: 'VICIDIAL_REJECTED', message } : { code: 'OK' },
      before: { description: 'old' },
      after: message ? null : { description: `Set by ${role}` },
      requestId: 'test',
    });
  };
  const history = async (path: string, role: Role = 'supervisor') => (await get(`/api/history/${path}`, role)).body as { entries: HistoryEntry[]; auditScope: string };
  const didNamed = async (pattern: string) =>
    Number((await vicidialDb().selectFrom('vicidial_inbound_dids').select('did_id').where('did_pattern', '=', pattern).executeTakeFirstOrThrow()).did_id);

  test("a DID's history: VICIdial's admin log and the dashboard's audit, newest first", async () => {
    const didId = await didNamed('3125550101');
    expect((await history(`did/${didId}`)).entries).toEqual([]);

    const sent = Date.now();
    await callVicidial({ function: 'update_did', did_pattern: '3125550101', did_description: 'Sales line renamed' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await appendAudit('helpdesk', { type: 'did', id: String(didId) });

    const res = await get(`/api/history/did/${didId}`, 'supervisor');
    expect(res.status).toBe(200);
    expect(res.body.auditScope).toBe('all');
    const [dashboard, vicidial, ...rest] = res.body.entries as HistoryEntry[];
    expect(rest).toEqual([]);
    expect(dashboard).toMatchObject({
      source: 'dashboard',
      actor: 'helpdesk',
      actorName: 'Test helpdesk',
      role: 'helpdesk',
      action: 'update:dids',
      outcome: 'success',
      summary: 'Done',
      fields: { description: 'Set by helpdesk' },
      before: { description: 'old' },
      after: { description: 'Set by helpdesk' },
    });
    expect(vicidial).toEqual({
      id: expect.stringMatching(/^vicidial:\d+$/),
      source: 'vicidial',
      at: expect.any(String),
      actor: 'dashboard',
      actorName: null,
      role: null,
      action: 'MODIFY',
      outcome: 'success',
      summary: `ADMIN API UPDATE DID: did: 3125550101 did_id: ${didId}`,
      fields: null,
      before: null,
      after: null,
    });
    // VICIdial's local time, read as the instant it was.
    expect(Math.abs(Date.parse(vicidial?.at ?? '') - sent)).toBeLessThan(5_000);
    expect(dashboard && vicidial && dashboard.at >= vicidial.at).toBe(true);
  });

  test("the dashboard's part follows the role's audit permission: all, own, none", async () => {
    const didId = await didNamed('3125550102');
    await callVicidial({ function: 'update_did', did_pattern: '3125550102', active: 'N' });
    await appendAudit('supervisor', { type: 'did', id: String(didId) });
    await appendAudit('helpdesk', { type: 'did', id: String(didId) }, 'VICIdial refused it');

    const who = (entries: HistoryEntry[]) => entries.map((e) => `${e.source}:${e.actor}`).sort();
    expect(who((await history(`did/${didId}`, 'supervisor')).entries)).toEqual(['dashboard:helpdesk', 'dashboard:supervisor', 'vicidial:dashboard']);
    const helpdesk = await history(`did/${didId}`, 'helpdesk');
    expect(helpdesk.auditScope).toBe('own');
    expect(who(helpdesk.entries)).toEqual(['dashboard:helpdesk', 'vicidial:dashboard']);
    expect(helpdesk.entries.find((e) => e.source === 'dashboard')).toMatchObject({ outcome: 'failure', summary: 'VICIdial refused it' });
    const viewer = await history(`did/${didId}`, 'viewer');
    expect(viewer.auditScope).toBe('none');
    expect(who(viewer.entries)).toEqual(['vicidial:dashboard']);
  });

  test("a phone's history is its server's only, and never shows VICIdial's SQL (it holds the SIP passwords)", async () => {
    await callVicidial({ function: 'update_phone', extension: '8000', server_ip: '10.20.0.11', phone_pass: 'Leaky-Secret-99', phone_full_name: 'Front desk HQ' });
    const [logged] = await vicidialDb().selectFrom('vicidial_admin_log').select('event_sql').where('record_id', '=', '8000').execute();
    expect(logged?.event_sql).toContain('Leaky-Secret-99');

    const chicago = await get('/api/history/phone/8000@10.20.0.11');
    expect(chicago.body.entries).toMatchObject([{ source: 'vicidial', action: 'MODIFY', summary: 'ADMIN API UPDATE PHONE: phone: 8000|10.20.0.11' }]);
    expect(JSON.stringify(chicago.body)).not.toContain('Leaky-Secret-99');
    expect((await history('phone/8000@10.20.0.12')).entries).toEqual([]);
  });

  test("an alias's history, and a deleted record's history is still there", async () => {
    await callVicidial({ function: 'update_phone_alias', alias_id: 'on_call', alias_name: 'On call phones', phone_logins: '9001a,9002b' });
    expect((await history('alias/on_call')).entries).toMatchObject([{ source: 'vicidial', summary: 'ADMIN API UPDATE PHONE: phones: 9001a,9002b' }]);

    const didId = await didNamed('3125550103');
    await callVicidial({ function: 'update_did', did_pattern: '3125550103', delete_did: 'Y' });
    expect((await history(`did/${didId}`)).entries).toMatchObject([{ action: 'DELETE' }]);
  });

  test("a record's history however much of the log came after it (VICIdial indexes record_id)", async () => {
    const didId = await didNamed('3125550104');
    await callVicidial({ function: 'update_did', did_pattern: '3125550104', did_description: 'Long ago renamed' });
    // Years of log later: the next row's id as if 200,000 rows of other records came after it.
    const newest = await vicidialDb().selectFrom('vicidial_admin_log').select((eb) => eb.fn.max('admin_log_id').as('id')).executeTakeFirstOrThrow();
    await vicidialDb()
      .insertInto('vicidial_admin_log')
      .values({
        admin_log_id: Number(newest.id) + 200_000,
        event_date: '2030-01-01 00:00:00',
        user: 'admin',
        ip_address: '10.0.0.1',
        event_section: 'SERVERS',
        record_id: 'refresh',
        event_code: 'ADMIN API SERVERS REFRESH',
      })
      .execute();
    expect((await history(`did/${didId}`)).entries).toMatchObject([{ source: 'vicidial', summary: `ADMIN API UPDATE DID: did: 3125550104 did_id: ${didId}` }]);
  });

  test('unknown records without history are 404; malformed ids are 400 naming the field', async () => {
    expect(await get('/api/history/did/999999')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND', message: 'No DID 999999, and no history of one.' } });
    expect(await get('/api/history/alias/nobody')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await get('/api/history/phone/1001@10.20.0.12')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    // An existing record without history: an empty history.
    expect(await get('/api/history/phone/1001@10.20.0.11')).toMatchObject({ status: 200, body: { entries: [] } });
    expect((await get('/api/history/phone/1001')).body).toMatchObject({ code: 'VALIDATION', field: 'id' });
    expect((await get('/api/history/did/abc')).body).toMatchObject({ code: 'VALIDATION', field: 'id' });
    expect((await get('/api/history/campaign/X')).body).toMatchObject({ code: 'VALIDATION', field: 'type' });
  });
});
