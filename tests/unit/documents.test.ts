// The upload page's query string, file sizes in words, and what a zip-based upload is (read with
// bounds, so a zip bomb costs kilobytes).
import { describe, expect, it } from "vitest";
import { documentParentHref, documentUploadHref, formatFileSize, parentFromSearch } from "~/lib/documents";
import { inspectZip, isZip, MAX_INSPECTED_ENTRY_BYTES } from "~/server/council/documents/zip-inspection.server";
import { docxBytes, odtBytes, pdfBytes, xlsxBytes, zipBombBytes, zipBytes } from "../helpers/files";

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

/** Runs `inspect` and reports how long it took and how far the process's memory grew meanwhile. */
function measured<T>(inspect: () => T): { result: T; milliseconds: number; rssGrowth: number } {
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = inspect();
  return {
    result,
    milliseconds: performance.now() - started,
    rssGrowth: process.memoryUsage().rss - rssBefore,
  };
}

const MiB = 1024 * 1024;

describe("what a zip-based upload is", () => {
  it("names Word (stored or deflated), Excel and OpenDocument text, as file-type does", () => {
    expect(inspectZip(docxBytes())).toEqual({
      outcome: "document",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(inspectZip(docxBytes({ deflated: true }))).toEqual({
      outcome: "document",
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    expect(inspectZip(xlsxBytes())).toEqual({
      outcome: "document",
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    expect(inspectZip(odtBytes())).toEqual({
      outcome: "document",
      contentType: "application/vnd.oasis.opendocument.text",
    });
    expect(isZip(docxBytes())).toBe(true);
    expect(isZip(pdfBytes())).toBe(false);
  });

  it("refuses a zip bomb in [Content_Types].xml (200 MiB of padding in 200 KB) without inflating it", () => {
    const bomb = zipBombBytes({ mebibytes: 200 });
    expect(bomb.byteLength).toBeLessThan(250 * 1024);
    const { result, milliseconds, rssGrowth } = measured(() => inspectZip(bomb));
    expect(result).toEqual({ outcome: "implausible" });
    expect(milliseconds).toBeLessThan(2000);
    expect(rssGrowth).toBeLessThan(200 * MiB);
  });

  it("refuses a bomb whose headers lie (a few hundred bytes declared), inflating no more than the limit", () => {
    const bombs = {
      "200 MiB inside": zipBombBytes({ mebibytes: 200, declaredSize: 900 }),
      "200 MiB inside, sizes after the data": zipBombBytes({ mebibytes: 200, declaredSize: 900, dataDescriptor: true }),
      "24 GiB inside, just under the 25 MB upload limit": zipBombBytes({ mebibytes: 24_000, declaredSize: 900 }),
    };
    for (const [variant, bomb] of Object.entries(bombs)) {
      const { result, milliseconds, rssGrowth } = measured(() => inspectZip(bomb));
      expect(result, variant).toEqual({ outcome: "implausible" });
      expect(milliseconds, variant).toBeLessThan(2000);
      expect(rssGrowth, variant).toBeLessThan(200 * MiB);
    }
  });

  it("refuses a type entry that lies about its size even when the truth is small", () => {
    // Just over the limit in truth, a few hundred bytes declared.
    const bomb = zipBombBytes({ mebibytes: MAX_INSPECTED_ENTRY_BYTES / MiB, declaredSize: 300 });
    expect(inspectZip(bomb)).toEqual({ outcome: "implausible" });
    // Well under the limit in truth, but not what the headers say.
    const understated = zipBombBytes({ mebibytes: 0, declaredSize: 20 });
    expect(inspectZip(understated)).toEqual({ outcome: "implausible" });
  });

  it("refuses a document whose other parts claim to expand implausibly, without inflating them", () => {
    const bomb = zipBombBytes({ mebibytes: 200, entry: "word/document.xml" });
    const { result, milliseconds } = measured(() => inspectZip(bomb));
    expect(result).toEqual({ outcome: "implausible" });
    expect(milliseconds).toBeLessThan(100);
  });

  it("takes no type from a zip's own word for anything but Word, Excel and OpenDocument text", () => {
    expect(inspectZip(zipBytes([["mimetype", "application/pdf"]]))).toEqual({ outcome: "other" });
    const presentation =
      '<Types><Override PartName="/ppt/presentation.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>';
    expect(inspectZip(zipBytes([["[Content_Types].xml", presentation]]))).toEqual({ outcome: "other" });
    // As file-type does, a Java archive's manifest before the content types ends the search.
    expect(
      inspectZip(
        zipBytes([
          ["META-INF/MANIFEST.MF", "Manifest-Version: 1.0"],
          ["mimetype", "application/vnd.oasis.opendocument.text"],
        ]),
      ),
    ).toEqual({ outcome: "other" });
  });

  it("calls a zip it cannot follow (cut short, no central directory) no document at all", () => {
    expect(inspectZip(docxBytes().subarray(0, 200))).toEqual({ outcome: "other" });
    expect(inspectZip(docxBytes().subarray(0, docxBytes().byteLength - 22))).toEqual({ outcome: "other" });
  });
});
