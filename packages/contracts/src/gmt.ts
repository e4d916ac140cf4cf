/**
 * The GMT offsets VICIdial accepts for a phone's local_gmt (its admin screen's list, without DST),
 * in VICIdial's own spelling. VICIdial compares numerically ('-5' passes too) but stores what it was
 * sent, so the dashboard sends exactly these strings. Kept free of imports so that other packages
 * (the embedded VICIdial) can share the list.
 */
export const GMT_OFFSETS = [
  '-12.00', '-11.00', '-10.00', '-9.00', '-8.00', '-7.00', '-6.00', '-5.00', '-4.00', '-3.50', '-3.00',
  '-2.00', '-1.00', '0.00', '1.00', '2.00', '3.00', '3.50', '4.00', '4.50', '5.00', '5.50', '5.75', '6.00',
  '6.50', '7.00', '8.00', '9.00', '9.50', '10.00', '11.00', '12.00', '12.75',
] as const;

export type GmtOffset = (typeof GMT_OFFSETS)[number];

/** VICIdial's default for a new phone. */
export const DEFAULT_GMT_OFFSET: GmtOffset = '-5.00';

/** '-3.50' → 'GMT-03:30', '12.75' → 'GMT+12:45'. */
export function gmtOffsetLabel(offset: string): string {
  const hours = Number(offset);
  const sign = hours < 0 ? '-' : '+';
  const minutes = Math.round(Math.abs(hours) * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `GMT${sign}${hh}:${mm}`;
}
