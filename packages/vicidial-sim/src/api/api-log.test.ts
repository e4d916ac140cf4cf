import { afterEach, beforeEach, expect, test } from 'vitest';
import { openConformanceDb } from '../conformance/database.js';
import type { VicidialDb } from '../db/connect.js';
import { createVicidialApi } from './api.js';

let conn: VicidialDb;
beforeEach(async () => {
  conn = await openConformanceDb();
});
afterEach(() => conn.close());

const now = new Date(2026, 10, 22, 5, 59, 47);
const send = (query: string, form?: string) =>
  createVicidialApi(conn.db, { now: () => now })({
    method: form === undefined ? 'GET' : 'POST',
    url: `/vicidial/non_agent_api.php${query ? `?${query}` : ''}`,
    headers: { host: 'dialer.example', ...(form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }) },
    ...(form === undefined ? {} : { body: form }),
    remoteIp: '10.0.0.9',
  });
const logs = async () => ({
  api: await conn.db.selectFrom('vicidial_api_log').selectAll().orderBy('api_id').execute(),
  urls: await conn.db.selectFrom('vicidial_api_urls').selectAll().orderBy('api_id').execute(),
});

test('every call past the login writes one vicidial_api_log row and its URL, the password in it', async () => {
  const before = await logs();
  await send('function=update_did', 'user=6666&pass=1234&source=test&did_pattern=');
  await send('function=version');
  const { api, urls } = await logs();
  expect(api.slice(before.api.length)).toMatchObject([
    { user: '6666', function: 'update_did', result: 'ERROR', result_reason: 'update_did YOU MUST USE ALL REQUIRED FIELDS', source: 'test', data: '' },
    { user: '', function: 'version', result: 'SUCCESS', data: expect.stringMatching(/^VERSION: 2\.14-202\|/) },
  ]);
  expect(urls.slice(before.urls.length)).toEqual([
    {
      api_id: api.at(-2)?.api_id,
      api_date: '2026-11-22 05:59:47',
      remote_ip: '10.0.0.9',
      url: 'http://dialer.example/vicidial/non_agent_api.php?function=update_did&GET-AND-POST=Y&user=6666&pass=1234&source=test&did_pattern=',
    },
    { api_id: api.at(-1)?.api_id, api_date: '2026-11-22 05:59:47', remote_ip: '10.0.0.9', url: 'http://dialer.example/vicidial/non_agent_api.php?function=version' },
  ]);
});

test('a POST without a query string logs its fields as the query; a refused login logs nothing', async () => {
  const before = await logs();
  await send('', 'function=update_did&user=6666&pass=bad&source=test');
  expect(await logs()).toEqual(before);
  await send('', 'function=update_did&user=6666&pass=1234&source=test&did_pattern=3125559999');
  const { api, urls } = await logs();
  expect(api.slice(before.api.length)).toMatchObject([{ function: 'update_did', result: 'ERROR', result_reason: 'update_did DID DOES NOT EXIST', data: '3125559999' }]);
  expect(urls.at(-1)?.url).toBe('http://dialer.example/vicidial/non_agent_api.php?function=update_did&user=6666&pass=1234&source=test&did_pattern=3125559999');
});
