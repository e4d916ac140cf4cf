import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

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

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      mixin: (_object, _level, instance) => {
        const requestId = requestScope.getStore();
        // `req.log` and its children carry the id as a binding already: do not write it twice.
        return requestId && !(instance as unknown as Record<symbol, string>)[chindingsSym]?.includes('"requestId"') ? { requestId } : {};
      },
    },
    destination as never,
  );
}

export const REQUEST_ID_HEADER = 'x-request-id';
/** An id a proxy in front already gave the request is kept, if it looks like one. */
const acceptableRequestId = /^[\w.:-]{1,100}$/;
/** Probes hit these every few seconds; logging each would drown the rest. */
const probePaths = new Set(['/api/health', '/api/ready']);

/**
 * One log line per request, and `req.log` for the handlers: every line logged while serving a
 * request carries `requestId` (also on lines of the services' own logger), which the answer also
 * carries (X-Request-Id header) and the audit records (`req.id`), so a complaint, its log lines and
 * its audit row can be matched.
 */
export function httpLogger(logger: Logger): RequestHandler {
  const log = pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    genReqId(req: IncomingMessage, res: ServerResponse) {
      const sent = req.headers[REQUEST_ID_HEADER];
      const id = typeof sent === 'string' && acceptableRequestId.test(sent) ? sent : randomUUID();
      res.setHeader(REQUEST_ID_HEADER, id);
      return id;
    },
    autoLogging: { ignore: (req) => probePaths.has(req.url ?? '') },
    // The answer's headers are the same security headers every time: the status says enough.
    serializers: { res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }) },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
  });
  return (req, res, next) => log(req, res, () => requestScope.run(String(req.id), next));
}
