import { performance } from 'node:perf_hooks';
import { SCALE_COUNTS } from '@vicidash/vicidial-sim/seeds/scale';
import { describe, expect, test } from 'vitest';
import { aliasListSource } from './aliases.js';
import { changeMark } from './changes.js';
import { changedRanges, checksums, RANGE, rangeOf } from './checksum.js';
import { didListSource } from './dids.js';
import { phoneListSource } from './phones.js';
import { seededVicidial } from './reader-test-support.js';

/**
 * The checksums that tell the lists what changed, at the scale seed (50,000 DIDs, 20,000 phones,
 * 5,000 aliases): a change that keeps modify_stamp moves exactly its range; and what a check costs
 * (printed, not asserted: the machine is shared).
 */
describe.each(['sqlite', 'mariadb'] as const)('list checksums at scale on %s', (dialect) => {
  const vicidial = seededVicidial(dialect, 'scale', 'checksum');

  const sourceOf = {
    vicidial_inbound_dids: () => didListSource(vicidial.reader.db),
    phones: () => phoneListSource(vicidial.reader.db),
    phones_alias: () => aliasListSource(vicidial.reader.db),
  } as const;
  const sumsOf = (table: keyof typeof sourceOf) => {
    const { columns, keyed } = sourceOf[table]();
    return checksums(vicidial.reader.db, table, columns, keyed?.key);
  };

  test('a DID changed with its stamp kept, or deleted and put back, moves its own range and no other', async () => {
    const before = await sumsOf('vicidial_inbound_dids');
    expect(before.size).toBeGreaterThanOrEqual(SCALE_COUNTS.dids / RANGE);
    expect(changedRanges(before, await sumsOf('vicidial_inbound_dids'))).toEqual([]);

    const row = await vicidial.writer.db.selectFrom('vicidial_inbound_dids').selectAll().where('did_id', '=', 30_000).executeTakeFirstOrThrow();
    await vicidial.writer.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('vicidial_inbound_dids').where('did_id', '=', row.did_id).execute();
      await tx.insertInto('vicidial_inbound_dids').values({ ...row, did_description: `${row.did_description ?? ''} `, modify_stamp: row.modify_stamp }).execute();
    });
    const after = await sumsOf('vicidial_inbound_dids');
    expect(changedRanges(before, after)).toEqual([rangeOf(30_000)]);
    // A change of case only is a change too.
    await vicidial.writer.db.updateTable('vicidial_inbound_dids').set({ did_description: row.did_description?.toUpperCase() ?? 'X' }).where('did_id', '=', 1).execute();
    expect(changedRanges(after, await sumsOf('vicidial_inbound_dids'))).toEqual([rangeOf(1)]);
  });

  test('what a check costs at the scale seed (printed)', async () => {
    const median = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < 7; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[3]?.toFixed(1);
    };
    const costs = {
      mark: await median(() => changeMark(vicidial.reader.db, 'vicidial_inbound_dids')),
      dids: await median(() => sumsOf('vicidial_inbound_dids')),
      phones: await median(() => sumsOf('phones')),
      aliases: await median(() => sumsOf('phones_alias')),
    };
    console.log(`list checks on ${dialect} at the scale seed, median ms: ${JSON.stringify(costs)}`);
    expect(Object.values(costs).every((ms) => Number(ms) >= 0)).toBe(true);
  });
});
