// Finding a council's records the way officers look them up: by a whole reference, a UPRN, a
// postcode (whole, or its start) or words from the name and address, the best match first. One
// shape for every kind of record (`RecordSearch`): sites name their columns here; complaints and
// cases can name theirs.
//
// README, Decision 49: One search, ranked, for the registers. A search is read once
// (`searchTerms`): control characters become spaces, and case and spaces are ignored where they
// mean nothing (references, UPRNs, postcodes). A record matches by its whole reference (rank 0),
// its whole UPRN (1), its postcode (2: a whole postcode exactly; an outward code such as "CM16",
// or one with the start of the inward code, by the postcode's start) or by words (3: every word
// somewhere in its reference, name, address, town or postcode, LIKE's wildcards taken literally).
// Results come in that order, each rank in the list's chosen sort. A search that is wholly one
// reference, one UPRN of six digits or more (shorter numbers are also house numbers and parts of
// references) or one postcode (whole, or an outward code, a space and more) is looked up by that
// alone, in its index. Anything else also reads the council's records for its words: a word inside
// a name has no index without an extension (pg_trgm) that embedded PGlite does not load, so the
// words are looked for in one lower-case column the database keeps (several times faster than
// ILIKE on each column). Under row-level security PostgreSQL takes a condition to an index only if
// its functions are leakproof, so lookups compare plain columns with `=` and the byte-by-byte
// range operators, and the normalised postcode is a generated column, not an expression. A search
// longer than the box takes finds nothing, and the page says why.
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { SEARCH_MAX_LENGTH } from "~/lib/schemas/search";
import { sites } from "~db/schema";

/** Where a kind of record keeps what officers search it by. */
export interface RecordSearch {
  /** Its reference (EF-S-0001), in upper case as the service makes them. */
  reference: AnyPgColumn;
  /** A UPRN column (digits only), if the record has one. */
  uprn?: AnyPgColumn;
  /** The record's postcode upper case without spaces (a generated column, indexed with text_pattern_ops), if it has one. */
  postcode?: AnyPgColumn;
  /**
   * Everything a search's words are looked for in, lower case, with a space between the parts (a
   * generated column): a word has no spaces, so it matches within one part, never across two.
   */
  text: AnyPgColumn;
}

/** What a search is, read from what was typed. */
export interface SearchTerms {
  /** Upper case without spaces, when the search is one word: it may be a whole reference. */
  reference: string | null;
  /** The digits, spaces taken out, when the search is a number of up to 12 digits. */
  uprn: string | null;
  /** Upper case without spaces: a whole postcode, or the start of one (an outward code, perhaps more). */
  postcode: { whole: string } | { start: string } | null;
  /** The different words, for names and addresses. */
  words: string[];
  /** When the whole search is one identifier, which: looked up by that alone, not also as words. */
  identifier: "reference" | "uprn" | "postcode" | null;
}

/** The records a search finds, and their order. */
export interface RecordMatch {
  where: SQL;
  /** Sorts the matches best first (ascending); absent when every match is as good as another. */
  rank?: SQL;
}

// C0 and C1 control characters and DEL: never part of a record, and PostgreSQL refuses a NUL in text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
/** A reference as the service makes them (app/server/council/references.server.ts), or the test factories. */
const WHOLE_REFERENCE = /^[A-Z]{2,4}-[A-Z]-[A-Z0-9]{4,}$/;
const WHOLE_POSTCODE = /^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$/;
/** An outward code ("CM16"), perhaps with the start of the inward code ("CM16 6", "CM16 6A"). */
const POSTCODE_START = /^[A-Z]{1,2}[0-9][A-Z0-9]?(?:[0-9][A-Z]?)?$/;
/** An outward code, a space and the start of the inward code: a postcode, not words ("A1" or "M25" alone may be words). */
const OUTWARD_THEN_INWARD_START = /^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]?$/;
const UPRN = /^[0-9]{1,12}$/;
/** A number at least this long is taken as a UPRN alone (house numbers and reference numbers are shorter). */
const UPRN_ALONE_DIGITS = 6;

/** The search read as officers mean it; undefined when there is nothing to search for. */
export function searchTerms(search: string | undefined): SearchTerms | "too long" | undefined {
  if (search === undefined) return undefined;
  if (search.length > SEARCH_MAX_LENGTH) return "too long";
  const text = search.replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();
  if (!text) return undefined;
  const compact = text.replaceAll(" ", "").toUpperCase();
  const reference = text.includes(" ") ? null : compact;
  const uprn = UPRN.test(compact) ? compact : null;
  const postcode = WHOLE_POSTCODE.test(compact)
    ? { whole: compact }
    : POSTCODE_START.test(compact)
      ? { start: compact }
      : null;
  const identifier =
    reference && WHOLE_REFERENCE.test(reference)
      ? "reference"
      : uprn && uprn.length >= UPRN_ALONE_DIGITS
        ? "uprn"
        : postcode && ("whole" in postcode || OUTWARD_THEN_INWARD_START.test(text.toUpperCase()))
          ? "postcode"
          : null;
  const words = [...new Set(text.toLowerCase().split(" "))];
  return { reference, uprn, postcode, words, identifier };
}

/** The condition and ranking for a search of one kind of record; undefined when there is no search. */
export function recordSearch(record: RecordSearch, search: string | undefined): RecordMatch | undefined {
  const terms = searchTerms(search);
  if (terms === undefined) return undefined;
  if (terms === "too long") return { where: sql`false` };
  // Best first; the rank of a record is that of the first tier it matches.
  const tiers: SQL[] = [];
  const ranks: number[] = [];
  const tier = (condition: SQL, rank: number) => {
    tiers.push(condition);
    ranks.push(rank);
  };
  if (terms.reference) tier(eq(record.reference, terms.reference), 0);
  if (terms.uprn && record.uprn) tier(eq(record.uprn, terms.uprn), 1);
  if (terms.postcode && record.postcode) tier(postcodeMatches(record.postcode, terms.postcode), 2);
  const lookedUp =
    terms.identifier === "reference" ||
    (terms.identifier === "uprn" && record.uprn !== undefined) ||
    (terms.identifier === "postcode" && record.postcode !== undefined);
  if (!lookedUp) tier(wordsMatch(record, terms.words), 3);
  const where = or(...tiers) ?? sql`false`;
  if (new Set(ranks).size < 2) return { where };
  // Only matching rows are ranked, so a row that matches no earlier tier matched the last.
  const whens = tiers
    .slice(0, -1)
    .map((condition, index) => sql`when ${condition} then ${sql.raw(String(ranks[index]))}`);
  return { where, rank: sql`case ${sql.join(whens, sql` `)} else ${sql.raw(String(ranks.at(-1)))} end` };
}

function postcodeMatches(column: AnyPgColumn, postcode: NonNullable<SearchTerms["postcode"]>): SQL {
  if ("whole" in postcode) return eq(column, postcode.whole);
  // A start as a range of the byte-by-byte operators ("CM16" up to, not including, "CM17"): under
  // row-level security only leakproof conditions reach an index, and these are. The same start as
  // `like` (not leakproof, so only a filter) gives the planner a true estimate of how many match;
  // without it the planner guesses thousands and reads the council's sites in reference order.
  // The start is letters and digits only, so there is nothing to escape.
  const start = postcode.start;
  const after = `${start.slice(0, -1)}${String.fromCharCode(start.charCodeAt(start.length - 1) + 1)}`;
  return sql`(${column} ~>=~ ${start} and ${column} ~<~ ${after} and ${column} like ${`${start}%`})`;
}

/** Every word somewhere in the record's text, LIKE's wildcards and escape character taken literally. */
function wordsMatch(record: RecordSearch, words: string[]): SQL {
  const each = words.map((word) => {
    const pattern = `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    // Lower-cased by the database, as the text was: the same rules for both, whatever the collation.
    return sql`${record.text} like lower(${pattern}::text)`;
  });
  return and(...each) ?? sql`false`;
}

/** How sites are searched: the sites list, its CSV, the map and its GeoJSON. */
export const SITE_SEARCH: RecordSearch = {
  reference: sites.reference,
  uprn: sites.uprn,
  postcode: sites.postcodeKey,
  text: sites.searchText,
};

export function siteSearch(search: string | undefined): RecordMatch | undefined {
  return recordSearch(SITE_SEARCH, search);
}
