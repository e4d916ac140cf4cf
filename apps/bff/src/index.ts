export { configKeys, loadConfig, ConfigError, type Config } from './config.js';
export { createLogger } from './logger.js';
export { startServer, type RunningServer } from './server.js';
