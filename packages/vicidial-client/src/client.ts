import { Agent } from 'undici';
import { encodeForm, type FormValue } from './encode.js';
import { postForm } from './http.js';
import { parseAnswer } from './parse.js';
import {
  ANONYMOUS_FUNCTIONS,
  BLANK,
  PARAMETER_NAMES,
  READ_ONLY_FUNCTIONS,
  SECRET_PARAMETERS,
  type AddDidParams,
  type AddPhoneAliasParams,
  type AddPhoneParams,
  type CopyDidParams,
  type FunctionName,
  type FunctionParams,
  type UpdateDidParams,
  type UpdatePhoneAliasParams,
  type UpdatePhoneParams,
} from './params.js';
import { secretForms } from './redact.js';
import type { FunctionResult, VicidialResult } from './results.js';
import { transportFailure } from './transport.js';

export interface VicidialClientConfig {
  /** Full URL of the endpoint, e.g. `https://dialer.example.com/vicidial/non_agent_api.php`. */
  url: string;
  user: string;
  pass: string;
  /** Sent as `source` on every write: 2+ letters or digits, shows in VICIdial's API log. */
  source: string;
  /** Per-call time limit, connection to last byte. Default 10 000 ms. */
  timeoutMs?: number;
  /** Keep-alive connections to VICIdial at most (the bound for bulk updates). Default 4. */
  connections?: number;
  /** How long an idle connection is kept. Default 4 000 ms (under Apache's 5 s keep-alive). */
  keepAliveTimeoutMs?: number;
  /** Larger answers are refused (RESPONSE_TOO_LARGE). Default 1 MiB. */
  maxResponseBytes?: number;
  /** Called once per call, after it ended, with redacted data only. Its errors are swallowed. */
  onCall?: (event: VicidialCallEvent) => void | Promise<void>;
}

/** What the hook sees of a call: never parameters, never credentials. */
export interface VicidialCallEvent {
  function: FunctionName;
  durationMs: number;
  /** HTTP requests made: 1, or 2 when `version` was retried. */
  attempts: number;
  kind: VicidialResult<unknown>['kind'];
  /** `OK` for a success, else the result's code. */
  code: string;
  field?: string;
  /** Transport failures: whether VICIdial may have acted. */
  maybeApplied?: boolean;
  status?: number;
  /** Redacted raw details of unknown answers and transport failures, for server logs only. */
  diagnostic?: string;
}

export interface CallOptions {
  /** Overrides the configured timeout for this call. */
  timeoutMs?: number;
  /** Cancels the call (result: transport ABORTED). */
  signal?: AbortSignal;
}

export interface VicidialClient {
  addPhone(params: AddPhoneParams, options?: CallOptions): Promise<FunctionResult<'add_phone'>>;
  updatePhone(params: UpdatePhoneParams, options?: CallOptions): Promise<FunctionResult<'update_phone'>>;
  addPhoneAlias(params: AddPhoneAliasParams, options?: CallOptions): Promise<FunctionResult<'add_phone_alias'>>;
  updatePhoneAlias(params: UpdatePhoneAliasParams, options?: CallOptions): Promise<FunctionResult<'update_phone_alias'>>;
  addDid(params: AddDidParams, options?: CallOptions): Promise<FunctionResult<'add_did'>>;
  copyDid(params: CopyDidParams, options?: CallOptions): Promise<FunctionResult<'copy_did'>>;
  updateDid(params: UpdateDidParams, options?: CallOptions): Promise<FunctionResult<'update_did'>>;
  serverRefresh(options?: CallOptions): Promise<FunctionResult<'server_refresh'>>;
  version(options?: CallOptions): Promise<FunctionResult<'version'>>;
  /** Waits for calls in flight, then closes the connections; later calls answer CLIENT_CLOSED. */
  close(): Promise<void>;
}

const DEFAULTS = { timeoutMs: 10_000, connections: 4, keepAliveTimeoutMs: 4_000, maxResponseBytes: 1024 * 1024 };

/**
 * Typed client for VICIdial's Non-Agent API. Throws only here, on a configuration that cannot work;
 * every call resolves to a result and never throws.
 */
export function createVicidialClient(config: VicidialClientConfig): VicidialClient {
  if (!/^https?:\/\//i.test(config.url) || !URL.canParse(config.url)) {
    throw new Error('VICIdial client: url must be an absolute http(s) URL');
  }
  const timeoutMs = config.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULTS.maxResponseBytes;
  const agent = new Agent({
    connections: config.connections ?? DEFAULTS.connections,
    keepAliveTimeout: config.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs,
    pipelining: 1,
  });
  let closing: Promise<void> | undefined;

  async function call<F extends FunctionName>(
    fn: F,
    params: FunctionParams[F],
    options: CallOptions = {},
  ): Promise<FunctionResult<F>> {
    const started = performance.now();
    let attempts = 0;
    let result: FunctionResult<F>;
    do {
      attempts += 1;
      result = await attempt(fn, params, options);
    } while (shouldRetry(fn, result, attempts));
    report(fn, result, attempts, performance.now() - started);
    return result;
  }

  async function attempt<F extends FunctionName>(
    fn: F,
    params: FunctionParams[F],
    options: CallOptions,
  ): Promise<FunctionResult<F>> {
    if (closing) return transportFailure('CLIENT_CLOSED');
    let body: string;
    try {
      body = encodeForm(formFields(fn, params));
    } catch {
      return transportFailure('ENCODING_FAILED');
    }
    const answer = await postForm(config.url, body, {
      dispatcher: agent,
      timeoutMs: options.timeoutMs ?? timeoutMs,
      maxResponseBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return 'kind' in answer ? answer : parseAnswer(fn, answer, { secrets: secretForms(config.pass, ...sentSecrets(params)) });
  }

  /** The secret parameters a call sends (BLANK clears a field and is no secret). */
  function sentSecrets<F extends FunctionName>(params: FunctionParams[F]): string[] {
    const values = params as Readonly<Record<string, FormValue>>;
    return SECRET_PARAMETERS.map((name) => values[name]).filter((value): value is string => typeof value === 'string' && value !== BLANK);
  }

  /** function, then credentials (none for anonymous functions), then the known parameters only. */
  function* formFields<F extends FunctionName>(fn: F, params: FunctionParams[F]): Generator<[string, FormValue]> {
    yield ['function', fn];
    if (!ANONYMOUS_FUNCTIONS.has(fn)) {
      yield ['user', config.user];
      yield ['pass', config.pass];
      yield ['source', config.source];
    }
    const values = params as Readonly<Record<string, FormValue>>;
    for (const name of Object.keys(PARAMETER_NAMES[fn])) yield [name, values[name]];
  }

  function report(fn: FunctionName, result: VicidialResult<unknown>, attempts: number, durationMs: number): void {
    if (!config.onCall) return;
    const event: VicidialCallEvent = {
      function: fn,
      durationMs,
      attempts,
      kind: result.kind,
      code: result.kind === 'ok' ? 'OK' : result.code,
    };
    if ('field' in result && result.field !== undefined) event.field = result.field;
    if ('diagnostic' in result && result.diagnostic !== undefined) event.diagnostic = result.diagnostic;
    if (result.kind === 'transport') {
      event.maybeApplied = result.maybeApplied;
      if (result.status !== undefined) event.status = result.status;
    }
    try {
      void Promise.resolve(config.onCall(event)).catch(() => undefined);
    } catch {
      // A failing hook must not change the call's result.
    }
  }

  return {
    addPhone: (params, options) => call('add_phone', params, options),
    updatePhone: (params, options) => call('update_phone', params, options),
    addPhoneAlias: (params, options) => call('add_phone_alias', params, options),
    updatePhoneAlias: (params, options) => call('update_phone_alias', params, options),
    addDid: (params, options) => call('add_did', params, options),
    copyDid: (params, options) => call('copy_did', params, options),
    updateDid: (params, options) => call('update_did', params, options),
    serverRefresh: (options) => call('server_refresh', { stage: 'REFRESH' }, options),
    version: (options) => call('version', {}, options),
    close: () => (closing ??= agent.close()),
  };
}

/**
 * Writes are never retried: a lost answer does not mean a lost write. `version` changes nothing,
 * so it gets one more try when the connection broke (typically a keep-alive socket the server had
 * just closed); not after a timeout, which would double the caller's wait.
 */
function shouldRetry(fn: FunctionName, result: VicidialResult<unknown>, attempts: number): boolean {
  return READ_ONLY_FUNCTIONS.has(fn) && attempts === 1 && result.kind === 'transport' && result.code === 'CONNECTION_RESET';
}

