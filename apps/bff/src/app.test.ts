import { Writable } from 'node:stream';
import request from 'supertest';
import { expect, test } from 'vitest';
import { createApp } from './app.js';
import { createLogger } from './logger.js';

const silent = createLogger('silent', new Writable({ write: (_c, _e, done) => done() }));

test('GET /api/health answers while the process is alive', async () => {
  const res = await request(createApp({ logger: silent })).get('/api/health');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ status: 'ok' });
  expect(res.headers['x-powered-by']).toBeUndefined();
});
