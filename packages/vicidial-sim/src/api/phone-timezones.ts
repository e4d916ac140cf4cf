/**
 * The GMT offsets VICIdial offers for a phone's local_gmt (its admin screen's list, without DST),
 * in the order it shows them. add_phone and update_phone refuse any other offset.
 */
export const LOCAL_GMT_OFFSETS = [
  '12.75', '12.00', '11.00', '10.00', '9.50', '9.00', '8.00', '7.00', '6.50', '6.00', '5.75', '5.50',
  '5.00', '4.50', '4.00', '3.50', '3.00', '2.00', '1.00', '0.00', '-1.00', '-2.00', '-3.00', '-3.50',
  '-4.00', '-5.00', '-6.00', '-7.00', '-8.00', '-9.00', '-10.00', '-11.00', '-12.00',
] as const;

const offsetValues = new Set<number>(LOCAL_GMT_OFFSETS.map(Number));

/** A decimal number as PHP 8 recognises a numeric string (after VICIdial's filter: digits, '.', '-'). */
const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/**
 * VICIdial compares the value with each offset using PHP's loose `!=`, which compares two numeric
 * strings as numbers: '-5', '-5.0' and '-5.00' are all valid, while '-5.25', '13' or '5.50-' are not.
 */
export function isValidLocalGmt(value: string): boolean {
  return NUMERIC.test(value) && offsetValues.has(Number(value));
}
