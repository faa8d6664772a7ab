// How a search box's text is read: what may be a reference, a UPRN or a postcode, which words
// are searched for, and when the whole search is one identifier to look up alone.
import { describe, expect, it } from "vitest";
import { searchTerms } from "~/server/council/search/record-search.server";

describe("searchTerms", () => {
  it.each([
    ["ef-s-0001", { reference: "EF-S-0001", identifier: "reference" }],
    ["EF-S-0001 hotel", { reference: null, identifier: null, words: ["ef-s-0001", "hotel"] }],
    ["1000 9000 1234", { uprn: "100090001234", identifier: "uprn", reference: null }],
    ["100090001234", { uprn: "100090001234", identifier: "uprn", reference: "100090001234" }],
    ["12345", { uprn: "12345", identifier: null, words: ["12345"] }],
    ["1234567890123", { uprn: null, identifier: null }],
    ["cm16 4dg", { postcode: { whole: "CM164DG" }, identifier: "postcode" }],
    ["CM164DG", { postcode: { whole: "CM164DG" }, identifier: "postcode" }],
    ["W1A 0AX", { postcode: { whole: "W1A0AX" }, identifier: "postcode" }],
    ["cm16", { postcode: { start: "CM16" }, identifier: null, words: ["cm16"] }],
    ["CM16 6", { postcode: { start: "CM166" }, identifier: "postcode" }],
    ["A1", { postcode: { start: "A1" }, identifier: null, words: ["a1"] }],
    ["Bell  Hotel\tEpping", { reference: null, uprn: null, postcode: null, words: ["bell", "hotel", "epping"] }],
    ["bell BELL", { words: ["bell"] }],
    ["bell\u0000epping", { words: ["bell", "epping"] }],
  ])("reads %j", (search, expected) => {
    expect(searchTerms(search)).toMatchObject(expected);
  });

  it("has nothing to search for in blank text or control characters alone", () => {
    expect(searchTerms(undefined)).toBeUndefined();
    expect(searchTerms("   ")).toBeUndefined();
    expect(searchTerms("\u0000\u001f\u007f")).toBeUndefined();
  });

  it("refuses more than 100 characters, but not 100", () => {
    expect(searchTerms("a".repeat(101))).toBe("too long");
    expect(searchTerms("a".repeat(100))).toMatchObject({ words: ["a".repeat(100)] });
  });
});
