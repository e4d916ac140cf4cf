import { isDeepStrictEqual } from 'node:util';
import { aliasRules, createAliasRequestSchema, updateAliasRequestSchema, type AliasDetail } from '@vicidash/contracts/alias';
import { createDidRequestSchema, DID_ROUTE_FIELDS, didRules, updateDidRequestSchema, type DidDetail } from '@vicidash/contracts/did';
import { createPhoneRequestSchema, phoneRules, updatePhoneRequestSchema, type PhoneDetail, type PhoneKey } from '@vicidash/contracts/phone';
import type { Permission } from '@vicidash/contracts/permissions';
import { isRevertable, REVERT_ACTIONS, type RevertableAction, type RevertChange, type RevertRequest } from '@vicidash/contracts/revert';
import type { z } from 'zod';
import type { RevertDone, StoredAuditEntry } from '../audit/audit-log.js';
import type { AuditTarget, WriteAttempt } from '../audit/write-audit.js';
import { AppError } from '../errors.js';
import { parseInput } from '../validate.js';
import { didAfterChange } from '../vicidial/reader/dids.js';
import type { AliasWrites } from './aliases-changes.js';
import type { DidWrites } from './dids-changes.js';
import type { PhoneWrites } from './phones-changes.js';

/**
 * How each audited change is reverted (docs/decisions/0019-revert.md): what the record holds now
 * against what the change left (changed since: 409 naming what moved), the request that puts it
 * back, parsed with the normal route's own schema, and the normal route's write to apply it.
 */

/** One record a revert puts back: what changes, or why it cannot; and the write that does it. */
export interface RevertPlan {
  entryId: number;
  target: AuditTarget;
  /** The write the revert makes (its permission, and the audit's action). */
  action: Permission;
  changes: RevertChange[];
  notes: string[];
  needsSecrets: boolean;
  /** The request the write is given: what the audit row records as sent. */
  fields: unknown;
  /** Why it cannot be reverted (nothing is sent). */
  blocked?: AppError;
  /** The normal route's write, given the request. */
  apply?: (attempt: WriteAttempt) => Promise<unknown>;
}

export interface RevertWrites {
  dids: DidWrites;
  aliases: AliasWrites;
  phones: PhoneWrites;
}

export interface PlanInput {
  /** New SIP passwords for a deleted phone (the preview goes without). */
  secrets?: RevertRequest['secrets'];
  preview: boolean;
}

type Draft = Partial<Pick<RevertPlan, 'target' | 'changes' | 'notes' | 'needsSecrets' | 'fields' | 'blocked' | 'apply'>>;
type Planner = (entry: StoredAuditEntry, writes: RevertWrites, input: PlanInput) => Promise<Draft[]>;
type Fields = Record<string, unknown>;
type RecordType = 'did' | 'alias' | 'phone';

// ---------------------------------------------------------------------------------------------
// Words: field labels as the contract's messages spell them (the forms use the same), values.
// ---------------------------------------------------------------------------------------------

/** A rule's label: its message for a missing value is "<Label>: required" (or "<Label>: …"). */
const ruleLabel = (rule: z.ZodType): string | undefined => {
  const parsed = rule.safeParse(undefined);
  return parsed.success ? undefined : parsed.error.issues[0]?.message.split(':')[0];
};
const labelsOf = (rules: Record<string, z.ZodType>) =>
  new Map(Object.entries(rules).flatMap(([field, rule]) => {
    const label = ruleLabel(rule);
    return label ? [[field, label] as const] : [];
  }));
const LABELS: Record<RecordType, Map<string, string>> = { did: labelsOf(didRules), alias: labelsOf(aliasRules), phone: labelsOf(phoneRules) };

/** A field without a rule (read-only: a DID's user group) in words: 'userGroup' → 'User group'. */
const words = (field: string) => {
  const text = field.replace(/([a-z\d])([A-Z])/g, '$1 $2').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const labelOf = (type: RecordType, field: string) => LABELS[type].get(field) ?? words(field);

const show = (value: unknown): string =>
  value === null || value === undefined || value === '' ? 'none'
  : typeof value === 'boolean' ? (value ? 'yes' : 'no')
  : Array.isArray(value) ? value.join(', ') || 'none'
  : typeof value === 'string' ? `"${value}"`
  : String(value);

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What a record holds besides its own fields: never compared. */
const DERIVED = new Set(['version', 'targetMissing', 'listedInAliases', 'unknownLogins']);

// ---------------------------------------------------------------------------------------------
// Checks: the record as the change left it, or refused with what moved.
// ---------------------------------------------------------------------------------------------

const impossible = (message: string, options?: ConstructorParameters<typeof AppError>[2]) =>
  new AppError('VALIDATION', `This change cannot be reverted: ${message}`, options);

/** The entry's record before or after, as a record's fields (the audit may not hold it). */
function recorded(value: unknown, when: 'before' | 'after'): Fields {
  if (!isFields(value)) throw impossible(`the audit did not record the record ${when} it.`);
  return value;
}

/**
 * Refuses (409) unless the record is still as the change left it (same version): the revert
 * would undo a later change too. The message names each field that moved.
 */
function requireAsLeft(type: RecordType, name: string, left: Fields, current: Fields | undefined, ignore: readonly string[] = []): asserts current is Fields {
  if (current === undefined) throw new AppError('CONFLICT', `${name} no longer exists: it was deleted since this change.`);
  const moved = Object.keys(left)
    .filter((field) => !DERIVED.has(field) && !ignore.includes(field) && !isDeepStrictEqual(left[field], current[field]))
    .map((field) => ({ field, label: labelOf(type, field), left: left[field], now: current[field] }));
  if (moved.length === 0 && (left.version === undefined || left.version === current.version)) return;
  const what =
    moved.map((m) => `${m.label} is now ${show(m.now)} (this change left ${show(m.left)})`).join('; ') ||
    (type === 'phone' ? 'its SIP passwords were changed' : 'a field the dashboard does not show was changed');
  throw new AppError('CONFLICT', `${name} has changed since this change: ${what}. Revert the later change first, or change it in its form.`, {
    details: { moved, current },
  });
}

/** A request parsed with the normal route's schema; where it breaks a rule, the revert is impossible and says which. */
function request<S extends z.ZodType>(schema: S, body: Fields): z.output<S> {
  try {
    return parseInput(schema, body);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw impossible(`${error.message}.`, error.options);
  }
}

const withoutEmpty = (fields: Fields): Fields => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== ''));

/** Field by field, what the record holds now and what the request puts back (a group, like routing, opened up). */
function changesOf(type: RecordType, body: Fields, now: Fields | undefined): RevertChange[] {
  const flat = Object.entries(body).flatMap(([field, value]) => (isFields(value) ? Object.entries(value) : [[field, value] as const]));
  return flat
    .map(([field, backTo]) => ({ field, label: labelOf(type, field), now: now?.[field] ?? null, backTo: backTo ?? null }))
    .filter((change) => !isDeepStrictEqual(change.now, change.backTo));
}

/** The change took the record away and back again: this record is what `after` left. */
const afterOf = (entry: StoredAuditEntry) => recorded(entry.after, 'after');
const beforeOf = (entry: StoredAuditEntry) => recorded(entry.before, 'before');

// ---------------------------------------------------------------------------------------------
// DIDs
// ---------------------------------------------------------------------------------------------

const didName = (did: Fields) => `DID ${String(did.pattern)}`;

const ROUTE_FIELDS: ReadonlySet<string> = new Set(Object.values(DID_ROUTE_FIELDS).flat());

/** The fields of a DID's route (none for a route the contract does not know). */
const routeFieldsOf = (did: Fields): readonly string[] => (DID_ROUTE_FIELDS as Record<string, readonly string[]>)[String(did.route)] ?? [];

/** A DID's routing block as it stood: its route and that route's fields that held a value. */
const routingOf = (did: Fields): Fields => ({ route: did.route, ...withoutEmpty(Object.fromEntries(routeFieldsOf(did).map((field) => [field, did[field]]))) });

/** Changed back: each field the change sent, to its value before (a routing block whole, as it stood). */
const didUpdate: Planner = async (entry, { dids }) => {
  const before = beforeOf(entry);
  const after = afterOf(entry);
  const didId = Number(entry.target.id);
  const current = await dids.records.did(didId);
  requireAsLeft('did', didName(before), after, current);
  const sent = isFields(entry.fields) ? entry.fields : {};
  const body: Fields = {};
  for (const field of Object.keys(sent)) body[field] = field === 'routing' ? routingOf(before) : before[field];
  const change = request(updateDidRequestSchema, body);
  // What the revert would leave unlike before: fields VICIdial's API cannot empty once set.
  const result: Fields = didAfterChange(current as DidDetail, change);
  const left = Object.keys(before).filter((field) => !DERIVED.has(field) && !isDeepStrictEqual(result[field], before[field]));
  const inUse = left.filter((field) => !ROUTE_FIELDS.has(field) || routeFieldsOf(before).includes(field));
  if (inUse.length > 0) {
    throw impossible(`${inUse.map((field) => labelOf('did', field)).join(', ')} had no value before it, and VICIdial's API cannot empty it again.`);
  }
  const notes = left.map(
    (field) => `${labelOf('did', field)} keeps ${show(result[field])} (it was ${show(before[field])}): VICIdial's API cannot empty it, and the route does not use it.`,
  );
  return [{ fields: change, changes: changesOf('did', change, current), notes, apply: (attempt) => dids.update(didId, change, String(after.version), attempt) }];
};

/** An added DID is deleted, if it is still as it was added. */
const didCreate: Planner = async (entry, { dids }) => {
  const after = afterOf(entry);
  const didId = Number(after.didId);
  const current = await dids.records.did(didId);
  requireAsLeft('did', didName(after), after, current);
  return [{ apply: (attempt) => dids.remove(didId, String(after.version), attempt) }];
};

/** A deleted DID is added again as it was (VICIdial gives it a new DID ID). */
const didDelete: Planner = async (entry, { dids }) => {
  const before = beforeOf(entry);
  const existing = await dids.records.didByPattern(String(before.pattern));
  if (existing) throw new AppError('CONFLICT', `A DID with the pattern ${existing.pattern} exists again (DID ${existing.didId}): it cannot be added back.`);
  const fields = withoutEmpty({
    pattern: before.pattern,
    description: before.description,
    active: before.active,
    recordCall: before.recordCall,
    filterCleanCidNumber: before.filterCleanCidNumber,
  });
  const create = request(createDidRequestSchema, { ...fields, routing: routingOf(before) });
  const notes = [`VICIdial gives it a new DID ID (it was DID ${String(before.didId)}).`];
  if (before.route === 'AGENT' && before.agentUser) notes.push(`VICIdial's API cannot set the agent of an AGENT route (it was ${String(before.agentUser)}): set it in VICIdial.`);
  // '---ALL---' (every group) is what VICIdial gives a DID added through its API.
  if (before.userGroup && before.userGroup !== '---ALL---') notes.push(`VICIdial's API cannot set its user group (it was ${String(before.userGroup)}): set it in VICIdial.`);
  return [{ fields: create, changes: changesOf('did', create, undefined), notes, apply: (attempt) => dids.create(create, attempt) }];
};

/** A copy's new DIDs are deleted, each if it still has the settings the copy gave it. */
const didCopy: Planner = async (entry, { dids }) => {
  // The copies' versions are their own: their settings are compared with the source's.
  const { version: _version, ...source } = beforeOf(entry);
  const added = (afterOf(entry).added ?? []) as { pattern: string; didId: number }[];
  const description = isFields(entry.fields) && entry.fields.description !== undefined ? entry.fields.description : source.description;
  const now = new Map((await dids.records.dids({ ids: added.map((did) => did.didId), patterns: [] })).map((did) => [did.didId, did]));
  return added.map(({ pattern, didId }): Draft => {
    const target = { type: 'did' as const, id: String(didId) };
    const current = now.get(didId);
    try {
      requireAsLeft('did', `DID ${pattern}`, { ...source, description }, current, ['didId', 'pattern']);
    } catch (error) {
      return { target, blocked: error as AppError };
    }
    return { target, apply: (attempt) => dids.remove(didId, current.version as string, attempt) };
  });
};

// ---------------------------------------------------------------------------------------------
// Aliases
// ---------------------------------------------------------------------------------------------

const aliasName = (alias: Fields) => `Alias ${String(alias.aliasId)}`;

const aliasUpdate: Planner = async (entry, { aliases }) => {
  const before = beforeOf(entry);
  const after = afterOf(entry);
  const aliasId = entry.target.id;
  const current = await aliases.records.alias(aliasId);
  requireAsLeft('alias', aliasName(before), after, current);
  const sent = isFields(entry.fields) ? Object.keys(entry.fields) : [];
  const change = request(updateAliasRequestSchema, Object.fromEntries(sent.map((field) => [field, before[field]])));
  return [{ fields: change, changes: changesOf('alias', change, current), apply: (attempt) => aliases.update(aliasId, change, String(after.version), attempt) }];
};

const aliasCreate: Planner = async (entry, { aliases }) => {
  const after = afterOf(entry);
  const aliasId = String(after.aliasId);
  requireAsLeft('alias', aliasName(after), after, await aliases.records.alias(aliasId));
  return [{ apply: (attempt) => aliases.remove(aliasId, String(after.version), attempt) }];
};

const aliasDelete: Planner = async (entry, { aliases }) => {
  const before = beforeOf(entry) as Partial<AliasDetail>;
  if (await aliases.records.alias(String(before.aliasId))) {
    throw new AppError('CONFLICT', `${aliasName(before)} exists again: someone added it since it was deleted.`);
  }
  const create = request(createAliasRequestSchema, { aliasId: before.aliasId, name: before.name, logins: before.logins });
  return [{ fields: create, changes: changesOf('alias', create, undefined), apply: (attempt) => aliases.create(create, attempt) }];
};

// ---------------------------------------------------------------------------------------------
// Phones
// ---------------------------------------------------------------------------------------------

const SECRETS = ['password', 'registrationPassword'];
const phoneKeyOf = (phone: Fields): PhoneKey => ({ serverIp: String(phone.serverIp), extension: String(phone.extension) });
const phoneName = (phone: Fields) => `Phone ${String(phone.extension)} on ${String(phone.serverIp)}`;

const phoneUpdate: Planner = async (entry, { phones }) => {
  const before = beforeOf(entry);
  const after = afterOf(entry);
  const sent = isFields(entry.fields) ? Object.keys(entry.fields) : [];
  if (sent.some((field) => SECRETS.includes(field))) {
    throw impossible("it set the phone's SIP passwords, which the audit never keeps. Set them in the phone's form.");
  }
  const key = phoneKeyOf(before);
  const current = await phones.records.phone(key);
  requireAsLeft('phone', phoneName(before), after, current);
  const change = request(updatePhoneRequestSchema, Object.fromEntries(sent.map((field) => [field, before[field]])));
  return [{ fields: change, changes: changesOf('phone', change, current), apply: (attempt) => phones.update(key, change, String(after.version), attempt) }];
};

const phoneCreate: Planner = async (entry, { phones }) => {
  const after = afterOf(entry);
  const key = phoneKeyOf(after);
  requireAsLeft('phone', phoneName(after), after, await phones.records.phone(key));
  return [{ apply: (attempt) => phones.remove(key, String(after.version), attempt) }];
};

/** What adding a phone cannot set (add_phone has no such parameter): a phone added back keeps VICIdial's defaults there. */
const NOT_ADDABLE = Object.keys(updatePhoneRequestSchema.shape).filter((field) => !(field in createPhoneRequestSchema.shape));

/** A deleted phone is added again as it was, with new SIP passwords: the audit never keeps a phone's secrets. */
const phoneDelete: Planner = async (entry, { phones }, { secrets, preview }) => {
  const before = beforeOf(entry) as Partial<PhoneDetail> & Fields;
  if (await phones.records.phone(phoneKeyOf(before))) throw new AppError('CONFLICT', `${phoneName(before)} exists again: someone added it since it was deleted.`);
  const settings = withoutEmpty(Object.fromEntries(Object.keys(createPhoneRequestSchema.shape).filter((field) => !SECRETS.includes(field)).map((field) => [field, before[field]])));
  const rules = createPhoneRequestSchema.omit({ password: true, registrationPassword: true });
  const parsed = request(rules, settings);
  const lost = NOT_ADDABLE.filter((field) => before[field] !== null && before[field] !== undefined && before[field] !== '');
  const notes = [
    "A phone's SIP passwords are not kept: it comes back with the new ones given here.",
    ...(lost.length > 0 ? [`Adding it back cannot set ${lost.map((field) => `${labelOf('phone', field)} (was ${show(before[field])})`).join(', ')}: check them in the phone's form afterwards.`] : []),
  ];
  const draft: Draft = { needsSecrets: true, notes, changes: changesOf('phone', parsed, undefined), fields: parsed };
  if (!secrets) {
    return [preview ? draft : { ...draft, blocked: new AppError('VALIDATION', 'New password: required. A deleted phone comes back only with new SIP passwords (the audit never keeps them).', { field: 'secrets.password' }) }];
  }
  const create = request(createPhoneRequestSchema, { ...parsed, ...secrets });
  return [{ ...draft, fields: create, apply: (attempt) => phones.create(create, attempt) }];
};

const PLANNERS: Record<RevertableAction, Planner> = {
  'update:dids': didUpdate,
  'create:dids': didCreate,
  'copy:dids': didCopy,
  'delete:dids': didDelete,
  'update:aliases': aliasUpdate,
  'create:aliases': aliasCreate,
  'delete:aliases': aliasDelete,
  'update:phones': phoneUpdate,
  'create:phones': phoneCreate,
  'delete:phones': phoneDelete,
};

/**
 * The records one entry's revert puts back (a copy: one per new DID), each planned or blocked.
 * An entry already reverted (a copy: that DID) is not planned again: `done` are its reverts.
 */
export async function planEntry(entry: StoredAuditEntry, writes: RevertWrites, input: PlanInput, done: readonly RevertDone[]): Promise<RevertPlan[]> {
  if (!isRevertable(entry.action)) throw new Error(`no revert for ${entry.action}`);
  const base: RevertPlan = { entryId: entry.id, target: entry.target as AuditTarget, action: REVERT_ACTIONS[entry.action], changes: [], notes: [], needsSecrets: false, fields: {} };
  const alreadyReverted = (revert: RevertDone) =>
    new AppError('CONFLICT', `This change was already reverted, by ${revert.actor.displayName} at ${revert.at} (audit entry ${revert.id}).`, { details: { revertedBy: revert } });
  // A copy is reverted DID by DID: only the DIDs not yet deleted by a revert are planned.
  const [whole] = entry.action === 'copy:dids' ? [] : done;
  if (whole) return [{ ...base, blocked: alreadyReverted(whole) }];
  let drafts: Draft[];
  try {
    drafts = await PLANNERS[entry.action](entry, writes, input);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return [{ ...base, blocked: error }];
  }
  return drafts.map((draft) => {
    const plan = { ...base, ...draft };
    const revert = done.find((r) => r.target.type === plan.target.type && r.target.id === plan.target.id);
    return revert ? { ...plan, blocked: alreadyReverted(revert), apply: undefined } : plan;
  });
}
