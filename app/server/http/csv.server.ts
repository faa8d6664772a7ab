// CSV downloads: a header row, one row per record, and headers that make browsers save a file.
import { stringify } from "csv-stringify/sync";

export type CsvColumn = { key: string; header: string };

/** `preamble`: lines above the header row that say what the file is (a chronology's title and scope). */
export function csvResponse(
  filename: string,
  columns: CsvColumn[],
  rows: Record<string, unknown>[],
  preamble: string[] = [],
) {
  return new Response(csvText(columns, rows, preamble), { headers: csvHeaders(filename) });
}

/** The file's text: a byte-order mark (for spreadsheets), the preamble, the header row and the rows. */
export function csvText(columns: CsvColumn[], rows: Record<string, unknown>[], preamble: string[] = []): string {
  const top = preamble.length > 0 ? stringify([...preamble.map((line) => [cell(line)]), []]) : "";
  const body = stringify(
    rows.map((row) => columns.map((column) => cell(row[column.key]))),
    { header: true, columns: columns.map((column) => column.header) },
  );
  return `\uFEFF${top}${body}`;
}

/** Headers that make a browser save the file, and keep it out of every cache. */
export function csvHeaders(filename: string) {
  return {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="${filename}"`,
    "Cache-Control": "private, no-store",
  };
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: make it plain text.
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
