import type { z } from 'zod';
import { type RouteSpec, route } from '../http/route.js';
import { AppError } from '../errors.js';
import { readVicidialDb } from '../vicidial/db-errors.js';

type Schema = z.ZodType;

/**
 * A route that reads VICIdial's database: declared like any route, its handler run through
 * readVicidialDb, so an unreachable database answers 503 DATABASE_UNAVAILABLE on every read.
 */
export function readRoute<P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, R extends Schema | null = null>(
  spec: RouteSpec<P, Q, undefined, R>,
): RouteSpec {
  return route<P, Q, undefined, R>({ ...spec, handler: (ctx) => readVicidialDb(() => spec.handler(ctx)) });
}

/** The record, or 404 with `message` (which names what was asked for). */
export function found<T>(record: T | undefined, message: string): T {
  if (record === undefined) throw new AppError('NOT_FOUND', message);
  return record;
}
