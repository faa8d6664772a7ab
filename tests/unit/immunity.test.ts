// The two time limits read from periods of use (app/lib/immunity.ts): immunity after ten years of
// continuous use (TCPA 1990 s.171B(3)) and a stop notice's four years (s.183(5)), at their edges.
import { describe, expect, it } from "vitest";
import {
  fourYearLimbSentence,
  immunityFromEnforcement,
  immunityWarning,
  lengthInWords,
  NOT_LEGAL_ADVICE,
  stopNoticeWarning,
  useCarriedOnBefore,
  useRuns,
} from "~/lib/immunity";
import type { DatePrecision } from "~/lib/partial-date";

function period(
  startsOn: string,
  endsOn: string | null,
  precision: { start?: DatePrecision; end?: DatePrecision } = {},
) {
  return { startsOn, startsOnPrecision: precision.start ?? "day", endsOn, endsOnPrecision: precision.end ?? "day" };
}

const month = { start: "month", end: "month" } as const;

describe("immunity from enforcement (s.171B(3))", () => {
  it("arrives on the tenth anniversary of the first day: ten years beginning with 1 October 2022 end on 30 September 2032", () => {
    const periods = [period("2022-10-01", null)];
    const dayBefore = immunityFromEnforcement(periods, "2032-09-30");
    expect(dayBefore).toMatchObject({
      countedFrom: "2022-10-01",
      immuneFrom: "2032-10-01",
      ongoing: true,
      reached: false,
    });
    expect(immunityFromEnforcement(periods, "2032-10-01")).toMatchObject({ immuneFrom: "2032-10-01", reached: true });

    const warning = immunityWarning(periods, { nation: "england", today: "2026-12-03" });
    expect(warning?.title).toBe("Immunity from enforcement (s.171B(3))");
    expect(warning?.summary).toBe(
      "The current period of use began on 1 October 2022. If it continues without a break, the use could become immune from enforcement from 1 October 2032. A break in the use restarts the count.",
    );
    expect(warning?.details.at(-1)).toBe(NOT_LEGAL_ADVICE);
    expect(immunityWarning(periods, { nation: "england", today: "2032-10-01" })?.summary).toBe(
      "The current period of use began on 1 October 2022 and has continued for ten years without a recorded break: the use could have been immune from enforcement since 1 October 2032.",
    );
  });

  it("counts a start on 29 February to 28 February, the earlier reading", () => {
    expect(immunityFromEnforcement([period("2024-02-29", null)], "2026-01-01")?.immuneFrom).toBe("2034-02-28");
  });

  it("joins a period ending on one day to one beginning the next; a one-day gap restarts the count", () => {
    const continuous = [period("2012-01-01", "2020-06-30"), period("2020-07-01", null)];
    const joined = immunityFromEnforcement(continuous, "2026-12-03");
    expect(joined).toMatchObject({ countedFrom: "2012-01-01", immuneFrom: "2022-01-01", reached: true });
    expect(joined?.run.assumedContinuous).toEqual([]);
    expect(joined?.earlierRuns).toEqual([]);

    const gap = [period("2012-01-01", "2020-06-30"), period("2020-07-02", null)];
    const restarted = immunityFromEnforcement(gap, "2026-12-03");
    expect(restarted).toMatchObject({ countedFrom: "2020-07-02", immuneFrom: "2030-07-02", reached: false });
    const warning = immunityWarning(gap, { nation: "england", today: "2026-12-03" });
    expect(warning?.details).toContain(
      "Earlier use is not counted, because a break followed it: 1 January 2012 to 30 June 2020.",
    );
  });

  it("counts a month-precise start from the first of the month, and says so", () => {
    const periods = [period("2022-10-01", null, month)];
    expect(immunityFromEnforcement(periods, "2026-12-03")).toMatchObject({
      countedFrom: "2022-10-01",
      immuneFrom: "2032-10-01",
    });
    expect(immunityWarning(periods, { nation: "england", today: "2026-12-03" })?.summary).toBe(
      "The current period of use began in October 2022 (the day is not recorded, so it is counted from 1 October 2022, the earliest it could have begun). If it continues without a break, the use could become immune from enforcement from 1 October 2032. A break in the use restarts the count.",
    );
    // Mid-month is the 11th to the 20th: counted from the 11th.
    expect(
      immunityFromEnforcement([period("2022-10-11", null, { start: "mid_month" })], "2026-12-03")?.immuneFrom,
    ).toBe("2032-10-11");
  });

  it("treats 'ended March 2021, began April 2021' as possibly continuous and says so; 'began May 2021' is a break", () => {
    const adjacent = [period("2020-05-01", "2021-03-01", month), period("2021-04-01", null, month)];
    const joined = immunityFromEnforcement(adjacent, "2026-12-03");
    expect(joined).toMatchObject({ countedFrom: "2020-05-01", immuneFrom: "2030-05-01" });
    expect(joined?.run.periods).toBe(2);
    expect(joined?.run.assumedContinuous).toHaveLength(1);
    const warning = immunityWarning(adjacent, { nation: "england", today: "2026-12-03" });
    expect(warning?.summary).toMatch(
      /^The current continuous use \(2 periods with no break between them\) began in May 2020/,
    );
    expect(warning?.details).toContain(
      "The period that ended March 2021 and the one that began April 2021 are counted as continuous: their days are not recorded, so there may have been no break between them.",
    );

    const broken = [period("2020-05-01", "2021-03-01", month), period("2021-05-01", null, month)];
    expect(immunityFromEnforcement(broken, "2026-12-03")?.countedFrom).toBe("2021-05-01");
  });

  it("gives the same answer in England and Wales for a change of use; only the reason for not using four years differs", () => {
    const periods = [period("2022-10-01", null, month)];
    const england = immunityWarning(periods, { nation: "england", today: "2026-12-03" });
    const wales = immunityWarning(periods, { nation: "wales", today: "2026-12-03" });
    expect(wales?.summary).toBe(england?.summary);
    expect(england?.details).toContain(fourYearLimbSentence("england"));
    expect(wales?.details).toContain(fourYearLimbSentence("wales"));
    expect(fourYearLimbSentence("england")).toContain(
      "in England only where those were completed or made before 25 April 2024",
    );
    expect(fourYearLimbSentence("wales")).not.toContain("25 April 2024");
  });

  it("says the count stopped when the latest period has ended, counting a month-precise end to its last day", () => {
    const periods = [period("2022-10-01", "2024-04-01", month)];
    const immunity = immunityFromEnforcement(periods, "2026-12-03");
    expect(immunity).toMatchObject({ ongoing: false, reached: false });
    expect(immunity?.run.to).toBe("2024-04-30");
    expect(immunityWarning(periods, { nation: "wales", today: "2026-12-03" })?.summary).toBe(
      "The latest period of use began in October 2022 (the day is not recorded, so it is counted from 1 October 2022, the earliest it could have begun) and ended in April 2024 (counted to 30 April 2024, the latest it could have ended), so the count stopped then, after 1 year and 7 months. If the use starts again, the count starts again.",
    );
  });

  it("says the use could have become immune when it lasted the ten years before it ended, to the last day of them", () => {
    const lastDay = [period("2010-03-15", "2020-03-14")];
    expect(immunityFromEnforcement(lastDay, "2026-12-03")).toMatchObject({ immuneFrom: "2020-03-15", reached: true });
    expect(immunityWarning(lastDay, { nation: "wales", today: "2026-12-03" })?.summary).toBe(
      "The latest period of use began on 15 March 2010 and ended on 14 March 2020, after ten years without a recorded break: the use could have become immune from enforcement from 15 March 2020.",
    );
    // A day short of the ten years.
    expect(immunityFromEnforcement([period("2010-03-15", "2020-03-13")], "2026-12-03")?.reached).toBe(false);
  });

  it("counts an approximate day as that day, and a year-precise start from 1 January, saying which", () => {
    const about = immunityWarning([period("2025-11-26", null, { start: "about_day" })], {
      nation: "england",
      today: "2026-12-03",
    });
    expect(about?.summary).toMatch(
      /^The current period of use began on about 26 November 2025 \(the day is approximate; counted from that day\)\. If it continues without a break, the use could become immune from enforcement from 26 November 2035\./,
    );
    const year = immunityWarning([period("2022-01-01", null, { start: "year" })], {
      nation: "england",
      today: "2026-12-03",
    });
    expect(year?.summary).toMatch(
      /^The current period of use began in 2022 \(the day is not recorded, so it is counted from 1 January 2022, the earliest it could have begun\)/,
    );
  });

  it("leaves out periods recorded to begin after today, and shows nothing with no periods", () => {
    const periods = [period("2024-01-01", "2024-12-31"), period("2027-01-01", null, month)];
    const warning = immunityWarning(periods, { nation: "england", today: "2026-12-03" });
    expect(warning?.summary).toMatch(/^The latest period of use began on 1 January 2024 and ended on 31 December 2024/);
    expect(warning?.details).toContain("Not counted yet: a period recorded to begin after today (January 2027).");
    expect(immunityWarning([], { nation: "england", today: "2026-12-03" })).toBeNull();
    expect(immunityWarning([period("2027-01-01", null)], { nation: "england", today: "2026-12-03" })).toBeNull();
  });
});

describe("the use carried on before a stop notice (s.183(5))", () => {
  // 1 January 2019 to 31 December 2020 is 731 days (2020 was a leap year); 2022–2023 is 730:
  // 1,461 in all, exactly the four years ending with 30 June 2024 (1 July 2020 to 30 June 2024).
  const exactlyFour = [period("2019-01-01", "2020-12-31"), period("2022-01-01", "2023-12-31")];
  const justOver = [period("2019-01-01", "2020-12-31"), period("2022-01-01", "2024-01-01")];

  it("adds the periods, gaps left out: four years exactly is not more than four years; one day more is", () => {
    expect(useCarriedOnBefore(exactlyFour, "2024-06-30")).toMatchObject({
      totalDays: 1461,
      totalInWords: "4 years",
      moreThanFourYears: false,
      firstBeganMoreThanFourYearsBefore: true,
    });
    expect(useCarriedOnBefore(justOver, "2024-06-30")).toMatchObject({
      totalDays: 1462,
      totalInWords: "4 years and 1 day",
      moreThanFourYears: true,
    });
  });

  it("warns when the total is more than four years, and otherwise asks for a check when the use began more than four years before", () => {
    expect(stopNoticeWarning(justOver, { today: "2026-12-03", servedOn: "2024-06-30" })?.summary).toBe(
      "This notice could not prohibit the use: when this notice was served, on 30 June 2024, it had been carried on for more than four years in total (4 years and 1 day, from the site's periods of use).",
    );
    const check = stopNoticeWarning(exactlyFour, { today: "2026-12-03", servedOn: "2024-06-30" });
    expect(check?.summary).toBe(
      "This notice may not be able to prohibit the use: when this notice was served, on 30 June 2024, the use had first been carried on more than four years before (from 1 January 2019), with breaks (4 years in total).",
    );
    expect(check?.details[0]).toMatch(/whether continuously or not/);
    // Within the last four years, in all and from its start: nothing to say.
    expect(
      stopNoticeWarning([period("2021-01-01", "2023-12-31")], { today: "2026-12-03", servedOn: "2024-06-30" }),
    ).toBeNull();
  });

  it("counts an ongoing period to the day asked about, that day included", () => {
    const ongoing = [period("2021-01-01", null)];
    expect(useCarriedOnBefore(ongoing, "2024-12-31")).toMatchObject({ totalDays: 1461, moreThanFourYears: false });
    expect(useCarriedOnBefore(ongoing, "2025-01-01")).toMatchObject({ totalDays: 1462, moreThanFourYears: true });
    expect(stopNoticeWarning(ongoing, { today: "2025-01-01", servedOn: null })?.summary).toBe(
      "A stop notice served today could not prohibit this use: it has been carried on for more than four years in total (4 years and 1 day, from the periods below).",
    );
  });

  it("counts overlapping periods once and month-precise ends to their last day, leaving out what came after the day", () => {
    const overlapping = [period("2020-01-01", "2020-12-31"), period("2020-06-01", "2021-03-01", { end: "month" })];
    // 1 January 2020 to 31 March 2021: 456 days, once.
    expect(useCarriedOnBefore(overlapping, "2026-12-03").totalDays).toBe(456);
    expect(useCarriedOnBefore(overlapping, "2020-01-10").totalDays).toBe(10);
    expect(useCarriedOnBefore([period("2027-01-01", null)], "2026-12-03")).toMatchObject({
      totalDays: 0,
      totalInWords: "0 days",
      firstBegan: null,
    });
  });
});

describe("periods as continuous runs", () => {
  it("keeps a day-precise end and the next day's start as one run, with nothing assumed", () => {
    const runs = useRuns([period("2021-01-01", "2021-03-31"), period("2021-04-01", "2021-06-30")], "2026-12-03");
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ from: "2021-01-01", to: "2021-06-30", periods: 2, assumedContinuous: [] });
  });

  it("says lengths in years, months and days, both ends counted", () => {
    expect(lengthInWords("2022-10-01", "2024-04-30")).toBe("1 year and 7 months");
    expect(lengthInWords("2020-01-01", "2020-01-01")).toBe("1 day");
    expect(lengthInWords("2020-05-01", "2024-07-03")).toBe("4 years, 2 months and 3 days");
  });
});
