import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Kysely } from 'kysely';
import { createVicidialApi, type VicidialApiOptions } from './api/api.js';
import type { VicidialDatabase } from './db/schema.js';

export const API_PATH = '/vicidial/non_agent_api.php';

/** PHP's default post_max_size: a larger body is not read. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface VicidialServerOptions extends VicidialApiOptions {
  db: Kysely<VicidialDatabase>;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
}

export interface VicidialServer {
  /** Base URL, e.g. http://127.0.0.1:8080 (the API answers at `${url}/vicidial/non_agent_api.php`). */
  url: string;
  close(): Promise<void>;
}

/** REMOTE_ADDR as Apache reports it: an IPv4 client on a dual-stack socket without the ::ffff: prefix. */
const remoteAddress = (request: IncomingMessage) => (request.socket.remoteAddress ?? '').replace(/^::ffff:(?=\d+\.)/, '');

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : Buffer.alloc(0);
}

/** Serves the embedded VICIdial's Non-Agent API over HTTP, answering exactly as VICIdial's PHP does. */
export async function startVicidialServer(options: VicidialServerOptions): Promise<VicidialServer> {
  const api = createVicidialApi(options.db, options);
  const server = createServer(async (request, response) => {
    try {
      const url = request.url ?? '/';
      if (url.split('?')[0] !== API_PATH) {
        response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end('Not Found\n');
        return;
      }
      const body = await readBody(request);
      const reply = await api({
        method: request.method ?? 'GET',
        url,
        headers: request.headers,
        body,
        remoteIp: remoteAddress(request),
      });
      response
        .writeHead(reply.status, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': Buffer.byteLength(reply.body),
        })
        .end(reply.body);
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end();
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
