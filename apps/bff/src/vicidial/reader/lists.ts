import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import { noPeers, type Peers } from '../../cluster/peers.js';
import type { VicidialReadModel } from '../tables.js';
import { type AliasList, aliasListSource } from './aliases.js';
import { type DidList, didListSource } from './dids.js';
import { ListModel } from './list-model.js';
import { type PhoneList, phoneListSource } from './phones.js';

/** News of changes to the other workers, at most this often (the first of a run goes at once). */
export const PEER_NEWS_EVERY_MS = 10;

/**
 * The phone, alias and DID lists, answered from memory (see list-model.ts and
 * docs/decisions/0010-list-read-model.md). One per app: every person's lists share them.
 */
export class ListReadModel {
  readonly phones: PhoneList;
  readonly aliases: AliasList;
  readonly dids: DidList;

  constructor(
    db: Kysely<VicidialReadModel>,
    private readonly peers: Peers = noPeers,
    now?: () => number,
  ) {
    this.phones = new ListModel(db, phoneListSource(db), now);
    this.aliases = new ListModel(db, aliasListSource(db), now);
    this.dids = new ListModel(db, didListSource(db), now);
    peers.listen((news) => {
      if (news.kind === 'lists-changed') this.invalidateHere();
    });
  }

  /** Reads the three tables (at a start: the first list of each otherwise waits for its table, ~0.5 s for 50,000 DIDs). */
  async warm(): Promise<void> {
    await Promise.all([this.phones.warm(), this.aliases.warm(), this.dids.warm()]);
  }

  /**
   * Called after every write the dashboard sends to VICIdial: the next read of each list checks its
   * table first, so a change made here shows in the very next list (a table that did not change is
   * not read again), in this process and in the other workers.
   */
  invalidate(): void {
    this.invalidateHere();
    this.tellPeers();
  }

  private peersToldAt = Number.NEGATIVE_INFINITY;
  private tellingLater: NodeJS.Timeout | undefined;

  /**
   * The other workers hear of a change at once, and of a run of changes (a bulk update sends a
   * thousand calls) at most every PEER_NEWS_EVERY_MS, the last one included: each piece of news
   * wakes every worker.
   */
  private tellPeers(): void {
    if (this.tellingLater) return;
    const wait = this.peersToldAt + PEER_NEWS_EVERY_MS - performance.now();
    const tell = () => {
      this.tellingLater = undefined;
      this.peersToldAt = performance.now();
      // Not waited for: the other workers look again within CHECK_EVERY_MS whatever happens.
      void this.peers.tell({ kind: 'lists-changed' });
    };
    if (wait <= 0) tell();
    else this.tellingLater = setTimeout(tell, wait).unref();
  }

  private invalidateHere(): void {
    this.phones.invalidate();
    this.aliases.invalidate();
    this.dids.invalidate();
  }
}
