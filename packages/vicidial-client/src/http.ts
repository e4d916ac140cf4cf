import { request, type Dispatcher } from 'undici';
import type { HttpAnswer } from './parse.js';
import type { TransportFailure } from './results.js';
import { transportFailure, type TransportCode } from './transport.js';

export interface PostOptions {
  dispatcher: Dispatcher;
  timeoutMs: number;
  /** The caller's own cancellation, on top of the timeout. */
  signal?: AbortSignal;
  maxResponseBytes: number;
}

/** Socket-level error codes, by what they say about the request. */
const ERROR_CODES: Readonly<Record<string, TransportCode>> = {
  ECONNREFUSED: 'CONNECTION_REFUSED',
  ENOTFOUND: 'HOST_NOT_FOUND',
  EAI_AGAIN: 'HOST_NOT_FOUND',
  EHOSTUNREACH: 'CONNECTION_FAILED',
  ENETUNREACH: 'CONNECTION_FAILED',
  UND_ERR_CONNECT_TIMEOUT: 'CONNECTION_FAILED',
  ECONNRESET: 'CONNECTION_RESET',
  EPIPE: 'CONNECTION_RESET',
  UND_ERR_SOCKET: 'CONNECTION_RESET',
  UND_ERR_HEADERS_TIMEOUT: 'TIMEOUT',
  UND_ERR_BODY_TIMEOUT: 'TIMEOUT',
  UND_ERR_CLOSED: 'CLIENT_CLOSED',
  UND_ERR_DESTROYED: 'CLIENT_CLOSED',
  // Certificate checks fail during the TLS handshake, before any byte of the request is sent.
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNTRUSTED',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_UNTRUSTED',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_UNTRUSTED',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED',
  CERT_HAS_EXPIRED: 'TLS_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_EXPIRED',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_WRONG_HOST',
  CERT_REVOKED: 'TLS_FAILED',
  CERT_REJECTED: 'TLS_FAILED',
  CERT_SIGNATURE_FAILURE: 'TLS_FAILED',
  INVALID_CA: 'TLS_FAILED',
};

/** POST a form body once (never retried here) and read the whole answer. Never throws. */
export async function postForm(url: string, body: string, options: PostOptions): Promise<HttpAnswer | TransportFailure> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  try {
    const response = await request(url, {
      dispatcher: options.dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      signal,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > options.maxResponseBytes) {
        response.body.destroy();
        return transportFailure('RESPONSE_TOO_LARGE', { status: response.statusCode });
      }
      chunks.push(chunk as Buffer);
    }
    return { status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (timeout.aborted) return transportFailure('TIMEOUT');
    if (options.signal?.aborted) return transportFailure('ABORTED');
    const code = errorCode(error);
    // Only the error's code goes into the diagnostic: messages may quote the URL.
    if (code === undefined) return transportFailure('TRANSPORT_ERROR');
    return transportFailure(ERROR_CODES[code] ?? 'TRANSPORT_ERROR', { diagnostic: code });
  }
}

/** The system or undici error code, looking through wrappers (cause, AggregateError). */
function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (cause !== undefined) return errorCode(cause);
  if (Array.isArray(errors)) return errorCode(errors[0]);
  return undefined;
}
