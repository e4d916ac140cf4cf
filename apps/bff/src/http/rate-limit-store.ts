import cluster from 'node:cluster';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import type { Store } from 'express-rate-limit';

/**
 * Where a rate limit counts: in a cluster worker, in the primary (every worker adds to the same
 * counts, so WORKERS does not multiply the limit, at the cost of a round trip to the primary per
 * request counted); in a process serving alone, in its memory (the limiter's default store).
 */
export const rateLimitStore = (prefix: string): Store | undefined => (cluster.isWorker ? new ClusterMemoryStoreWorker({ prefix }) : undefined);
