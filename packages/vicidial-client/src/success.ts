import type { StatusLine, VersionLine } from './lines.js';
import type { FunctionName } from './params.js';
import type { CopiedDid, ResultData, VersionData } from './results.js';

/**
 * Turns the values of a SUCCESS line (after the user) into typed data; undefined when the values
 * do not have the expected shape. `earlier` holds the lines before it (copy_did's per-DID notices).
 */
type Decoder<T> = (values: readonly string[], earlier: readonly StatusLine[]) => T | undefined;

export type WriteFunction = Exclude<FunctionName, 'version'>;

/** SUCCESS messages per function, with the decoder of their values. */
const SUCCESS_MESSAGES: { readonly [F in WriteFunction]: Readonly<Record<string, Decoder<ResultData[F]>>> } = {
  add_phone: {
    'PHONE HAS BEEN ADDED': named('extension', 'server_ip', 'protocol', 'dialplan_number'),
  },
  update_phone: {
    'PHONE HAS BEEN UPDATED': withConstant(named('extension', 'server_ip'), { action: 'updated' } as const),
    'PHONE HAS BEEN DELETED': withConstant(named('extension', 'server_ip'), { action: 'deleted' } as const),
  },
  add_phone_alias: {
    'PHONE ALIAS HAS BEEN ADDED': (values) => {
      const alias = named('alias_id', 'alias_name', 'logins')(values, []);
      return alias && { alias_id: alias.alias_id, alias_name: alias.alias_name, phone_logins: alias.logins.split(',') };
    },
  },
  update_phone_alias: {
    'PHONE ALIAS HAS BEEN UPDATED': withConstant(named('alias_id'), { action: 'updated' } as const),
    'PHONE ALIAS HAS BEEN DELETED': withConstant(named('alias_id'), { action: 'deleted' } as const),
  },
  add_did: {
    'DID HAS BEEN ADDED': named('did_pattern'),
  },
  update_did: {
    'DID HAS BEEN UPDATED': withConstant(named('did_pattern'), { action: 'updated' } as const),
    'DID HAS BEEN DELETED': ([did_pattern, id]) => {
      const did_id = count(id);
      return did_pattern === undefined || did_id === undefined ? undefined : { action: 'deleted', did_pattern, did_id };
    },
  },
  copy_did: {
    'DIDS HAVE BEEN ADDED': ([source_did_pattern, added, existing], earlier) => {
      const counts = { added: count(added), already_existing: count(existing) };
      const dids = earlier.map(copiedDid);
      if (source_did_pattern === undefined || counts.added === undefined || counts.already_existing === undefined) return undefined;
      if (!dids.every((did): did is CopiedDid => did !== undefined)) return undefined;
      return { source_did_pattern, added: counts.added, already_existing: counts.already_existing, dids };
    },
  },
  server_refresh: {
    'SERVER REFRESH HAS BEEN TRIGGERED': ([servers]) => {
      const servers_updated = count(servers);
      return servers_updated === undefined ? undefined : { servers_updated };
    },
  },
};

/** copy_did's per-DID NOTICE lines, printed before its summary line. */
const COPY_DID_NOTICES: Readonly<Record<string, (values: readonly string[]) => CopiedDid | undefined>> = {
  'DID HAS BEEN ADDED': ([did_pattern, , id]) => {
    const did_id = count(id);
    return did_pattern === undefined || did_id === undefined ? undefined : { status: 'added', did_pattern, did_id };
  },
  'DID ALREADY EXISTS': ([did_pattern]) => (did_pattern === undefined ? undefined : { status: 'already_exists', did_pattern }),
};

/** Decode a SUCCESS line of the function that was called; undefined when it is not one we know. */
export function decodeSuccess<F extends WriteFunction>(
  fn: F,
  line: StatusLine,
  earlier: readonly StatusLine[],
): ResultData[F] | undefined {
  if (line.fn !== fn) return undefined;
  const decoders: Readonly<Record<string, Decoder<ResultData[F]>>> = SUCCESS_MESSAGES[fn];
  return decoders[line.text]?.(line.values, earlier);
}

/** Whether a line before the summary is one of copy_did's per-DID notices. */
export function isCopyDidNotice(line: StatusLine): boolean {
  return line.status === 'NOTICE' && line.fn === 'copy_did' && line.text in COPY_DID_NOTICES;
}

export function decodeVersion(line: VersionLine): VersionData | undefined {
  const get = (key: string) => line.fields.get(key);
  const version = get('VERSION');
  const build = get('BUILD');
  if (version === undefined || build === undefined) return undefined;
  const dst = get('DST');
  return {
    version,
    build,
    date: get('DATE'),
    epoch: count(get('EPOCH')),
    dst: dst === undefined ? undefined : dst !== '0',
    tz: get('TZ'),
    tz_now: get('TZNOW'),
  };
}

/** A decoder that names the values in order; undefined when one is missing. */
function named<K extends string>(...names: K[]): Decoder<Record<K, string>> {
  return (values) =>
    values.length < names.length
      ? undefined
      : (Object.fromEntries(names.map((name, index) => [name, values[index]])) as Record<K, string>);
}

function withConstant<T, C>(decoder: Decoder<T>, constant: C): Decoder<T & C> {
  return (values, earlier) => {
    const data = decoder(values, earlier);
    return data && { ...constant, ...data };
  };
}

function copiedDid(line: StatusLine): CopiedDid | undefined {
  return isCopyDidNotice(line) ? COPY_DID_NOTICES[line.text]?.(line.values) : undefined;
}

function count(text: string | undefined): number | undefined {
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}
