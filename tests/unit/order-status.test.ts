// An order's status in words, and which statuses leave its deadline live.
import { describe, expect, it } from "vitest";
import { orderStatuses } from "~/lib/legal-codes";
import { changedByName, isOrderLive, orderStatusWords } from "~/lib/order-status";

const courtOfAppeal = {
  court: "court_of_appeal_civil" as const,
  courtOther: null,
  neutralCitation: "[2025] EWCA Civ 1134",
  claimNumber: "CA-2025-001",
};

describe("an order's status in words", () => {
  it("says what happened, when, and which court did it, by its citation", () => {
    expect(orderStatusWords({ status: "set_aside", statusOn: "2025-08-29" }, courtOfAppeal)).toBe(
      "Set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134",
    );
    expect(orderStatusWords({ status: "expired", statusOn: "2025-10-01" })).toBe("Expired on 1 October 2025");
    expect(orderStatusWords({ status: "in_force", statusOn: "2025-09-05" })).toBe(
      "In force again from 5 September 2025",
    );
  });

  it("says nothing of an order in force as made", () => {
    expect(orderStatusWords({ status: "in_force", statusOn: null })).toBeNull();
  });

  it("names a court without a citation by its claim number, and another court by its own name", () => {
    expect(changedByName({ ...courtOfAppeal, court: "high_court_kb", neutralCitation: null })).toBe(
      "the High Court (claim CA-2025-001)",
    );
    expect(
      changedByName({ court: "other", courtOther: "Upper Tribunal", neutralCitation: null, claimNumber: null }),
    ).toBe("the Upper Tribunal");
  });

  it("leaves only an order in force or varied live", () => {
    expect(orderStatuses.filter(isOrderLive)).toEqual(["in_force", "varied"]);
  });
});
