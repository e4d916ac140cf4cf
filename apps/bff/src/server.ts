import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Peers } from './cluster/peers.js';
import { createApp } from './app.js';
import { createExpressServer } from './http/server.js';
import type { Config } from './config.js';
import { createServices, type Services } from './services.js';

export interface RunningServer {
  url: string;
  server: Server;
  services: Services;
  /**
   * Stops accepting connections, lets open requests finish (closing their keep-alive connections
   * after the answer), then releases the VICIdial client and the databases. Connections still busy
   * after SHUTDOWN_GRACE_SECONDS are cut. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** The address to show for a server listening on `host` (every interface: this machine's loopback). */
export const urlOf = (host: string, port: number) =>
  `http://${host === '0.0.0.0' || host === '' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${port}`;

export async function startServer(config: Config, logger: Logger, peers?: Peers): Promise<RunningServer> {
  const services = await createServices(config, logger, Date.now, peers);
  const app = createApp(services);
  const server = createExpressServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  void services.lists.warm().catch((error: unknown) => logger.warn({ err: error }, 'lists not read at start: the first list request reads them'));
  const drain = drainOnClose(server);
  let closing: Promise<void> | undefined;
  return {
    url: urlOf(config.HOST, port),
    server,
    services,
    close() {
      closing ??= (async () => {
        await drain(config.SHUTDOWN_GRACE_SECONDS * 1000);
        await services.close();
      })();
      return closing;
    },
  };
}

/**
 * Node's server.close() waits for every keep-alive connection to time out, and a connection busy
 * with a request when it is called stays open afterwards. This tracks open answers so that, once
 * closing, each one ends with `Connection: close` and its connection goes when it is done.
 */
function drainOnClose(server: Server): (graceMs: number) => Promise<void> {
  const open = new Set<ServerResponse>();
  let draining = false;
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    open.add(res);
    res.once('close', () => {
      open.delete(res);
      // An answer whose headers went out before closing began left its connection keep-alive.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  return async (graceMs) => {
    draining = true;
    for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
    const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    server.closeIdleConnections();
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    try {
      await closed;
    } finally {
      clearTimeout(cut);
    }
  };
}
