import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { createTestApp } from './test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

test('GET /api/health answers while the process is alive', async () => {
  const { app, close: stop } = await createTestApp();
  close = stop;
  const res = await request(app).get('/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
  expect(res.headers['x-powered-by']).toBeUndefined();
});

test('every answer carries a strict Content-Security-Policy', async () => {
  const { app, close: stop } = await createTestApp();
  close = stop;
  const csp = (await request(app).get('/api/health')).headers['content-security-policy'];
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
});

test('an unknown API path is a JSON 404', async () => {
  const { app, close: stop } = await createTestApp();
  close = stop;
  const res = await request(app).get('/api/nope');
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ code: 'NOT_FOUND', message: 'No such API endpoint.' });
});
