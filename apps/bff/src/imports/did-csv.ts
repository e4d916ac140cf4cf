import {
  createDidRequestSchema,
  DID_ROUTE_FIELDS,
  type DidRoute,
  type DidRouting,
  didListQuerySchema,
  updateDidRequestSchema,
} from '@vicidash/contracts/did';
import type { AppServices } from '../app.js';
import { auditTargets } from '../audit/write-audit.js';
import { readVicidialDb } from '../vicidial/db-errors.js';
import { type DidFields, didsByPatterns } from '../vicidial/reader/dids.js';
import { rowVersion } from '../vicidial/version.js';
import { missingRouteTarget } from '../vicidial/reader/targets.js';
import { type CsvColumn, type CsvResource, cellOf } from './csv-resource.js';

/** A DID as an import compares with it: its fields and the version a save checks. */
export type ImportedDid = DidFields & { version: string };
type Did = ImportedDid;
type Field = keyof DidFields;

const text = (header: string, field: Field): CsvColumn<DidFields> => ({ header, field, value: (did) => cellOf.text(did[field] as string | null) });

const ROUTE_FIELDS = new Set<string>(Object.values(DID_ROUTE_FIELDS).flat());
/** The IN_GROUP route's optional fields. */
const IN_GROUP_EXTRAS = new Set<string>(DID_ROUTE_FIELDS.IN_GROUP.filter((field) => field !== 'inGroup'));

/** Every field a person sets on a DID (the route and all its targets' fields), and its ID: what the export writes. */
export const didColumns: CsvColumn<DidFields>[] = [
  { header: 'DID ID', field: 'didId', readOnly: true, value: (did) => String(did.didId) },
  text('DID pattern', 'pattern'),
  text('Description', 'description'),
  { header: 'Active', field: 'active', kind: 'flag', value: (did) => cellOf.flag(did.active) },
  text('Record calls', 'recordCall'),
  text('Clean caller ID number', 'filterCleanCidNumber'),
  text('Route', 'route'),
  text('Extension', 'extension'),
  text('Context', 'context'),
  text('Voicemail box', 'voicemailBox'),
  text('Phone extension', 'phoneExtension'),
  text('Server IP', 'serverIp'),
  text('In-group', 'inGroup'),
  text('Call handle method', 'callHandleMethod'),
  text('Agent search method', 'agentSearchMethod'),
  { header: 'List ID', field: 'listId', kind: 'number', value: (did) => cellOf.number(did.listId) },
  { header: 'Entry list ID', field: 'entryListId', kind: 'number', value: (did) => cellOf.number(did.entryListId) },
  text('Campaign', 'campaignId'),
  text('Phone code', 'phoneCode'),
  text('Call menu', 'menuId'),
];

const EVERY_DID = didListQuerySchema.parse({ sort: 'didId' });

const present = (value: unknown) => value !== undefined && value !== null && value !== '';

/**
 * The routing block of a row: the route (the file's or the stored one) with its fields, each the
 * file's where it changes one, else the stored one. An emptied field stays null, so that its rule
 * says it cannot be cleared.
 */
function routingOf(changed: Record<string, unknown>, current: Partial<Did>): DidRouting {
  const route = ('route' in changed ? changed.route : current.route) as DidRoute;
  const routeFields = (DID_ROUTE_FIELDS as Record<string, readonly string[] | undefined>)[route] ?? [];
  const routing: Record<string, unknown> = { route };
  for (const field of routeFields) {
    // An in-group's extras VICIdial keeps unless sent: only those that change are.
    if (IN_GROUP_EXTRAS.has(field) && !(field in changed) && route === current.route) continue;
    const value = field in changed ? changed[field] : current[field as Field];
    if (value === null && field in changed) routing[field] = null;
    else if (present(value)) routing[field] = value;
  }
  return routing as DidRouting;
}

/** Splits a row's fields into the request's own fields and its routing block (when a routing field is there). */
function request(fields: Record<string, unknown>, current: Partial<Did>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  let routes = false;
  for (const [field, value] of Object.entries(fields)) {
    if (field === 'route' || ROUTE_FIELDS.has(field)) routes = true;
    else own[field] = value;
  }
  return routes ? { ...own, routing: routingOf(fields, current) } : own;
}

/** Which targets exist, asked once per target however many rows name it. */
function targetChecks(services: AppServices) {
  const answers = new Map<string, Promise<string | undefined>>();
  return (routing: DidRouting) => {
    const key = JSON.stringify(routing);
    let answer = answers.get(key);
    if (!answer) {
      answer = readVicidialDb(() => missingRouteTarget(services.vicidialDb, routing)).then((missing) => missing?.message);
      answers.set(key, answer);
    }
    return answer;
  };
}

export const didCsv: CsvResource<Did> = {
  resource: 'dids',
  what: 'DID',
  columns: didColumns,
  keyHeaders: ['DID pattern'],
  keyOf: ([pattern = '']) => pattern,
  recordKey: (did) => did.pattern,
  // A spreadsheet reading +13125550101 or 0044… as a number drops the + or the zeros.
  lookalikes: (pattern) => [`+${pattern}`, `0${pattern}`, `00${pattern}`, `+0${pattern}`],
  createSchema: createDidRequestSchema,
  updateSchema: updateDidRequestSchema,
  toCreate: (fields) => request(fields, {}),
  toUpdate: (changed, current) => request(changed, current),
  // The DID list holds every field of every DID (checked against the table as for a list page).
  loadAll: async (services) =>
    (await readVicidialDb(() => services.lists.dids.allEntries(EVERY_DID))).map(({ fields }) => ({ ...fields, version: rowVersion(fields) })),
  loadNamed: (services, patterns) => readVicidialDb(() => didsByPatterns(services.vicidialDb, patterns)),
  loadContext: async (services) => targetChecks(services),
  async checkRow({ values, current, fields, request }, context) {
    const errors: string[] = [];
    // The file's value of a field its route does not use would be lost without a word.
    const route = (request as { routing?: DidRouting }).routing?.route ?? current?.route;
    const used = new Set<string>((DID_ROUTE_FIELDS as Record<string, readonly string[] | undefined>)[route ?? ''] ?? []);
    for (const column of didColumns) {
      if (!ROUTE_FIELDS.has(column.field) || used.has(column.field) || !(column.field in fields)) continue;
      errors.push(
        current
          ? `${column.header}: the route ${route} does not use it, so it cannot change (VICIdial keeps ${column.value(current) || 'it empty'}): put that back, or change the route`
          : `${column.header}: the route ${route ?? ''} does not use it: leave it empty`,
      );
    }
    const didId = values.get('DID ID');
    if (present(didId)) {
      if (!current) errors.push(`DID ID: VICIdial gives a new DID its ID; leave it empty to add this DID (a DID's pattern cannot be changed)`);
      else if (didId !== String(current.didId)) errors.push(`DID ID: DID ${current.pattern} has the ID ${current.didId}, not ${didId} (a DID's pattern cannot be changed)`);
    }
    const routing = (request as { routing?: DidRouting }).routing;
    const missing = routing && (await (context as ReturnType<typeof targetChecks>)(routing));
    if (missing) errors.push(missing);
    return errors;
  },
};

export const didAuditTarget = (key: string, current?: Did) => auditTargets.did(current ? current.didId : key);
