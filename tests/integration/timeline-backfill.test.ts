// Records that predate the stored timeline get their events once, when the database is migrated.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "~db/client";
import { timelineEvents } from "~db/schema";
import { writeMissingTimelines } from "~db/timeline-backfill";
import { createCouncil, insertPlanningRecord, insertSite, insertUsePeriod } from "../helpers/factories";

describe("writing missing timelines", () => {
  it("writes the events of a council's older records once, and leaves councils with a timeline alone", async () => {
    const council = await createCouncil({ referencePrefix: "BF" });
    const site = await insertSite(council, { reference: "BF-S-0001", name: "Old Hotel", contractor: "unknown" });
    await insertUsePeriod(council, site.id, { startsOn: "2023-01-01" });
    await insertPlanningRecord(council, site.id, {
      kind: "planning_contravention_notice",
      reference: "PCN/OLD",
      servedOn: "2023-03-01",
    });
    expect(await writeMissingTimelines(getDb())).toBeGreaterThanOrEqual(1);
    const events = await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, council.id));
    expect(events.map((event) => `${event.occurredOn} ${event.title}`).sort()).toEqual([
      "2023-01-01 Use as asylum accommodation began",
      "2023-03-01 Planning contravention notice (PCN) PCN/OLD served",
      "2023-03-21 Planning contravention notice (PCN) PCN/OLD: response due",
    ]);
    expect(events.every((event) => event.recordPath?.startsWith("sites/BF-S-0001"))).toBe(true);
    expect(await writeMissingTimelines(getDb())).toBe(0);
  });
});
