import type { TransportFailure } from './results.js';

interface TransportKind {
  readonly message: string;
  /** Whether VICIdial may have acted on the request (so a write must be checked, not resent). */
  readonly maybeApplied: boolean;
}

/** Every way a call can end without a usable VICIdial answer. */
export const TRANSPORT_CODES = {
  TIMEOUT: { maybeApplied: true, message: 'VICIdial did not answer in time; the change may or may not have been made.' },
  ABORTED: { maybeApplied: true, message: 'The call was cancelled; the change may or may not have been made.' },
  CONNECTION_REFUSED: { maybeApplied: false, message: 'VICIdial refused the connection; nothing was sent.' },
  CONNECTION_FAILED: { maybeApplied: false, message: 'VICIdial could not be reached; nothing was sent.' },
  HOST_NOT_FOUND: { maybeApplied: false, message: "VICIdial's host name could not be resolved (check the API URL and DNS); nothing was sent." },
  TLS_UNTRUSTED: {
    maybeApplied: false,
    message: "VICIdial's TLS certificate is not trusted (self-signed or from a private CA: give the dashboard that CA with NODE_EXTRA_CA_CERTS); nothing was sent.",
  },
  TLS_EXPIRED: { maybeApplied: false, message: "VICIdial's TLS certificate has expired or is not yet valid; nothing was sent." },
  TLS_WRONG_HOST: { maybeApplied: false, message: "VICIdial's TLS certificate is for another host name than the API URL's; nothing was sent." },
  TLS_FAILED: { maybeApplied: false, message: "VICIdial's TLS certificate was refused; nothing was sent." },
  CONNECTION_RESET: { maybeApplied: true, message: 'The connection to VICIdial broke; the change may or may not have been made.' },
  SERVER_ERROR: { maybeApplied: true, message: 'VICIdial failed with a server error; the change may or may not have been made.' },
  UNEXPECTED_STATUS: { maybeApplied: true, message: 'VICIdial answered with an unexpected HTTP status.' },
  EMPTY_RESPONSE: { maybeApplied: true, message: 'VICIdial answered with an empty page.' },
  HTML_RESPONSE: { maybeApplied: true, message: 'VICIdial answered with an HTML page instead of an API answer.' },
  UNRECOGNISED_RESPONSE: { maybeApplied: true, message: 'VICIdial\'s answer could not be understood.' },
  RESPONSE_TOO_LARGE: { maybeApplied: true, message: 'VICIdial\'s answer was far larger than any API answer.' },
  ENCODING_FAILED: { maybeApplied: false, message: 'A value could not be encoded (invalid Unicode); nothing was sent.' },
  CLIENT_CLOSED: { maybeApplied: false, message: 'The VICIdial client is closed; nothing was sent.' },
  TRANSPORT_ERROR: { maybeApplied: true, message: 'The call to VICIdial failed; the change may or may not have been made.' },
} as const satisfies Record<string, TransportKind>;

export type TransportCode = keyof typeof TRANSPORT_CODES;

export function transportFailure(
  code: TransportCode,
  details: { status?: number; diagnostic?: string } = {},
): TransportFailure {
  const { message, maybeApplied } = TRANSPORT_CODES[code];
  return { kind: 'transport', code, message, maybeApplied, ...details };
}
