import request from 'supertest';
import { afterEach, expect, test } from 'vitest';
import { createTestApp } from '../test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

// The limit sits in front of the routes, so any change under /api counts, even to a path that
// turns out not to exist: that keeps this test independent of which write routes exist.
const CHANGE = '/api/limit-probe';

test('changes are limited per person per minute: 429 RATE_LIMITED with a readable message', async () => {
  const t = await createTestApp({ env: { WRITE_RATE_LIMIT: '3' } });
  close = t.close;
  const supervisor = await t.loginAs('supervisor');
  const send = (method: 'post' | 'put' | 'patch' | 'delete') => supervisor.agent[method](CHANGE).set('X-CSRF-Token', supervisor.csrfToken).send({});

  for (const method of ['post', 'put', 'patch'] as const) expect((await send(method)).status).toBe(404);
  const refused = await send('delete');
  expect(refused.status).toBe(429);
  expect(refused.body).toEqual({
    code: 'RATE_LIMITED',
    message: 'Too many changes in a short time (at most 3 a minute). Wait a minute and try again.',
  });

  // Reads are not changes; logging out is always possible.
  expect((await supervisor.agent.get('/api/auth/session')).status).toBe(200);
  expect((await supervisor.agent.post('/api/auth/logout').set('X-CSRF-Token', supervisor.csrfToken)).status).toBe(204);

  // Another person has their own budget, even from the same address.
  const helpdesk = await t.loginAs('helpdesk');
  expect((await helpdesk.agent.post(CHANGE).set('X-CSRF-Token', helpdesk.csrfToken).send({})).status).toBe(404);

  // Logged-out requests count against no one (a route's guard refuses them with 401).
  for (let i = 0; i < 5; i++) expect((await request(t.app).post(CHANGE).send({})).status).toBe(404);
});

test('the default allows a busy person plenty of changes', async () => {
  const t = await createTestApp();
  close = t.close;
  expect(t.config.WRITE_RATE_LIMIT).toBe(600);
  const { agent, csrfToken } = await t.loginAs('helpdesk');
  const res = await agent.post(CHANGE).set('X-CSRF-Token', csrfToken).send({});
  expect(res.headers.ratelimit).toMatch(/r=599/);
});
