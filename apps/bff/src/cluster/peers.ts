import cluster from 'node:cluster';

/**
 * What a worker tells the other workers: something they keep in memory is no longer true.
 * - `lists-changed`: the dashboard sent a change to VICIdial (its lists look at the tables again);
 * - `session-ended`: a session was ended or replaced (logout, login), so no copy of it is used again.
 */
export type PeerNews = { kind: 'lists-changed' } | { kind: 'session-ended'; sid: string };

/** The other processes serving the same dashboard on this host (cluster workers). */
export interface Peers {
  /** Tells every other worker; resolves once each has taken it in (a worker that stops counts as done). */
  tell(news: PeerNews): Promise<void>;
  /** Hears what the other workers tell (never what this one told). */
  listen(listener: (news: PeerNews) => void): void;
}

/** One process serves alone: there is nobody to tell. */
export const noPeers: Peers = {
  tell: () => Promise.resolve(),
  listen() {},
};

/**
 * The messages on the cluster's IPC channel, told apart from other messages on it: news from a
 * worker (numbered by it), the news passed on by the primary, a worker's receipt for it, and the
 * primary's word to the sender that every other worker has it.
 */
export type PeerMessage =
  | { from: 'vicidash-peers'; type: 'news'; id: number; news: PeerNews }
  | { from: 'vicidash-peers'; type: 'receipt'; id: number }
  | { from: 'vicidash-peers'; type: 'delivered'; id: number };

export const isPeerMessage = (message: unknown): message is PeerMessage =>
  typeof message === 'object' && message !== null && (message as { from?: unknown }).from === 'vicidash-peers';

/** In a cluster worker: news goes to the primary, which passes it on to every other worker. */
export function clusterPeers(): Peers {
  const worker = cluster.worker;
  if (!worker) throw new Error('clusterPeers() is for cluster workers');
  const send = (message: PeerMessage) => {
    // A worker whose primary has gone is stopping anyway: nobody is left to tell.
    if (worker.isConnected()) worker.send(message);
  };
  const waiting = new Map<number, () => void>();
  const listeners: ((news: PeerNews) => void)[] = [];
  let told = 0;
  worker.on('message', (message: unknown) => {
    if (!isPeerMessage(message)) return;
    if (message.type === 'news') {
      for (const listener of listeners) listener(message.news);
      send({ from: 'vicidash-peers', type: 'receipt', id: message.id });
    } else if (message.type === 'delivered') {
      waiting.get(message.id)?.();
      waiting.delete(message.id);
    }
  });
  // Nobody will answer any more: nothing is waited for.
  worker.on('disconnect', () => {
    for (const done of waiting.values()) done();
    waiting.clear();
  });
  return {
    tell(news) {
      if (!worker.isConnected()) return Promise.resolve();
      const id = ++told;
      return new Promise<void>((resolve) => {
        waiting.set(id, resolve);
        send({ from: 'vicidash-peers', type: 'news', id, news });
      });
    },
    listen(listener) {
      listeners.push(listener);
    },
  };
}
