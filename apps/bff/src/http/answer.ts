import { promisify } from 'node:util';
import { constants, gzip, gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import type { z } from 'zod';

/** Smaller answers are sent uncompressed. */
export const COMPRESS_FROM_BYTES = 1024;

/**
 * Answers smaller than this are compressed at once, on the event loop (a list page: ~0.05 ms, less
 * than handing it to zlib's threads and back costs on two busy cores); larger ones in zlib's
 * threads, so that they do not hold up the others.
 */
const COMPRESS_IN_THREADS_FROM_BYTES = 64 * 1024;
/**
 * zlib's fastest level (nginx's default for answers made per request): a DID list page comes out
 * ~12 % larger than at the default level, for about a third less CPU (the scale seed's pages).
 */
const GZIP = { level: constants.Z_BEST_SPEED };
const gzipInThreads = promisify(gzip);
const gzipped = async (json: Buffer): Promise<Buffer> => (json.length < COMPRESS_IN_THREADS_FROM_BYTES ? gzipSync(json, GZIP) : gzipInThreads(json, GZIP));

/** An answer ready to send: its JSON and, once a client has asked for it, its gzip. */
interface Prepared {
  json: Buffer;
  gzip?: Promise<Buffer>;
  etag?: string;
}

const preparedAnswers = new WeakMap<object, Prepared>();

/** The record's version, when the answer is a record: its ETag. */
const etagOf = (body: unknown) => {
  const version = (body as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? `"${version}"` : undefined;
};

function prepare(schema: z.ZodType, answer: unknown): Prepared {
  const body = schema.parse(answer);
  return { json: Buffer.from(JSON.stringify(body)), etag: etagOf(body) };
}

const isFrozenObject = (answer: unknown): answer is object => typeof answer === 'object' && answer !== null && Object.isFrozen(answer);

/** A frozen answer's prepared form, made the first time it is sent. */
function prepareOnce(schema: z.ZodType, answer: object): Prepared {
  let prepared = preparedAnswers.get(answer);
  if (!prepared) {
    prepared = prepare(schema, answer);
    preparedAnswers.set(answer, prepared);
  }
  return prepared;
}

/**
 * Sends a route's answer, parsed with its response schema first (nothing unlisted ever leaves),
 * with the record's version as its ETag, gzipped for the clients that accept it.
 *
 * A frozen answer is immutable and may be handed out again: a list page is the same object for as
 * long as its rows do not change (ListModel). It is parsed, serialized and compressed once, and
 * sent as those bytes each time after; on the list pages this is most of what a request costs.
 */
export async function sendAnswer(req: Request, res: Response, schema: z.ZodType, status: number, answer: unknown): Promise<void> {
  const prepared = isFrozenObject(answer) ? prepareOnce(schema, answer) : prepare(schema, answer);
  if (prepared.etag) res.set('ETag', prepared.etag);
  res.status(status).type('json');
  if (prepared.json.length < COMPRESS_FROM_BYTES) {
    res.send(prepared.json);
    return;
  }
  res.vary('Accept-Encoding');
  if (req.acceptsEncodings('gzip') !== 'gzip') {
    res.send(prepared.json);
    return;
  }
  prepared.gzip ??= gzipped(prepared.json);
  res.set('Content-Encoding', 'gzip').send(await prepared.gzip);
}
