import { HISTORY_TYPES, type HistoryType, historyResponseSchema } from '@vicidash/contracts/history';
import { type Permission, can, refusalReason } from '@vicidash/contracts/permissions';
import { z } from 'zod';
import type { AppServices } from '../app.js';
import { AppError } from '../errors.js';
import type { RouteSpec } from '../http/route.js';
import { getAlias } from '../vicidial/reader/aliases.js';
import { getDid } from '../vicidial/reader/dids.js';
import { type HistoryTarget, phoneOfHistoryId, recordHistory } from '../vicidial/reader/history.js';
import { getPhone } from '../vicidial/reader/phones.js';
import { auditScopeOf } from './audit.js';
import { readRoute } from './read-route.js';

/** Reading a record's history is reading the record. */
const PERMISSION = { phone: 'read:phones', alias: 'read:aliases', did: 'read:dids' } as const satisfies Record<HistoryType, Permission>;

const ID_RULE: Record<HistoryType, { valid: (id: string) => boolean; message: string }> = {
  phone: { valid: (id) => phoneOfHistoryId(id) !== undefined, message: 'ID: a phone as extension@server IP, like 1001@10.20.0.11' },
  alias: { valid: (id) => id.length <= 20, message: 'ID: an alias ID, at most 20 characters' },
  did: { valid: (id) => /^[1-9]\d{0,9}$/.test(id), message: 'ID: a DID ID, a whole number from 1' },
};

const historyParamsSchema = z
  .object({
    type: z.enum(HISTORY_TYPES, { error: `Type: one of ${HISTORY_TYPES.join(', ')}` }),
    id: z.string().max(120, 'ID: at most 120 characters'),
  })
  .superRefine(({ type, id }, ctx) => {
    if (!ID_RULE[type].valid(id)) ctx.addIssue({ code: 'custom', path: ['id'], message: ID_RULE[type].message });
  });

export function historyRoutes({ vicidialDb: db, audit, settings: { versionKey } }: AppServices): RouteSpec[] {
  const exists = async ({ type, id }: HistoryTarget): Promise<boolean> => {
    const phone = phoneOfHistoryId(id);
    const record = type === 'phone' ? phone && (await getPhone(db, phone, versionKey)) : type === 'alias' ? await getAlias(db, id) : await getDid(db, Number(id));
    return record !== undefined;
  };

  return [
    readRoute({
      method: 'get',
      path: '/api/history/:type/:id',
      tag: 'history',
      summary:
        "A record's history (type phone, alias or did; a phone's id is extension@serverIp): VICIdial's admin log merged with the dashboard's audit, newest first. Needs the read permission of the record's type; audit entries as the role's audit permission allows.",
      // The guard checks one permission; the handler checks the one of the record's type (every role holds all three today).
      permission: 'read:dids',
      params: historyParamsSchema,
      response: historyResponseSchema,
      async handler({ user, params: target }) {
        if (!can(user.role, PERMISSION[target.type])) throw new AppError('FORBIDDEN', refusalReason(user.role, PERMISSION[target.type]));
        const scope = auditScopeOf(user);
        const entries = await recordHistory(db, audit, target, scope);
        if (entries.length === 0 && !(await exists(target))) {
          throw new AppError('NOT_FOUND', `No ${target.type === 'did' ? 'DID' : target.type} ${target.id}, and no history of one.`);
        }
        return { entries, auditScope: scope.kind };
      },
    }),
  ];
}
