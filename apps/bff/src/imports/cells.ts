/**
 * CSV cells as spreadsheets open them (docs/decisions/0021-csv-library.md). A spreadsheet runs a
 * cell starting with = + - @ (or a tab or carriage return) as a formula (OWASP "CSV injection"), and
 * reads a cell of digits as a number: the leading zeros of 0044… go, and 13105551234 becomes
 * 1.31E+10. Such cells are written after an apostrophe, which spreadsheets take as "this is text"
 * and which no field of VICIdial's allows, so an import takes it off again.
 */

/** Starts a formula in Excel, LibreOffice or Google Sheets. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Digits a spreadsheet would turn into a number and write back otherwise: leading zeros, or more than 11 digits. */
const NUMBER_IT_WOULD_CHANGE = /^(0\d+|\d{12,})$/;

/** A value as a cell that no spreadsheet runs as a formula or changes into a number. */
export function protectCell(value: string): string {
  return FORMULA_START.test(value) || NUMBER_IT_WOULD_CHANGE.test(value) ? `'${value}` : value;
}

/** A cell as the value it protects (protectCell undone); other cells as they are, trimmed. */
export function cellValue(cell: string): string {
  const trimmed = cell.trim();
  const inner = trimmed.slice(1);
  return trimmed.startsWith("'") && (FORMULA_START.test(inner) || /^\d/.test(inner)) ? inner : trimmed;
}

/** A number in a spreadsheet's scientific notation: 1.31E+10, 1,31E+10. */
const SCIENTIFIC = /^[+-]?\d+([.,]\d+)?E[+-]?\d+$/i;

export const FORMAT_AS_TEXT = 'format the column as text in the spreadsheet and export it again';

/** Why a cell looks damaged by a spreadsheet, if it does. */
export function spreadsheetDamage(label: string, value: string): string | undefined {
  return SCIENTIFIC.test(value) ? `${label}: ${value} is a number a spreadsheet shortened; ${FORMAT_AS_TEXT}` : undefined;
}

/**
 * Whether `value` is `stored` with its + or leading zeros removed, as a spreadsheet does to a
 * number it reads: then the change is not what the person meant.
 */
export function lostLeadingCharacters(value: string, stored: string): string | undefined {
  if (value === '' || stored === value || !stored.endsWith(value)) return undefined;
  const lost = stored.slice(0, stored.length - value.length);
  if (lost === '+') return 'its +';
  if (/^0+$/.test(lost) || /^\+0*$/.test(lost)) return lost.startsWith('+') ? 'its + and leading zeros' : 'its leading zero';
  return undefined;
}
