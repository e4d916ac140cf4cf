import type { DidRef, RECORD_CALL_MODES } from '@vicidash/contracts/did';
import { definedFields } from './defined';
import { EMPTY_ROUTING, type RoutingValues, routingChange } from './routing-values';

/**
 * The bulk change form: one change for many DIDs. Each part can be left as it is on every DID
 * ('' = keep), so the request carries only what the person chose.
 */

export interface BulkFormValues {
  routing: RoutingValues;
  active: '' | 'yes' | 'no';
  recordCall: (typeof RECORD_CALL_MODES)[number] | '';
}

export const KEEP_ALL: BulkFormValues = { routing: EMPTY_ROUTING, active: '', recordCall: '' };

export const bulkRequest = (dids: readonly DidRef[], values: BulkFormValues): Record<string, unknown> =>
  definedFields({
    dids: [...dids],
    routing: routingChange(values.routing),
    active: values.active === '' ? undefined : values.active === 'yes',
    recordCall: values.recordCall || undefined,
  });
