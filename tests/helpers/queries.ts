// Counts the SQL statements a piece of work runs, to show that a list costs a fixed number of
// queries however many rows it has; and reads the rows of a raw query on either driver.
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const recorder = (globalThis as { __queryRecorder?: { queries: string[] | undefined } }).__queryRecorder;
  if (!recorder) throw new Error("The query recorder is not installed (tests/helpers/setup-file.ts).");
  recorder.queries = [];
  try {
    const result = await work();
    return { result, queries: recorder.queries };
  } finally {
    recorder.queries = undefined;
  }
}

/** The rows of a raw query, whichever driver ran it (PGlite answers `{ rows }`, postgres.js an array). */
export async function rowsOf<Row>(query: Promise<unknown>): Promise<Row[]> {
  const result = (await query) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
