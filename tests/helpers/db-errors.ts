// The database's own reason for refusing a statement (drizzle wraps it in "Failed query").
export async function refusalOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const messages: string[] = [];
    let current: unknown = error;
    while (current instanceof Error) {
      messages.push(current.message);
      current = current.cause;
    }
    return messages.join(" | ");
  }
  throw new Error("Expected the database to refuse the statement, but it was accepted.");
}
