import { lookupMessage, UNKNOWN_MESSAGES } from './catalogue.js';
import { splitAnswer, type StatusLine } from './lines.js';
import { PARAMETER_NAMES, type FunctionName } from './params.js';
import { maskLoginEcho, redact } from './redact.js';
import type { FunctionResult, VicidialResult } from './results.js';
import { decodeSuccess, decodeVersion, isCopyDidNotice, type WriteFunction } from './success.js';
import { transportFailure } from './transport.js';

/** An HTTP answer as received: status and body text. */
export interface HttpAnswer {
  status: number;
  body: string;
}

export interface ParseOptions {
  /** Strings to blank out of the body before anything is read from it (see secretForms). */
  secrets?: readonly string[];
}

/** How much of an odd body is kept for server-side diagnostics. */
const DIAGNOSTIC_LENGTH = 500;

/**
 * Turn one Non-Agent API answer into a typed result. Pure: no I/O, never throws.
 * The body is redacted first, so nothing derived from it can carry a secret.
 */
export function parseAnswer<F extends FunctionName>(fn: F, answer: HttpAnswer, options?: ParseOptions): FunctionResult<F>;
export function parseAnswer(fn: string, answer: HttpAnswer, options?: ParseOptions): VicidialResult<unknown>;
export function parseAnswer(fn: string, answer: HttpAnswer, options: ParseOptions = {}): VicidialResult<unknown> {
  const body = redact(answer.body, options.secrets ?? []);
  const { status } = answer;
  const diagnostic = maskLoginEcho(body).slice(0, DIAGNOSTIC_LENGTH);
  const odd = (code: 'SERVER_ERROR' | 'UNEXPECTED_STATUS' | 'HTML_RESPONSE' | 'UNRECOGNISED_RESPONSE') =>
    transportFailure(code, diagnostic === '' ? { status } : { status, diagnostic });

  if (status >= 500) return odd('SERVER_ERROR');
  if (status !== 200) return odd('UNEXPECTED_STATUS');

  const lines = splitAnswer(body);
  const last = lines.at(-1);
  if (last === undefined) return transportFailure('EMPTY_RESPONSE', { status });
  if (lines.some((line) => line.type === 'other')) return odd(/<(?:!doctype|html|head|body)\b/i.test(body) ? 'HTML_RESPONSE' : 'UNRECOGNISED_RESPONSE');

  if (last.type === 'version') {
    const data = fn === 'version' && lines.length === 1 ? decodeVersion(last) : undefined;
    return data ? { kind: 'ok', data } : odd('UNRECOGNISED_RESPONSE');
  }
  if (last.type !== 'status') return odd('UNRECOGNISED_RESPONSE');

  // Lines before the last: copy_did's per-DID notices, or a repeat of the same message
  // ("Invalid Source" comes twice). Anything else means an answer we do not understand.
  const earlier = lines.slice(0, -1);
  const isCompanion = (line: (typeof lines)[number]): line is StatusLine =>
    line.type === 'status' && (line.text === last.text || (fn === 'copy_did' && isCopyDidNotice(line)));
  if (!earlier.every(isCompanion)) return odd('UNRECOGNISED_RESPONSE');

  if (last.status === 'SUCCESS') {
    const data = isWriteFunction(fn) ? decodeSuccess(fn, last, earlier) : undefined;
    return data ? { kind: 'ok', data } : odd('UNRECOGNISED_RESPONSE');
  }

  const kind = last.status === 'NOTICE' ? 'vicidial_notice' : 'vicidial_error';
  const entry = lookupMessage(last.text);
  if (entry === undefined) return { kind, ...UNKNOWN_MESSAGES[last.status], diagnostic };
  if (entry.kind === 'auth') return { kind: 'auth', code: entry.code, message: entry.message };
  return {
    kind,
    code: entry.code,
    message: entry.message,
    ...(entry.field === undefined ? {} : { field: entry.field }),
    ...(entry.echo ? { value: last.values[0] ?? '' } : {}),
  };
}

function isWriteFunction(fn: string): fn is WriteFunction {
  return fn !== 'version' && Object.hasOwn(PARAMETER_NAMES, fn);
}
