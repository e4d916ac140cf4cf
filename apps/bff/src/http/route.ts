import type { Request, Response } from 'express';
import type { Permission } from '@vicidash/contracts/permissions';
import type { z } from 'zod';
import type { Account } from '../auth/accounts.js';
import type { AppError } from '../errors.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B> {
  req: Request;
  res: Response;
  /** The logged-in person (undefined only on public routes). */
  user: Account;
  params: P;
  query: Q;
  body: B;
  /** The If-Match version sent by the client (required on `versioned` routes). */
  version: string | undefined;
  /** The CSV file sent (on `csvBody` routes). */
  csv: string;
}

/**
 * One API endpoint as data: the single description from which the Express route, its permission
 * check, its input parsing, its response shape and its OpenAPI entry are all derived.
 */
export interface RouteSpec<P extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, B extends Schema | undefined = Schema | undefined, R extends Schema | null = Schema | null> {
  method: Method;
  /** Express syntax: /api/phones/:serverIp/:extension */
  path: string;
  summary: string;
  tag: string;
  /** The one permission the route needs; 'authenticated' for any logged-in person; null for public routes. */
  permission: Permission | 'authenticated' | null;
  params?: P;
  query?: Q;
  body?: B;
  /** The response body; null for 204 No Content. Handlers' results are parsed with it, so nothing unlisted (a secret, a raw row) ever leaves. */
  response: R;
  /** Success status (default 200, or 204 when response is null). */
  status?: number;
  /** The success status where it depends on the answer (an import's preview is 200, its apply 202). */
  statusOf?(answer: unknown): number;
  /** The body is a CSV file (Content-Type text/csv), handed to the handler as `csv`. */
  csvBody?: boolean;
  /** The handler streams a CSV file as the answer itself (`response` is null). */
  csvAnswer?: boolean;
  /** Requires If-Match with the record's version (lost-update protection). */
  versioned?: boolean;
  /** Error answers of its own, by status, for the API description. */
  errors?: Record<number, string>;
  /** Called when the request is refused before the handler runs (missing If-Match, invalid input): write routes audit it. */
  onRefused?(req: Request, error: AppError): Promise<void>;
  handler(ctx: RouteContext<Out<P>, Out<Q>, Out<B>>): Promise<R extends Schema ? z.input<R> : void>;
}

/** Declares a route with its types inferred from its schemas. */
export const route = <P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema | null = null>(
  spec: RouteSpec<P, Q, B, R>,
): RouteSpec => spec as unknown as RouteSpec;
