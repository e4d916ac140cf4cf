import { z } from 'zod';
import {
  BULK_MAX,
  firstDuplicate,
  flag,
  ipv4,
  listQuery,
  listResponse,
  NOTHING_TO_CHANGE,
  oneOf,
  queryFlag,
  requireSomeChange,
  text,
  versionSchema,
  WORD_CHARS,
  type FieldLabel,
  type FieldMap,
} from './common.js';
import { errorBodySchema } from './errors.js';

/**
 * Inbound DIDs (`vicidial_inbound_dids`), written through add_did / update_did / copy_did.
 * A DID's route decides which target fields matter: the contract models them as a union on the
 * route, so a request carries exactly the chosen route's fields.
 */

export const DID_ROUTES = ['EXTEN', 'VOICEMAIL', 'AGENT', 'PHONE', 'IN_GROUP', 'CALLMENU', 'VMAIL_NO_INST'] as const;
export type DidRoute = (typeof DID_ROUTES)[number];
export const RECORD_CALL_MODES = ['Y', 'N', 'Y_QUEUESTOP'] as const;
/** LB: load balanced, LO: load balanced overflow, SO: this server only. VICIdial stores '' for anything else. */
export const AGENT_SEARCH_METHODS = ['LB', 'LO', 'SO'] as const;

/** Each route in words, as the forms, lists and the history name it. */
export const DID_ROUTE_LABELS: Record<DidRoute, string> = {
  EXTEN: 'Extension',
  VOICEMAIL: 'Voicemail',
  VMAIL_NO_INST: 'Voicemail, no instructions',
  AGENT: 'Agent',
  PHONE: 'Phone',
  IN_GROUP: 'In-group',
  CALLMENU: 'Call menu',
};

/** VICIdial's record_call values in words. */
export const RECORDING_LABELS: Record<string, string> = {
  Y: 'Recorded',
  N: 'Not recorded',
  Y_QUEUESTOP: 'Recorded until queued',
};

/** copy_did takes the new patterns comma-joined in at most this many characters. */
export const COPY_PATTERNS_BUDGET = 2000;

const DESCRIPTION_CHARS = { chars: 'A-Za-z0-9 .,_\\-', charsText: 'letters, digits, spaces or . , _ -' } as const;

/** A whole number written with `minDigits`..`maxDigits` digits (VICIdial stores letters as 0). */
function digitsNumber(field: FieldLabel, minDigits: number, maxDigits: number) {
  const message = `${field.label}: a number of ${minDigits} to ${maxDigits} digits`;
  return z
    .number({ error: (issue) => (issue.input === undefined ? `${field.label}: required` : message) })
    .int(message)
    .min(minDigits === 1 ? 0 : 10 ** (minDigits - 1), message)
    .max(10 ** maxDigits - 1, message)
    .describe(field.label);
}

export const didRules = {
  didId: z.number({ error: 'DID ID: a whole number from 1' }).int('DID ID: a whole number from 1').min(1, 'DID ID: a whole number from 1'),
  /** '+' is allowed: the client sends it as %2B (a raw '+' would become a space and be stripped). */
  pattern: text({ label: 'DID number', min: 2, max: 50, chars: 'A-Za-z0-9:+*#._', charsText: 'letters, digits or : + * # . _' }),
  description: text({
    label: 'Description',
    min: 6,
    max: 50,
    ...DESCRIPTION_CHARS,
    notClearable: 'VICIdial has no way to clear a DID description',
  }),
  active: flag({ label: 'Active', notClearable: 'it is a yes/no setting' }),
  recordCall: oneOf({ label: 'Recording', notClearable: 'it is a Y, N or Y_QUEUESTOP setting' }, RECORD_CALL_MODES),
  filterCleanCidNumber: text({
    label: 'Clean caller ID number',
    min: 1,
    max: 20,
    ...DESCRIPTION_CHARS,
    notClearable: 'VICIdial has no way to clear it',
  }),
  route: oneOf({ label: 'Where calls go' }, DID_ROUTES),
  extension: text({ label: 'Extension', min: 1, max: 50, ...WORD_CHARS }),
  context: text({ label: 'Context', min: 1, max: 50, ...WORD_CHARS }),
  voicemailBox: text({ label: 'Voicemail box', min: 1, max: 10, chars: 'A-Za-z0-9*#._', charsText: 'letters, digits or * # . _' }),
  phoneExtension: text({ label: 'Phone extension', min: 1, max: 100, ...WORD_CHARS }),
  serverIp: ipv4({ label: 'Server IP' }),
  inGroup: text({ label: 'In-group', min: 1, max: 20, ...WORD_CHARS }),
  callHandleMethod: text({ label: 'Call handle method', min: 3, max: 20, chars: 'A-Za-z0-9_', charsText: 'letters, digits or _' }),
  agentSearchMethod: oneOf({ label: 'Agent search method' }, AGENT_SEARCH_METHODS),
  listId: digitsNumber({ label: 'List ID' }, 3, 14),
  entryListId: digitsNumber({ label: 'Entry list ID' }, 1, 14),
  campaignId: text({ label: 'Campaign', min: 1, max: 8, ...WORD_CHARS }),
  phoneCode: text({ label: 'Phone code', min: 1, max: 10, chars: '0-9', charsText: 'digits' }),
  menuId: text({ label: 'Call menu', min: 1, max: 50, ...WORD_CHARS }),
};

/** API-level field → Non-Agent API parameter and `vicidial_inbound_dids` column. */
export const didFields = {
  didId: { param: null, column: 'did_id' },
  pattern: { param: 'did_pattern', column: 'did_pattern' },
  description: { param: 'did_description', column: 'did_description' },
  active: { param: 'active', column: 'did_active' },
  recordCall: { param: 'record_call', column: 'record_call' },
  filterCleanCidNumber: { param: 'filter_clean_cid_number', column: 'filter_clean_cid_number' },
  route: { param: 'did_route', column: 'did_route' },
  extension: { param: 'extension', column: 'extension' },
  context: { param: 'exten_context', column: 'exten_context' },
  voicemailBox: { param: 'voicemail_ext', column: 'voicemail_ext' },
  phoneExtension: { param: 'phone_extension', column: 'phone' },
  serverIp: { param: 'server_ip', column: 'server_ip' },
  /** The AGENT route's agent: no Non-Agent API parameter sets it (only VICIdial's admin screen). */
  agentUser: { param: null, column: 'user' },
  inGroup: { param: 'group', column: 'group_id' },
  callHandleMethod: { param: 'call_handle_method', column: 'call_handle_method' },
  agentSearchMethod: { param: 'agent_search_method', column: 'agent_search_method' },
  listId: { param: 'list_id', column: 'list_id' },
  entryListId: { param: 'entry_list_id', column: 'entry_list_id' },
  campaignId: { param: 'campaign_id', column: 'campaign_id' },
  phoneCode: { param: 'phone_code', column: 'phone_code' },
  menuId: { param: 'menu_id', column: 'menu_id' },
  userGroup: { param: null, column: 'user_group' },
} as const satisfies FieldMap;

/** copy_did's parameters (the new DIDs get every other setting of the source). */
export const didCopyFields = {
  sourcePattern: { param: 'source_did_pattern', column: 'did_pattern' },
  newPatterns: { param: 'new_dids', column: 'did_pattern' },
  description: { param: 'did_description', column: 'did_description' },
} as const satisfies FieldMap;

const route = <R extends DidRoute>(name: R) => z.literal(name);

/** Where calls go. Each route carries its own target; IN_GROUP has optional extras. */
export const didRoutingSchema = z.discriminatedUnion(
  'route',
  [
    z.strictObject({ route: route('EXTEN'), extension: didRules.extension, context: didRules.context }),
    z.strictObject({ route: route('VOICEMAIL'), voicemailBox: didRules.voicemailBox }),
    z.strictObject({ route: route('VMAIL_NO_INST'), voicemailBox: didRules.voicemailBox }),
    z.strictObject({ route: route('PHONE'), phoneExtension: didRules.phoneExtension, serverIp: didRules.serverIp }),
    z.strictObject({
      route: route('IN_GROUP'),
      inGroup: didRules.inGroup,
      callHandleMethod: didRules.callHandleMethod.optional(),
      agentSearchMethod: didRules.agentSearchMethod.optional(),
      listId: didRules.listId.optional(),
      entryListId: didRules.entryListId.optional(),
      campaignId: didRules.campaignId.optional(),
      phoneCode: didRules.phoneCode.optional(),
    }),
    z.strictObject({ route: route('CALLMENU'), menuId: didRules.menuId }),
    // VICIdial's API cannot set the agent of an AGENT route: choosing the route keeps the stored agent.
    z.strictObject({ route: route('AGENT') }),
  ],
  { error: (issue) => (issue.input === undefined ? 'Where calls go: required' : `Where calls go: one of ${DID_ROUTES.join(', ')}`) },
);
export type DidRouting = z.infer<typeof didRoutingSchema>;

/** The fields each route carries (for forms that show only the chosen route's fields). */
export const DID_ROUTE_FIELDS = {
  EXTEN: ['extension', 'context'],
  VOICEMAIL: ['voicemailBox'],
  VMAIL_NO_INST: ['voicemailBox'],
  PHONE: ['phoneExtension', 'serverIp'],
  IN_GROUP: ['inGroup', 'callHandleMethod', 'agentSearchMethod', 'listId', 'entryListId', 'campaignId', 'phoneCode'],
  CALLMENU: ['menuId'],
  AGENT: [],
} as const satisfies Record<DidRoute, readonly (keyof typeof didFields)[]>;

const DID_ID_TEXT = 'DID ID: a whole number from 1, in plain digits';

/**
 * The DID a path addresses (path parameters are text). Only plain digits: 05, 5.0, +5, 0x5 or
 * " 5" would also read as 5, and the change would be audited under a name its history never asks for.
 */
export const didKeySchema = z.object({
  didId: z
    .string({ error: DID_ID_TEXT })
    .regex(/^[1-9]\d{0,9}$/, DID_ID_TEXT)
    .transform(Number)
    .pipe(didRules.didId),
});
export type DidKey = z.infer<typeof didKeySchema>;

export const createDidRequestSchema = z.strictObject({
  pattern: didRules.pattern,
  description: didRules.description.optional(),
  active: didRules.active.optional(),
  recordCall: didRules.recordCall.optional(),
  filterCleanCidNumber: didRules.filterCleanCidNumber.optional(),
  // Required: without it VICIdial routes the DID to its placeholder extension 9998811112.
  routing: didRoutingSchema,
});
export type CreateDidRequest = z.infer<typeof createDidRequestSchema>;

/** Only what changes; a routing block is sent whole (route plus its target). */
export const updateDidRequestSchema = z
  .strictObject({
    description: didRules.description.optional(),
    active: didRules.active.optional(),
    recordCall: didRules.recordCall.optional(),
    filterCleanCidNumber: didRules.filterCleanCidNumber.optional(),
    routing: didRoutingSchema.optional(),
  })
  .refine(requireSomeChange, NOTHING_TO_CHANGE);
export type UpdateDidRequest = z.infer<typeof updateDidRequestSchema>;

export const deleteDidRequestSchema = didKeySchema;
export type DeleteDidRequest = z.infer<typeof deleteDidRequestSchema>;

/** New DIDs with every setting of the source DID; a description replaces the source's. */
export const copyDidRequestSchema = z
  .strictObject({
    sourcePattern: didRules.pattern,
    newPatterns: z
      .array(didRules.pattern, { error: 'New numbers: a list of DID patterns' })
      .min(1, 'New numbers: at least one')
      .max(BULK_MAX, `New numbers: at most ${BULK_MAX}`),
    description: didRules.description.optional(),
  })
  .superRefine(({ sourcePattern, newPatterns }, ctx) => {
    const duplicate = firstDuplicate(newPatterns);
    if (duplicate !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['newPatterns'], message: `New numbers: ${duplicate} is listed twice` });
    }
    if (newPatterns.some((pattern) => pattern.toLowerCase() === sourcePattern.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['newPatterns'], message: `New numbers: ${sourcePattern} is the source DID` });
    }
    const length = newPatterns.join(',').length;
    if (length > COPY_PATTERNS_BUDGET) {
      ctx.addIssue({
        code: 'custom',
        path: ['newPatterns'],
        message: `New numbers: ${length} characters joined by commas; VICIdial takes at most ${COPY_PATTERNS_BUDGET}`,
      });
    }
  });
export type CopyDidRequest = z.infer<typeof copyDidRequestSchema>;

export const copyDidResponseSchema = z.object({
  added: z.array(z.object({ pattern: z.string(), didId: z.number().int() })),
  /** Patterns skipped because a DID with that pattern exists already. */
  alreadyExisting: z.array(z.string()),
});
export type CopyDidResponse = z.infer<typeof copyDidResponseSchema>;

/** A DID in a bulk request: its id or its pattern. */
export const didRefSchema = z.union([didRules.didId, didRules.pattern], {
  error: 'DID: a DID ID or a DID pattern',
});
export type DidRef = z.infer<typeof didRefSchema>;

/** The same change (route and its target, active, recording) applied to many DIDs. */
export const bulkUpdateDidsRequestSchema = z
  .strictObject({
    dids: z
      .array(didRefSchema, { error: 'DIDs: a list of DID IDs or patterns' })
      .min(1, 'DIDs: choose at least one')
      .max(BULK_MAX, `DIDs: at most ${BULK_MAX} at once`)
      .superRefine((dids, ctx) => {
        // Patterns hold no spaces, so 'DID ID 12' cannot collide with a pattern.
        const duplicate = firstDuplicate(dids.map((did) => (typeof did === 'number' ? `DID ID ${did}` : did)));
        if (duplicate !== undefined) ctx.addIssue({ code: 'custom', message: `DIDs: ${duplicate} is listed twice` });
      }),
    routing: didRoutingSchema.optional(),
    active: didRules.active.optional(),
    recordCall: didRules.recordCall.optional(),
  })
  .refine(({ dids: _dids, ...changes }) => requireSomeChange(changes), NOTHING_TO_CHANGE);
export type BulkUpdateDidsRequest = z.infer<typeof bulkUpdateDidsRequestSchema>;

/** One result per DID, in request order: VICIdial applies each one separately. */
export const bulkUpdateDidsResponseSchema = z.object({
  results: z.array(
    z.discriminatedUnion('ok', [
      z.object({ did: didRefSchema, ok: z.literal(true) }),
      z.object({ did: didRefSchema, ok: z.literal(false), error: errorBodySchema }),
    ]),
  ),
});
export type BulkUpdateDidsResponse = z.infer<typeof bulkUpdateDidsResponseSchema>;

// Responses describe what VICIdial's database holds (an ENUM may hold '', a route may be stale).
const stored = z.string().nullable();

export const didRowSchema = z.object({
  didId: z.number().int(),
  pattern: z.string(),
  description: stored,
  active: z.boolean(),
  route: stored,
  /** The chosen route's target in words (see didTarget). */
  target: stored,
  recordCall: stored,
  userGroup: stored,
});
export type DidRow = z.infer<typeof didRowSchema>;

export const didDetailSchema = z.object({
  didId: z.number().int(),
  pattern: z.string(),
  description: stored,
  active: z.boolean(),
  recordCall: stored,
  filterCleanCidNumber: stored,
  userGroup: stored,
  route: stored,
  extension: stored,
  context: stored,
  voicemailBox: stored,
  phoneExtension: stored,
  serverIp: stored,
  /** The AGENT route's agent (read-only here). */
  agentUser: stored,
  inGroup: stored,
  callHandleMethod: stored,
  agentSearchMethod: stored,
  listId: z.number().int().nullable(),
  entryListId: z.number().int().nullable(),
  campaignId: stored,
  phoneCode: stored,
  menuId: stored,
  /**
   * The route's phone, in-group or call menu is not in VICIdial (deleted since it was chosen): calls
   * go nowhere. Not part of the version: the DID itself did not change.
   */
  targetMissing: z.boolean(),
  version: versionSchema,
});
export type DidDetail = z.infer<typeof didDetailSchema>;

export const createDidResponseSchema = didDetailSchema;
export const updateDidResponseSchema = didDetailSchema;

type TargetFields = Pick<
  DidDetail,
  'route' | 'extension' | 'context' | 'voicemailBox' | 'phoneExtension' | 'serverIp' | 'agentUser' | 'inGroup' | 'menuId'
>;

/** The chosen route's target in words, for lists: '8300@default', 'TEST_IN', '100 on 10.10.10.15'. */
export function didTarget(did: TargetFields): string | null {
  const join = (...parts: (string | null)[]) => (parts.every((p) => p) ? parts.join('') : null);
  switch (did.route) {
    case 'EXTEN':
      return join(did.extension, '@', did.context);
    case 'VOICEMAIL':
    case 'VMAIL_NO_INST':
      return did.voicemailBox || null;
    case 'PHONE':
      return join(did.phoneExtension, ' on ', did.serverIp);
    case 'IN_GROUP':
      return did.inGroup || null;
    case 'CALLMENU':
      return did.menuId || null;
    case 'AGENT':
      return did.agentUser || null;
    default:
      return null;
  }
}

/** The routes whose target VICIdial keeps a table of, so it can be gone: what that target is, in words. */
const MISSABLE_TARGET_KINDS: Partial<Record<string, string>> = { PHONE: 'phone', IN_GROUP: 'in-group', CALLMENU: 'call menu' };

/** 'phone', 'in-group' or 'call menu' for a DID whose target can be missing (DidDetail.targetMissing); 'target' otherwise. */
export const missableTargetKind = (route: string | null): string => (route === null ? undefined : MISSABLE_TARGET_KINDS[route]) ?? 'target';

export const DID_SORT_FIELDS = ['pattern', 'description', 'route', 'didId'] as const;

/**
 * A search of digits (optionally after +) finds DIDs whose pattern holds them anywhere (the last
 * four digits find a caller's number); a longer one starting with 1 also finds the number written
 * without that country code. Other text finds the start of the pattern or part of the description.
 */
export const didListQuerySchema = listQuery(DID_SORT_FIELDS, 'pattern', {
  route: z.enum(DID_ROUTES, { error: `Route: one of ${DID_ROUTES.join(', ')}` }).optional(),
  active: queryFlag('Active').optional(),
  recordCall: z.enum(RECORD_CALL_MODES, { error: `Recording: one of ${RECORD_CALL_MODES.join(', ')}` }).optional(),
  inGroup: z.string().trim().min(1).max(20, 'In-group: at most 20 characters').optional(),
  /** The route's target as stored: extension, voicemail box, phone extension, in-group, call menu or agent (with `route`: of that route only). */
  target: z.string().trim().min(1, 'Target: at least 1 character').max(100, 'Target: at most 100 characters').optional(),
});
export type DidListQuery = z.infer<typeof didListQuerySchema>;

export const didListResponseSchema = listResponse(didRowSchema);
export type DidListResponse = z.infer<typeof didListResponseSchema>;
