// A site on a date: the Epping appeal chain day by day, periods of use, enforcement records'
// dates, and the map's date in the address.
import { describe, expect, it } from "vitest";
import { onDateFrom } from "~/lib/schemas/on-date";
import {
  enforcementOn,
  LEGAL_ON_DATE_LABELS,
  type LegalCaseDates,
  legalOn,
  legalStatesOnDate,
  type PlanningRecordDates,
  type ProceedingDates,
  siteStateOn,
  type UsePeriodDates,
  useOn,
} from "~/lib/site-on-date";

const bellPeriods: UsePeriodDates[] = [
  { startsOn: "2020-05-01", endsOn: "2021-03-01" },
  { startsOn: "2022-10-01", endsOn: "2024-04-01" },
  { startsOn: "2025-04-01", endsOn: null },
];

function proceeding(
  values: Partial<ProceedingDates> & Pick<ProceedingDates, "id" | "court" | "kind">,
): ProceedingDates {
  return {
    parentId: null,
    relation: null,
    reliefs: [],
    neutralCitation: null,
    issuedOn: null,
    heardOn: null,
    decidedOn: null,
    judgmentPublishedOn: null,
    outcome: null,
    ...values,
  };
}

/** The Epping case as the demo seeds it (db/seed/legal.ts). */
const eppingCase: LegalCaseDates = {
  reference: "EF-L-0001",
  status: "concluded",
  decidedToLitigateOn: "2025-08-05",
  recordedOn: "2026-01-10",
  lastChangedOn: "2026-01-10",
  proceedings: [
    proceeding({
      id: "interim",
      court: "high_court_kb",
      kind: "interim_injunction_application",
      neutralCitation: "[2025] EWHC 2183 (KB)",
      reliefs: [
        { kind: "interim_injunction", outcome: "granted" },
        { kind: "interim_declaration", outcome: "refused" },
      ],
      issuedOn: "2025-08-11",
      heardOn: "2025-08-15",
      decidedOn: "2025-08-19",
      outcome: "granted",
    }),
    proceeding({
      id: "appeal",
      parentId: "interim",
      relation: "appeal_from",
      court: "court_of_appeal_civil",
      kind: "appeal",
      neutralCitation: "[2025] EWCA Civ 1134",
      heardOn: "2025-08-28",
      decidedOn: "2025-08-29",
      judgmentPublishedOn: "2025-09-01",
      outcome: "allowed",
    }),
    proceeding({
      id: "permission",
      parentId: "appeal",
      relation: "permission_application_about",
      court: "supreme_court",
      kind: "permission_to_appeal",
      judgmentPublishedOn: "2025-12-01",
      outcome: "permission_refused",
    }),
    proceeding({
      id: "trial",
      court: "high_court_kb",
      kind: "trial_final_injunction",
      neutralCitation: "[2025] EWHC 2937 (KB)",
      reliefs: [
        { kind: "final_injunction", outcome: "refused" },
        { kind: "declaration", outcome: "refused" },
      ],
      decidedOn: "2025-11-11",
      outcome: "dismissed",
    }),
  ],
};

const bellHotel = {
  nation: "england" as const,
  usePeriods: bellPeriods,
  planningRecords: [],
  legalCases: [eppingCase],
};

describe("the Bell Hotel on a date", () => {
  it("18 August 2025: in use, proceedings issued and not yet decided", () => {
    const state = siteStateOn("2025-08-18", bellHotel);
    expect(state).toMatchObject({
      use: "in_use",
      legal: "proceedings_issued",
      legalLabel: "Proceedings issued",
      legalCaseReference: "EF-L-0001",
      hasOpenLegalCase: true,
    });
    expect(state.legalExplanation).toBe(
      "Application for an interim injunction issued in the High Court on 11 August 2025",
    );
  });

  it("19 August 2025: in use, with the interim injunction in force", () => {
    const state = siteStateOn("2025-08-19", bellHotel);
    expect(state).toMatchObject({
      use: "in_use",
      useLabel: "In use as asylum accommodation",
      useExplanation: "In use from 1 April 2025, with no end recorded",
      legal: "interim_injunction_in_force",
      legalLabel: "Interim injunction in force",
      legalExplanation: "Interim injunction granted 19 August 2025, [2025] EWHC 2183 (KB)",
      legalSince: "2025-08-19",
    });
  });

  it("28 August 2025: still in force while the appeal is heard, and says an appeal is pending", () => {
    const state = siteStateOn("2025-08-28", bellHotel);
    expect(state.legal).toBe("interim_injunction_in_force");
    expect(state.legalExplanation).toBe(
      "Interim injunction granted 19 August 2025, [2025] EWHC 2183 (KB); an appeal to the Court of Appeal is pending",
    );
  });

  it("2 September 2025: the injunction set aside by the Court of Appeal on 29 August", () => {
    const state = siteStateOn("2025-09-02", bellHotel);
    expect(state).toMatchObject({
      use: "in_use",
      legal: "injunction_set_aside",
      legalLabel: "Injunction set aside on appeal",
      legalSince: "2025-08-29",
      hasOpenLegalCase: true,
    });
    expect(state.legalExplanation).toBe(
      "Set aside by the Court of Appeal on 29 August 2025, [2025] EWCA Civ 1134 (interim injunction granted 19 August 2025, [2025] EWHC 2183 (KB))",
    );
  });

  it("12 November 2025: the final injunction refused at trial", () => {
    const state = siteStateOn("2025-11-12", bellHotel);
    expect(state).toMatchObject({
      legal: "final_injunction_refused",
      legalLabel: "Final injunction refused",
      legalExplanation: "Final injunction refused 11 November 2025, [2025] EWHC 2937 (KB)",
      hasOpenLegalCase: true,
    });
  });

  it("after the Supreme Court refused permission (published 1 December 2025) the case is closed, the refusal still shown", () => {
    const state = siteStateOn("2025-12-02", bellHotel);
    expect(state.legal).toBe("final_injunction_refused");
    expect(state.hasOpenLegalCase).toBe(false);
  });

  it("1 March 2025: not in use, between its periods of use, and no court action yet", () => {
    const state = siteStateOn("2025-03-01", bellHotel);
    expect(state).toMatchObject({
      use: "not_in_use",
      useWhen: "between",
      useLabel: "Not in use: between periods of use",
      useExplanation: "Last period of use ended 1 April 2024; the next began 1 April 2025",
      legal: "none",
      legalLabel: "No court action",
      legalExplanation: null,
      hasOpenLegalCase: false,
    });
  });

  it("5 August 2025: the council has decided to go to court but issued nothing", () => {
    expect(siteStateOn("2025-08-05", bellHotel)).toMatchObject({
      legal: "action_decided",
      legalExplanation: "Decision to go to court taken 5 August 2025",
      hasOpenLegalCase: true,
    });
  });
});

describe("periods of use", () => {
  it("counts both ends of a period as in use", () => {
    expect(useOn("2020-05-01", bellPeriods).use).toBe("in_use");
    expect(useOn("2021-03-01", bellPeriods).use).toBe("in_use");
    expect(useOn("2021-03-02", bellPeriods)).toMatchObject({ use: "not_in_use", useWhen: "between" });
  });

  it("says whether a site not in use was before its first period or after its last", () => {
    expect(useOn("2019-12-31", bellPeriods)).toMatchObject({
      use: "not_in_use",
      useWhen: "before_first",
      useLabel: "Not yet in use as asylum accommodation",
      useExplanation: "First period of use began 1 May 2020",
    });
    expect(useOn("2024-06-01", [{ startsOn: "2022-10-01", endsOn: "2024-04-01" }])).toMatchObject({
      use: "not_in_use",
      useWhen: "after_last",
      useLabel: "No longer in use as asylum accommodation",
      useExplanation: "Last period of use ended 1 April 2024",
    });
  });

  it("is unknown when no period of use is recorded", () => {
    expect(useOn("2025-08-19", [])).toMatchObject({ use: "unknown", useLabel: "No periods of use recorded" });
  });
});

function record(values: Partial<PlanningRecordDates> & Pick<PlanningRecordDates, "kind">): PlanningRecordDates {
  return {
    reference: null,
    status: "open",
    receivedOn: null,
    issuedOn: null,
    servedOn: null,
    displayedOn: null,
    lodgedOn: null,
    startedOn: null,
    decidedOn: null,
    withdrawnOn: null,
    recordedOn: "2025-12-01",
    lastChangedOn: "2026-01-01",
    ...values,
  };
}

describe("enforcement on a date", () => {
  const notice = record({
    kind: "enforcement_notice",
    reference: "EN/1",
    issuedOn: "2025-05-01",
    servedOn: "2025-05-03",
  });

  it("is open from its first date, and names the record", () => {
    expect(enforcementOn("2025-04-30", [notice], "england").enforcement).toBe("none");
    expect(enforcementOn("2025-05-01", [notice], "england")).toMatchObject({
      enforcement: "open",
      enforcementLabel: "Open enforcement",
      enforcementExplanation: "Enforcement notice EN/1, issued 1 May 2025",
    });
  });

  it("ignores planning applications and drafts", () => {
    const records = [
      record({ kind: "planning_application", receivedOn: "2023-02-14" }),
      record({ kind: "planning_contravention_notice", status: "draft", servedOn: "2025-01-01" }),
    ];
    expect(enforcementOn("2025-06-01", records, "england")).toMatchObject({
      enforcement: "none",
      enforcementExplanation: null,
    });
  });

  it("counts a record with none of its dates from the day it was recorded", () => {
    const undated = record({ kind: "stop_notice", reference: "SN/1", recordedOn: "2025-12-01" });
    expect(enforcementOn("2025-11-30", [undated], "england").enforcement).toBe("none");
    expect(enforcementOn("2025-12-01", [undated], "england")).toMatchObject({
      enforcement: "open",
      enforcementExplanation: "Stop notice SN/1, recorded 1 December 2025",
    });
  });

  it("closes an appeal on the day it is decided", () => {
    const appeal = record({ kind: "enforcement_appeal", lodgedOn: "2025-06-01", decidedOn: "2025-09-01" });
    expect(enforcementOn("2025-08-31", [appeal], "england").enforcement).toBe("open");
    expect(enforcementOn("2025-09-01", [appeal], "england").enforcement).toBe("none");
  });

  it("closes a closed record with no closing date on the day it was last changed", () => {
    const complied = { ...notice, status: "complied" as const, lastChangedOn: "2025-10-01" };
    expect(enforcementOn("2025-09-30", [complied], "england").enforcement).toBe("open");
    expect(enforcementOn("2025-10-01", [complied], "england").enforcement).toBe("none");
  });

  it("ends a temporary stop notice when its 56 days run out, whatever its status says", () => {
    const tsn = record({ kind: "temporary_stop_notice", issuedOn: "2025-01-01", displayedOn: "2025-01-01" });
    expect(enforcementOn("2025-02-25", [tsn], "england").enforcement).toBe("open");
    expect(enforcementOn("2025-02-26", [tsn], "england").enforcement).toBe("none");
  });

  it("ends a Welsh council's temporary stop notice after 28 days", () => {
    const tsn = record({ kind: "temporary_stop_notice", issuedOn: "2025-01-01", displayedOn: "2025-01-01" });
    expect(enforcementOn("2025-01-28", [tsn], "wales").enforcement).toBe("open");
    expect(enforcementOn("2025-01-29", [tsn], "wales").enforcement).toBe("none");
  });
});

describe("court action on a date", () => {
  const base = (proceedings: ProceedingDates[], status: LegalCaseDates["status"] = "issued"): LegalCaseDates => ({
    reference: "XX-L-0001",
    status,
    decidedToLitigateOn: null,
    recordedOn: "2024-01-01",
    lastChangedOn: "2026-01-01",
    proceedings,
  });
  const interim = (outcome: ProceedingDates["outcome"]) =>
    proceeding({
      id: "interim",
      court: "high_court_kb",
      kind: "interim_injunction_application",
      issuedOn: "2025-01-02",
      decidedOn: "2025-01-10",
      outcome,
    });

  it("restores an injunction whose setting aside was itself reversed by the Supreme Court", () => {
    const chain = [
      interim("granted"),
      proceeding({
        id: "ca",
        parentId: "interim",
        relation: "appeal_from",
        court: "court_of_appeal_civil",
        kind: "appeal",
        decidedOn: "2025-03-01",
        outcome: "allowed",
      }),
      proceeding({
        id: "uksc",
        parentId: "ca",
        relation: "appeal_from",
        court: "supreme_court",
        kind: "appeal",
        decidedOn: "2025-09-01",
        outcome: "allowed",
      }),
    ];
    expect(legalOn("2025-04-01", [base(chain)]).legal).toBe("injunction_set_aside");
    expect(legalOn("2025-09-01", [base(chain)]).legal).toBe("interim_injunction_in_force");
  });

  it("grants on appeal what the High Court refused", () => {
    const chain = [
      interim("refused"),
      proceeding({
        id: "ca",
        parentId: "interim",
        relation: "appeal_from",
        court: "court_of_appeal_civil",
        kind: "appeal",
        neutralCitation: "[2025] EWCA Civ 1",
        decidedOn: "2025-02-01",
        outcome: "allowed",
      }),
    ];
    expect(legalOn("2025-01-20", [base(chain)]).legal).toBe("interim_injunction_refused");
    expect(legalOn("2025-02-01", [base(chain)])).toMatchObject({
      legal: "interim_injunction_in_force",
      legalExplanation:
        "Injunction granted on appeal by the Court of Appeal on 1 February 2025, [2025] EWCA Civ 1 (interim injunction refused 10 January 2025)",
    });
  });

  it("a dismissed appeal leaves the injunction in force", () => {
    const chain = [
      interim("granted"),
      proceeding({
        id: "ca",
        parentId: "interim",
        relation: "appeal_from",
        court: "court_of_appeal_civil",
        kind: "appeal",
        decidedOn: "2025-02-01",
        outcome: "dismissed",
      }),
    ];
    expect(legalOn("2025-03-01", [base(chain)]).legal).toBe("interim_injunction_in_force");
  });

  it("a final injunction granted at trial", () => {
    const trial = proceeding({
      id: "trial",
      court: "high_court_kb",
      kind: "trial_final_injunction",
      decidedOn: "2025-06-01",
      outcome: "granted",
    });
    expect(legalOn("2025-06-01", [base([interim("granted"), trial])]).legal).toBe("final_injunction_granted");
  });

  it("reads which injunction was decided, and how, from the proceeding's reliefs, each with its own outcome", () => {
    const withReliefs = (reliefs: ProceedingDates["reliefs"], outcome: ProceedingDates["outcome"] = "granted") =>
      base([{ ...interim(outcome), reliefs }]);
    // An interim injunction granted and an interim declaration refused: the injunction is in force.
    expect(
      legalOn("2025-01-10", [
        withReliefs([
          { kind: "interim_declaration", outcome: "refused" },
          { kind: "interim_injunction", outcome: "granted" },
        ]),
      ]),
    ).toMatchObject({
      legal: "interim_injunction_in_force",
      legalExplanation: "Interim injunction granted 10 January 2025",
    });
    // Only a declaration sought: no injunction was decided, whatever the proceeding's outcome.
    expect(legalOn("2025-01-10", [withReliefs([{ kind: "declaration", outcome: "granted" }])])).toMatchObject({
      legal: "proceedings_issued",
      legalExplanation: "Application for an interim injunction in the High Court: granted 10 January 2025",
    });
    // The injunction not decided yet (an adjourned hearing that granted something else): not in force.
    expect(
      legalOn("2025-01-10", [withReliefs([{ kind: "interim_injunction", outcome: null }], "adjourned")]).legal,
    ).toBe("proceedings_issued");
    // A final injunction sought at an interim hearing and refused there: the final refusal is what shows.
    expect(
      legalOn("2025-01-10", [withReliefs([{ kind: "final_injunction", outcome: "refused" }], "dismissed")]),
    ).toMatchObject({
      legal: "final_injunction_refused",
      legalExplanation: "Final injunction refused 10 January 2025",
    });
  });

  it("a concluded case with no injunction decision is concluded from its last decision", () => {
    const struckOut = proceeding({
      id: "claim",
      court: "county_court",
      kind: "interim_injunction_application",
      issuedOn: "2024-01-01",
      decidedOn: "2024-03-01",
      outcome: "struck_out",
    });
    expect(legalOn("2024-02-01", [base([struckOut], "concluded")])).toMatchObject({
      legal: "proceedings_issued",
      hasOpenLegalCase: true,
    });
    expect(legalOn("2024-03-01", [base([struckOut], "concluded")])).toMatchObject({
      legal: "concluded",
      legalLabel: "Court action concluded",
      hasOpenLegalCase: false,
    });
  });

  it("with two cases, an injunction in force outranks a later case that has only been issued", () => {
    const later = {
      ...base([
        proceeding({ id: "jr", court: "administrative_court", kind: "judicial_review", issuedOn: "2025-05-01" }),
      ]),
      reference: "XX-L-0002",
    };
    expect(legalOn("2025-06-01", [base([interim("granted")]), later])).toMatchObject({
      legal: "interim_injunction_in_force",
      legalCaseReference: "XX-L-0001",
    });
  });

  it("a case with no dated step is open from the day it was opened, until it concluded", () => {
    const considering = { ...base([]), status: "under_consideration" as const, recordedOn: "2025-03-01" };
    expect(legalOn("2025-02-28", [considering])).toMatchObject({ legal: "none", hasOpenLegalCase: false });
    expect(legalOn("2025-03-01", [considering])).toMatchObject({ legal: "none", hasOpenLegalCase: true });
    const dropped = { ...considering, status: "concluded" as const, lastChangedOn: "2025-05-01" };
    expect(legalOn("2025-04-30", [dropped]).hasOpenLegalCase).toBe(true);
    expect(legalOn("2025-05-01", [dropped]).hasOpenLegalCase).toBe(false);
  });

  it("labels every state in words", () => {
    for (const state of legalStatesOnDate) expect(LEGAL_ON_DATE_LABELS[state]).toMatch(/^[A-Z]/);
  });
});

describe("the date in the address", () => {
  it("reads an ISO date, and no date as today", () => {
    expect(onDateFrom(new URLSearchParams("on=2025-08-19"))).toEqual({ ok: true, on: "2025-08-19" });
    expect(onDateFrom(new URLSearchParams(""))).toEqual({ ok: true, on: null });
    expect(onDateFrom(new URLSearchParams("on="))).toEqual({ ok: true, on: null });
  });

  it.each(["2025-02-30", "19/08/2025", "2025-8-19", "yesterday"])("refuses %s with a clear message", (value) => {
    expect(onDateFrom(new URLSearchParams({ on: value }))).toEqual({
      ok: false,
      value,
      message: "Enter a real date, for example 2025-08-19",
    });
  });
});
