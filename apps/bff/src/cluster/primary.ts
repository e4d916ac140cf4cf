import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';
import { isPeerMessage, type PeerMessage } from './peers.js';

/**
 * A smaller young generation than V8's default (16 MB semi-spaces) for each worker: a young
 * collection copies the objects of the requests in flight and pauses the worker meanwhile, and a
 * smaller one pauses it for less. Measured at 50 connections on the list pages (p95): default
 * 24.5-26.7 ms, 8 MB 21.3-22.0 ms, 4 MB 20.3-21.0 ms, at the same throughput (docs/decisions/0013).
 * A value the operator sets (command line or NODE_OPTIONS) is kept.
 */
const YOUNG_GENERATION_FLAG = '--max-semi-space-size';
const YOUNG_GENERATION_MB = 4;

function workerV8Flags(): string[] {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return given.some((flag) => flag.startsWith(YOUNG_GENERATION_FLAG)) ? [] : [`${YOUNG_GENERATION_FLAG}=${YOUNG_GENERATION_MB}`];
}

/** What the primary tells a worker: finish the open requests and stop, or stop at once. */
export type WorkerCommand = 'stop' | 'stop-now';
export interface CommandMessage {
  from: 'vicidash-primary';
  command: WorkerCommand;
}
export const isCommandMessage = (message: unknown): message is CommandMessage =>
  typeof message === 'object' && message !== null && (message as { from?: unknown }).from === 'vicidash-primary';

export interface Cluster {
  /** Resolves with the port once every worker listens (rejects if one stops before it does). */
  listening: Promise<number>;
  /** Each worker finishes its open requests and stops; resolves with whether all stopped cleanly. */
  stop(): Promise<boolean>;
  /** Every worker stops at once. */
  stopNow(): void;
}

/**
 * The primary of a cluster of `count` workers sharing one port, each a whole BFF (its app, its
 * database pools, its copy of the lists). The primary serves no request: it passes the workers'
 * news between them (peers.ts) and starts a new worker when one dies. A worker that stops before
 * it ever listened (bad configuration, a database it cannot open) stops the whole start: another
 * would fail the same way.
 */
export function startCluster(count: number, logger: Logger): Cluster {
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...workerV8Flags()] });
  let stopping = false;
  const listened = new WeakSet<Worker>();
  const workers = () => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
  const command = (worker: Worker, command: WorkerCommand) => {
    if (worker.isConnected()) worker.send({ from: 'vicidash-primary', command } satisfies CommandMessage);
  };

  passNewsBetween(workers);

  let failedToStart: (error: Error) => void = () => {};
  const listening = new Promise<number>((resolve, reject) => {
    failedToStart = reject;
    let ready = 0;
    cluster.on('listening', (worker, address) => {
      if (stopping || listened.has(worker)) return;
      listened.add(worker);
      ready += 1;
      if (ready === count) resolve(address.port);
    });
  });

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listened.has(worker)) {
      // At the start this stops everything (main.ts); later, the workers left go on serving.
      logger.error({ worker: worker.process.pid, code, signal }, 'a worker stopped before it listened: not starting another');
      failedToStart(new Error(`a worker stopped before it listened (exit code ${code ?? signal})`));
      return;
    }
    logger.error({ worker: worker.process.pid, code, signal }, 'worker stopped unexpectedly: starting another');
    cluster.fork();
  });

  for (let i = 0; i < count; i++) cluster.fork();

  return {
    listening,
    stop() {
      stopping = true;
      const stopped = workers().map(
        (worker) =>
          new Promise<boolean>((resolve) => {
            // One still starting serves nothing yet, and may not listen to its commands yet either.
            const starting = !listened.has(worker);
            worker.once('exit', (code) => resolve(code === 0 || starting));
            if (starting) worker.process.kill('SIGKILL');
            else command(worker, 'stop');
          }),
      );
      return Promise.all(stopped).then((clean) => clean.every(Boolean));
    },
    stopNow() {
      stopping = true;
      for (const worker of workers()) command(worker, 'stop-now');
    },
  };
}

/**
 * Passes each worker's news to every other worker, and tells the sender once they all have it
 * (a worker that stops meanwhile counts as having it). News is numbered again here: each worker
 * numbers only its own.
 */
function passNewsBetween(workers: () => Worker[]): void {
  /** By the number given here: who sent it (and its own number), and the workers yet to take it in. */
  const pending = new Map<number, { sender: Worker; id: number; awaiting: Set<Worker> }>();
  let passed = 0;
  const settle = (number: number) => {
    const news = pending.get(number);
    if (!news || news.awaiting.size > 0) return;
    pending.delete(number);
    if (news.sender.isConnected()) news.sender.send({ from: 'vicidash-peers', type: 'delivered', id: news.id } satisfies PeerMessage);
  };
  cluster.on('message', (worker, message: unknown) => {
    if (!isPeerMessage(message)) return;
    if (message.type === 'news') {
      const number = ++passed;
      const awaiting = new Set(workers().filter((other) => other !== worker && other.isConnected()));
      pending.set(number, { sender: worker, id: message.id, awaiting });
      for (const other of awaiting) other.send({ ...message, id: number } satisfies PeerMessage);
      settle(number);
    } else if (message.type === 'receipt') {
      pending.get(message.id)?.awaiting.delete(worker);
      settle(message.id);
    }
  });
  cluster.on('exit', (worker) => {
    for (const [number, news] of pending) {
      news.awaiting.delete(worker);
      if (news.sender === worker) pending.delete(number);
      else settle(number);
    }
  });
}
