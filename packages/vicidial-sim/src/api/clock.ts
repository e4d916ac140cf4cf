/** Times as VICIdial's PHP prints them: in the server's local time zone (this process's TZ). */

const pad = (n: number) => String(n).padStart(2, '0');

/** PHP's date("Y-m-d H:i:s") / MySQL's NOW(): what VICIdial stores in DATETIME columns. */
export function localDateTime(date: Date): string {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** PHP's date("U"). */
export const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** PHP's date("I"): whether daylight saving time is in effect locally. */
export function isDaylightSaving(date: Date): boolean {
  const year = date.getFullYear();
  const standard = Math.max(new Date(year, 0, 1).getTimezoneOffset(), new Date(year, 6, 1).getTimezoneOffset());
  return date.getTimezoneOffset() < standard;
}

/** PHP's date("O") as hours: +0530 → 5.3 (VICIdial divides the digits by 100). */
export function localOffsetDigits(date: Date): number {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes < 0 ? -1 : 1;
  const abs = Math.abs(minutes);
  return (sign * (Math.floor(abs / 60) * 100 + (abs % 60))) / 100;
}
