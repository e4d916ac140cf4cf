import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, expect, test } from 'vitest';
import { createExpressServer } from './server.js';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

test("requests and responses are born with the app's prototypes: Express has nothing to swap", async () => {
  const app = express();
  app.get('/hello', (req, res) => {
    res.status(201).json({ path: req.path, accepts: req.acceptsEncodings('gzip') });
  });
  const server = createExpressServer(app);
  servers.push(server);
  const born: boolean[] = [];
  // Before Express sees the request (it would set the prototypes itself).
  server.prependListener('request', (req, res) => born.push(Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hello`, { headers: { 'accept-encoding': 'gzip' } });
  expect(res.status).toBe(201);
  expect(await res.json()).toEqual({ path: '/hello', accepts: 'gzip' });
  expect(born).toEqual([true]);
});
