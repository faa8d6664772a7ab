// Each statutory rule of the notices, worked through with real dates at its boundaries (the
// citations in app/lib/deadlines.ts are the specification). Planning applications and certificates
// are in deadlines-applications.test.ts.
import { describe, expect, it } from "vitest";
import { addMonths, parseDateParts, workingDaysBetween } from "~/lib/dates";
import { clocksFor, type DeadlineContext, type DeadlineInput, deadlinesFor } from "~/lib/deadlines";

const england: DeadlineContext = { nation: "england" };
const wales: DeadlineContext = { nation: "wales" };

/** Each deadline's label and date; history (no longer due) is marked so. */
function due(input: DeadlineInput, context: DeadlineContext = england) {
  return Object.fromEntries(
    deadlinesFor(input, context).map((deadline) => [
      deadline.label,
      deadline.noLongerDue ? `${deadline.dueOn} (no longer due)` : deadline.dueOn,
    ]),
  );
}

const notes = (input: DeadlineInput, context: DeadlineContext = england) =>
  clocksFor(input, context).notes.map((note) => note.text);

describe("planning contravention notice (s.171D)", () => {
  it("the response is due on the 21st day, counting the day of service as the first", () => {
    // West Northamptonshire served PCNs with "21 days to respond".
    expect(due({ kind: "planning_contravention_notice", servedOn: "2025-09-01" })).toEqual({
      "Response due": "2025-09-21",
    });
  });
  it("has no deadline until it is served", () => {
    expect(deadlinesFor({ kind: "planning_contravention_notice" }, england)).toEqual([]);
  });
  it("gives no deadline from a date known only to the month, and says why", () => {
    const pcn: DeadlineInput = {
      kind: "planning_contravention_notice",
      servedOn: "2021-03-01",
      servedOnPrecision: "month",
    };
    expect(deadlinesFor(pcn, england)).toEqual([]);
    expect(notes(pcn)).toEqual([
      "No deadline: the date served is known only to the month (March 2021); deadlines are counted from an exact day.",
    ]);
  });
  it("nor from a day that is only approximate, or a year", () => {
    expect(
      notes({ kind: "planning_contravention_notice", servedOn: "2025-11-26", servedOnPrecision: "about_day" }),
    ).toEqual([
      "No deadline: the date served is known only approximately (about 26 November 2025); deadlines are counted from an exact day.",
    ]);
    expect(notes({ kind: "planning_contravention_notice", servedOn: "2021-01-01", servedOnPrecision: "year" })).toEqual(
      ["No deadline: the date served is known only to the year (2021); deadlines are counted from an exact day."],
    );
  });
});

describe("enforcement notice (ss.172–175)", () => {
  const notice: DeadlineInput = {
    id: "en-1",
    kind: "enforcement_notice",
    reference: "EN/1",
    issuedOn: "2025-11-20",
    servedOn: "2025-11-21",
    effectiveOn: "2025-12-22",
    steps: [{ position: 1, steps: "Cease the use as a hostel", compliancePeriod: 3, compliancePeriodUnit: "months" }],
  };
  const withAppeal = (appeal: Partial<DeadlineInput>): DeadlineContext => ({
    nation: "england",
    siteRecords: [
      notice,
      { id: "ea-1", kind: "enforcement_appeal", reference: "APP/1", enforcementNoticeId: "en-1", ...appeal },
    ],
  });

  it("copies must be served within 28 days of issue", () => {
    expect(due({ kind: "enforcement_notice", issuedOn: "2025-11-20" })).toEqual({ "Serve copies by": "2025-12-18" });
  });
  it("an appeal must come before the effective date; compliance runs from it", () => {
    expect(due(notice)).toEqual({
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
        steps: [{ position: 1, steps: null, compliancePeriod: 28, compliancePeriodUnit: "days" }],
      })["Compliance due"],
    ).toBe("2025-03-01");
  });
  it("several steps each have their own period and deadline (s.173(9))", () => {
    const deadlines = deadlinesFor(
      {
        ...notice,
        steps: [
          { position: 1, steps: "Cease the use as a hostel", compliancePeriod: 3, compliancePeriodUnit: "months" },
          { position: 2, steps: "Remove the security fencing", compliancePeriod: 28, compliancePeriodUnit: "days" },
        ],
      },
      england,
    );
    expect(deadlines.filter((deadline) => deadline.key.startsWith("compliance-due"))).toEqual([
      expect.objectContaining({ key: "compliance-due-2", label: "Compliance due (step 2)", dueOn: "2026-01-19" }),
      expect.objectContaining({ key: "compliance-due", label: "Compliance due (step 1)", dueOn: "2026-03-22" }),
    ]);
    expect(deadlines.find((deadline) => deadline.key === "compliance-due-2")?.rule).toContain(
      '"Remove the security fencing": the period for compliance (28 days)',
    );
  });
  it("an appeal pending suspends the notice: no appeal deadline, no compliance date, and it says so", () => {
    const context = withAppeal({ lodgedOn: "2025-12-01" });
    expect(due(notice, context)).toEqual({
      "Would have taken effect (suspended by the appeal)": "2025-12-22 (no longer due)",
    });
    expect(notes(notice, context)[0]).toContain(
      "Suspended by the appeal (enforcement appeal APP/1, lodged 1 December 2025)",
    );
  });
  it("an appeal dismissed: the notice takes effect that day, and compliance restarts from it", () => {
    expect(due(notice, withAppeal({ lodgedOn: "2025-12-01", decision: "dismissed", decidedOn: "2026-06-10" }))).toEqual(
      {
        "Takes effect (after the appeal)": "2026-06-10",
        "Compliance due": "2026-09-10",
      },
    );
  });
  it("an appeal dismissed with the notice varied counts the same way", () => {
    expect(due(notice, withAppeal({ decision: "varied", decidedOn: "2026-06-10" }))["Compliance due"]).toBe(
      "2026-09-10",
    );
  });
  it("an appeal withdrawn after the effective date: the notice takes effect on the day of withdrawal", () => {
    expect(due(notice, withAppeal({ lodgedOn: "2025-12-01", withdrawnOn: "2026-02-02" }))).toEqual({
      "Takes effect (after the appeal)": "2026-02-02",
      "Compliance due": "2026-05-02",
    });
  });
  it("an appeal withdrawn before the effective date: the notice takes effect on its own date", () => {
    expect(due(notice, withAppeal({ lodgedOn: "2025-12-01", withdrawnOn: "2025-12-10" }))).toEqual({
      "Takes effect": "2025-12-22",
      "Compliance due": "2026-03-22",
    });
  });
  it("an appeal allowed quashes the notice: nothing is due", () => {
    const context = withAppeal({ decision: "allowed", decidedOn: "2026-06-10" });
    expect(due(notice, context)).toEqual({ "Would have taken effect": "2025-12-22 (no longer due)" });
    expect(deadlinesFor(notice, context)[0]?.noLongerDue).toBe(
      "the appeal APP/1 was allowed on 10 June 2026, so the notice does not take effect",
    );
  });
  it("one appeal decided and another pending: still suspended", () => {
    const context: DeadlineContext = {
      nation: "england",
      siteRecords: [
        notice,
        {
          id: "a",
          kind: "enforcement_appeal",
          enforcementNoticeId: "en-1",
          decision: "dismissed",
          decidedOn: "2026-06-10",
        },
        { id: "b", kind: "enforcement_appeal", enforcementNoticeId: "en-1", lodgedOn: "2025-12-02" },
      ],
    };
    expect(Object.keys(due(notice, context))).toEqual(["Would have taken effect (suspended by the appeal)"]);
  });
  it("an appeal decided on a day known only to the month: no deadline, and why", () => {
    const context = withAppeal({ decision: "dismissed", decidedOn: "2026-06-01", decidedOnPrecision: "month" });
    expect(Object.keys(due(notice, context))).toEqual([]);
    expect(notes(notice, context)[0]).toContain("ended on a day not known exactly (June 2026)");
  });
  it("a notice withdrawn keeps its dates as history", () => {
    expect(due({ ...notice, withdrawnOn: "2025-12-01" })).toEqual({
      "Appeal must be lodged by": "2025-12-21 (no longer due)",
      "Would have taken effect": "2025-12-22 (no longer due)",
    });
  });
});

describe("stop notice (ss.183–184)", () => {
  const notice: DeadlineInput = {
    id: "en-1",
    kind: "enforcement_notice",
    reference: "EN/1",
    issuedOn: "2025-11-20",
    servedOn: "2025-11-21",
    effectiveOn: "2025-12-22",
    steps: [
      { position: 1, steps: "Cease the use", compliancePeriod: 3, compliancePeriodUnit: "months" },
      { position: 2, steps: "Remove the fencing", compliancePeriod: 28, compliancePeriodUnit: "days" },
    ],
  };
  const stop: DeadlineInput = {
    id: "sn-1",
    kind: "stop_notice",
    reference: "SN/1",
    enforcementNoticeId: "en-1",
    servedOn: "2025-11-25",
    effectiveOn: "2025-11-28",
  };
  const site = (...records: DeadlineInput[]): DeadlineContext => ({ nation: "england", siteRecords: records });

  it("takes effect on its date, and ceases when the notice's last period for compliance ends (s.184(4)(b))", () => {
    expect(due(stop, site(notice, stop))).toEqual({
      "Takes effect": "2025-11-28",
      "Ceases to have effect": "2026-03-22",
    });
  });
  it("one not yet served must be served before its enforcement notice takes effect (s.183(3))", () => {
    const unserved = { ...stop, servedOn: null, effectiveOn: null };
    expect(due(unserved, site(notice, unserved))).toEqual({ "Serve before": "2025-12-21" });
  });
  it("stays in force while the enforcement notice is appealed", () => {
    const appeal: DeadlineInput = { id: "ea", kind: "enforcement_appeal", enforcementNoticeId: "en-1" };
    expect(notes(stop, site(notice, stop, appeal))[0]).toMatch(
      /^Stays in force while the appeal against enforcement notice EN\/1 is pending/,
    );
  });
  it("ceases when the enforcement notice is withdrawn or quashed", () => {
    expect(notes(stop, site({ ...notice, withdrawnOn: "2026-01-05" }, stop))).toEqual([
      "Ceased to have effect on 5 January 2026: enforcement notice EN/1 was withdrawn (Town and Country Planning Act 1990 s.184(4)(a)).",
    ]);
    const allowed: DeadlineInput = {
      id: "ea",
      kind: "enforcement_appeal",
      enforcementNoticeId: "en-1",
      decision: "allowed",
      decidedOn: "2026-05-01",
    };
    expect(notes(stop, site(notice, stop, allowed))[0]).toContain("Ceased to have effect on 1 May 2026");
  });
  it("says when none is linked, once served", () => {
    expect(notes({ ...stop, enforcementNoticeId: null })[0]).toMatch(/^No enforcement notice is linked/);
  });
});

describe("temporary stop notice (s.171E(7); LURA 2023 s.116)", () => {
  const tsn = (issuedOn: string, displayedOn = issuedOn): DeadlineInput => ({
    kind: "temporary_stop_notice",
    issuedOn,
    displayedOn,
  });
  it.each([
    ["2024-04-24", "2024-05-21", "28 days"],
    ["2024-04-25", "2024-06-19", "56 days"],
    ["2024-04-26", "2024-06-20", "56 days"],
  ])("in England, issued and displayed on %s, expires on %s (%s, day of display counted)", (issued, expires) => {
    expect(due(tsn(issued))).toEqual({ Expires: expires });
  });
  it("the issue date decides the period, the display date starts it", () => {
    expect(due(tsn("2024-04-24", "2024-04-26"))).toEqual({ Expires: "2024-05-23" });
    expect(deadlinesFor(tsn("2024-04-24", "2024-04-26"), england)[0]?.source).toBe(
      "Town and Country Planning Act 1990 s.171E(7)(a), before its amendment by the Levelling-up and Regeneration Act 2023 s.116",
    );
    expect(deadlinesFor(tsn("2024-04-25"), england)[0]?.source).toBe(
      "Town and Country Planning Act 1990 s.171E(7)(a), as amended by the Levelling-up and Regeneration Act 2023 s.116",
    );
  });
  it.each([
    ["2024-04-24", "2024-05-21"],
    ["2024-04-25", "2024-05-22"],
    ["2024-04-26", "2024-05-23"],
  ])("in Wales, issued on %s, lasts 28 days: expires on %s", (issued, expires) => {
    expect(due(tsn(issued), wales)).toEqual({ Expires: expires });
  });
  it("a shorter period the notice states (s.171E(7)(b))", () => {
    expect(due({ ...tsn("2025-08-20"), statedPeriod: 14, statedPeriodUnit: "days" })).toEqual({
      Expires: "2025-09-02",
    });
  });
  it("withdrawal ends it (s.171E(7)(c))", () => {
    expect(due({ ...tsn("2025-08-20"), withdrawnOn: "2025-09-01" })).toEqual({ Expires: "2025-10-14 (no longer due)" });
  });
  it("with no issue date, one displayed before 25 April 2024 was issued before it too", () => {
    expect(due({ kind: "temporary_stop_notice", displayedOn: "2024-04-24" })).toEqual({ Expires: "2024-05-21" });
  });
  it("with no issue date, one displayed from 25 April 2024 in England gives no date, and says why", () => {
    const undated: DeadlineInput = { kind: "temporary_stop_notice", displayedOn: "2025-08-20" };
    expect(due(undated)).toEqual({});
    expect(notes(undated)[0]).toMatch(/^No expiry date: the date the notice was issued is not recorded/);
  });
  it("an issue month on one side of 25 April 2024 decides it; April 2024 does not", () => {
    expect(due({ ...tsn("2024-03-01", "2024-05-01"), issuedOnPrecision: "month" })).toEqual({ Expires: "2024-05-28" });
    expect(due({ ...tsn("2024-05-01", "2024-05-01"), issuedOnPrecision: "month" })).toEqual({ Expires: "2024-06-25" });
    const april = { ...tsn("2024-04-01", "2024-05-01"), issuedOnPrecision: "month" as const };
    expect(due(april)).toEqual({});
    expect(notes(april)[0]).toContain("issued in April 2024");
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

describe("enforcement warning notice (s.172ZA)", () => {
  const warning: DeadlineInput = {
    kind: "enforcement_warning_notice",
    issuedOn: "2025-06-02",
    statedPeriod: 28,
    statedPeriodUnit: "days",
  };
  it("invites an application within the period it states, from the day it was issued", () => {
    expect(due(warning)).toEqual({ "Application invited by": "2025-06-30" });
  });
  it("gives nothing in Wales, and says why", () => {
    expect(due(warning, wales)).toEqual({});
    expect(notes(warning, wales)[0]).toMatch(/apply in England only/);
  });
});

describe("dates the officer sets", () => {
  it("are listed with their label, for any kind of record", () => {
    expect(
      deadlinesFor(
        { kind: "planning_appeal", otherDeadlineOn: "2023-04-18", otherDeadlineLabel: "Statement due" },
        england,
      ),
    ).toEqual([
      {
        key: "officer-deadline",
        label: "Statement due",
        dueOn: "2023-04-18",
        rule: "a date set by the officer",
        source: "Set by the officer",
        noLongerDue: null,
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
