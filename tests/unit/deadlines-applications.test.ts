// The clocks of planning applications and certificates of lawfulness, at their boundaries: the
// period for a decision (DMPO 2015 art. 34(2): 8, 13 or 16 weeks beginning with the day after
// validation; art. 39(12): 8 weeks beginning with the day of receipt), an agreed extension, and the
// applicant's appeal window (s.78; art. 37(2): 6 months, 12 weeks for a householder application,
// 28 days where an enforcement notice was served on the same land).
import { describe, expect, it } from "vitest";
import { clocksFor, type DeadlineContext, type DeadlineInput, deadlinesFor } from "~/lib/deadlines";

const england: DeadlineContext = { nation: "england" };

const byKey = (input: DeadlineInput, context: DeadlineContext = england) =>
  Object.fromEntries(deadlinesFor(input, context).map((deadline) => [deadline.key, deadline]));

const application = (values: Partial<DeadlineInput> = {}): DeadlineInput => ({
  id: "app",
  kind: "planning_application",
  receivedOn: "2025-01-02",
  validatedOn: "2025-01-06",
  ...values,
});

describe("the period for a decision (DMPO 2015 art. 34(2))", () => {
  it.each([
    ["not_major", "2025-03-03", "8 weeks"],
    ["householder", "2025-03-03", "8 weeks"],
    ["major", "2025-04-07", "13 weeks"],
    ["eia", "2025-04-28", "16 weeks"],
  ] as const)("a %s application validated on Monday 6 January 2025 is due on %s (%s)", (category, date, weeks) => {
    const deadline = byKey(application({ applicationCategory: category }))["determination-due"];
    expect(deadline).toMatchObject({ label: "Decision due", dueOn: date, noLongerDue: null });
    expect(deadline?.rule).toMatch(new RegExp(`^${weeks} beginning with the day after the application was validated`));
    expect(deadline?.source).toBe(
      "Town and Country Planning (Development Management Procedure) (England) Order 2015 art. 34(2)",
    );
  });

  it("counts from the day after validation: validated a day later, due a day later", () => {
    expect(
      byKey(application({ validatedOn: "2025-01-05", applicationCategory: "not_major" }))["determination-due"]?.dueOn,
    ).toBe("2025-03-02");
    expect(
      byKey(application({ validatedOn: "2025-01-07", applicationCategory: "not_major" }))["determination-due"]?.dueOn,
    ).toBe("2025-03-04");
  });

  it("an extension agreed in writing replaces the date, and says so", () => {
    const deadline = byKey(application({ applicationCategory: "major", extendedTo: "2025-06-30" }))[
      "determination-due"
    ];
    expect(deadline).toMatchObject({ label: "Decision due (extended)", dueOn: "2025-06-30" });
    expect(deadline?.rule).toBe(
      "an extended period agreed in writing with the applicant, in place of the 13-week date (7 April 2025)",
    );
  });

  it("with the category not recorded: the 8-week date, naming the 13- and 16-week dates", () => {
    const deadline = byKey(application())["determination-due"];
    expect(deadline?.dueOn).toBe("2025-03-03");
    expect(deadline?.rule).toContain(
      "The application's category is not recorded: for major development the period is 13 weeks (to 7 April 2025), and 16 weeks for EIA development (to 28 April 2025)",
    );
  });

  it("is counted only from an exact day", () => {
    const monthOnly = application({ validatedOn: "2025-01-01", validatedOnPrecision: "month" });
    expect(deadlinesFor(monthOnly, england)).toEqual([]);
    expect(clocksFor(monthOnly, england).notes[0]?.text).toBe(
      "No deadline: the date validated is known only to the month (January 2025); deadlines are counted from an exact day.",
    );
  });

  it("a decided application keeps its date as history", () => {
    expect(byKey(application({ decision: "granted", decidedOn: "2025-02-20" }))["determination-due"]?.noLongerDue).toBe(
      "granted on 20 February 2025",
    );
  });
});

describe("the applicant's appeal after a refusal (s.78; art. 37(2))", () => {
  const refused = (values: Partial<DeadlineInput> = {}) =>
    application({ applicationCategory: "not_major", decision: "refused", decidedOn: "2025-03-03", ...values });

  it("6 months from the date of the decision notice", () => {
    expect(byKey(refused())["appeal-by"]).toMatchObject({ dueOn: "2025-09-03", noLongerDue: null });
    expect(byKey(refused())["appeal-by"]?.source).toBe(
      "Town and Country Planning Act 1990 s.78; Town and Country Planning (Development Management Procedure) (England) Order 2015 art. 37(2)",
    );
  });
  it("12 weeks for a householder application", () => {
    expect(byKey(refused({ applicationCategory: "householder" }))["appeal-by"]?.dueOn).toBe("2025-05-26");
  });
  it("the category not recorded: 6 months, naming the householder date", () => {
    expect(byKey(refused({ applicationCategory: null }))["appeal-by"]?.rule).toBe(
      "6 months from the date of the decision notice (the category is not recorded: for a householder application it would be 12 weeks, to 26 May 2025)",
    );
  });

  const notice = (servedOn: string): DeadlineInput => ({
    id: "en",
    kind: "enforcement_notice",
    reference: "EN/1",
    servedOn,
  });
  it.each([
    ["the day before the decision", "2025-03-02", "2025-03-31"],
    ["the day of the decision", "2025-03-03", "2025-03-31"],
    ["the day after the decision", "2025-03-04", "2025-09-03"],
  ])("28 days when an enforcement notice of the site was served on or before the decision: served %s", (_when, servedOn, dueOn) => {
    const record = refused();
    expect(byKey(record, { nation: "england", siteRecords: [record, notice(servedOn)] })["appeal-by"]?.dueOn).toBe(
      dueOn,
    );
  });
  it("28 days for a householder application too, when a notice was served", () => {
    const record = refused({ applicationCategory: "householder" });
    const appeal = byKey(record, { nation: "england", siteRecords: [record, notice("2025-01-10")] })["appeal-by"];
    expect(appeal?.dueOn).toBe("2025-03-31");
    expect(appeal?.rule).toContain(
      "because enforcement notice EN/1 was served on 10 January 2025, before the decision",
    );
  });
  it("a notice served on a day not known exactly is not counted", () => {
    const record = refused();
    const vague = { ...notice("2025-01-01"), servedOnPrecision: "month" as const };
    expect(byKey(record, { nation: "england", siteRecords: [record, vague] })["appeal-by"]?.dueOn).toBe("2025-09-03");
  });
});

describe("the applicant's appeal when no decision is made", () => {
  it("6 months from the end of the period for the decision", () => {
    expect(byKey(application({ applicationCategory: "major" }))["appeal-by"]).toMatchObject({
      label: "Applicant's appeal (no decision) must be made by",
      dueOn: "2025-10-07",
    });
  });
  it("from the end of an agreed extension", () => {
    expect(byKey(application({ applicationCategory: "major", extendedTo: "2025-06-30" }))["appeal-by"]?.dueOn).toBe(
      "2025-12-30",
    );
  });
  it("28 days from the end of the period when an enforcement notice was served before it ended", () => {
    const record = application({ applicationCategory: "not_major" });
    const notice: DeadlineInput = { id: "en", kind: "enforcement_notice", servedOn: "2025-02-01" };
    expect(byKey(record, { nation: "england", siteRecords: [record, notice] })["appeal-by"]?.dueOn).toBe("2025-03-31");
  });
  it("none when the application was withdrawn before the period ended", () => {
    expect(byKey(application({ withdrawnOn: "2025-02-01" }))["appeal-by"]).toBeUndefined();
  });
});

describe("EPF/0337/23, the Bell Hotel's application (facts.md §1d)", () => {
  // Submitted 14 February 2023, validated 21 February 2023, never determined, withdrawn 21 March
  // 2024; its category is not in the sources.
  const epf: DeadlineInput = {
    kind: "planning_application",
    reference: "EPF/0337/23",
    receivedOn: "2023-02-14",
    validatedOn: "2023-02-21",
    withdrawnOn: "2024-03-21",
  };
  it("its decision was due 18 April 2023 if not major (23 May 2023 if major), now history", () => {
    const deadline = byKey(epf)["determination-due"];
    expect(deadline).toMatchObject({
      dueOn: "2023-04-18",
      noLongerDue: "the application was withdrawn on 21 March 2024",
    });
    expect(deadline?.rule).toContain("for major development the period is 13 weeks (to 23 May 2023)");
  });
  it("the window to appeal for want of a decision ran to 18 October 2023, also history", () => {
    expect(byKey(epf)["appeal-by"]).toMatchObject({
      dueOn: "2023-10-18",
      noLongerDue: "the application was withdrawn on 21 March 2024",
    });
    expect(byKey(epf)["appeal-by"]?.rule).toContain("for major development it would end on 23 November 2023");
  });
});

describe("Wales", () => {
  it("computes no application clocks, and says why", () => {
    const clocks = clocksFor(application({ applicationCategory: "major" }), { nation: "wales" });
    expect(clocks.deadlines).toEqual([]);
    expect(clocks.notes[0]?.text).toMatch(/^No deadline: in Wales the periods for a decision and for an appeal/);
  });
});

describe("certificate of lawfulness (DMPO 2015 art. 39(12))", () => {
  const certificate = (values: Partial<DeadlineInput> = {}): DeadlineInput => ({
    kind: "lawful_development_certificate",
    validatedOn: "2025-01-06",
    ...values,
  });
  it("the decision is due within 8 weeks beginning with the day of receipt: the 55th day after it", () => {
    expect(byKey(certificate())["determination-due"]).toMatchObject({
      dueOn: "2025-03-02",
      source: "Town and Country Planning (Development Management Procedure) (England) Order 2015 art. 39(12)",
    });
  });
  it("an extension agreed in writing replaces it", () => {
    expect(byKey(certificate({ extendedTo: "2025-04-01" }))["determination-due"]?.dueOn).toBe("2025-04-01");
  });
  it("computes no appeal deadline after a refusal, and says so", () => {
    const clocks = clocksFor(certificate({ decision: "certificate_refused", decidedOn: "2025-02-20" }), england);
    expect(clocks.deadlines.map((deadline) => deadline.key)).toEqual(["determination-due"]);
    expect(clocks.notes[0]?.text).toContain("we have not confirmed a time limit to cite");
  });
});
