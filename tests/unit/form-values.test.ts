// A stored record becomes a form's starting values.
import { describe, expect, it } from "vitest";
import { formValuesOf } from "~/lib/form-values";

describe("formValuesOf", () => {
  it("turns dates into day, month and year, ticks true, joins lists, and leaves out empties and the version", () => {
    expect(
      formValuesOf(
        {
          servedOn: "2025-09-01",
          appealed: true,
          hidden: false,
          listed: ["delay", "harm evidence"],
          rooms: 40,
          note: null,
          version: 3,
        },
        ["servedOn"],
      ),
    ).toEqual({
      servedOn: { day: "1", month: "9", year: "2025" },
      appealed: "on",
      listed: "delay\nharm evidence",
      rooms: "40",
    });
  });
});
