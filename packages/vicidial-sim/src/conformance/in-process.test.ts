import { createTestDatabase } from '@vicidash/testkit';
import { expect, test } from 'vitest';
import { createVicidialApi } from '../api/api.js';
import type { VicidialDb } from '../db/connect.js';
import { openConformanceDb } from './database.js';
import { loadRecording } from './recording.js';
import { formatReport, replay } from './replay.js';
import { inProcess } from './targets.js';

// The acceptance run in process: the recorded session replayed from its seed, call by call.
// CONFORMANCE_FILTER=update_did (or 12,40-45) lists those calls one by one.

async function replayInProcess(conn: VicidialDb): Promise<void> {
  const { calls, effects } = await loadRecording();
  const report = await replay({
    calls,
    effects,
    db: conn.db,
    send: inProcess(createVicidialApi(conn.db)),
    filter: process.env.CONFORMANCE_FILTER,
  });
  const summary = formatReport(report);
  console.log(`[${conn.dialect}] ${summary}`);
  expect(report.identical, summary).toBe(report.total);
}

test('replays the recorded session on SQLite', async () => {
  const conn = await openConformanceDb();
  try {
    await replayInProcess(conn);
  } finally {
    await conn.close();
  }
}, 120_000);

test('replays the recorded session on MariaDB', async () => {
  const database = await createTestDatabase('vicisim_conformance');
  const conn = await openConformanceDb(database.url);
  try {
    await replayInProcess(conn);
  } finally {
    await conn.close();
    await database.drop();
  }
}, 180_000);
