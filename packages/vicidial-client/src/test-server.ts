/**
 * Test helper: a local HTTP server standing in for VICIdial, that can misbehave on purpose.
 * It records each request with its body parsed the way PHP would (URLSearchParams).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ReceivedRequest {
  method: string;
  contentType: string;
  rawBody: string;
  form: URLSearchParams;
  socket: Socket;
}

export type Behaviour = (request: ReceivedRequest, response: ServerResponse) => void;

export interface TestServer {
  url: string;
  requests: ReceivedRequest[];
  /** Distinct TCP connections seen. */
  connections(): number;
  close(): Promise<void>;
}

export async function startServer(behaviour: Behaviour): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const request = {
        method: incoming.method ?? '',
        contentType: incoming.headers['content-type'] ?? '',
        rawBody,
        form: new URLSearchParams(rawBody),
        socket: incoming.socket,
      };
      requests.push(request);
      behaviour(request, response);
    });
  });
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/vicidial/non_agent_api.php`,
    requests,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An answer the way VICIdial sends it. */
export function answer(body: string, status = 200): Behaviour {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body);
  };
}

/** A URL on which nothing listens (the port was just freed). */
export async function closedPortUrl(): Promise<string> {
  const server = await startServer(answer(''));
  await server.close();
  return server.url;
}
