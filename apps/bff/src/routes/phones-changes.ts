import {
  createPhoneRequestSchema,
  createPhoneResponseSchema,
  deletePhoneResponseSchema,
  phoneFields,
  phoneKeySchema,
  phoneSecretsSchema,
  updatePhoneRequestSchema,
  updatePhoneResponseSchema,
  type CreatePhoneRequest,
  type PhoneKey,
  type UpdatePhoneRequest,
} from '@vicidash/contracts/phone';
import { WORD_CHARS } from '@vicidash/contracts/common';
import type { UpdatePhoneParams } from '@vicidash/vicidial-client';
import type { AppServices } from '../app.js';
import { type WriteAttempt, auditTargets } from '../audit/write-audit.js';
import { type RawInput, textOf, writeRoute } from '../audit/write-route.js';
import { AppError } from '../errors.js';
import type { RouteSpec } from '../http/route.js';
import { recordLockKey } from '../store/record-locks.js';
import { vicidialParams } from '../vicidial/params.js';
import { phoneChanges, touchesSecrets } from '../vicidial/phone-diff.js';
import { readBack, requireVersion, vicidialRecords } from '../vicidial/records.js';
import type { VicidialWriter } from '../vicidial/writer.js';

const PATH = '/api/phones/:serverIp/:extension';
const pathTarget = ({ params }: RawInput) => auditTargets.phone({ serverIp: textOf(params.serverIp), extension: textOf(params.extension) });
/** VICIdial's parameters naming the phone a call addresses. */
/** What VICIdial's API keeps of an `extension`: it silently deletes every other character. */
const API_EXTENSION_CHAR = new RegExp(`[${WORD_CHARS.chars}]`);

/**
 * The API parameters addressing a phone. An extension the API would strip (`10.01` → `1001`)
 * would address another phone: refused before anything is sent.
 */
function phoneParam(key: PhoneKey) {
  const removed = [...new Set(key.extension)].filter((char) => !API_EXTENSION_CHAR.test(char));
  if (removed.length > 0) {
    throw new AppError(
      'VALIDATION',
      `VICIdial's API cannot address this phone: its extension holds characters the API removes (${removed.join(' ')}). Change it in VICIdial's admin screen.`,
    );
  }
  return { extension: key.extension, server_ip: key.serverIp };
}

/** The phone writes behind the routes, for the routes and for reverts (routes/revert.ts) alike. */
export function phoneWrites(services: AppServices, writer: VicidialWriter) {
  const records = vicidialRecords(services);
  /** The version check, the call and the read-back, with no other save of the same phone in between. */
  const locked = <T>(key: PhoneKey, run: () => Promise<T>) => services.locks.withLock(recordLockKey(auditTargets.phone(key)), 'phone', run);
  /** The phone as VICIdial now holds it, for the answer and the audit. */
  const readBackInto = (attempt: WriteAttempt, key: PhoneKey) => async () => {
    const after = await readBack(() => records.phone(key));
    attempt.after = after;
    return after;
  };

  return {
    records,
    async create(body: CreatePhoneRequest, attempt: WriteAttempt) {
      const key = { serverIp: body.serverIp, extension: body.extension };
      attempt.reread = () => records.phone(key);
      await writer.addPhone(vicidialParams(phoneFields, body));
      attempt.applied = true;
      return readBackInto(attempt, key)();
    },
    update: (key: PhoneKey, body: UpdatePhoneRequest, version: string | undefined, attempt: WriteAttempt) =>
      locked(key, async () => {
        attempt.reread = () => records.phone(key);
        // The secrets, when the change may touch them, are read alongside the phone rather than after it.
        const [stored, secrets] = await Promise.all([records.phone(key), touchesSecrets(body) ? records.phoneSecrets(key) : undefined]);
        const current = requireVersion(stored, version, 'phone');
        attempt.before = current;
        const changes = phoneChanges(body, { ...current, ...secrets });
        attempt.fields = changes;
        // VICIdial would answer SUCCESS to an empty update and still touch the row.
        if (Object.keys(changes).length === 0) {
          throw new AppError('VALIDATION', 'Nothing to change: every field sent already has that value.');
        }
        await writer.updatePhone({ ...vicidialParams<UpdatePhoneParams>(phoneFields, changes), ...phoneParam(key) });
        attempt.applied = true;
        return readBackInto(attempt, key)();
      }),
    remove: (key: PhoneKey, version: string | undefined, attempt: WriteAttempt) =>
      locked(key, async () => {
        attempt.reread = () => records.phone(key);
        const current = requireVersion(await records.phone(key), version, 'phone');
        attempt.before = current;
        await writer.updatePhone({ ...phoneParam(key), delete_phone: 'Y' });
        attempt.applied = true;
        const login = current.login;
        return { deleted: key, stillListedInAliases: login ? await readBack(() => records.aliasesListingLogin(login)) : [] };
      }),
  };
}
export type PhoneWrites = ReturnType<typeof phoneWrites>;

/** Adding, changing and deleting phones, and the audited reveal of their SIP secrets. */
export function phoneChangeRoutes(services: AppServices, writer: VicidialWriter): RouteSpec[] {
  const { audit } = services;
  const writes = phoneWrites(services, writer);
  const { records } = writes;
  /**
   * A phone change waits for its server's configuration rebuild: the form's answer says which
   * servers wait (the reverts and imports that share the writes need not read it).
   */
  const withRebuild = async <T extends object>(done: Promise<T>) => ({
    ...(await done),
    serversAwaitingRebuild: await readBack(() => records.serversAwaitingRebuild()),
  });

  return [
    writeRoute(audit, {
      method: 'post',
      path: '/api/phones',
      tag: 'phones',
      summary: 'Add a phone',
      permission: 'create:phones',
      body: createPhoneRequestSchema,
      response: createPhoneResponseSchema,
      status: 201,
      target: ({ body }) => auditTargets.phone({ serverIp: textOf(body.serverIp), extension: textOf(body.extension) }),
      handler: ({ body, attempt }) => withRebuild(writes.create(body, attempt)),
    }),

    writeRoute(audit, {
      method: 'patch',
      path: PATH,
      tag: 'phones',
      summary: 'Change a phone: only the fields that differ from the stored phone are sent to VICIdial',
      permission: 'update:phones',
      params: phoneKeySchema,
      body: updatePhoneRequestSchema,
      response: updatePhoneResponseSchema,
      versioned: true,
      target: pathTarget,
      handler: ({ params: key, body, version, attempt }) => withRebuild(writes.update(key, body, version, attempt)),
    }),

    writeRoute(audit, {
      method: 'delete',
      path: PATH,
      tag: 'phones',
      summary: "Delete a phone (aliases listing its login keep it: VICIdial does not cascade)",
      permission: 'delete:phones',
      params: phoneKeySchema,
      response: deletePhoneResponseSchema,
      versioned: true,
      target: pathTarget,
      handler: ({ params: key, version, attempt }) => withRebuild(writes.remove(key, version, attempt)),
    }),

    writeRoute(audit, {
      method: 'post',
      path: `${PATH}/secrets`,
      tag: 'phones',
      summary: "Reveal a phone's SIP secrets (every reveal is audited)",
      permission: 'reveal:secrets',
      params: phoneKeySchema,
      response: phoneSecretsSchema,
      target: pathTarget,
      async handler({ params: key }) {
        const secrets = await records.phoneSecrets(key);
        if (!secrets) throw new AppError('NOT_FOUND', 'There is no such phone.');
        return secrets;
      },
    }),
  ];
}
