/**
 * VICIdial calls in flight at once for one bulk request: enough to keep VICIdial's PHP workers and
 * database busy, few enough to spare them for everyone else. Measured on the bench stack (1,000
 * DIDs, 2 PHP workers, 2 cores): 4 → 0.79 s, 8 → 0.68 s, 16 → 0.65 s, 32 → 0.62 s; past 16 the gain
 * is within the noise while the load on VICIdial doubles. It is also the client's connection count
 * (services.ts), so a bulk request never waits for a connection.
 */
export const BULK_CONCURRENCY = 16;
