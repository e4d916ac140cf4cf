import type { DidListQuery } from '@vicidash/contracts/did';
import type { PhoneListQuery } from '@vicidash/contracts/phone';
import { describe, expect, test } from 'vitest';
import { aliasListSource } from './aliases.js';
import { didListSource } from './dids.js';
import { CHECK_EVERY_MS, type Entry, type ListQuery, ListModel, type ListSource } from './list-model.js';
import { phoneListSource } from './phones.js';
import { seededVicidial } from './reader-test-support.js';

/**
 * The lists answer from memory while the embedded VICIdial (its own connection, as VICIdial's
 * admin screen would) changes the tables: changes show within CHECK_EVERY_MS, or at once after
 * invalidate() (the dashboard's own writes).
 */
describe.each(['sqlite', 'mariadb'] as const)('lists from memory on %s', (dialect) => {
  const vicidial = seededVicidial(dialect, 'demo', 'lists');

  /** A list on the reader's connection with a clock the test moves, counting how often it reads what. */
  function counted<E extends Entry<unknown>, Q extends ListQuery>(source: ListSource<E, Q>) {
    const clock = { now: 0 };
    const reads = { all: 0, changed: 0 };
    const { keyed } = source;
    const list = new ListModel(
      vicidial.reader.db,
      {
        ...source,
        loadAll: (db) => {
          reads.all += 1;
          return source.loadAll(db);
        },
        keyed: keyed && {
          ...keyed,
          inRanges: (db, ranges) => {
            reads.changed += 1;
            return keyed.inRanges(db, ranges);
          },
        },
      },
      () => clock.now,
    );
    return { list, clock, reads };
  }

  const dids = () => counted(didListSource(vicidial.reader.db));
  const query = (q: Partial<DidListQuery> = {}): DidListQuery => ({ sort: 'pattern', order: 'asc', page: 1, pageSize: 200, ...q });
  const didsTable = () => vicidial.writer.db.updateTable('vicidial_inbound_dids');
  const describeDid = (pattern: string, description: string) => didsTable().set({ did_description: description }).where('did_pattern', '=', pattern).execute();
  const descriptionIn = async (list: ReturnType<typeof dids>['list'], pattern: string) =>
    (await list.page(query({ search: pattern }))).rows.find((row) => row.pattern === pattern)?.description;
  /** MariaDB knows when a table changed only to the second: let it pass. */
  const settle = () => new Promise((resolve) => setTimeout(resolve, dialect === 'mariadb' ? 1_100 : 0));

  test('a change made elsewhere shows once the check interval has passed, not before', async () => {
    const { list, clock } = dids();
    expect(await descriptionIn(list, '3125550101')).not.toBe('Changed in VICIdial');
    await describeDid('3125550101', 'Changed in VICIdial');
    clock.now += CHECK_EVERY_MS - 1;
    expect(await descriptionIn(list, '3125550101')).not.toBe('Changed in VICIdial');
    clock.now += 1;
    expect(await descriptionIn(list, '3125550101')).toBe('Changed in VICIdial');
  });

  test("the dashboard's own change shows in the very next read; only the changed DIDs are read again", async () => {
    const { list, reads } = dids();
    await descriptionIn(list, '3125550102');
    await describeDid('3125550102', 'Changed through the dashboard');
    list.invalidate();
    expect(await descriptionIn(list, '3125550102')).toBe('Changed through the dashboard');
    expect(reads).toEqual({ all: 1, changed: 1 });
  });

  test('new and deleted DIDs: totals, filters and sort orders follow at once', async () => {
    const { list, reads } = dids();
    const inGroup = query({ route: 'IN_GROUP', sort: 'description' });
    /** What the database itself answers for the same list. */
    const expected = async () =>
      (
        await vicidial.writer.db
          .selectFrom('vicidial_inbound_dids')
          .select('did_pattern')
          .where('did_route', '=', 'IN_GROUP')
          .orderBy('did_description')
          .orderBy('did_id')
          .execute()
      ).map((d) => d.did_pattern);
    const answered = async () => {
      const page = await list.page(inGroup);
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((row) => row.pattern);
    };
    const before = await answered();
    expect(before).toEqual(await expected());

    await vicidial.writer.db
      .insertInto('vicidial_inbound_dids')
      .values({ did_pattern: '3125557777', did_description: 'between the others', did_route: 'IN_GROUP', group_id: 'SALES_EN' })
      .execute();
    // Moves to the top of the description order.
    await describeDid(before.at(-1) as string, '  first now');
    list.invalidate();
    const afterInsert = await answered();
    expect(afterInsert).toHaveLength(before.length + 1);
    expect(afterInsert).toEqual(await expected());
    expect((await list.page(query({ search: '3125557777' }))).total).toBe(1);
    expect(reads.all).toBe(1);

    await vicidial.writer.db.deleteFrom('vicidial_inbound_dids').where('did_pattern', '=', '3125557777').execute();
    list.invalidate();
    expect(await answered()).toEqual(await expected());
    expect((await list.page(query({ search: '3125557777' }))).total).toBe(0);
    // A deleted row: the list was read again whole.
    expect(reads.all).toBe(2);
  });

  test('digits anywhere in the number: the index finds what a scan finds, in order, across changes read in place', async () => {
    const { list, reads } = dids();
    const found = async (digits: string, sort: DidListQuery['sort'] = 'pattern') => (await list.page(query({ search: digits, sort }))).rows.map((row) => row.pattern);
    // The oracle: the whole list in the same order (it fits in one page), kept to those holding the digits.
    const all = async (sort: DidListQuery['sort']) => {
      const page = await list.page(query({ sort }));
      expect(page.total).toBeLessThanOrEqual(200);
      return page.rows.map((row) => row.pattern);
    };
    for (const digits of ['0101', '555', '5550', '01']) {
      const holding = (await all('pattern')).filter((pattern) => pattern.includes(digits));
      expect(holding.length, digits).toBeGreaterThan(0);
      expect(await found(digits), digits).toEqual(holding);
    }
    // Another order: the same DIDs, in that order.
    const byDescription = await found('0101', 'description');
    expect([...byDescription].sort()).toEqual([...(await found('0101'))].sort());
    expect(byDescription).toEqual((await all('description')).filter((pattern) => pattern.includes('0101')));

    // A pattern changed in place (its range read again, not the table): the index follows it.
    const [first] = await found('0101');
    await didsTable().set({ did_pattern: '3125554242' }).where('did_pattern', '=', first as string).execute();
    list.invalidate();
    expect(await found('4242')).toContain('3125554242');
    expect(await found('0101')).not.toContain(first);
    // Pieces many DIDs hold ('555', '255') and one only this DID holds: its place in each piece's list is kept.
    for (const digits of ['5554', '2555', '4242', '0101', '555']) {
      expect(await found(digits), digits).toEqual((await all('pattern')).filter((pattern) => pattern.includes(digits)));
    }
    expect(reads.all).toBe(1);
    await didsTable().set({ did_pattern: first as string }).where('did_pattern', '=', '3125554242').execute();
  });

  test('phones (no change stamp): a table that changed is read again whole, one that did not is not', async () => {
    const { list, clock, reads } = counted(phoneListSource(vicidial.reader.db));
    const sip: PhoneListQuery = { protocol: 'SIP', sort: 'fullName', order: 'desc', page: 1, pageSize: 10 };
    const before = (await list.page(sip)).total;
    await vicidial.writer.db.insertInto('phones').values({ extension: '6789', server_ip: '10.20.0.11', login: '6789a', fullname: 'Zzz newest', protocol: 'SIP', template_id: '' }).execute();
    list.invalidate();
    const after = await list.page(sip);
    expect(after.total).toBe(before + 1);
    expect(after.rows[0]).toMatchObject({ extension: '6789', fullName: 'Zzz newest' });

    await vicidial.writer.db.deleteFrom('phones').where('extension', '=', '6789').execute();
    clock.now += CHECK_EVERY_MS;
    expect((await list.page(sip)).total).toBe(before);
    expect(reads.all).toBe(3);

    // Once the change's second has passed, one more look; then the table is known not to change.
    await settle();
    clock.now += CHECK_EVERY_MS;
    await list.page(sip);
    const settled = reads.all;
    clock.now += CHECK_EVERY_MS;
    list.invalidate();
    await list.page(sip);
    expect(reads.all).toBe(settled);
  });

  /** VICIdial stamps a changed DID; a restore or a script may leave the stamp as it was (here: one long ago). */
  const OLD_STAMP = '2020-01-02 03:04:05';
  const stampOf = async (pattern: string) =>
    (await vicidial.writer.db.selectFrom('vicidial_inbound_dids').select('modify_stamp').where('did_pattern', '=', pattern).executeTakeFirstOrThrow()).modify_stamp;
  /** Changes the DID and sets its stamp back to what it was (on SQLite the stamp trigger fires on the first update). */
  const describeDidKeepingStamp = (pattern: string, description: string) =>
    vicidial.writer.db.transaction().execute(async (tx) => {
      const { modify_stamp } = await tx.selectFrom('vicidial_inbound_dids').select('modify_stamp').where('did_pattern', '=', pattern).executeTakeFirstOrThrow();
      await tx.updateTable('vicidial_inbound_dids').set({ did_description: description }).where('did_pattern', '=', pattern).execute();
      await tx.updateTable('vicidial_inbound_dids').set({ modify_stamp }).where('did_pattern', '=', pattern).execute();
    });

  test('a DID changed without its stamp moving (a script, a restore) shows within the check interval', async () => {
    await vicidial.writer.db.updateTable('vicidial_inbound_dids').set({ modify_stamp: OLD_STAMP }).where('did_pattern', '=', '3125550104').execute();
    const { list, clock } = dids();
    await descriptionIn(list, '3125550104');
    await describeDidKeepingStamp('3125550104', 'Changed by a script');
    expect(await stampOf('3125550104')).toBe(OLD_STAMP);
    clock.now += CHECK_EVERY_MS;
    expect(await descriptionIn(list, '3125550104')).toBe('Changed by a script');
  });

  test('a restore (a DID deleted and put back with other values and its old stamp, in one transaction) shows within the check interval', async () => {
    await vicidial.writer.db.updateTable('vicidial_inbound_dids').set({ modify_stamp: OLD_STAMP }).where('did_pattern', '=', '3125550105').execute();
    const { list, clock } = dids();
    const before = (await list.page(query({ search: '3125550105' }))).rows;
    expect(before).toHaveLength(1);
    await vicidial.writer.db.transaction().execute(async (tx) => {
      const row = await tx.selectFrom('vicidial_inbound_dids').selectAll().where('did_pattern', '=', '3125550105').executeTakeFirstOrThrow();
      await tx.deleteFrom('vicidial_inbound_dids').where('did_id', '=', row.did_id).execute();
      await tx
        .insertInto('vicidial_inbound_dids')
        .values({ ...row, did_description: 'Restored from last week', did_route: 'EXTEN', extension: '8300', modify_stamp: OLD_STAMP })
        .execute();
    });
    clock.now += CHECK_EVERY_MS;
    expect((await list.page(query({ search: '3125550105' }))).rows).toMatchObject([
      { didId: before[0]?.didId, description: 'Restored from last week', route: 'EXTEN', target: '8300@default' },
    ]);
  });

  test('a phone and an alias (no stamps) changed in the database show within the check interval', async () => {
    const phones = counted(phoneListSource(vicidial.reader.db));
    const aliases = counted(aliasListSource(vicidial.reader.db));
    const phoneQuery: PhoneListQuery = { sort: 'extension', order: 'asc', page: 1, pageSize: 500 };
    const aliasQuery = { sort: 'aliasId', order: 'asc', page: 1, pageSize: 500 } as const;
    const [phone] = (await phones.list.page(phoneQuery)).rows;
    const [alias] = (await aliases.list.page(aliasQuery)).rows;
    if (!phone || !alias) throw new Error('the demo has phones and aliases');
    await vicidial.writer.db.updateTable('phones').set({ fullname: 'Renamed by a script' }).where('extension', '=', phone.extension).where('server_ip', '=', phone.serverIp).execute();
    await vicidial.writer.db.updateTable('phones_alias').set({ alias_name: 'Renamed by a script' }).where('alias_id', '=', alias.aliasId).execute();
    phones.clock.now += CHECK_EVERY_MS;
    aliases.clock.now += CHECK_EVERY_MS;
    expect((await phones.list.page(phoneQuery)).rows[0]).toMatchObject({ extension: phone.extension, fullName: 'Renamed by a script' });
    expect((await aliases.list.page(aliasQuery)).rows[0]).toMatchObject({ aliasId: alias.aliasId, name: 'Renamed by a script' });
  });

  test("a write that leaves every list column as it was (a phone's password, a DID's stamp) reads nothing again", async () => {
    const phones = counted(phoneListSource(vicidial.reader.db));
    const didList = dids();
    const [phone] = (await phones.list.page({ sort: 'extension', order: 'asc', page: 1, pageSize: 1 })).rows;
    await didList.list.warm();
    const changed = [
      await vicidial.writer.db.updateTable('phones').set({ pass: 'another-secret-1' }).where('extension', '=', String(phone?.extension)).executeTakeFirst(),
      await vicidial.writer.db.updateTable('vicidial_inbound_dids').set({ modify_stamp: OLD_STAMP }).where('did_pattern', '=', '3125550106').executeTakeFirst(),
    ];
    expect(changed.map((result) => Number(result.numUpdatedRows))).toEqual([1, 1]);
    phones.list.invalidate();
    didList.list.invalidate();
    await phones.list.warm();
    await didList.list.warm();
    expect(phones.reads.all).toBe(1);
    expect(didList.reads).toEqual({ all: 1, changed: 0 });
  });

  test('two changes within one second are both seen (MariaDB knows a change time only to the second)', async () => {
    const { list } = dids();
    await descriptionIn(list, '3125550103');
    // Start early in a second, so that both changes and reads fall within it.
    while (Date.now() % 1000 > 100) await new Promise((resolve) => setTimeout(resolve, 10));
    await describeDid('3125550103', 'First change');
    list.invalidate();
    expect(await descriptionIn(list, '3125550103')).toBe('First change');
    await describeDid('3125550103', 'Second change');
    list.invalidate();
    expect(await descriptionIn(list, '3125550103')).toBe('Second change');
  });

  test('warm() reads the table ahead of the first page (a start does it), and the first page then reads nothing', async () => {
    const { list, reads } = dids();
    await list.warm();
    expect(reads).toEqual({ all: 1, changed: 0 });
    await list.page(query());
    expect(reads).toEqual({ all: 1, changed: 0 });
  });

  test('a page asked again is the same frozen answer, until its rows change', async () => {
    const { list } = dids();
    const asked = query({ route: 'IN_GROUP', sort: 'pattern', pageSize: 5 });
    const first = await list.page(asked);
    expect(Object.isFrozen(first) && Object.isFrozen(first.rows)).toBe(true);
    expect(await list.page({ ...asked })).toBe(first);
    expect(await list.page({ ...asked, page: 2 })).not.toBe(first);

    await describeDid(first.rows[0]?.pattern as string, 'Changed since');
    list.invalidate();
    const after = await list.page(asked);
    expect(after).not.toBe(first);
    expect(after.rows.map((row) => row.description)).toContain('Changed since');
  });

  test('requests at the same time share one read of the table', async () => {
    const { list, reads } = dids();
    const pages = await Promise.all(
      (['pattern', 'description', 'route', 'didId'] as const).flatMap((sort) => [1, 2, 3].map((page) => list.page(query({ sort, page, pageSize: 5 })))),
    );
    expect(pages.every((page) => page.rows.length === 5 && page.total === pages[0]?.total)).toBe(true);
    expect(reads.all).toBe(1);
  });
});
