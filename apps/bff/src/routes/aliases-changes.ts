import {
  aliasFields,
  aliasKeySchema,
  createAliasRequestSchema,
  createAliasResponseSchema,
  updateAliasRequestSchema,
  updateAliasResponseSchema,
  type AliasDetail,
  type CreateAliasRequest,
  type UpdateAliasRequest,
} from '@vicidash/contracts/alias';
import type { AddPhoneAliasParams, UpdatePhoneAliasParams } from '@vicidash/vicidial-client';
import type { AppServices } from '../app.js';
import { type WriteAttempt, auditTargets } from '../audit/write-audit.js';
import { type RawInput, textOf, writeRoute } from '../audit/write-route.js';
import type { RouteSpec } from '../http/route.js';
import { recordLockKey } from '../store/record-locks.js';
import { vicidialParams } from '../vicidial/params.js';
import { readBack, requireVersion, vicidialRecords } from '../vicidial/records.js';
import type { VicidialWriter } from '../vicidial/writer.js';

const PATH = '/api/aliases/:aliasId';
const pathTarget = ({ params }: RawInput) => auditTargets.alias(textOf(params.aliasId));

/** Adding and changing one alias: the path of the form's save and of each row of an import. */
export function aliasWrites(services: AppServices, writer: VicidialWriter) {
  const records = vicidialRecords(services);
  /** The version check, the call and the read-back, with no other save of the same alias in between. */
  const locked = <T>(aliasId: string, run: () => Promise<T>) => services.locks.withLock(recordLockKey(auditTargets.alias(aliasId)), 'alias', run);
  return {
    records,
    locked,
    async add(body: CreateAliasRequest, attempt: WriteAttempt): Promise<AliasDetail> {
      attempt.reread = () => records.alias(body.aliasId);
      await writer.addAlias(vicidialParams<AddPhoneAliasParams>(aliasFields, body));
      attempt.applied = true;
      const after = await readBack(() => records.alias(body.aliasId));
      attempt.after = after;
      return after;
    },
    update: (aliasId: string, body: UpdateAliasRequest, version: string | undefined, attempt: WriteAttempt): Promise<AliasDetail> =>
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
  };
}

/** Adding, changing (whole list replaced, never over someone else's change) and deleting phone aliases. */
export function aliasChangeRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { audit } = services;
  const writes = aliasWrites(services, writer);
  const { records, locked } = writes;

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
      handler: ({ body, attempt }) => writes.add(body, attempt),
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
      handler: ({ params: { aliasId }, body, version, attempt }) => writes.update(aliasId, body, version, attempt),
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
