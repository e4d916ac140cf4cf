import { z } from 'zod';
import { DID_ROUTE_FIELDS, DID_ROUTES, type DidDetail, type DidRoute, didRoutingSchema } from '@vicidash/contracts/did';

/**
 * The routing part of the DID forms. The form keeps every route's fields as typed text (so going
 * back to a route finds what was typed there), but a request only ever carries the chosen route's
 * fields: `routingChange` reads nothing else.
 */

export type RouteField = (typeof DID_ROUTE_FIELDS)[DidRoute][number];

/** The route ('' while none is chosen, or "keep each DID's route" in bulk) and every route's fields. */
export type RoutingValues = { route: DidRoute | '' } & Record<RouteField, string>;

export const ROUTE_FIELDS: readonly RouteField[] = [...new Set(DID_ROUTES.flatMap((route) => DID_ROUTE_FIELDS[route]))];

export const EMPTY_ROUTING: RoutingValues = {
  route: '',
  ...(Object.fromEntries(ROUTE_FIELDS.map((field) => [field, ''])) as Record<RouteField, string>),
};

/** The fields shown for `route`, in order (none before a route is chosen). */
export const visibleRouteFields = (route: DidRoute | ''): readonly RouteField[] => (route === '' ? [] : DID_ROUTE_FIELDS[route]);

interface FieldRule {
  /** The route needs it (its target); the others are extras VICIdial keeps when they are left out. */
  required: boolean;
  /** Sent as a number (list IDs). */
  numeric: boolean;
}

/** Read from the contract's union: which of a route's fields are required and which are numbers. */
function fieldRule(route: DidRoute, field: RouteField): FieldRule {
  const option = didRoutingSchema.options.find((candidate) => candidate.shape.route.value === route);
  const schema = (option?.shape as Record<string, z.ZodType> | undefined)?.[field];
  if (!schema) throw new Error(`the contract has no ${field} on the ${route} route`);
  const optional = schema instanceof z.ZodOptional;
  return { required: !optional, numeric: (optional ? schema.unwrap() : schema) instanceof z.ZodNumber };
}

const FIELD_RULES = Object.fromEntries(
  DID_ROUTES.map((route) => [route, Object.fromEntries(DID_ROUTE_FIELDS[route].map((field) => [field, fieldRule(route, field)]))]),
) as Record<DidRoute, Record<string, FieldRule>>;

export const isRequiredRouteField = (route: DidRoute, field: RouteField): boolean => FIELD_RULES[route][field]?.required ?? false;

/** Typed text as the request carries it: a number for numeric fields (NaN, refused by the contract, if it is not one). */
const toValue = (text: string, numeric: boolean): string | number => (numeric ? (/^\d+$/.test(text) ? Number(text) : Number.NaN) : text);

/**
 * The routing block to send, or undefined when the routing does not change. `before` is what the
 * form started from (the stored DID, or empty for a new one). The block holds the chosen route and
 * its fields only: its target always (VICIdial takes a route with its target), its extras only
 * when they changed. An emptied extra becomes null, which the contract refuses with "cannot be
 * cleared": VICIdial has no way to empty them.
 */
export function routingChange(values: RoutingValues, before: RoutingValues = EMPTY_ROUTING): Record<string, unknown> | undefined {
  const { route } = values;
  if (route === '') return undefined;
  const block: Record<string, unknown> = { route };
  let changed = route !== before.route;
  for (const field of DID_ROUTE_FIELDS[route]) {
    const { required, numeric } = FIELD_RULES[route][field] as FieldRule;
    const text = values[field].trim();
    const fieldChanged = text !== before[field].trim();
    changed ||= fieldChanged;
    if (required) block[field] = text === '' ? undefined : toValue(text, numeric);
    else if (fieldChanged) block[field] = text === '' ? null : toValue(text, numeric);
  }
  return changed ? block : undefined;
}

/** A stored DID's routing as form text; a route VICIdial holds but the dashboard does not know shows as none. */
export function storedRouting(did: DidDetail): RoutingValues {
  const route = (DID_ROUTES as readonly string[]).includes(did.route ?? '') ? (did.route as DidRoute) : '';
  const fields = Object.fromEntries(ROUTE_FIELDS.map((field) => [field, did[field] === null ? '' : String(did[field])]));
  return { route, ...(fields as Record<RouteField, string>) };
}
