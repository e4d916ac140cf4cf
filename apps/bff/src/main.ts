// Production entry point: configuration from the environment, graceful shutdown on SIGTERM/SIGINT.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './server.js';

try {
  const config = loadConfig(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  const running = await startServer(config, logger);
  logger.info({ url: running.url }, 'dashboard listening');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second signal means "now": an operator who does not want to wait for open requests.
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing open requests');
    running.close().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
