import { sql } from 'kysely';
import { freePort } from '@vicidash/testkit';
import { afterEach, expect, test } from 'vitest';
import { createLogger } from './logger.js';
import { startServer } from './server.js';
import { createTestApp, LogCapture } from './test/app.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

test('close() releases the VICIdial client and both databases, once however often it is called', async () => {
  // The test app provides the embedded VICIdial; the server under test opens its own services.
  const t = await createTestApp();
  close = t.close;
  const running = await startServer({ ...t.config, PORT: await freePort() }, createLogger('silent', new LogCapture()));
  expect((await fetch(`${running.url}/api/ready`)).status).toBe(200);

  const first = running.close();
  expect(running.close()).toBe(first);
  await first;

  await expect(fetch(`${running.url}/api/health`)).rejects.toThrow();
  expect(await running.services.vicidial.version()).toMatchObject({ kind: 'transport', code: 'CLIENT_CLOSED' });
  await expect(sql`select 1`.execute(running.services.vicidialDb)).rejects.toThrow();
  await expect(sql`select 1`.execute(running.services.dashboardDb)).rejects.toThrow();
});
