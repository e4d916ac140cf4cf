/**
 * Test helper: a local HTTP server standing in for VICIdial, that can misbehave on purpose.
 * It records each request with its body parsed the way PHP would (URLSearchParams).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export interface TlsIdentity {
  key: string;
  cert: string;
}

/** Serves HTTPS with `tls` when given, else HTTP. */
export async function startServer(behaviour: Behaviour, tls?: TlsIdentity): Promise<TestServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const handler = (incoming: IncomingMessage, response: ServerResponse) => {
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
  };
  const server = tls ? createTlsServer(tls, handler) : createServer(handler);
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/vicidial/non_agent_api.php`,
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

/**
 * A self-signed certificate for 127.0.0.1, made by openssl: valid for a day, or `expired`
 * (valid for one day in 2020).
 */
export function selfSignedIdentity(validity: 'current' | 'expired'): TlsIdentity {
  const dir = mkdtempSync(join(tmpdir(), 'vicidial-tls-'));
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    const subject = ['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'];
    if (validity === 'current') {
      openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'cert.pem', '-days', '1', ...subject);
    } else {
      // `req` sets no past dates; `ca -selfsign` does, and needs its small database.
      openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'key.pem', '-out', 'req.pem', ...subject);
      writeFileSync(file('index.txt'), '');
      writeFileSync(file('serial'), '01\n');
      writeFileSync(file('ca.cnf'), '[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\nnew_certs_dir=.\nserial=serial\ndefault_md=sha256\npolicy=p\ncopy_extensions=copy\n[p]\ncommonName=supplied\n');
      openssl('ca', '-batch', '-config', 'ca.cnf', '-selfsign', '-keyfile', 'key.pem', '-in', 'req.pem', '-out', 'cert.pem', '-notext', '-startdate', '20200101000000Z', '-enddate', '20200102000000Z');
    }
    return { key: readFileSync(file('key.pem'), 'utf8'), cert: readFileSync(file('cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
