import cluster from 'node:cluster';

/**
 * What a worker tells the other workers: something they keep in memory is no longer true.
 * - `lists-changed`: the dashboard sent a change to VICIdial (its lists look at the tables again);
 * - `session-ended`: a session was ended or replaced (logout, login), so no copy of it is used again.
 */
export type PeerNews = { kind: 'lists-changed' } | { kind: 'session-ended'; sid: string };

/** The other processes serving the same dashboard on this host (cluster workers). */
export interface Peers {
  /** Tells every other worker. */
  tell(news: PeerNews): void;
  /** Hears what the other workers tell (never what this one told). */
  listen(listener: (news: PeerNews) => void): void;
}

/** One process serves alone: there is nobody to tell. */
export const noPeers: Peers = {
  tell() {},
  listen() {},
};

/** How news travels over the cluster's IPC channel, told apart from other messages on it. */
export interface PeerMessage {
  from: 'vicidash-peers';
  news: PeerNews;
}

export const isPeerMessage = (message: unknown): message is PeerMessage =>
  typeof message === 'object' && message !== null && (message as { from?: unknown }).from === 'vicidash-peers';

/** In a cluster worker: news goes to the primary, which passes it on to every other worker. */
export function clusterPeers(): Peers {
  const worker = cluster.worker;
  if (!worker) throw new Error('clusterPeers() is for cluster workers');
  return {
    tell(news) {
      // A worker whose primary has gone is stopping anyway: nobody is left to tell.
      if (worker.isConnected()) worker.send({ from: 'vicidash-peers', news } satisfies PeerMessage);
    },
    listen(listener) {
      worker.on('message', (message: unknown) => {
        if (isPeerMessage(message)) listener(message.news);
      });
    },
  };
}
