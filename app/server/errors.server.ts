// A change the user can act on, refused with a message in plain English; nothing is written.
export class ChangeRefused extends Error {
  override name = "ChangeRefused";
}

/** The message for a form loaded before someone else saved the same record. */
export function staleMessage(what: string): string {
  return `Someone else changed this ${what} since you opened the page. Nothing you entered has been saved: go back to the ${what}, check the changes, and make yours again.`;
}
