import {
  aliasFields,
  aliasKeySchema,
  createAliasRequestSchema,
  createAliasResponseSchema,
  updateAliasRequestSchema,
  updateAliasResponseSchema,
} from '@vicidash/contracts/alias';
import type { AddPhoneAliasParams, UpdatePhoneAliasParams } from '@vicidash/vicidial-client';
import type { AppServices } from '../app.js';
import { auditTargets } from '../audit/write-audit.js';
import { type RawInput, textOf, writeRoute } from '../audit/write-route.js';
import type { RouteSpec } from '../http/route.js';
import { recordLockKey } from '../store/record-locks.js';
import { vicidialParams } from '../vicidial/params.js';
import { readBack, requireVersion, vicidialRecords } from '../vicidial/records.js';
import type { VicidialWriter } from '../vicidial/writer.js';

const PATH = '/api/aliases/:aliasId';
const pathTarget = ({ params }: RawInput) => auditTargets.alias(textOf(params.aliasId));

/** Adding, changing (whole list replaced, never over someone else's change) and deleting phone aliases. */
export function aliasChangeRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { audit, locks } = services;
  const records = vicidialRecords(services);
  /** The version check, the call and the read-back, with no other save of the same alias in between. */
  const locked = <T>(aliasId: string, run: () => Promise<T>) => locks.withLock(recordLockKey(auditTargets.alias(aliasId)), 'alias', run);

  return [
    writeRoute(audit, {
      method: 'post',
      path: '/api/aliases',
      tag: 'aliases',
      summary: 'Add a phone alias',
      permission: 'create:aliases',
      body: createAliasRequestSchema,
      response: createAliasResponseSchema,
      status: 201,
      target: ({ body }) => auditTargets.alias(textOf(body.aliasId)),
      async handler({ body, attempt }) {
        attempt.reread = () => records.alias(body.aliasId);
        await writer.addAlias(vicidialParams<AddPhoneAliasParams>(aliasFields, body));
        attempt.applied = true;
        const after = await readBack(() => records.alias(body.aliasId));
        attempt.after = after;
        return after;
      },
    }),

    writeRoute(audit, {
      method: 'put',
      path: PATH,
      tag: 'aliases',
      summary: "Change a phone alias: its name and/or its whole list of logins (VICIdial replaces the list)",
      permission: 'update:aliases',
      params: aliasKeySchema,
      body: updateAliasRequestSchema,
      response: updateAliasResponseSchema,
      versioned: true,
      target: pathTarget,
      handler: ({ params: { aliasId }, body, version, attempt }) =>
        locked(aliasId, async () => {
          attempt.reread = () => records.alias(aliasId);
          // The list sent replaces the stored one: only safe over the version the person started from.
          attempt.before = requireVersion(await records.alias(aliasId), version, 'alias');
          await writer.updateAlias({ ...vicidialParams<UpdatePhoneAliasParams>(aliasFields, body), alias_id: aliasId });
          attempt.applied = true;
          const after = await readBack(() => records.alias(aliasId));
          attempt.after = after;
          return after;
        }),
    }),

    writeRoute(audit, {
      method: 'delete',
      path: PATH,
      tag: 'aliases',
      summary: 'Delete a phone alias (its phones are not touched)',
      permission: 'delete:aliases',
      params: aliasKeySchema,
      response: null,
      versioned: true,
      target: pathTarget,
      handler: ({ params: { aliasId }, version, attempt }) =>
        locked(aliasId, async () => {
          attempt.reread = () => records.alias(aliasId);
          attempt.before = requireVersion(await records.alias(aliasId), version, 'alias');
          await writer.updateAlias({ alias_id: aliasId, delete_alias: 'Y' });
          attempt.applied = true;
        }),
    }),
  ];
}
