import type { Request } from 'express';
import { type AuditAction, isAuditAction } from '@vicidash/contracts/audit';
import type { Permission } from '@vicidash/contracts/permissions';
import type { z } from 'zod';
import type { Account } from '../auth/accounts.js';
import { type RouteContext, type RouteSpec, route } from '../http/route.js';
import type { AuditLog } from './audit-log.js';
import { type Attempter, type AuditTarget, type WriteAttempt, audited, auditRefusal } from './write-audit.js';

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** The raw request, before parsing: what a refused request is audited under. */
export interface RawInput {
  params: Record<string, string>;
  body: Record<string, unknown>;
  /** Who sends it (a person's own account is the target of their own changes). */
  actor: Account;
}

export interface WriteContext<P, B> extends RouteContext<P, undefined, B> {
  /** The audit row being filled in for this request. */
  attempt: WriteAttempt;
  who: Attempter;
}

/** A write route: a route spec whose permission is also the audit's action, plus its audit target. */
export interface WriteRouteSpec<P extends Schema | undefined, B extends Schema | undefined, R extends Schema | null>
  extends Omit<RouteSpec<P, undefined, B, R>, 'permission' | 'query' | 'handler' | 'onRefused'> {
  permission: Permission;
  /** The audit's action where one permission covers several (default: the permission). */
  action?: AuditAction;
  /** What the request addresses, read from its raw input (it may have been refused as invalid). */
  target(input: RawInput): AuditTarget;
  /** The handler audits one attempt per record itself (bulk): no row for the request as a whole. */
  auditsEachRecord?: boolean;
  handler(ctx: WriteContext<Out<P>, Out<B>>): Promise<R extends Schema ? z.input<R> : void>;
}

/** A raw input value as text for an audit target ('' when absent or not a scalar). */
export const textOf = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

const rawInput = (req: Request): RawInput => ({
  params: req.params as Record<string, string>,
  body: typeof req.body === 'object' && req.body !== null && !Array.isArray(req.body) ? req.body : {},
  actor: req.user as Account,
});

/**
 * Declares a write route whose every attempt is audited, the refused ones included: invalid input
 * and a missing If-Match (before the handler), 404/409, VICIdial's refusals and failures (inside).
 * Not audited: requests refused for who sends them (401, 403, CSRF, rate limit), which never
 * reach the route; the request log keeps those.
 */
export function writeRoute<P extends Schema | undefined = undefined, B extends Schema | undefined = undefined, R extends Schema | null = null>(
  audit: AuditLog,
  spec: WriteRouteSpec<P, B, R>,
): RouteSpec {
  const { target, auditsEachRecord, handler, action = spec.permission, ...rest } = spec;
  // The audit page names and filters every action: one it does not know is a programming error.
  if (!isAuditAction(action)) throw new Error(`${spec.method.toUpperCase()} ${spec.path}: "${action}" is not in AUDIT_ACTIONS`);
  const who = (req: Request): Attempter => ({ audit, actor: req.user as Account, req });
  return route<P, undefined, B, R>({
    ...rest,
    onRefused: (req, error) => auditRefusal(who(req), action, target(rawInput(req)), error),
    handler(ctx) {
      const attempt: WriteAttempt = { target: target(rawInput(ctx.req)), fields: ctx.body ?? {} };
      const run = () => handler({ ...ctx, attempt, who: who(ctx.req) });
      return auditsEachRecord ? run() : audited(who(ctx.req), action, attempt, run);
    },
  });
}
