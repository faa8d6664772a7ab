// Each statutory rule, worked through with real dates.
import { describe, expect, it } from "vitest";
import { addMonths, parseDateParts, workingDaysBetween } from "~/lib/dates";
import { deadlinesFor } from "~/lib/deadlines";

const due = (input: Parameters<typeof deadlinesFor>[0]) =>
  Object.fromEntries(deadlinesFor(input).map((deadline) => [deadline.label, deadline.dueOn]));

describe("planning contravention notice (s.171D)", () => {
  it("the response is due on the 21st day, counting the day of service as the first", () => {
    // West Northamptonshire served PCNs with "21 days to respond".
    expect(due({ kind: "planning_contravention_notice", servedOn: "2025-09-01" })).toEqual({
      "Response due": "2025-09-21",
    });
  });
  it("has no deadline until it is served", () => {
    expect(deadlinesFor({ kind: "planning_contravention_notice" })).toEqual([]);
  });
});

describe("enforcement notice (ss.172–175)", () => {
  it("copies must be served within 28 days of issue", () => {
    expect(due({ kind: "enforcement_notice", issuedOn: "2025-11-20" })).toEqual({ "Serve copies by": "2025-12-18" });
  });
  it("an appeal must come before the effective date; compliance runs from it", () => {
    expect(
      due({
        kind: "enforcement_notice",
        issuedOn: "2025-11-20",
        servedOn: "2025-11-21",
        effectiveOn: "2025-12-22",
        compliancePeriod: 3,
        compliancePeriodUnit: "months",
      }),
    ).toEqual({
      "Appeal must be lodged by": "2025-12-21",
      "Takes effect": "2025-12-22",
      "Compliance due": "2026-03-22",
    });
  });
  it("a period in days counts days", () => {
    expect(
      due({
        kind: "enforcement_notice",
        servedOn: "2025-01-01",
        effectiveOn: "2025-02-01",
        compliancePeriod: 28,
        compliancePeriodUnit: "days",
      })["Compliance due"],
    ).toBe("2025-03-01");
  });
  it("an appeal suspends the notice: no appeal deadline and no compliance date", () => {
    expect(
      due({
        kind: "enforcement_notice",
        servedOn: "2025-11-21",
        effectiveOn: "2025-12-22",
        compliancePeriod: 3,
        compliancePeriodUnit: "months",
        appealed: true,
      }),
    ).toEqual({ "Would have taken effect (suspended by the appeal)": "2025-12-22" });
  });
});

describe("stop notice (s.184)", () => {
  it("takes effect on the date it specifies", () => {
    expect(due({ kind: "stop_notice", servedOn: "2025-05-01", effectiveOn: "2025-05-04" })).toEqual({
      "Takes effect": "2025-05-04",
    });
  });
});

describe("temporary stop notice (ss.171E–171F, LURA 2023 s.116)", () => {
  it("lasts 28 days when first displayed before 25 April 2024", () => {
    expect(due({ kind: "temporary_stop_notice", displayedOn: "2024-04-24" })).toEqual({ Expires: "2024-05-21" });
  });
  it("lasts 56 days when first displayed on 25 April 2024", () => {
    expect(due({ kind: "temporary_stop_notice", displayedOn: "2024-04-25" })).toEqual({ Expires: "2024-06-19" });
  });
  it("lasts 56 days after that too", () => {
    expect(due({ kind: "temporary_stop_notice", displayedOn: "2025-08-20" })).toEqual({ Expires: "2025-10-14" });
  });
});

describe("breach of condition notice (s.187A)", () => {
  it("a 28-day period beginning with the day of service ends on the 28th day", () => {
    expect(
      due({
        kind: "breach_of_condition_notice",
        servedOn: "2025-03-03",
        compliancePeriod: 28,
        compliancePeriodUnit: "days",
      }),
    ).toEqual({ "Compliance due": "2025-03-30" });
  });
});

describe("dates the officer sets", () => {
  it("are listed with their label, for any kind of record", () => {
    expect(
      deadlinesFor({ kind: "planning_application", otherDeadlineOn: "2023-04-18", otherDeadlineLabel: "Decision due" }),
    ).toEqual([
      {
        key: "officer-deadline",
        label: "Decision due",
        dueOn: "2023-04-18",
        rule: "a date set by the officer",
        source: "Set by the officer",
      },
    ]);
  });
});

describe("calendar helpers", () => {
  it("adding a month to the 31st lands on the last day of a shorter month", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
  });
  it("counts working days, leaving out weekends and bank holidays", () => {
    // Fri 22 Aug 2025 to Fri 29 Aug 2025: Mon 25 Aug is the summer bank holiday.
    expect(workingDaysBetween("2025-08-22", "2025-08-29")).toBe(4);
    expect(workingDaysBetween("2025-08-29", "2025-08-29")).toBe(0);
  });
  it.each([
    [{ day: "19", month: "8", year: "2025" }, { value: "2025-08-19" }],
    [{ day: "", month: "", year: "" }, { value: null }],
    [{ day: "19", month: "", year: "2025" }, { error: "Date served must include a month" }],
    [{ day: "", month: "", year: "2025" }, { error: "Date served must include a day and month" }],
    [{ day: "31", month: "2", year: "2025" }, { error: "Date served must be a real date, like 19 8 2025" }],
    [{ day: "1", month: "1", year: "25" }, { error: "Date served must be a real date, like 19 8 2025" }],
  ])("reads the GOV.UK date input %o", (parts, expected) => {
    expect(parseDateParts(parts, "Date served")).toEqual(expected);
  });
});
