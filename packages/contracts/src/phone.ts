import { z } from 'zod';
import {
  flag,
  ipv4,
  listQuery,
  listResponse,
  NOTHING_TO_CHANGE,
  oneOf,
  queryFlag,
  requireSomeChange,
  text,
  textMatching,
  versionSchema,
  wholeNumber,
  WORD_CHARS,
  type FieldMap,
} from './common.js';
import { GMT_OFFSETS } from './gmt.js';
import { serverLookupSchema } from './lookups.js';

/**
 * Phones: one row of VICIdial's `phones` per extension per server, written through add_phone /
 * update_phone. Where add_phone is looser than update_phone (lengths), the contract uses
 * update_phone's rule for both, so that a value that can be created can also be saved again.
 */

export const PROTOCOLS = ['SIP', 'IAX2', 'Zap', 'EXTERNAL'] as const;
export const WEBPHONE_MODES = ['Y', 'N', 'Y_API_LAUNCH'] as const;

/**
 * The fields VICIdial can clear ('--BLANK--'): send `null` in an update. Every other editable field
 * has its reason in PHONE_NOT_CLEARABLE, for the form to show next to it.
 */
export const PHONE_CLEARABLE = ['email', 'registrationPassword', 'fullName', 'context', 'templateId'] as const;

export const PHONE_NOT_CLEARABLE = {
  dialplanNumber: 'the phone is dialled with it; VICIdial would store the word BLANK',
  voicemailId: 'VICIdial would store the word BLANK',
  login: 'agents log in with it',
  password: 'agents log in with it',
  protocol: 'every phone has one',
  gmtOffset: 'every phone has one',
  outboundCallerId: 'VICIdial ignores a request to clear it',
  outboundAltCallerId: 'VICIdial refuses to clear it',
  userGroup: 'every phone belongs to one; ---ALL--- means every group',
  active: 'it is a yes/no setting',
  ringTimeout: 'every phone has one; VICIdial\'s default is 60 seconds',
  deleteVoicemailAfterEmail: 'it is a yes/no setting',
  webphone: 'it is a Y, N or Y_API_LAUNCH setting',
  webphoneAutoAnswer: 'it is a yes/no setting',
  useExternalServerIp: 'it is a yes/no setting',
  onHookAgent: 'it is a yes/no setting',
} as const;
const reason = PHONE_NOT_CLEARABLE;

/** A phone login (also the items of an alias). The column holds 15 characters. */
export const phoneLoginSchema = text({
  label: 'Login',
  min: 1,
  max: 15,
  ...WORD_CHARS,
  notClearable: reason.login,
});

const EMAIL = /^(?=.{5,100}$)[A-Za-z0-9._%-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

/** The rule of every phone field, by API-level name. */
export const phoneRules = {
  extension: text({ label: 'Extension', min: 2, max: 100, ...WORD_CHARS }),
  serverIp: ipv4({ label: 'Server' }),
  dialplanNumber: text({
    label: 'Dialplan number',
    min: 3,
    max: 20,
    chars: 'A-Za-z0-9*#',
    charsText: 'letters, digits, * or #',
    notClearable: reason.dialplanNumber,
  }),
  voicemailId: text({
    label: 'Voicemail box',
    min: 2,
    max: 10,
    chars: 'A-Za-z0-9',
    charsText: 'letters or digits',
    notClearable: reason.voicemailId,
  }),
  login: phoneLoginSchema,
  password: text({ label: 'Password', min: 2, max: 30, ...WORD_CHARS, notClearable: reason.password }),
  registrationPassword: text({ label: 'Registration password', min: 2, max: 30, ...WORD_CHARS }),
  protocol: oneOf({ label: 'Protocol', notClearable: reason.protocol }, PROTOCOLS),
  fullName: text({
    label: 'Full name',
    min: 2,
    max: 30,
    // VICIdial's filter on phone_full_name drops anything else ("O'Brien" would be stored "OBrien").
    chars: 'A-Za-z0-9 +._\\-',
    charsText: "letters without accents, digits, spaces or + . _ - (VICIdial drops any other character, such as ' or é)",
  }),
  gmtOffset: z.enum(GMT_OFFSETS, {
    error: (issue) =>
      issue.input === undefined ? 'Time zone: required'
      : issue.input === null ? `Time zone: cannot be cleared (${reason.gmtOffset})`
      : 'Time zone: one of the GMT offsets VICIdial offers, written like -5.00 or 5.50',
  }),
  outboundCallerId: text({
    label: 'Outbound caller ID',
    min: 6,
    max: 18,
    chars: '0-9',
    charsText: 'digits',
    notClearable: reason.outboundCallerId,
  }),
  outboundAltCallerId: text({
    label: 'Alternate outbound caller ID',
    min: 6,
    max: 18,
    chars: '0-9',
    charsText: 'digits',
    notClearable: reason.outboundAltCallerId,
  }),
  email: textMatching(
    { label: 'Email' },
    EMAIL,
    'Email: an address like name@example.com, 5 to 100 characters, without + (VICIdial turns it into a space)',
  ),
  context: text({ label: 'Context', min: 2, max: 20, ...WORD_CHARS }),
  userGroup: text({
    label: 'User group',
    min: 2,
    max: 20,
    ...WORD_CHARS,
    notClearable: reason.userGroup,
  }),
  active: flag({ label: 'Active', notClearable: reason.active }),
  ringTimeout: wholeNumber({ label: 'Ring timeout', notClearable: reason.ringTimeout }, 2, 180, 'seconds'),
  deleteVoicemailAfterEmail: flag({ label: 'Delete voicemail after email', notClearable: reason.deleteVoicemailAfterEmail }),
  templateId: text({ label: 'Template', min: 2, max: 15, ...WORD_CHARS }),
  webphone: oneOf({ label: 'Webphone', notClearable: reason.webphone }, WEBPHONE_MODES),
  webphoneAutoAnswer: flag({ label: 'Webphone auto-answer', notClearable: reason.webphoneAutoAnswer }),
  useExternalServerIp: flag({ label: 'Use external server IP', notClearable: reason.useExternalServerIp }),
  onHookAgent: flag({ label: 'On-hook agent', notClearable: reason.onHookAgent }),
};

/** API-level field → Non-Agent API parameter and `phones` column. */
export const phoneFields = {
  extension: { param: 'extension', column: 'extension' },
  serverIp: { param: 'server_ip', column: 'server_ip' },
  dialplanNumber: { param: 'dialplan_number', column: 'dialplan_number' },
  voicemailId: { param: 'voicemail_id', column: 'voicemail_id' },
  login: { param: 'phone_login', column: 'login' },
  password: { param: 'phone_pass', column: 'pass' },
  registrationPassword: { param: 'registration_password', column: 'conf_secret' },
  protocol: { param: 'protocol', column: 'protocol' },
  fullName: { param: 'phone_full_name', column: 'fullname' },
  gmtOffset: { param: 'local_gmt', column: 'local_gmt' },
  outboundCallerId: { param: 'outbound_cid', column: 'outbound_cid' },
  outboundAltCallerId: { param: 'outbound_alt_cid', column: 'outbound_alt_cid' },
  email: { param: 'email', column: 'email' },
  context: { param: 'phone_context', column: 'phone_context' },
  userGroup: { param: 'admin_user_group', column: 'user_group' },
  active: { param: 'active', column: 'active' },
  ringTimeout: { param: 'phone_ring_timeout', column: 'phone_ring_timeout' },
  deleteVoicemailAfterEmail: { param: 'delete_vm_after_email', column: 'delete_vm_after_email' },
  templateId: { param: 'template_id', column: 'template_id' },
  webphone: { param: 'is_webphone', column: 'is_webphone' },
  webphoneAutoAnswer: { param: 'webphone_auto_answer', column: 'webphone_auto_answer' },
  useExternalServerIp: { param: 'use_external_server_ip', column: 'use_external_server_ip' },
  onHookAgent: { param: 'on_hook_agent', column: 'on_hook_agent' },
  status: { param: null, column: 'status' },
} as const satisfies FieldMap;

/**
 * The phone an update or delete addresses: VICIdial identifies a phone by extension and server.
 * Any extension VICIdial stores: its admin screen allows more characters than a new phone's rule
 * (EXTERNAL phones: `sip/1001@host`).
 */
export const phoneKeySchema = z.object({
  serverIp: phoneRules.serverIp,
  extension: z.string().max(100, 'Extension: at most 100 characters'),
});
export type PhoneKey = z.infer<typeof phoneKeySchema>;

export const createPhoneRequestSchema = z.strictObject({
  extension: phoneRules.extension,
  serverIp: phoneRules.serverIp,
  dialplanNumber: phoneRules.dialplanNumber,
  voicemailId: phoneRules.voicemailId,
  login: phoneRules.login,
  password: phoneRules.password,
  registrationPassword: phoneRules.registrationPassword,
  protocol: phoneRules.protocol,
  fullName: phoneRules.fullName,
  gmtOffset: phoneRules.gmtOffset,
  outboundCallerId: phoneRules.outboundCallerId,
  context: phoneRules.context.optional(),
  email: phoneRules.email.optional(),
  userGroup: phoneRules.userGroup.optional(),
  templateId: phoneRules.templateId.optional(),
  webphone: phoneRules.webphone.optional(),
  webphoneAutoAnswer: phoneRules.webphoneAutoAnswer.optional(),
  useExternalServerIp: phoneRules.useExternalServerIp.optional(),
  onHookAgent: phoneRules.onHookAgent.optional(),
});
export type CreatePhoneRequest = z.infer<typeof createPhoneRequestSchema>;

/** Only the fields that change (the form diffs against the loaded phone); `null` clears. */
export const updatePhoneRequestSchema = z
  .strictObject({
    dialplanNumber: phoneRules.dialplanNumber.optional(),
    voicemailId: phoneRules.voicemailId.optional(),
    login: phoneRules.login.optional(),
    password: phoneRules.password.optional(),
    registrationPassword: phoneRules.registrationPassword.nullable().optional(),
    protocol: phoneRules.protocol.optional(),
    fullName: phoneRules.fullName.nullable().optional(),
    gmtOffset: phoneRules.gmtOffset.optional(),
    outboundCallerId: phoneRules.outboundCallerId.optional(),
    outboundAltCallerId: phoneRules.outboundAltCallerId.optional(),
    email: phoneRules.email.nullable().optional(),
    context: phoneRules.context.nullable().optional(),
    userGroup: phoneRules.userGroup.optional(),
    active: phoneRules.active.optional(),
    ringTimeout: phoneRules.ringTimeout.optional(),
    deleteVoicemailAfterEmail: phoneRules.deleteVoicemailAfterEmail.optional(),
    templateId: phoneRules.templateId.nullable().optional(),
    webphone: phoneRules.webphone.optional(),
    webphoneAutoAnswer: phoneRules.webphoneAutoAnswer.optional(),
    useExternalServerIp: phoneRules.useExternalServerIp.optional(),
    onHookAgent: phoneRules.onHookAgent.optional(),
  })
  .refine(requireSomeChange, NOTHING_TO_CHANGE);
export type UpdatePhoneRequest = z.infer<typeof updatePhoneRequestSchema>;

/** Delete addresses the phone by its key (in the path); the version goes in If-Match. */
export const deletePhoneRequestSchema = phoneKeySchema;
export type DeletePhoneRequest = z.infer<typeof deletePhoneRequestSchema>;

/**
 * A phone change reaches the telephony servers only after they rebuild their configuration: every
 * phone change answers which servers now wait for that rebuild.
 */
const awaitingRebuild = { serversAwaitingRebuild: serverLookupSchema };

/** VICIdial does not cascade: aliases that listed the deleted phone's login still list it. */
export const deletePhoneResponseSchema = z.object({
  deleted: phoneKeySchema,
  stillListedInAliases: z.array(z.string()),
  ...awaitingRebuild,
});
export type DeletePhoneResponse = z.infer<typeof deletePhoneResponseSchema>;

// Responses describe what VICIdial's database holds, which may predate any rule: plain types only.
const stored = z.string().nullable();

export const phoneRowSchema = z.object({
  extension: z.string(),
  serverIp: z.string(),
  login: stored,
  fullName: stored,
  dialplanNumber: stored,
  protocol: stored,
  gmtOffset: stored,
  userGroup: stored,
  active: z.boolean(),
  status: stored,
});
export type PhoneRow = z.infer<typeof phoneRowSchema>;

/** One phone, without its secrets (those come from the audited reveal, phoneSecretsSchema). */
export const phoneDetailSchema = phoneRowSchema.extend({
  voicemailId: stored,
  outboundCallerId: stored,
  outboundAltCallerId: stored,
  email: stored,
  context: stored,
  ringTimeout: z.number().int().nullable(),
  deleteVoicemailAfterEmail: z.boolean(),
  templateId: stored,
  webphone: stored,
  webphoneAutoAnswer: z.boolean(),
  useExternalServerIp: z.boolean(),
  onHookAgent: z.boolean(),
  /** Aliases whose list holds this phone's login (the delete dialog names them). */
  listedInAliases: z.array(z.string()),
  version: versionSchema,
});
export type PhoneDetail = z.infer<typeof phoneDetailSchema>;

export const createPhoneResponseSchema = phoneDetailSchema.extend(awaitingRebuild);
export const updatePhoneResponseSchema = phoneDetailSchema.extend(awaitingRebuild);
export type PhoneChangeResponse = z.infer<typeof updatePhoneResponseSchema>;

/** The SIP secrets, for supervisors only; every reveal is audited. */
export const phoneSecretsSchema = z.object({
  password: stored,
  registrationPassword: stored,
});
export type PhoneSecrets = z.infer<typeof phoneSecretsSchema>;

export const PHONE_SORT_FIELDS = ['extension', 'serverIp', 'login', 'fullName', 'dialplanNumber', 'protocol', 'userGroup'] as const;

/**
 * A search of digits finds phones whose extension or dialplan number starts with it (index ranges
 * on VICIdial's keys); other text, phones whose extension or login starts with it or whose name
 * holds it.
 */
export const phoneListQuerySchema = listQuery(PHONE_SORT_FIELDS, 'extension', {
  serverIp: phoneRules.serverIp.optional(),
  protocol: z.enum([...PROTOCOLS, 'PJSIP'], { error: `Protocol: one of ${[...PROTOCOLS, 'PJSIP'].join(', ')}` }).optional(),
  active: queryFlag('Active').optional(),
});
export type PhoneListQuery = z.infer<typeof phoneListQuerySchema>;

export const phoneListResponseSchema = listResponse(phoneRowSchema);
export type PhoneListResponse = z.infer<typeof phoneListResponseSchema>;
