import type { z } from 'zod';
import { aliasRules } from '@vicidash/contracts/alias';
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome, isAuditAction } from '@vicidash/contracts/audit';
import { DID_ROUTE_LABELS, didRules, RECORDING_LABELS } from '@vicidash/contracts/did';
import { can, type Role } from '@vicidash/contracts/permissions';
import { phoneRules } from '@vicidash/contracts/phone';

/**
 * Words for the audit's and the history's raw data: actions, field names, values, and the changes
 * one entry made. Shared by a record's history and the audit page.
 */

/** The dashboard's actions (`update:dids`, contracts' AUDIT_ACTIONS) read as a past verb in an entry. */
const DONE_VERBS: Record<string, string> = {
  create: 'Added',
  copy: 'Copied',
  update: 'Changed',
  delete: 'Deleted',
  reveal: 'Revealed the SIP passwords',
  refresh: 'Asked the servers to rebuild their configuration',
  reset: 'Reset the password',
  change: 'Changed their own password',
};

/** An entry's outcome in words (not colour alone). */
export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: 'Done', partial: 'Partly done', failure: 'Not done' };

/**
 * 'update:dids' → 'Changed' when it was done (or partly), 'Tried to change DIDs' when it was not;
 * VICIdial's event types (MODIFY…) and unknown actions stay as they are.
 */
export function actionLabel(action: string, outcome: AuditOutcome = 'success'): string {
  if (!isAuditAction(action)) return action;
  if (outcome === 'failure') return `Tried to ${AUDIT_ACTIONS[action].description}`;
  return DONE_VERBS[action.split(':')[0] ?? ''] ?? actionFilterLabel(action);
}

/** The actions `role` can perform, for the audit's filter: only what can appear in its entries. */
export const actionsOf = (role: Role): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((action) => can(role, AUDIT_ACTIONS[action].permission));

/** 'update:dids' → 'Change DIDs' (what the action does). */
export const actionFilterLabel = (action: AuditAction): string => capitalize(AUDIT_ACTIONS[action].description);

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The labels the forms give each field: the contracts' rules carry them (and name them in their messages). */
const labelsOf = (rules: Readonly<Record<string, z.ZodType>>, more: Record<string, string>): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(rules).flatMap(([field, rule]) => (rule.description ? [[field, rule.description]] : []))),
  ...more,
});

const FIELD_LABELS: Partial<Record<string, Record<string, string>>> = {
  did: labelsOf(didRules, { didId: 'DID ID', userGroup: 'User group', agentUser: 'Agent' }),
  phone: labelsOf(phoneRules, { password: 'Phone password' }),
  alias: labelsOf(aliasRules, { logins: 'Phone logins', userGroup: 'User group' }),
};

/** Stored codes in the words the forms use for them, by record type and field. */
const VALUE_WORDS: Partial<Record<string, Record<string, Record<string, string>>>> = {
  did: { route: DID_ROUTE_LABELS, recordCall: RECORDING_LABELS },
};

/** A field as its form labels it ('recordCall' of a DID: 'Recording'); other names made into words. */
export function fieldLabel(name: string, type?: string): string {
  const label = type === undefined ? undefined : FIELD_LABELS[type]?.[name];
  return label ?? capitalize(name.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase());
}

/** A stored or sent value as text; undefined when there is none (shown as "none"). A code the form names is named so. */
export function valueText(value: unknown, words?: Readonly<Record<string, string>>): string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  if (typeof value === 'string' && words?.[value]) return words[value];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map((item) => valueText(item) ?? '–').join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One field an entry sent: its value, and the record's value before and after when known. */
export interface FieldChange {
  field: string;
  label: string;
  sent: string | undefined;
  /** The record's value before (when the entry holds the record as it was: not for an add). */
  before: string | undefined;
  hasBefore: boolean;
  /** What VICIdial held afterwards (when the change was made and read back). */
  after: string | undefined;
  hasAfter: boolean;
}

const wordsFor = (type: string | undefined, field: string) => (type === undefined ? undefined : VALUE_WORDS[type]?.[field]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The fields an audit entry sent, each next to the record's value before and after. A group sent
 * as one object (a DID's `routing`) is opened up: the record keeps those fields at its top level.
 * A field sent with the value the record already held (and kept) is no change and is left out.
 */
export function fieldChanges(fields: unknown, before: unknown, after: unknown, type?: string): FieldChange[] {
  if (!isRecord(fields)) return [];
  const sent = Object.entries(fields).flatMap(([name, value]) => (isRecord(value) ? Object.entries(value) : [[name, value] as const]));
  return sent
    .map(([field, value]) => {
      const hasBefore = isRecord(before) && field in before;
      const hasAfter = isRecord(after) && field in after;
      const words = wordsFor(type, field);
      return {
        field,
        label: fieldLabel(field, type),
        sent: valueText(value, words),
        before: hasBefore ? valueText(before[field], words) : undefined,
        hasBefore,
        after: hasAfter ? valueText(after[field], words) : undefined,
        hasAfter,
      };
    })
    .filter((change) => !(change.hasBefore && change.before === change.sent && (!change.hasAfter || change.after === change.sent)));
}

/** The translated answer an audit entry holds (`{ code, field?, message }`), as words. */
export function answerText(result: unknown, outcome: AuditOutcome): string {
  const message = isRecord(result) && typeof result.message === 'string' ? result.message : undefined;
  return message ?? (outcome === 'failure' ? 'Refused' : OUTCOME_LABELS[outcome]);
}

/** A record as an entry holds it (a deletion keeps the record as it was): its fields with a value, without its version. */
export function recordItems(record: unknown, type?: string): { field: string; label: string; value: string }[] {
  if (!isRecord(record)) return [];
  return Object.entries(record).flatMap(([field, raw]) => {
    const value = valueText(raw, wordsFor(type, field));
    return field === 'version' || value === undefined ? [] : [{ field, label: fieldLabel(field, type), value }];
  });
}

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** An ISO time in the reader's own time zone. */
export const whenText = (at: string): string => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : WHEN.format(date);
};

/**
 * A person of the dashboard, each thing said once: 'Sam Supervisor (supervisor)' when the username
 * is the role's name, 'Helen Desk (helen, helpdesk)' otherwise.
 */
export function personText({ displayName, username, role }: { displayName: string; username: string; role: string }): { name: string; detail: string } {
  return { name: displayName, detail: `(${[...new Set([username, role])].join(', ')})` };
}

/**
 * Who made a change VICIdial logged. Its Non-Agent API logs under the API user that called it (for
 * the dashboard: its own API user) with an 'ADMIN API …' event code; anything else was done in
 * VICIdial itself by the user named.
 */
export function vicidialActor(user: string, summary: string): string {
  return /^[A-Z ]*\bAPI\b/.test(summary) ? `VICIdial (API user ${user})` : `VICIdial (user ${user})`;
}
