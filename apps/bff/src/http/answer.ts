import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import type { z } from 'zod';

/** Smaller answers are sent uncompressed (the compression middleware's threshold too). */
export const COMPRESS_FROM_BYTES = 1024;

/** An answer ready to send: its JSON and, once a client has asked for it, its gzip. */
interface Prepared {
  json: Buffer;
  gzip?: Buffer;
  etag?: string;
}

const preparedAnswers = new WeakMap<object, Prepared>();

/** The record's version, when the answer is a record: its ETag. */
const etagOf = (body: unknown) => {
  const version = (body as { version?: unknown } | null)?.version;
  return typeof version === 'string' ? `"${version}"` : undefined;
};

function prepare(schema: z.ZodType, answer: object): Prepared {
  let prepared = preparedAnswers.get(answer);
  if (!prepared) {
    const body = schema.parse(answer);
    prepared = { json: Buffer.from(JSON.stringify(body)), etag: etagOf(body) };
    preparedAnswers.set(answer, prepared);
  }
  return prepared;
}

/**
 * Sends a route's answer, parsed with its response schema first (nothing unlisted ever leaves),
 * with the record's version as its ETag.
 *
 * A frozen answer is immutable and may be handed out again: a list page is the same object for as
 * long as its rows do not change (ListModel). It is parsed, serialized and compressed once, and
 * sent as those bytes each time after; on the list pages this is most of what a request costs.
 */
export function sendAnswer(req: Request, res: Response, schema: z.ZodType, status: number, answer: unknown): void {
  if (typeof answer !== 'object' || answer === null || !Object.isFrozen(answer)) {
    const body = schema.parse(answer);
    const etag = etagOf(body);
    if (etag) res.set('ETag', etag);
    res.status(status).json(body);
    return;
  }
  const prepared = prepare(schema, answer);
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
  prepared.gzip ??= gzipSync(prepared.json);
  // Already encoded: the compression middleware leaves it as it is.
  res.set('Content-Encoding', 'gzip').send(prepared.gzip);
}
