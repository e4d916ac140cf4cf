import { z } from 'zod';
import { GMT_OFFSETS, gmtOffsetLabel } from './gmt.js';

/**
 * What the forms' pickers are filled with, read from VICIdial's database. Plain types: these
 * describe stored rows, not input.
 */

export const serverLookupSchema = z.array(
  z.object({
    serverId: z.string(),
    serverIp: z.string(),
    description: z.string().nullable(),
    active: z.boolean(),
  }),
);
export type ServerLookup = z.infer<typeof serverLookupSchema>;

/** POST /api/servers/refresh: how many servers the refresh flagged, and every server now waiting to rebuild. */
export const serverRefreshResponseSchema = z.object({
  serversUpdated: z.number().int().min(0),
  serversAwaitingRebuild: serverLookupSchema,
});
export type ServerRefreshResponse = z.infer<typeof serverRefreshResponseSchema>;

/** A dashboard change that made a server wait for a rebuild (from the dashboard's audit). */
export const serverChangeSchema = z.object({
  at: z.string(),
  action: z.enum(['create:phones', 'update:phones', 'delete:phones']),
  extension: z.string(),
  actor: z.object({ username: z.string(), displayName: z.string() }),
});
export type ServerChange = z.infer<typeof serverChangeSchema>;

/**
 * GET /api/servers: every server and its rebuild state. Only an active server that generates its
 * configuration ever rebuilds (`rebuilds`); `waitingSince` and `changes` come from the dashboard's
 * audit (VICIdial keeps no time for the flag): the phone changes on that server since the last
 * refresh, else that refresh itself; null when VICIdial was flagged outside the dashboard.
 */
export const serverListResponseSchema = z.object({
  servers: z.array(
    z.object({
      serverId: z.string(),
      serverIp: z.string(),
      description: z.string().nullable(),
      active: z.boolean(),
      rebuilds: z.boolean(),
      awaitingRebuild: z.boolean(),
      waitingSince: z.string().nullable(),
      changes: z.array(serverChangeSchema),
    }),
  ),
  lastRefresh: z.object({ at: z.string(), actor: z.object({ username: z.string(), displayName: z.string() }) }).nullable(),
});
export type ServerListResponse = z.infer<typeof serverListResponseSchema>;

/** In-groups, inactive ones included (VICIdial routes DIDs to them; the picker marks them). */
export const inGroupLookupSchema = z.array(
  z.object({
    groupId: z.string(),
    name: z.string().nullable(),
    active: z.boolean(),
  }),
);
export type InGroupLookup = z.infer<typeof inGroupLookupSchema>;

export const callMenuLookupSchema = z.array(
  z.object({
    menuId: z.string(),
    name: z.string().nullable(),
  }),
);
export type CallMenuLookup = z.infer<typeof callMenuLookupSchema>;

export const campaignLookupSchema = z.array(
  z.object({
    campaignId: z.string(),
    name: z.string().nullable(),
    active: z.boolean(),
  }),
);
export type CampaignLookup = z.infer<typeof campaignLookupSchema>;

/** Phone templates (template_id must name one). */
export const templateLookupSchema = z.array(
  z.object({
    templateId: z.string(),
    name: z.string().nullable(),
  }),
);
export type TemplateLookup = z.infer<typeof templateLookupSchema>;

/** User groups a phone can belong to ('---ALL---' is offered by the form itself). */
export const userGroupLookupSchema = z.array(
  z.object({
    userGroup: z.string(),
    name: z.string().nullable(),
  }),
);
export type UserGroupLookup = z.infer<typeof userGroupLookupSchema>;

/** The alias form's login search: type a few characters, get matching phone logins. */
export const phoneLoginLookupQuerySchema = z.object({
  search: z.string().trim().max(15, 'Search: at most 15 characters').default(''),
  limit: z.coerce
    .number({ error: 'Limit: a whole number from 1 to 100' })
    .int('Limit: a whole number from 1 to 100')
    .min(1, 'Limit: a whole number from 1 to 100')
    .max(100, 'Limit: a whole number from 1 to 100')
    .default(20),
});
export type PhoneLoginLookupQuery = z.infer<typeof phoneLoginLookupQuerySchema>;

export const phoneLoginLookupSchema = z.array(
  z.object({
    login: z.string(),
    extension: z.string(),
    serverIp: z.string(),
    fullName: z.string().nullable(),
  }),
);
export type PhoneLoginLookup = z.infer<typeof phoneLoginLookupSchema>;

/** The time zones a phone can have (GMT_OFFSETS with labels). */
export const timeZoneLookupSchema = z.array(
  z.object({
    offset: z.string(),
    label: z.string(),
  }),
);
export type TimeZoneLookup = z.infer<typeof timeZoneLookupSchema>;

/** The time zone picker's list: every offset VICIdial accepts, labelled. */
export const TIME_ZONES: TimeZoneLookup = GMT_OFFSETS.map((offset) => ({ offset, label: gmtOffsetLabel(offset) }));
