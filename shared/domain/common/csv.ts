/**
 * CSV for spreadsheets (RFC 4180: comma-separated, CRLF lines, quotes doubled), safe to open:
 * a cell that a spreadsheet would read as a formula is neutralised with a leading apostrophe,
 * so `=HYPERLINK(...)` typed into a contact's name stays text (CSV/formula injection).
 */

/** Characters that start a formula in Excel, LibreOffice or Google Sheets (tab and CR too). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A value as the text of a cell: nothing for null, JSON for lists and objects. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** One cell: neutralised against formulas, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: unknown): string {
  let text = cellText(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One line of cells, with its CRLF. */
export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** Excel reads a CSV as the machine's legacy code page unless it starts with a UTF-8 BOM. */
export const UTF8_BOM = '\uFEFF';
