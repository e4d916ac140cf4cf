import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Request, RequestHandler } from 'express';
import { pino, type Logger } from 'pino';

declare module 'http' {
  interface IncomingMessage {
    /** The request's id: X-Request-Id of the answer, `requestId` of its log lines and its audit row. */
    id: string;
    /** Logs with the request's id. */
    log: Logger;
  }
}

/** Keys whose value is a credential or a secret, wherever they appear in a logged object. */
const secretKeys = [
  'password',
  'pass',
  'phone_pass',
  'phonePass',
  'registration_password',
  'registrationPassword',
  'conf_secret',
  'secret',
  'csrfToken',
  'sessionSecret',
  'VICIDIAL_API_PASS',
  'SESSION_SECRET',
  'BOOTSTRAP_SUPERVISOR_PASSWORD',
];

/**
 * Paths never written to a log. Secret keys are covered at the top and two levels down (a request
 * body, VICIdial call parameters, an error's details); headers carry the session cookie, the
 * CSRF token and the cookie being set.
 */
export const redactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...secretKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/** The id of the request being served, for lines logged outside `req.log` (e.g. VICIdial call events). */
const requestScope = new AsyncLocalStorage<string>();
const { chindingsSym } = pino.symbols;

/**
 * The logger that writes each request's line, by the logger it belongs to. Pino's redaction (any
 * secret key, two levels down) takes ~40 µs a line, a tenth of all a list request costs; the
 * request line has a fixed shape whose only secrets, request headers, are taken out before it is
 * written (requestSummary). Same destination, no redaction.
 */
const requestLineLoggers = new WeakMap<Logger, Logger>();

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  // One write per line: a cluster's workers share standard output, and a pipe keeps each write of
  // up to 4 KB whole, so lines never interleave (buffered writes measured no faster here).
  const stream = (destination ?? pino.destination(1)) as never;
  const logger = pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      mixin: (_object, _level, instance) => {
        const requestId = requestScope.getStore();
        // `req.log` and its children carry the id as a binding already: do not write it twice.
        return requestId && !(instance as unknown as Record<symbol, string>)[chindingsSym]?.includes('"requestId"') ? { requestId } : {};
      },
    },
    stream,
  );
  // Every level: the request logger's level decides (httpLogger asks it).
  requestLineLoggers.set(logger, pino({ level: 'trace' }, stream));
  return logger;
}

export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * An id a proxy in front already gave the request is kept, if it looks like one and fits the
 * audit's column (64 characters): a longer one would cost the request its audit row.
 */
const acceptableRequestId = /^[\w.:-]{1,64}$/;
/** Probes hit these every few seconds; logging each would drown the rest. */
const probePaths = new Set(['/api/health', '/api/ready']);

/** Request headers never written: the session cookie, credentials, the CSRF token, any secret key. */
const secretHeaders = new Set(['cookie', 'authorization', 'x-csrf-token', ...secretKeys]);

function withoutSecrets(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const shown: IncomingHttpHeaders = {};
  for (const name in headers) shown[name] = secretHeaders.has(name) ? '[redacted]' : headers[name];
  return shown;
}

/** The request as its line shows it (the URL holds the query). */
const requestSummary = (req: Request) => ({
  id: req.id,
  method: req.method,
  url: req.originalUrl,
  headers: withoutSecrets(req.headers),
  remoteAddress: req.socket.remoteAddress,
  remotePort: req.socket.remotePort,
});

/**
 * One log line per request, and `req.log` for the handlers: every line logged while serving a
 * request carries `requestId` (also on lines of the services' own logger), which the answer also
 * carries (X-Request-Id header) and the audit records (`req.id`), so a complaint, its log lines and
 * its audit row can be matched.
 */
export function httpLogger(logger: Logger): RequestHandler {
  const lines = requestLineLoggers.get(logger) ?? logger;
  return (req, res, next) => {
    const started = Date.now();
    const sent = req.headers[REQUEST_ID_HEADER];
    const id = typeof sent === 'string' && acceptableRequestId.test(sent) ? sent : randomUUID();
    res.setHeader(REQUEST_ID_HEADER, id);
    req.id = id;
    let log: Logger | undefined;
    // Made when first used: most requests log nothing but their line.
    Object.defineProperty(req, 'log', { configurable: true, enumerable: true, get: () => (log ??= logger.child({ requestId: id })) });
    if (!probePaths.has(req.url)) {
      const written = () => {
        res.off('finish', written);
        res.off('close', written);
        const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
        if (!logger.isLevelEnabled(level)) return;
        const line = { requestId: id, req: requestSummary(req), res: { statusCode: res.statusCode }, responseTime: Date.now() - started };
        lines[level](line, res.writableFinished ? 'request completed' : 'request aborted');
      };
      res.on('finish', written);
      res.on('close', written);
    }
    requestScope.run(id, next);
  };
}
