import type { AuthCode, VicidialCode } from './catalogue.js';
import type { FunctionName } from './params.js';
import type { TransportCode } from './transport.js';

/** What one call resolves to. The client never throws: every outcome is one of these. */
export type VicidialResult<T> = VicidialOk<T> | VicidialFailure | AuthFailure | TransportFailure;

export interface VicidialOk<T> {
  kind: 'ok';
  data: T;
}

/** VICIdial refused the request (ERROR line) or did nothing (NOTICE line); nothing was written. */
export interface VicidialFailure {
  kind: 'vicidial_error' | 'vicidial_notice';
  code: VicidialCode;
  /** The API parameter the message is about, when it names one. */
  field?: string;
  /** Plain English for people. */
  message: string;
  /** The offending value VICIdial echoed (e.g. the missing login), only for codes where it helps and is no secret. */
  value?: string;
  /** Server-side only, never for a browser: the redacted raw answer, for UNKNOWN_* codes. */
  diagnostic?: string;
}

/** Login, lock-out, source, allowed-function or user-permission refusal. */
export interface AuthFailure {
  kind: 'auth';
  code: AuthCode;
  message: string;
}

/** No usable answer: the request may or may not have reached VICIdial. */
export interface TransportFailure {
  kind: 'transport';
  code: TransportCode;
  message: string;
  /** False only when the request certainly did not reach VICIdial (nothing to reconcile). */
  maybeApplied: boolean;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** Server-side only, never for a browser: redacted details (error code, start of an odd body). */
  diagnostic?: string;
}

export type VicidialFailureResult = VicidialFailure | AuthFailure | TransportFailure;

export interface AddPhoneData {
  extension: string;
  server_ip: string;
  protocol: string;
  dialplan_number: string;
}

export interface UpdatePhoneData {
  action: 'updated' | 'deleted';
  extension: string;
  server_ip: string;
}

export interface AddPhoneAliasData {
  alias_id: string;
  alias_name: string;
  phone_logins: string[];
}

export interface UpdatePhoneAliasData {
  action: 'updated' | 'deleted';
  alias_id: string;
}

export interface AddDidData {
  did_pattern: string;
}

export type UpdateDidData =
  | { action: 'updated'; did_pattern: string }
  | { action: 'deleted'; did_pattern: string; did_id: number };

/** One new pattern of a copy_did call (VICIdial prints a NOTICE line for each). */
export type CopiedDid =
  | { status: 'added'; did_pattern: string; did_id: number }
  | { status: 'already_exists'; did_pattern: string };

export interface CopyDidData {
  source_did_pattern: string;
  added: number;
  already_existing: number;
  dids: CopiedDid[];
}

export interface ServerRefreshData {
  /** Servers whose rebuild flag this call switched on (0 when all were already flagged). */
  servers_updated: number;
}

export interface VersionData {
  version: string;
  build: string;
  date?: string;
  epoch?: number;
  dst?: boolean;
  tz?: string;
  tz_now?: string;
}

export interface ResultData {
  add_phone: AddPhoneData;
  update_phone: UpdatePhoneData;
  add_phone_alias: AddPhoneAliasData;
  update_phone_alias: UpdatePhoneAliasData;
  add_did: AddDidData;
  copy_did: CopyDidData;
  update_did: UpdateDidData;
  server_refresh: ServerRefreshData;
  version: VersionData;
}

export type FunctionResult<F extends FunctionName> = VicidialResult<ResultData[F]>;
