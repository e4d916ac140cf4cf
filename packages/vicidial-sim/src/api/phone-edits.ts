import type { phones } from '../db/tables.js';
import type { HandlerContext } from './context.js';
import { readParam } from './phone-params.js';
import { refuse } from './phone-refusal.js';
import { isValidLocalGmt } from './phone-timezones.js';
import { error } from './reply.js';

/** The phone update_phone addresses. */
export interface PhoneKey {
  extension: string;
  serverIp: string;
}

interface EditableField {
  param: string;
  column: keyof typeof phones;
  /** '--BLANK--' (after filtering) clears the column instead of being checked. */
  blankable?: boolean;
  valid(value: string, ctx: HandlerContext, phone: PhoneKey): boolean | Promise<boolean>;
  message: string;
  /** The data of the error line; the value itself unless VICIdial prints something else. */
  errorData?(ctx: HandlerContext): string;
}

/** The protocols the API accepts, exactly so written (the column also allows PJSIP; the API refuses it). */
export const API_PROTOCOLS = ['IAX2', 'SIP', 'Zap', 'EXTERNAL'];

const lengthWithin = (min: number, max: number) => (value: string) => value.length >= min && value.length <= max;
const oneOf = (...allowed: string[]) => (value: string) => allowed.includes(value);

/**
 * A login may be reused on the same server, only a phone elsewhere blocks it — and, as VICIdial
 * words the query, only one whose extension also differs.
 */
async function loginFreeElsewhere(login: string, ctx: HandlerContext, phone: PhoneKey): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('phones')
    .select('login')
    .where('login', '=', login)
    .where('extension', '!=', phone.extension)
    .where('server_ip', '!=', phone.serverIp)
    .limit(1)
    .executeTakeFirst();
  return row === undefined;
}

/** update_phone's editable fields in the order VICIdial checks them: the first failure wins. */
const FIELDS: readonly EditableField[] = [
  { param: 'local_gmt', column: 'local_gmt', valid: isValidLocalGmt, message: 'YOU MUST USE A VALID TIMEZONE' },
  { param: 'email', column: 'email', blankable: true, valid: lengthWithin(5, 300), message: 'YOU MUST USE A VALID EMAIL' },
  {
    param: 'phone_context',
    column: 'phone_context',
    blankable: true,
    valid: lengthWithin(2, 30),
    message: 'YOU MUST USE A VALID PHONE CONTEXT',
  },
  {
    param: 'phone_full_name',
    column: 'fullname',
    blankable: true,
    valid: lengthWithin(2, 30),
    message: 'YOU MUST USE A VALID PHONE NAME',
  },
  {
    param: 'registration_password',
    column: 'conf_secret',
    blankable: true,
    valid: lengthWithin(2, 30),
    message: 'YOU MUST USE A VALID REGISTRATION PASSWORD',
  },
  {
    param: 'protocol',
    column: 'protocol',
    valid: oneOf(...API_PROTOCOLS),
    message: 'YOU MUST USE A VALID PROTOCOL',
  },
  { param: 'phone_pass', column: 'pass', valid: lengthWithin(2, 30), message: 'YOU MUST USE A VALID PHONE PASSWORD' },
  { param: 'phone_login', column: 'login', valid: loginFreeElsewhere, message: 'LOGIN ALREADY EXISTS' },
  { param: 'voicemail_id', column: 'voicemail_id', valid: lengthWithin(2, 30), message: 'YOU MUST USE A VALID VOICEMAIL NUMBER' },
  {
    param: 'dialplan_number',
    column: 'dialplan_number',
    valid: lengthWithin(3, 30),
    message: 'YOU MUST USE A VALID DIALPLAN NUMBER',
  },
  { param: 'active', column: 'active', valid: oneOf('Y', 'N'), message: 'ACTIVE MUST BE Y OR N, THIS IS AN OPTIONAL FIELD' },
  {
    param: 'outbound_cid',
    column: 'outbound_cid',
    valid: lengthWithin(6, 18),
    message: 'OUTBOUND CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD',
  },
  {
    param: 'admin_user_group',
    column: 'user_group',
    valid: lengthWithin(2, 20),
    message: 'USER GROUP MUST BE FROM 2 TO 20 CHARACTERS, THIS IS AN OPTIONAL FIELD',
  },
  {
    param: 'outbound_alt_cid',
    column: 'outbound_alt_cid',
    valid: lengthWithin(6, 18),
    message: 'OUTBOUND ALT CID MUST BE FROM 6 TO 18 DIGITS, THIS IS AN OPTIONAL FIELD',
  },
  {
    param: 'phone_ring_timeout',
    column: 'phone_ring_timeout',
    valid: (value) => Number(value) >= 2 && Number(value) <= 180,
    message: 'PHONE RING TIMEOUT MUST BE FROM 2 TO 180 SECONDS, THIS IS AN OPTIONAL FIELD',
    // VICIdial prints the outbound_alt_cid here, usually empty.
    errorData: (ctx) => readParam(ctx, 'outbound_alt_cid'),
  },
  {
    param: 'delete_vm_after_email',
    column: 'delete_vm_after_email',
    valid: oneOf('N', 'Y'),
    message: 'DELETE VOICEMAIL AFTER EMAIL MUST BE Y OR N, THIS IS AN OPTIONAL FIELD',
  },
];

/** The order of the edits inside VICIdial's UPDATE statement (not the order of the checks). */
const SQL_ORDER = [
  'dialplan_number', 'active', 'outbound_cid', 'voicemail_id', 'phone_login', 'phone_pass', 'protocol',
  'registration_password', 'phone_full_name', 'phone_context', 'email', 'local_gmt', 'admin_user_group',
  'outbound_alt_cid', 'phone_ring_timeout', 'delete_vm_after_email',
];

export interface PhoneEdits {
  /** Column values to write. */
  values: Partial<Record<keyof typeof phones, string>>;
  /** ' ,column='value'' per edit, as VICIdial's statement carries them. */
  sql: string;
}

/**
 * Checks the fields sent (a field sent empty, or filtered down to nothing, counts as not sent) and
 * returns the edits; refuses with the first failing field's error.
 */
export async function readPhoneEdits(ctx: HandlerContext, fn: string, phone: PhoneKey): Promise<PhoneEdits> {
  const edits = new Map<string, { column: keyof typeof phones; value: string }>();
  for (const field of FIELDS) {
    const value = readParam(ctx, field.param);
    if (value.length === 0) continue;
    if (field.blankable && value === '--BLANK--') {
      edits.set(field.param, { column: field.column, value: '' });
    } else if (await field.valid(value, ctx, phone)) {
      edits.set(field.param, { column: field.column, value });
    } else {
      refuse(error(fn, field.message, ctx.user.user, field.errorData ? field.errorData(ctx) : value));
    }
  }
  const values: PhoneEdits['values'] = {};
  let sql = '';
  for (const param of SQL_ORDER) {
    const edit = edits.get(param);
    if (!edit) continue;
    values[edit.column] = edit.value;
    sql += ` ,${edit.column}='${edit.value}'`;
  }
  return { values, sql };
}
