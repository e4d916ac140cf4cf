// Dashboard accounts from the command line (the first supervisor of a production install, resets):
//   node apps/bff/dist/cli.js users list
//   node apps/bff/dist/cli.js users add <username> --name "Full Name" --role <supervisor|helpdesk|viewer> [--password-stdin]
//   node apps/bff/dist/cli.js users role <username> <role>
//   node apps/bff/dist/cli.js users disable|enable <username>
//   node apps/bff/dist/cli.js users reset-password <username> [--password-stdin]
// Uses DASHBOARD_DB_URL (default .data/dashboard.sqlite). Without --password-stdin a strong password
// is generated and printed once, so no password ever sits in shell history.
import { randomBytes } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Role } from '@vicidash/contracts/permissions';
import { Accounts } from './auth/accounts.js';
import { DashboardSessionStore } from './auth/session-store.js';
import { AppError } from './errors.js';
import { openDashboardDb } from './store/open.js';

export interface CliIo {
  env: Record<string, string | undefined>;
  stdin: () => Promise<string>;
  out: (line: string) => void;
}

const USAGE = 'usage: users list | add <username> --name <name> --role <role> [--password-stdin] | role <username> <role> | disable <username> | enable <username> | reset-password <username> [--password-stdin]';

/** Runs one command; returns the process exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
  });
  const [group, command, username, extra] = positionals;
  if (group !== 'users' || !command) {
    io.out(USAGE);
    return 2;
  }
  const database = await openDashboardDb(io.env.DASHBOARD_DB_URL || '.data/dashboard.sqlite');
  const accounts = new Accounts(database.db);
  const sessions = new DashboardSessionStore(database.db, database.dialect, { idleMs: 0 });
  const password = async () => {
    if (values['password-stdin']) return (await io.stdin()).replace(/\r?\n$/, '');
    const generated = randomBytes(12).toString('base64url');
    io.out(`password: ${generated}   (shown once)`);
    return generated;
  };
  const endSessions = async (name: string) => {
    const account = (await accounts.list()).find((a) => a.username === name);
    if (account) await sessions.destroyForUser(account.id);
  };
  const show = (a: { username: string; displayName: string; role: Role; active: boolean }) =>
    io.out(`${a.username}\t${a.role}\t${a.active ? 'active' : 'disabled'}\t${a.displayName}`);
  try {
    switch (command) {
      case 'list':
        (await accounts.list()).forEach(show);
        return 0;
      case 'add':
        show(await accounts.create({ username: username ?? '', displayName: values.name ?? '', role: values.role as Role, password: await password() }));
        return 0;
      case 'role':
        show(await accounts.setRole(username ?? '', extra as Role));
        return 0;
      case 'disable':
      case 'enable':
        show(await accounts.setActive(username ?? '', command === 'enable'));
        if (command === 'disable') await endSessions(username ?? '');
        return 0;
      case 'reset-password':
        show(await accounts.resetPassword(username ?? '', await password()));
        await endSessions(username ?? '');
        return 0;
      default:
        io.out(USAGE);
        return 2;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    io.out(`error: ${error.message}`);
    return 1;
  } finally {
    sessions.close();
    await database.close();
  }
}

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runCli(process.argv.slice(2), {
    env: process.env,
    stdin: () => text(process.stdin),
    out: (line) => console.log(line),
  });
}
