// The upload page's query string, and file sizes in words.
import { describe, expect, it } from "vitest";
import { documentParentHref, documentUploadHref, formatFileSize, parentFromSearch } from "~/lib/documents";

const id = "0b6c3f9e-2f4a-4c1e-9d3b-5a7e8f901234";
const parse = (query: string) => parentFromSearch(new URLSearchParams(query));

describe("the parent named in the upload page's address", () => {
  it("reads each kind of record", () => {
    expect(parse("case=EF-L-0001")).toEqual({ type: "legal_case", caseReference: "EF-L-0001" });
    expect(parse(`case=EF-L-0001&proceeding=${id}`)).toEqual({
      type: "proceeding",
      caseReference: "EF-L-0001",
      proceedingId: id,
    });
    expect(parse("site=EF-S-0001")).toEqual({ type: "site", siteReference: "EF-S-0001" });
    expect(parse(`site=EF-S-0001&record=${id}`)).toEqual({
      type: "planning_record",
      siteReference: "EF-S-0001",
      planningRecordId: id,
    });
    expect(parse("complaint=EF-C-0001")).toEqual({ type: "complaint", complaintReference: "EF-C-0001" });
  });

  it("refuses nothing, two records, mismatched or malformed ids", () => {
    for (const query of [
      "",
      "case=EF-L-0001&site=EF-S-0001",
      `case=EF-L-0001&record=${id}`,
      `site=EF-S-0001&proceeding=${id}`,
      "case=EF-L-0001&proceeding=1",
      `complaint=EF-C-0001&record=${id}`,
      "case=../../etc",
    ]) {
      expect(parse(query), query).toBeUndefined();
    }
  });

  it("round-trips through the upload address, and leads back to the record's page", () => {
    const parent = { type: "planning_record", siteReference: "EF-S-0001", planningRecordId: id } as const;
    const href = documentUploadHref("epping-forest", parent);
    expect(href).toBe(`/c/epping-forest/documents/new?site=EF-S-0001&record=${id}`);
    expect(parse(href.split("?")[1] ?? "")).toEqual(parent);
    expect(documentParentHref("epping-forest", parent)).toBe(`/c/epping-forest/sites/EF-S-0001/records/${id}`);
  });
});

describe("file sizes", () => {
  it("are shown in bytes, KB or MB (binary, as the 25 MB limit is counted)", () => {
    expect(formatFileSize(1)).toBe("1 byte");
    expect(formatFileSize(900)).toBe("900 bytes");
    expect(formatFileSize(310 * 1024)).toBe("310 KB");
    expect(formatFileSize(2.44 * 1024 * 1024)).toBe("2.4 MB");
    expect(formatFileSize(25 * 1024 * 1024)).toBe("25 MB");
  });
});
