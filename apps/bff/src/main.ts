// Production entry point: configuration from the environment, one process or a cluster of WORKERS
// on one port, graceful shutdown on SIGTERM/SIGINT.
import cluster from 'node:cluster';
import type { Logger } from 'pino';
import { clusterPeers } from './cluster/peers.js';
import { type Cluster, isCommandMessage, startCluster } from './cluster/primary.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { type RunningServer, startServer, urlOf } from './server.js';
import { prepareDashboardDb } from './services.js';

/** How a process stops: `finish` lets open requests end (resolves with a clean stop), `now` does not wait. */
interface Stopping {
  finish(): Promise<boolean>;
  now(): void;
}

/** The first signal finishes what is open and exits; a second means "now": an operator who does not want to wait. */
function stopOnSignals(logger: Logger, stopping: Stopping): void {
  let signalled = false;
  const stop = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      stopping.now();
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    stopping.finish().then(
      (clean) => {
        logger.info('stopped');
        process.exit(clean ? 0 : 1);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** One process serving alone. */
async function serveAlone(config: Config, logger: Logger): Promise<void> {
  const running = await startServer(config, logger);
  logger.info({ url: running.url }, 'dashboard listening');
  stopOnSignals(logger, { finish: () => running.close().then(() => true), now: () => {} });
}

/** The cluster's primary: prepares the dashboard database once, then starts and stops the workers. */
async function servePrimary(config: Config, logger: Logger): Promise<void> {
  // Listening for signals before anything starts: one may come at any moment.
  let workers: Cluster | undefined;
  stopOnSignals(logger, { finish: async () => (workers ? workers.stop() : true), now: () => workers?.stopNow() });
  await prepareDashboardDb(config, logger);
  workers = startCluster(config.WORKERS, logger);
  try {
    const port = await workers.listening;
    logger.info({ url: urlOf(config.HOST, port), workers: config.WORKERS }, 'dashboard listening');
  } catch (error) {
    logger.error({ err: error }, 'the dashboard could not start');
    workers.stopNow();
    process.exit(1);
  }
}

/**
 * A cluster worker. The primary decides when it stops: a signal to the whole process group (Ctrl+C
 * in a terminal) reaches the workers too, and must not count as a second signal here. Its word may
 * come before the server has started: then there is nothing to finish.
 */
async function serveWorker(config: Config, logger: Logger): Promise<void> {
  let running: RunningServer | undefined;
  let closing: Promise<void> | undefined;
  const finish = () => {
    if (!running) process.exit(0);
    closing ??= running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  const ignore = () => {};
  process.on('SIGTERM', ignore);
  process.on('SIGINT', ignore);
  process.on('message', (message: unknown) => {
    if (!isCommandMessage(message)) return;
    if (message.command === 'stop-now') process.exit(1);
    finish();
  });
  // The primary is gone: nobody will tell this worker to stop.
  process.on('disconnect', finish);
  running = await startServer(config, logger, clusterPeers());
}

try {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  if (cluster.isWorker) await serveWorker(config, logger);
  else if (config.WORKERS > 1) await servePrimary(config, logger);
  else await serveAlone(config, logger);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
