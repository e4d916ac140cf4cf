import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@vicidash/database';
import { createTestDatabase } from '@vicidash/testkit';
import { createSchema, openVicidialDb, type SeedName, seedDatabase, type VicidialDb } from '@vicidash/vicidial-sim';
import { afterAll, beforeAll } from 'vitest';
import type { VicidialReadModel } from '../tables.js';

/**
 * A seeded VICIdial database for the tests of a describe block: `writer` is the embedded VICIdial's
 * own connection (as VICIdial's admin screen or a script would change the tables), `reader` the
 * dashboard's. Read them inside tests (they are set before the first one runs).
 */
export function seededVicidial(dialect: 'sqlite' | 'mariadb', seed: SeedName, name: string) {
  const databases = {} as { writer: VicidialDb; reader: ReturnType<typeof openDatabase<VicidialReadModel>> };
  let cleanup: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const mariadb = dialect === 'mariadb' ? await createTestDatabase(`bff_${name}`) : undefined;
    const file = join(tmpdir(), `${name}-${randomBytes(6).toString('hex')}.sqlite`);
    const target = mariadb?.url ?? file;
    databases.writer = await openVicidialDb(target);
    await createSchema(databases.writer.db, databases.writer.dialect);
    await seedDatabase(databases.writer.db, databases.writer.dialect, seed);
    databases.reader = openDatabase<VicidialReadModel>(target);
    cleanup = async () => {
      await databases.reader.close();
      await databases.writer.close();
      await mariadb?.drop();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    };
  }, 180_000);
  afterAll(() => cleanup());
  return databases;
}
