import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Accounts } from './auth/accounts.js';
import { runCli } from './cli.js';
import { openDashboardDb } from './store/open.js';

const dir = mkdtempSync(join(tmpdir(), 'bff-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DASHBOARD_DB_URL: join(dir, 'dashboard.sqlite') };

const run = async (argv: string, stdin = '') => {
  const lines: string[] = [];
  const code = await runCli(argv.split(' '), { env, stdin: async () => stdin, out: (l) => lines.push(l) });
  return { code, lines };
};
const login = async (username: string, password: string) => {
  const database = await openDashboardDb(env.DASHBOARD_DB_URL);
  try {
    return await new Accounts(database.db).checkLogin(username, password);
  } finally {
    await database.close();
  }
};

test('creates, lists, re-roles, disables and resets accounts', async () => {
  expect(await run('users add ada --name Ada --role supervisor --password-stdin', 'ada-password-1\n')).toEqual({
    code: 0,
    lines: ['ada\tsupervisor\tactive\tAda'],
  });
  expect(await login('ada', 'ada-password-1')).toMatchObject({ ok: true });

  const generated = await run('users add bob --name Bob --role viewer');
  expect(generated.code).toBe(0);
  const password = /^password: (\S+)/.exec(generated.lines[0] ?? '')?.[1] ?? '';
  expect(await login('bob', password)).toMatchObject({ ok: true });

  expect((await run('users role bob helpdesk')).lines).toEqual(['bob\thelpdesk\tactive\tBob']);
  expect((await run('users disable bob')).lines).toEqual(['bob\thelpdesk\tdisabled\tBob']);
  expect(await login('bob', password)).toMatchObject({ ok: false });
  expect((await run('users enable bob')).code).toBe(0);
  expect((await run('users reset-password bob --password-stdin', 'bob-new-password\n')).code).toBe(0);
  expect(await login('bob', 'bob-new-password')).toMatchObject({ ok: true });
  expect((await run('users list')).lines).toEqual(['ada\tsupervisor\tactive\tAda', 'bob\thelpdesk\tactive\tBob']);
});

test('explains bad input and unknown commands with a non-zero exit', async () => {
  expect(await run('users role nobody viewer')).toEqual({ code: 1, lines: ['error: No account named nobody.'] });
  expect(await run('users add cy --name Cy --role boss --password-stdin', 'cy-password-1')).toMatchObject({ code: 1 });
  expect((await run('users explode')).code).toBe(2);
  expect((await run('nothing')).code).toBe(2);
});
