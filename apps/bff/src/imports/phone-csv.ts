import { createPhoneRequestSchema, phoneRules, updatePhoneRequestSchema } from '@vicidash/contracts/phone';
import type { PhoneSecrets } from '@vicidash/contracts/phone';
import { auditTargets } from '../audit/write-audit.js';
import { readVicidialDb } from '../vicidial/db-errors.js';
import { type PhoneFields, phonesToImportOver } from '../vicidial/reader/phones.js';
import { type CellKind, type CsvColumn, type CsvResource, cellOf } from './csv-resource.js';

/** A phone as an import compares with it: its fields, its secrets (never exported) and its version. */
export type ImportedPhone = PhoneFields & PhoneSecrets & { version: string };
/** What a column reads: a phone's fields and, on import only, its secrets. */
type Phone = PhoneFields & Partial<PhoneSecrets>;
type Field = keyof Phone;

/** A column named by its field's own label (the form's and its messages'). */
const column = (field: keyof typeof phoneRules & Field, kind: CellKind = 'text', extra: Partial<CsvColumn<Phone>> = {}): CsvColumn<Phone> => {
  const label = labelOf(field);
  const value =
    kind === 'flag' ? (phone: Phone) => cellOf.flag(phone[field] as boolean)
    : kind === 'number' ? (phone: Phone) => cellOf.number(phone[field] as number | null)
    : (phone: Phone) => cellOf.text(phone[field] as string | null);
  return { header: label, field, kind, value, ...extra };
};

/** "Dialplan number: 3 to 20 …" → "Dialplan number": the label every rule's message starts with. */
function labelOf(field: keyof typeof phoneRules): string {
  const result = phoneRules[field].safeParse(undefined);
  const message = result.success ? field : (result.error.issues[0]?.message ?? field);
  return message.slice(0, message.indexOf(':'));
}

/** Every field a person sets on a phone; the secrets only ever read from a file, never written to one. */
export const phoneColumns: CsvColumn<Phone>[] = [
  column('extension'),
  column('serverIp'),
  column('dialplanNumber'),
  column('voicemailId'),
  column('login'),
  column('password', 'text', { secret: true }),
  column('registrationPassword', 'text', { secret: true }),
  column('protocol'),
  column('fullName'),
  column('gmtOffset', 'gmt'),
  column('outboundCallerId'),
  column('outboundAltCallerId'),
  column('email'),
  column('context'),
  column('userGroup'),
  column('active', 'flag'),
  column('ringTimeout', 'number'),
  column('deleteVoicemailAfterEmail', 'flag'),
  column('templateId'),
  column('webphone'),
  column('webphoneAutoAnswer', 'flag'),
  column('useExternalServerIp', 'flag'),
  column('onHookAgent', 'flag'),
];

export const phoneCsv: CsvResource<ImportedPhone> = {
  resource: 'phones',
  what: 'phone',
  columns: phoneColumns,
  keyHeaders: [labelOf('extension'), labelOf('serverIp')],
  keyOf: ([extension = '', serverIp = '']) => `${extension}@${serverIp}`,
  recordKey: (phone) => `${phone.extension}@${phone.serverIp}`,
  lookalikes: (key) => [`0${key}`, `00${key}`],
  createSchema: createPhoneRequestSchema,
  updateSchema: updatePhoneRequestSchema,
  toCreate: (fields) => fields,
  toUpdate: (changed) => changed,
  loadAll: (services) => readVicidialDb(() => phonesToImportOver(services.vicidialDb, services.settings.versionKey)),
};

export const phoneAuditTarget = (key: string, current?: ImportedPhone) => {
  const at = key.lastIndexOf('@');
  return auditTargets.phone(current ?? { extension: key.slice(0, at), serverIp: key.slice(at + 1) });
};
