import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, freePort } from '@vicidash/testkit';

const launcher = fileURLToPath(new URL('../../apps/demo/dist/main.js', import.meta.url));

export interface Stack {
  /** The dashboard, e.g. http://127.0.0.1:8123 */
  dashboardUrl: string;
  /** The embedded VICIdial's Non-Agent API endpoint. */
  vicidialApiUrl: string;
  /** The embedded VICIdial's database (MariaDB). */
  vicidialDbUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole product as `npm start` runs it, but on MariaDB with the `scale` seed, in a child
 * process (so the load generator here does not share its event loop).
 */
export async function startStack(): Promise<Stack> {
  const database = await createTestDatabase('bench');
  const dataDir = mkdtempSync(join(tmpdir(), 'vicidash-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [launcher], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', DEMO_DATA_DIR: dataDir, DEMO_VICIDIAL_DB: database.url, DEMO_SEED: 'scale' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const vicidialApiUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /Embedded VICIdial:\s+(\S+)/.exec(out);
      if (found && /Stop with Ctrl\+C/.test(out)) resolve(found[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the stack exited (${code}) before it was ready:\n${out}`)));
  });
  return {
    dashboardUrl: `http://127.0.0.1:${port}`,
    vicidialApiUrl,
    vicidialDbUrl: database.url,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
