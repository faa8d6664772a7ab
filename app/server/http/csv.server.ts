// CSV downloads: a header row, one row per record, and headers that make browsers save a file.
import { stringify } from "csv-stringify/sync";

/** `preamble`: lines above the header row that say what the file is (a chronology's title and scope). */
export function csvResponse(
  filename: string,
  columns: { key: string; header: string }[],
  rows: Record<string, unknown>[],
  preamble: string[] = [],
) {
  const top = preamble.length > 0 ? stringify([...preamble.map((line) => [cell(line)]), []]) : "";
  const body = stringify(
    rows.map((row) => columns.map((column) => cell(row[column.key]))),
    { header: true, columns: columns.map((column) => column.header) },
  );
  return new Response(`\uFEFF${top}${body}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: make it plain text.
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
