import type { DidDetail, RECORD_CALL_MODES } from '@vicidash/contracts/did';
import { definedFields } from './defined';
import { EMPTY_ROUTING, type RoutingValues, routingChange, storedRouting } from './routing-values';

/**
 * The DID form (add and edit) as the person types it, and the request built from it: only what
 * differs from where the form started, the routing block from the chosen route only.
 */

export interface DidFormValues {
  /** Typed on a new DID only: VICIdial addresses a DID by its pattern, which cannot change. */
  pattern: string;
  description: string;
  active: boolean;
  /** '' only when VICIdial holds no value. */
  recordCall: (typeof RECORD_CALL_MODES)[number] | '';
  filterCleanCidNumber: string;
  routing: RoutingValues;
}

/** A new DID's form: VICIdial's own defaults (active, not recorded), no route chosen yet. */
export const NEW_DID_VALUES: DidFormValues = {
  pattern: '',
  description: '',
  active: true,
  recordCall: 'N',
  filterCleanCidNumber: '',
  routing: EMPTY_ROUTING,
};

export function storedDidValues(did: DidDetail): DidFormValues {
  const recordCall = did.recordCall === 'Y' || did.recordCall === 'N' || did.recordCall === 'Y_QUEUESTOP' ? did.recordCall : '';
  return {
    pattern: did.pattern,
    description: did.description ?? '',
    active: did.active,
    recordCall,
    filterCleanCidNumber: did.filterCleanCidNumber ?? '',
    routing: storedRouting(did),
  };
}

/** A text field's change: undefined when unchanged, null when emptied (the contract says whether that is allowed). */
function textChange(before: string, after: string): string | null | undefined {
  const text = after.trim();
  if (text === before.trim()) return undefined;
  return text === '' ? null : text;
}

/** What changed between `before` and `values`, as the update request carries it (the pattern aside). */
export function didChanges(before: DidFormValues, values: DidFormValues): Record<string, unknown> {
  return definedFields({
    description: textChange(before.description, values.description),
    active: values.active === before.active ? undefined : values.active,
    recordCall: values.recordCall === before.recordCall ? undefined : values.recordCall || null,
    filterCleanCidNumber: textChange(before.filterCleanCidNumber, values.filterCleanCidNumber),
    routing: routingChange(values.routing, before.routing),
  });
}

/** The add request: the pattern, the route, and whatever differs from VICIdial's defaults. */
export const newDidRequest = (values: DidFormValues): Record<string, unknown> => ({
  // Empty: left out, so the contract says it is required.
  pattern: values.pattern.trim() || undefined,
  ...didChanges(NEW_DID_VALUES, values),
});
