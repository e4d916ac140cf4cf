import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@vicidash/database';
import { createSchema, openVicidialDb, seedDatabase, type VicidialDb } from '@vicidash/vicidial-sim';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PeerNews, Peers } from '../../cluster/peers.js';
import type { VicidialReadModel } from '../tables.js';
import { ListReadModel, PEER_NEWS_EVERY_MS } from './lists.js';

const file = join(tmpdir(), `lists-peers-${randomBytes(6).toString('hex')}.sqlite`);
let writer: VicidialDb;
const reader = openDatabase<VicidialReadModel>(file);
beforeAll(async () => {
  writer = await openVicidialDb(file);
  await createSchema(writer.db, writer.dialect);
  await seedDatabase(writer.db, writer.dialect, 'demo');
});
afterAll(async () => {
  await reader.close();
  await writer.close();
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});

/** The other workers, as this one sees them: what it told them, and a way to tell it something. */
function otherWorkers() {
  const told: PeerNews[] = [];
  let hear: (news: PeerNews) => void = () => {};
  const peers: Peers = {
    tell: async (news) => {
      told.push(news);
    },
    listen: (listener) => (hear = listener),
  };
  return { peers, told, hear: (news: PeerNews) => hear(news) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a change is told to the other workers at once; a run of changes at most every PEER_NEWS_EVERY_MS, the last one included', async () => {
  const { peers, told } = otherWorkers();
  const lists = new ListReadModel(reader.db, peers);
  lists.invalidate();
  expect(told).toEqual([{ kind: 'lists-changed' }]);

  for (let i = 0; i < 1000; i++) lists.invalidate();
  expect(told).toHaveLength(1);
  await sleep(PEER_NEWS_EVERY_MS + 5);
  expect(told).toHaveLength(2);

  await sleep(PEER_NEWS_EVERY_MS + 5);
  lists.invalidate();
  expect(told).toHaveLength(3);
});

test("another worker's news: the next list read looks at the table again, and nobody is told back", async () => {
  const { peers, told, hear } = otherWorkers();
  // A clock that stands still: the table is looked at again only when told.
  const lists = new ListReadModel(reader.db, peers, () => 0);
  const description = async () => (await lists.dids.page({ search: '3125550101', sort: 'pattern', order: 'asc', page: 1, pageSize: 5 })).rows[0]?.description;
  const before = await description();
  await writer.db.updateTable('vicidial_inbound_dids').set({ did_description: 'Changed by another worker' }).where('did_pattern', '=', '3125550101').execute();
  expect(await description()).toBe(before);
  hear({ kind: 'lists-changed' });
  expect(await description()).toBe('Changed by another worker');
  expect(told).toEqual([]);
});
