import { type FieldMap, toVicidialParams } from '@vicidash/contracts/common';

/**
 * A validated API-level request as a client function's parameters, named by the contract's field
 * map (`null` → --BLANK--, booleans → Y/N, lists comma-joined, a DID's routing flattened). The
 * contract's rules are at least as strict as VICIdial's, so the values fit the client's types.
 */
export function vicidialParams<T>(map: FieldMap, input: object): T {
  return toVicidialParams(map, input as Readonly<Record<string, unknown>>) as T;
}
