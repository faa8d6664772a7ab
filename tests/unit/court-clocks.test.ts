// Court clocks: which time limit a decision starts and its last day, at the boundaries of each rule
// (21 days, six weeks, 28 days), and none from a decision not known to the day.
import { describe, expect, it } from "vitest";
import { type ClockProceeding, courtClocksOf } from "~/lib/court-clocks";
import type { LegalBasis } from "~/lib/legal-codes";

function proceeding(values: Partial<ClockProceeding> & Pick<ClockProceeding, "court" | "kind">): ClockProceeding {
  return {
    id: "p",
    parentId: null,
    relation: null,
    outcome: "dismissed",
    decidedOn: "2025-11-11",
    decidedOnPrecision: "day",
    ...values,
  };
}

const trial = proceeding({ id: "trial", court: "high_court_kb", kind: "trial_final_injunction" });
const clocks = (
  of: ClockProceeding,
  parent: ClockProceeding | null = null,
  legalBasis: LegalBasis = "s187b_injunction",
) => courtClocksOf(of, { parent, legalBasis });

describe("an appellant's notice (CPR 52.12(2)(b))", () => {
  it("is due 21 days after a High Court decision: decided 11 November 2025, due 2 December 2025", () => {
    expect(clocks(trial)).toEqual([
      {
        clock: "appellants_notice",
        proceedingId: "trial",
        label: "Appellant's notice due",
        rule: "21 days after the date of the decision of the lower court, unless that court directed another period",
        source: "CPR 52.12(2)(b)",
        from: "2025-11-11",
        dueOn: "2025-12-02",
        noDate: null,
        caution: null,
      },
    ]);
  });

  it("counts across a month's end and a leap day", () => {
    expect(clocks({ ...trial, decidedOn: "2025-01-31" })[0]?.dueOn).toBe("2025-02-21");
    expect(clocks({ ...trial, decidedOn: "2024-02-08" })[0]?.dueOn).toBe("2024-02-29");
    expect(clocks({ ...trial, decidedOn: "2025-02-08" })[0]?.dueOn).toBe("2025-03-01");
  });

  it("keeps a last day that falls on a weekend or bank holiday, and says CPR 2.8(5) may allow the next open day", () => {
    const saturday = clocks({ ...trial, decidedOn: "2025-11-08" })[0];
    expect(saturday?.dueOn).toBe("2025-11-29");
    expect(saturday?.caution).toBe(
      "29 November 2025 is not a working day: when the court office is closed on the last day, CPR 2.8(5) lets the step be taken on the next day it is open.",
    );
    expect(clocks({ ...trial, decidedOn: "2025-12-05" })[0]).toMatchObject({
      dueOn: "2025-12-26",
      caution: expect.stringContaining("26 December 2025 is not a working day"),
    });
  });

  it("comes from the County Court, the Planning Court and the Administrative Court too, on any deciding outcome", () => {
    for (const court of ["county_court", "planning_court", "administrative_court"] as const) {
      expect(clocks({ ...trial, court, outcome: "granted" }).map((clock) => clock.clock)).toEqual([
        "appellants_notice",
      ]);
    }
    expect(clocks({ ...trial, kind: "interim_injunction_application", outcome: "struck_out" })).toHaveLength(1);
  });

  it("is not started by a permission decision, a withdrawal, an adjournment or a proceeding not yet decided", () => {
    expect(clocks({ ...trial, kind: "judicial_review", outcome: "permission_refused" })).toEqual([]);
    expect(clocks({ ...trial, kind: "permission_to_appeal", outcome: "permission_refused" })).toEqual([]);
    expect(clocks({ ...trial, outcome: "withdrawn" })).toEqual([]);
    expect(clocks({ ...trial, outcome: "adjourned" })).toEqual([]);
    expect(clocks({ ...trial, outcome: null, decidedOn: null })).toEqual([]);
  });

  it("gives no date for a decision known only to the month or about a day, and says why", () => {
    expect(clocks({ ...trial, decidedOn: "2026-03-01", decidedOnPrecision: "month" })).toEqual([
      expect.objectContaining({
        clock: "appellants_notice",
        from: null,
        dueOn: null,
        noDate:
          "The decision is recorded as March 2026, not to the day. Enter the exact day of the decision to get the date.",
      }),
    ]);
    expect(clocks({ ...trial, decidedOn: "2025-11-26", decidedOnPrecision: "about_day" })[0]).toMatchObject({
      dueOn: null,
      noDate: expect.stringContaining("about 26 November 2025, not to the day"),
    });
  });
});

describe("challenges to a decision", () => {
  const decision = proceeding({ id: "decision", court: "other", kind: "appeal", outcome: "allowed" });

  it("a judicial review claim form (CPR 54.5(5)): six weeks after the decision challenged", () => {
    expect(clocks(decision, null, "judicial_review")).toEqual([
      expect.objectContaining({
        clock: "judicial_review_claim",
        source: "CPR 54.5(5)",
        from: "2025-11-11",
        dueOn: "2025-12-23",
      }),
    ]);
  });

  it("a s.288 application (s.288(4B)): six weeks beginning with the day after the decision", () => {
    expect(clocks({ ...decision, decidedOn: "2025-01-01" }, null, "s288_challenge")).toEqual([
      expect.objectContaining({
        clock: "statutory_challenge",
        source: "s.288(4B) Town and Country Planning Act 1990",
        dueOn: "2025-02-12",
        caution: null,
      }),
    ]);
  });

  it("only in a case that challenges a decision, and only from the decision-maker's decision", () => {
    expect(clocks(decision, null, "s187b_injunction")).toEqual([]);
    // The judicial review claim decided by the Planning Court: an appeal from that, not another claim.
    expect(
      clocks(proceeding({ court: "planning_court", kind: "judicial_review" }), null, "judicial_review").map(
        (clock) => clock.clock,
      ),
    ).toEqual(["appellants_notice"]);
  });
});

describe("an application to the Supreme Court for permission to appeal (Supreme Court Rules 2009 r.11(1))", () => {
  const appeal = proceeding({
    id: "appeal",
    court: "court_of_appeal_civil",
    kind: "appeal",
    outcome: "allowed",
    decidedOn: "2025-08-29",
  });
  const refusal = proceeding({
    id: "refusal",
    parentId: "appeal",
    relation: "permission_application_about",
    court: "court_of_appeal_civil",
    kind: "permission_to_appeal",
    outcome: "permission_refused",
    decidedOn: "2025-09-01",
    decidedOnPrecision: "early_month",
  });

  it("is due 28 days from the Court of Appeal's decision appealed, once that court has refused permission", () => {
    expect(clocks(refusal, appeal)).toEqual([
      expect.objectContaining({
        clock: "supreme_court_permission",
        proceedingId: "refusal",
        from: "2025-08-29",
        dueOn: "2025-09-26",
        caution: "The Supreme Court Rules 2024 replaced the 2009 Rules from 2 December 2024: check the current rule.",
      }),
    ]);
    const before2024Rules = clocks(refusal, { ...appeal, decidedOn: "2024-06-03" })[0];
    expect(before2024Rules).toMatchObject({ dueOn: "2024-07-01", caution: null });
    // Good Friday: the date stays, with a caution (the Supreme Court's rules are not the CPR).
    expect(clocks(refusal, { ...appeal, decidedOn: "2024-03-01" })[0]).toMatchObject({
      dueOn: "2024-03-29",
      caution: "29 March 2024 is not a working day: check whether the period runs on to the next working day.",
    });
  });

  it("gives no date when the decision appealed is not known to the day", () => {
    expect(clocks(refusal, { ...appeal, decidedOn: "2025-08-01", decidedOnPrecision: "late_month" })[0]).toMatchObject({
      dueOn: null,
      noDate:
        "The Court of Appeal's decision appealed is recorded as late August 2025, not to the day. Enter the exact day of the decision to get the date.",
    });
  });

  it("is not started by the Court of Appeal refusing permission to appeal to itself, nor by the Court of Appeal's own decision", () => {
    expect(clocks({ ...refusal, parentId: "trial" }, trial)).toEqual([]);
    expect(clocks(appeal)).toEqual([]);
    expect(clocks({ ...refusal, court: "supreme_court" }, appeal)).toEqual([]);
  });
});
