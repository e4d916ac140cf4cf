import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { VicidialDb } from '../db/connect.js';
import { openConformanceDb } from './database.js';
import { loadRecording, parseDbEffects, parseTranscript, type RecordedCall } from './recording.js';
import { LAST_NON_STRICT_CALL, matchesFilter, replay } from './replay.js';

const recording = await loadRecording();

describe('the recording', () => {
  test('has every call, GET and POST, with its effects', () => {
    expect(recording.calls).toHaveLength(292);
    const both = recording.calls[130] as RecordedCall;
    expect(both).toMatchObject({ n: 131, method: 'POST', body: 'phone_full_name=Post+Loses&email=post%40body.com' });
    expect(both.query).toContain('phone_full_name=Get+Wins');
    expect(recording.calls[275]).toMatchObject({ n: 276, contentType: 'application/json', query: '' });
    expect(recording.calls[2]).toMatchObject({ status: 418, response: "Coffee: coffee|Error 418 I'm a teapot" });
    expect(recording.effects.get(274)?.resetRebuild).toBe(false);
    expect(recording.effects.get(273)?.resetRebuild).toBe(true);
    expect(recording.effects.get(23)?.diffs.get('vicidial_inbound_dids')?.added[0]).toMatch(/^5\t3125557000\tNULL\t/);
  });

  test('unescapes bodies but keeps row values as recorded', () => {
    const [call] = parseTranscript('function\tquery_string\thttp_status\traw_response\nx\ta=1\t200\tA\\tB\\\\n\\n\n');
    expect(call?.response).toBe('A\tB\\n\n');
    const effects = parseDbEffects(
      '## 7. x — y\n\nvicidial_admin_log new rows (a,b):\n```\n1\tnotes:\\n\n```\n\nphones (extension):\n```diff\n-1\n+2\n```\n',
    );
    expect(effects.get(7)?.adminLog).toEqual(['1\tnotes:\\n']);
    expect(effects.get(7)?.diffs.get('phones')).toEqual({ columns: ['extension'], removed: ['1'], added: ['2'] });
  });

  test('a filter picks calls by function, number or range', () => {
    const call = recording.calls[44] as RecordedCall;
    expect(matchesFilter('add_phone', call)).toBe(true);
    expect(matchesFilter('update_did, 45', call)).toBe(true);
    expect(matchesFilter('40-50', call)).toBe(true);
    expect(matchesFilter('46-50,update_did', call)).toBe(false);
    expect(matchesFilter(undefined, call)).toBe(false);
  });
});

describe('the replay', () => {
  let conn: VicidialDb;
  beforeEach(async () => {
    conn = await openConformanceDb();
  });
  afterEach(() => conn.close());

  const hasEffects = (n: number) => {
    const effect = recording.effects.get(n);
    return Boolean(effect && (effect.adminLog.length > 0 || effect.diffs.size > 0));
  };

  test('finds every call whose rows did not change as recorded', async () => {
    // Answers exactly as recorded but writes nothing: only the calls without row changes pass.
    const report = await replay({
      ...recording,
      db: conn.db,
      send: async (call) => ({ status: call.status, body: call.response }),
    });
    const failing = report.results.filter((r) => r.problems.length > 0).map((r) => r.call.n);
    const withEffects = recording.calls.filter((c) => c.n <= LAST_NON_STRICT_CALL && hasEffects(c.n)).map((c) => c.n);
    expect(report.total).toBe(LAST_NON_STRICT_CALL);
    expect(withEffects.length).toBeGreaterThan(50);
    expect(failing).toEqual(withEffects);
  });

  test('finds a differing answer, but not a different clock in version', async () => {
    const report = await replay({
      ...recording,
      calls: recording.calls.slice(0, 6),
      db: conn.db,
      send: async (call) => ({
        status: call.status,
        body: call.n === 5 ? 'ERROR: something else\n' : call.response.replace(/DATE: [^|]*\|EPOCH: \d+/, 'DATE: 2030-01-01 00:00:00|EPOCH: 1'),
      }),
    });
    expect(report.results.map((r) => r.problems.length > 0)).toEqual([false, false, false, false, true, false]);
    expect(report.results[4]?.problems[0]).toContain('ERROR: something else');
  });
});
