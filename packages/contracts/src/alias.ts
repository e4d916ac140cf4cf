import { z } from 'zod';
import {
  firstDuplicate,
  listQuery,
  listResponse,
  NOTHING_TO_CHANGE,
  requireSomeChange,
  text,
  versionSchema,
  WORD_CHARS,
  type FieldMap,
} from './common.js';
import { phoneLoginSchema } from './phone.js';

/**
 * Phone aliases (`phones_alias`): a name for a list of phone logins, written through
 * add_phone_alias / update_phone_alias. VICIdial replaces the whole list on update.
 */

/** VICIdial stores the comma-joined logins in 255 characters and silently cuts the rest. */
export const ALIAS_LOGINS_BUDGET = 255;

/** The length VICIdial stores for a list: what the form's budget counter shows. */
export const aliasLoginsLength = (logins: readonly string[]): number => logins.join(',').length;

export const aliasRules = {
  aliasId: text({ label: 'Alias ID', min: 2, max: 20, ...WORD_CHARS }),
  name: text({
    label: 'Name',
    min: 2,
    max: 50,
    chars: 'A-Za-z0-9 +.:/@_\\-',
    charsText: 'letters, digits, spaces or + . : / @ _ -',
    notClearable: 'every alias has a name',
  }),
  logins: z
    .array(phoneLoginSchema, { error: 'Logins: a list of phone logins' })
    .min(1, 'Logins: choose at least one phone login')
    .superRefine((logins, ctx) => {
      const duplicate = firstDuplicate(logins);
      if (duplicate !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `Logins: ${duplicate} is listed twice (VICIdial compares logins ignoring case)`,
        });
      }
      const length = aliasLoginsLength(logins);
      if (length > ALIAS_LOGINS_BUDGET) {
        ctx.addIssue({
          code: 'custom',
          message: `Logins: the list takes ${length} of ${ALIAS_LOGINS_BUDGET} characters (logins joined by commas)`,
        });
      }
      if (length < 2) {
        ctx.addIssue({ code: 'custom', message: 'Logins: VICIdial refuses a list shorter than 2 characters' });
      }
    }),
};

/** API-level field → Non-Agent API parameter and `phones_alias` column. */
export const aliasFields = {
  aliasId: { param: 'alias_id', column: 'alias_id' },
  name: { param: 'alias_name', column: 'alias_name' },
  logins: { param: 'phone_logins', column: 'logins_list' },
  userGroup: { param: null, column: 'user_group' },
} as const satisfies FieldMap;

export const aliasKeySchema = z.object({ aliasId: aliasRules.aliasId });
export type AliasKey = z.infer<typeof aliasKeySchema>;

export const createAliasRequestSchema = z.strictObject({
  aliasId: aliasRules.aliasId,
  name: aliasRules.name,
  logins: aliasRules.logins,
});
export type CreateAliasRequest = z.infer<typeof createAliasRequestSchema>;

/** `logins` replaces the whole list (the form starts from the current one); the version goes in If-Match. */
export const updateAliasRequestSchema = z
  .strictObject({
    name: aliasRules.name.optional(),
    logins: aliasRules.logins.optional(),
  })
  .refine(requireSomeChange, NOTHING_TO_CHANGE);
export type UpdateAliasRequest = z.infer<typeof updateAliasRequestSchema>;

/** Deleting an alias never touches its phones. */
export const deleteAliasRequestSchema = aliasKeySchema;
export type DeleteAliasRequest = z.infer<typeof deleteAliasRequestSchema>;

// Responses describe what VICIdial's database holds (a list may be cut or hold a deleted login).
export const aliasRowSchema = z.object({
  aliasId: z.string(),
  name: z.string().nullable(),
  logins: z.array(z.string()),
  userGroup: z.string().nullable(),
});
export type AliasRow = z.infer<typeof aliasRowSchema>;

export const aliasDetailSchema = aliasRowSchema.extend({
  /** Listed logins no phone has (any more): the form shows them as invalid chips. */
  unknownLogins: z.array(z.string()),
  /** The phone of each other listed login, in list order (its page is extension on server). */
  phones: z.array(z.object({ login: z.string(), extension: z.string(), serverIp: z.string() })),
  version: versionSchema,
});
export type AliasDetail = z.infer<typeof aliasDetailSchema>;

export const createAliasResponseSchema = aliasDetailSchema;
export const updateAliasResponseSchema = aliasDetailSchema;

export const ALIAS_SORT_FIELDS = ['aliasId', 'name'] as const;

/** Search matches alias id, name and logins; `login` keeps the aliases that list that login. */
export const aliasListQuerySchema = listQuery(ALIAS_SORT_FIELDS, 'aliasId', {
  login: z.string().trim().min(1).max(15, 'Login: at most 15 characters').optional(),
});
export type AliasListQuery = z.infer<typeof aliasListQuerySchema>;

export const aliasListResponseSchema = listResponse(aliasRowSchema);
export type AliasListResponse = z.infer<typeof aliasListResponseSchema>;

/** GET /api/aliases/stale-logins: aliases still listing logins that no phone has (VICIdial never cleans them up). */
export const staleAliasLoginsSchema = z.array(
  z.object({
    aliasId: z.string(),
    name: z.string().nullable(),
    staleLogins: z.array(z.string()),
  }),
);
export type StaleAliasLogins = z.infer<typeof staleAliasLoginsSchema>;
