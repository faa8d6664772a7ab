// Neutral citations: the Epping judgments and others, their Find Case Law links, and bad input.
import { describe, expect, it } from "vitest";
import { findCaseLawUrl, isNeutralCitation, normaliseCitation } from "~/lib/citations";

describe("neutral citations", () => {
  it.each([
    ["[2025] EWHC 2183 (KB)", "https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2183"],
    ["[2025] EWCA Civ 1134", "https://caselaw.nationalarchives.gov.uk/ewca/civ/2025/1134"],
    ["[2025] EWHC 2937 (KB)", "https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2937"],
    ["[2023] EWHC 1400 (Admin)", "https://caselaw.nationalarchives.gov.uk/ewhc/admin/2023/1400"],
    ["[2023] EWCA Civ 727", "https://caselaw.nationalarchives.gov.uk/ewca/civ/2023/727"],
    ["[2024] UKSC 12", "https://caselaw.nationalarchives.gov.uk/uksc/2024/12"],
  ])("%s → %s", (citation, url) => {
    expect(findCaseLawUrl(citation)).toBe(url);
    expect(isNeutralCitation(citation)).toBe(url !== null);
  });

  it.each([
    "2025 EWHC 2183 (KB)",
    "[2025] EWHC 2183",
    "[2025] EWHC 2183 (XYZ)",
    "[25] EWCA Civ 1134",
    "EWCA Civ 1134",
    "",
  ])("refuses %j", (citation) => {
    expect(isNeutralCitation(citation)).toBe(false);
  });

  it("tidies what people type", () => {
    expect(normaliseCitation("  [2025]   ewhc 2183 (kb) ")).toBe("[2025] EWHC 2183 (KB)");
    expect(normaliseCitation("[2025] ewca civ 1134")).toBe("[2025] EWCA Civ 1134");
    expect(normaliseCitation("[2023] EWHC 1400 (admin)")).toBe("[2023] EWHC 1400 (Admin)");
  });
});
