// A GOV.UK table from a caption, its columns and its rows: one header row, a cell per column in
// each row, numbers aligned right, and a column that heads its rows where the page has one.
// A table with more than one header row, or with column groups (the chronology), is written out.
import type { Key, ReactNode } from "react";

export interface TableColumn<Row> {
  /** The column's heading; a column of actions gives a visually hidden one. */
  header: ReactNode;
  cell(row: Row): ReactNode;
  /** Numbers: the heading and cells are aligned right. */
  numeric?: boolean;
  /** This column names its row: its cells are row headers (`<th scope="row">`). */
  rowHeader?: boolean;
}

const CAPTION_SIZES = {
  s: "govuk-table__caption--s",
  m: "govuk-table__caption--m",
  l: "govuk-table__caption--l",
  xl: "govuk-table__caption--xl",
  hidden: "govuk-visually-hidden",
} as const;

export function Table<Row>({
  caption,
  captionSize,
  columns,
  rows,
  rowKey,
  rowId,
  id,
}: {
  caption: ReactNode;
  /** A heading size for the caption, or `hidden` when a heading above already says what the table is. */
  captionSize?: keyof typeof CAPTION_SIZES;
  /** The columns in order; `false` leaves one out (e.g. actions the member may not take). */
  columns: readonly (TableColumn<Row> | false)[];
  rows: readonly Row[];
  rowKey(row: Row): Key;
  /** An id for a row, for links to it. */
  rowId?(row: Row): string;
  id?: string;
}) {
  const shown = columns.filter((column): column is TableColumn<Row> => column !== false);
  return (
    <table className="govuk-table" id={id}>
      <caption className={captionSize ? `govuk-table__caption ${CAPTION_SIZES[captionSize]}` : "govuk-table__caption"}>
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {shown.map((column, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
            <th key={index} scope="col" className={headerClass(column.numeric)}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={rowKey(row)} id={rowId?.(row)}>
            {shown.map((column, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed for the table's life
              <BodyCell key={index} column={column} row={row} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BodyCell<Row>({ column, row }: { column: TableColumn<Row>; row: Row }) {
  if (column.rowHeader) {
    return (
      <th scope="row" className={headerClass(column.numeric)}>
        {column.cell(row)}
      </th>
    );
  }
  const className = column.numeric ? "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell";
  return <td className={className}>{column.cell(row)}</td>;
}

function headerClass(numeric: boolean | undefined): string {
  return numeric ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header";
}
