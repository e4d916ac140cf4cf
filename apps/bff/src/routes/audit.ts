import { auditListResponseSchema, auditPeopleResponseSchema, auditQuerySchema } from '@vicidash/contracts/audit';
import { can, refusalReason } from '@vicidash/contracts/permissions';
import type { AppServices } from '../app.js';
import type { Account } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import { type RouteSpec, route } from '../http/route.js';
import type { AuditScope } from '../vicidial/reader/history.js';

/** The part of the dashboard's audit a person may see: all (read:audit), their own (read:own-audit), or none. */
export function auditScopeOf(user: Account): AuditScope {
  if (can(user.role, 'read:audit')) return { kind: 'all' };
  if (can(user.role, 'read:own-audit')) return { kind: 'own', actor: user.username };
  return { kind: 'none' };
}

/**
 * GET /api/audit needs read:own-audit (the guard refuses viewers with its reason); the handler then
 * narrows to the person's own entries unless the role also holds read:audit. One route, so the
 * audit page is the same for every role that may see it.
 */
export function auditRoutes({ audit }: AppServices): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/api/audit',
      tag: 'audit',
      summary: "The dashboard's audit log, newest first, with filters: every entry with read:audit, only one's own with read:own-audit",
      permission: 'read:own-audit',
      query: auditQuerySchema,
      response: auditListResponseSchema,
      handler({ user, query }) {
        const scope = auditScopeOf(user);
        if (scope.kind === 'own' && query.actor !== undefined && query.actor !== scope.actor) {
          throw new AppError('FORBIDDEN', refusalReason(user.role, 'read:audit'));
        }
        return audit.list(scope.kind === 'own' ? { ...query, actor: scope.actor } : query);
      },
    }),
    route({
      method: 'get',
      path: '/api/audit/people',
      tag: 'audit',
      summary: "The people the audit names, for the audit page's person filter: everyone with read:audit, only oneself with read:own-audit",
      permission: 'read:own-audit',
      response: auditPeopleResponseSchema,
      handler({ user }) {
        const scope = auditScopeOf(user);
        return audit.people(scope.kind === 'own' ? scope.actor : undefined);
      },
    }),
  ];
}
