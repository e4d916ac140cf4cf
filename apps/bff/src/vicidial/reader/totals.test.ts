import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@vicidash/database';
import { createTestDatabase, type TestDatabase } from '@vicidash/testkit';
import { createSchema, openVicidialDb, seedDatabase, type VicidialDb } from '@vicidash/vicidial-sim';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { VicidialReadModel } from '../tables.js';
import { type CountQuery, ListTotals } from './totals.js';

/**
 * The BFF reads through its own connection while the embedded VICIdial (another connection) writes,
 * as in production: the remembered totals must follow every committed change.
 */
describe.each(['sqlite', 'mariadb'] as const)('list totals on %s', (dialect) => {
  let mariadb: TestDatabase | undefined;
  const file = join(tmpdir(), `totals-${randomBytes(6).toString('hex')}.sqlite`);
  let writer: VicidialDb;
  let reader: ReturnType<typeof openDatabase<VicidialReadModel>>;
  beforeAll(async () => {
    mariadb = dialect === 'mariadb' ? await createTestDatabase('bff_totals') : undefined;
    const target = mariadb?.url ?? file;
    writer = await openVicidialDb(target);
    await createSchema(writer.db, writer.dialect);
    await seedDatabase(writer.db, writer.dialect, 'demo');
    reader = openDatabase<VicidialReadModel>(target);
  });
  afterAll(async () => {
    await reader.close();
    await writer.close();
    await mariadb?.drop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  });

  const clock = { now: 0 };
  /** How many DIDs route to an in-group, counting how often the count really runs. */
  const counted = { runs: 0 };
  const inGroupDids = (): CountQuery => {
    const query = reader.db
      .selectFrom('vicidial_inbound_dids')
      .where('did_route', '=', 'IN_GROUP')
      .select((eb) => eb.fn.countAll<number>().as('total'));
    return {
      compile: () => query.compile(),
      executeTakeFirstOrThrow: () => {
        counted.runs += 1;
        return query.executeTakeFirstOrThrow();
      },
    };
  };
  const storedCount = async () =>
    Number((await writer.db.selectFrom('vicidial_inbound_dids').where('did_route', '=', 'IN_GROUP').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  /** MariaDB trusts a table's change time once its second has passed. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, dialect === 'mariadb' ? 1_100 : 0));

  test('remembered until the table changes, counted again after', async () => {
    const totals = new ListTotals(() => clock.now);
    await settle();
    const expected = await storedCount();
    const runs = counted.runs;
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected);
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected);
    expect(await Promise.all([1, 2, 3].map(() => totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())))).toEqual([expected, expected, expected]);
    expect(counted.runs - runs).toBe(1);

    // Another connection re-routes a DID: the next count sees it at once.
    await writer.db.updateTable('vicidial_inbound_dids').set({ did_route: 'EXTEN' }).where('did_route', '=', 'IN_GROUP').where('did_pattern', '=', '3125550101').execute();
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected - 1);
    await settle();
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected - 1);
    const afterChange = counted.runs;
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected - 1);
    expect(counted.runs).toBe(afterChange);

    // And never for longer than a minute, whatever the table says.
    clock.now += 61_000;
    await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids());
    expect(counted.runs).toBe(afterChange + 1);
  });

  test('two changes within one second are both seen (MariaDB knows a change time only to the second)', async () => {
    const totals = new ListTotals(() => clock.now);
    const reroute = (pattern: string) =>
      writer.db.updateTable('vicidial_inbound_dids').set({ did_route: 'EXTEN' }).where('did_route', '=', 'IN_GROUP').where('did_pattern', '=', pattern).execute();
    const expected = await storedCount();
    // Start early in a second, so that both changes and counts fall within it.
    while (Date.now() % 1000 > 100) await new Promise((resolve) => setTimeout(resolve, 10));
    await reroute('3125550102');
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected - 1);
    await reroute('3125550103');
    expect(await totals.count(reader.db, 'vicidial_inbound_dids', inGroupDids())).toBe(expected - 2);
  });
});
