// Dates as precise as their sources (README, Decision 47): stored at their sorting point, shown and
// exported only as precisely as known, and compared as what they may mean.
import { describe, expect, it } from "vitest";
import { partialDateToParts } from "~/lib/form-values";
import {
  endsBeforeStart,
  exportedPartialDate,
  formatPartialDate,
  formatPartialDateStart,
  isDayPrecise,
  storedDate,
} from "~/lib/partial-date";
import { govukPartialDate } from "~/lib/schemas/common";
import { usePeriodSchema } from "~/lib/schemas/use-period";

describe("a partial date", () => {
  it("is stored at the start of what is known, early, mid and late month at the 1st, 11th and 21st", () => {
    expect(storedDate("2021-03-17", "month")).toBe("2021-03-01");
    expect(storedDate("2021-03-17", "year")).toBe("2021-01-01");
    expect(storedDate("2025-11-03", "late_month")).toBe("2025-11-21");
    expect(storedDate("2025-11-03", "mid_month")).toBe("2025-11-11");
    expect(storedDate("2025-11-26", "about_day")).toBe("2025-11-26");
  });

  it("is shown as written and exported as ISO 8601 as far as known, EDTF ~ for about a day", () => {
    const cases = [
      ["2025-08-19", "day", "19 August 2025", "2025-08-19"],
      ["2025-11-26", "about_day", "about 26 November 2025", "2025-11-26~"],
      ["2025-11-21", "late_month", "late November 2025", "2025-11"],
      ["2025-09-01", "early_month", "early September 2025", "2025-09"],
      ["2021-03-01", "month", "March 2021", "2021-03"],
      ["2021-01-01", "year", "2021", "2021"],
    ] as const;
    for (const [iso, precision, words, exported] of cases) {
      expect(formatPartialDate(iso, precision)).toBe(words);
      expect(exportedPartialDate(iso, precision)).toBe(exported);
    }
    expect(formatPartialDateStart("2025-11-21", "late_month")).toBe("Late November 2025");
    expect(isDayPrecise("day")).toBe(true);
    expect(isDayPrecise("about_day")).toBe(false);
  });

  it("refuses an end only when even its latest day is before the start's earliest", () => {
    const march = { on: "2021-03-01", precision: "month" } as const;
    expect(endsBeforeStart({ on: "2021-03-05", precision: "day" }, march)).toBe(false);
    expect(endsBeforeStart(march, { on: "2021-02-28", precision: "day" })).toBe(true);
    expect(endsBeforeStart(march, { on: "2021-02-01", precision: "month" })).toBe(true);
    expect(endsBeforeStart({ on: "2021-03-25", precision: "day" }, { on: "2021-03-11", precision: "mid_month" })).toBe(
      true,
    );
    expect(endsBeforeStart({ on: "2021-06-01", precision: "day" }, { on: "2021-01-01", precision: "year" })).toBe(
      false,
    );
  });

  it("comes back to its form without an invented day", () => {
    expect(partialDateToParts("2021-03-01", "month")).toEqual({ month: "3", year: "2021", precision: "month" });
    expect(partialDateToParts("2021-01-01", "year")).toEqual({ year: "2021", precision: "year" });
    expect(partialDateToParts("2025-11-26", "about_day")).toEqual({
      day: "26",
      month: "11",
      year: "2025",
      precision: "about_day",
    });
  });
});

describe("the form's partial date", () => {
  const field = govukPartialDate("The start date", { required: "Enter the date the use began" });

  it("takes a month without a day, ignoring a day typed anyway, and a year without a month", () => {
    expect(field.parse({ month: "3", year: "2021", precision: "month" })).toEqual({
      on: "2021-03-01",
      precision: "month",
    });
    expect(field.parse({ day: "17", month: "3", year: "2021", precision: "month" })).toEqual({
      on: "2021-03-01",
      precision: "month",
    });
    expect(field.parse({ year: "2021", precision: "year" })).toEqual({ on: "2021-01-01", precision: "year" });
    expect(field.parse({ day: "19", month: "8", year: "2025" })).toEqual({ on: "2025-08-19", precision: "day" });
  });

  it("says what is wrong in plain English", () => {
    const message = (value: unknown) => field.safeParse(value).error?.issues[0]?.message;
    expect(message({ month: "3", year: "2021", precision: "day" })).toBe("The start date must include a day");
    expect(message({ month: "13", year: "2021", precision: "month" })).toBe(
      "The start date must be a real date, like 19 8 2025",
    );
    expect(message({ precision: "month" })).toBe("Enter the date the use began");
    expect(message({ year: "2021", precision: "fortnight" })).toBe("Choose how exact the start date is");
  });

  it("refuses a day-precise end before a month-precise start", () => {
    const result = usePeriodSchema.safeParse({
      startsOn: { month: "3", year: "2021", precision: "month" },
      endsOn: { day: "28", month: "2", year: "2021", precision: "day" },
    });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["endsOn"],
      message: "The end date must be the same as or after the start date",
    });
  });
});
