import { afterAll, beforeAll, expect, test } from 'vitest';
import { openConformanceDb } from './conformance/database.js';
import type { VicidialDb } from './db/connect.js';
import { API_PATH, startVicidialServer, type VicidialServer } from './server.js';

let conn: VicidialDb;
let server: VicidialServer;
beforeAll(async () => {
  conn = await openConformanceDb();
  server = await startVicidialServer({ db: conn.db });
});
afterAll(async () => {
  await server.close();
  await conn.close();
});

test('answers the API path with text/html and the exact body', async () => {
  const response = await fetch(`${server.url}${API_PATH}?function=nosuch&user=6666&pass=1234`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(await response.text()).toBe('ERROR: NO FUNCTION SPECIFIED\n');
});

test('reads a form-encoded POST body', async () => {
  const response = await fetch(`${server.url}${API_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'function=coffee',
  });
  expect(response.status).toBe(418);
  expect(await response.text()).toBe("Coffee: coffee|Error 418 I'm a teapot");
});

test('logs the caller as REMOTE_ADDR', async () => {
  await fetch(`${server.url}${API_PATH}?function=server_refresh&user=6666&pass=1234&source=test&stage=REFRESH`);
  const log = await conn.db.selectFrom('vicidial_admin_log').select('ip_address').orderBy('admin_log_id', 'desc').executeTakeFirst();
  expect(log?.ip_address).toBe('127.0.0.1');
});

test('anything else is not found', async () => {
  expect((await fetch(`${server.url}/vicidial/admin.php`)).status).toBe(404);
});
