// The search box of a register (the sites list and its map): how much it takes, and what the page
// says when it is given more.
import { z } from "zod";

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_TOO_LONG = `Search must be ${SEARCH_MAX_LENGTH} characters or fewer`;

/**
 * The search as typed, trimmed. A longer one than the box takes is kept to one character over the
 * limit: enough for the page to say so and for the search to find nothing (rather than quietly
 * dropping it and listing everything), and no more, since the query is part of the key under which
 * a page's data is kept.
 */
export const searchField = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((value) => (value ? value.slice(0, SEARCH_MAX_LENGTH + 1) : undefined));

/** The message for the search field, or null when the search can be run. */
export function searchProblem(search: string | undefined): string | null {
  return search !== undefined && search.length > SEARCH_MAX_LENGTH ? SEARCH_TOO_LONG : null;
}
