import { GMT_OFFSETS, gmtOffsetLabel } from '@vicidash/contracts/gmt';
import {
  PHONE_CLEARABLE,
  PHONE_NOT_CLEARABLE,
  type PhoneDetail,
  type UpdatePhoneRequest,
} from '@vicidash/contracts/phone';

/**
 * The edit form's model: the phone as form values, and the difference between the loaded values and
 * the user's, which is exactly what an update sends. Pure functions, so the rules (what counts as a
 * change, what clears, what cannot be cleared) are tested without a browser.
 */

/** Every field an update may change. */
export type EditableField = keyof UpdatePhoneRequest;

/** Fields edited as text (inputs and selects); an empty one means "clear it". */
const TEXT_FIELDS = [
  'login',
  'fullName',
  'dialplanNumber',
  'voicemailId',
  'protocol',
  'gmtOffset',
  'outboundCallerId',
  'outboundAltCallerId',
  'email',
  'context',
  'userGroup',
  'templateId',
  'webphone',
] as const satisfies readonly EditableField[];
export type TextFieldName = (typeof TEXT_FIELDS)[number];

const FLAG_FIELDS = ['active', 'deleteVoicemailAfterEmail', 'webphoneAutoAnswer', 'useExternalServerIp', 'onHookAgent'] as const satisfies readonly EditableField[];
export type FlagFieldName = (typeof FLAG_FIELDS)[number];

export type PhoneFormValues = Record<TextFieldName, string> &
  Record<FlagFieldName, boolean> & {
    /** Seconds, as typed. */
    ringTimeout: string;
    /** A new password; empty keeps the current one (which the form never loads). */
    password: string;
    /** A new registration password; empty keeps the current one. */
    registrationPassword: string;
    /** Clear the registration password (it is unknown to the form, so emptying the input cannot say it). */
    clearRegistrationPassword: boolean;
  };

/** The names people read, as the contract's messages spell them. */
export const PHONE_FIELD_LABELS: Record<EditableField, string> = {
  login: 'Login',
  password: 'Password',
  registrationPassword: 'Registration password',
  fullName: 'Full name',
  dialplanNumber: 'Dialplan number',
  voicemailId: 'Voicemail box',
  protocol: 'Protocol',
  gmtOffset: 'Time zone',
  outboundCallerId: 'Outbound caller ID',
  outboundAltCallerId: 'Alternate outbound caller ID',
  email: 'Email',
  context: 'Context',
  userGroup: 'User group',
  templateId: 'Template',
  webphone: 'Webphone',
  ringTimeout: 'Ring timeout',
  active: 'Active',
  deleteVoicemailAfterEmail: 'Delete voicemail after email',
  webphoneAutoAnswer: 'Webphone auto-answer',
  useExternalServerIp: 'Use external server IP',
  onHookAgent: 'On-hook agent',
};

/** The order changes are listed in: the form's order. */
const FIELD_ORDER = Object.keys(PHONE_FIELD_LABELS) as EditableField[];
const SECRET_FIELDS = new Set<EditableField>(['password', 'registrationPassword']);

export type ClearRule = { clearable: true } | { clearable: false; reason: string };

/** Whether VICIdial can clear `field`, and if not, why (shown next to the field). */
export function clearRule(field: EditableField): ClearRule {
  if ((PHONE_CLEARABLE as readonly string[]).includes(field)) return { clearable: true };
  return { clearable: false, reason: PHONE_NOT_CLEARABLE[field as keyof typeof PHONE_NOT_CLEARABLE] };
}

/**
 * VICIdial compares time zones numerically and may hold '-5' for '-5.00': the form shows the offset
 * of its own list, so that an untouched time zone is not a change.
 */
export function normalGmtOffset(stored: string | null): string {
  if (stored === null || stored === '') return '';
  return GMT_OFFSETS.find((offset) => Number(offset) === Number(stored)) ?? stored;
}

/** The loaded phone as form values: nothing stored is '', secrets are never loaded. */
export function phoneFormValues(phone: PhoneDetail): PhoneFormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((field) => [field, phone[field] ?? ''])) as Record<TextFieldName, string>;
  const flags = Object.fromEntries(FLAG_FIELDS.map((field) => [field, phone[field]])) as Record<FlagFieldName, boolean>;
  return {
    ...text,
    gmtOffset: normalGmtOffset(phone.gmtOffset),
    ...flags,
    ringTimeout: phone.ringTimeout === null ? '' : String(phone.ringTimeout),
    password: '',
    registrationPassword: '',
    clearRegistrationPassword: false,
  };
}

/** A requested value: a number, a flag, text, or null to clear. Checked by the contract afterwards. */
export type RequestedValue = string | number | boolean | null;
export type PhoneChanges = Partial<Record<EditableField, RequestedValue>>;

/**
 * The update request for the user's values: only the fields that differ from the loaded ones. An
 * emptied field asks to clear it (null), which the contract refuses, with its reason, where VICIdial
 * cannot. Not yet validated: the contract's schema does that.
 */
export function phoneChanges(loaded: PhoneFormValues, values: PhoneFormValues): PhoneChanges {
  const changes: PhoneChanges = {};
  for (const field of TEXT_FIELDS) {
    if (values[field] !== loaded[field]) changes[field] = values[field] === '' ? null : values[field];
  }
  for (const field of FLAG_FIELDS) {
    if (values[field] !== loaded[field]) changes[field] = values[field];
  }
  if (values.ringTimeout.trim() !== loaded.ringTimeout) {
    const typed = values.ringTimeout.trim();
    // Not a number: NaN, which the contract refuses with the field's rule.
    changes.ringTimeout = typed === '' ? null : Number(typed);
  }
  if (values.password !== '') changes.password = values.password;
  if (values.clearRegistrationPassword) changes.registrationPassword = null;
  else if (values.registrationPassword !== '') changes.registrationPassword = values.registrationPassword;
  return changes;
}

export interface Change {
  field: EditableField;
  label: string;
  from: string;
  to: string;
}

const HIDDEN = 'hidden';
const NOTHING = 'empty';
const CLEARED = 'cleared';

function shown(field: EditableField, value: RequestedValue | undefined): string {
  if (value === null) return CLEARED;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value === undefined || value === '') return NOTHING;
  if (field === 'gmtOffset') return `${value} (${gmtOffsetLabel(String(value))})`;
  return String(value);
}

/** What a loaded value looks like in the list: secrets stay hidden. */
function loadedText(field: EditableField, loaded: PhoneFormValues): string {
  if (SECRET_FIELDS.has(field)) return HIDDEN;
  return shown(field, loaded[field as keyof PhoneFormValues]);
}

/**
 * The changes as people read them, old → new, in the form's order. Secrets show as "hidden" → "new
 * value (hidden)": the list never holds a password.
 */
export function changeList(loaded: PhoneFormValues, values: PhoneFormValues): Change[] {
  const changes = phoneChanges(loaded, values);
  return FIELD_ORDER.filter((field) => field in changes).map((field) => {
    const value = changes[field];
    const to = SECRET_FIELDS.has(field) && value !== null ? `new value (${HIDDEN})` : shown(field, value);
    return { field, label: PHONE_FIELD_LABELS[field], from: loadedText(field, loaded), to };
  });
}

/**
 * After a conflict: the user's changes (against what they had loaded) put on top of the phone as it
 * is now. A change that the other person already made stops counting by itself.
 */
export function reapplyChanges(loadedBefore: PhoneFormValues, values: PhoneFormValues, loadedNow: PhoneFormValues): PhoneFormValues {
  const result = { ...loadedNow };
  for (const field of Object.keys(values) as (keyof PhoneFormValues)[]) {
    if (values[field] !== loadedBefore[field]) Object.assign(result, { [field]: values[field] });
  }
  return result;
}
