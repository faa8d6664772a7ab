// The site page's time limits (app/lib/immunity.ts) on the seeded Bell Hotel, whose periods of use
// are May 2020 to March 2021, October 2022 to April 2024 and from April 2025 (db/seed/sites.ts, all
// month-precise): when the use could become immune from enforcement, and the stop-notice four
// years for the site today and beside each stop notice; for officers and viewers alike, never for
// another council.
import { eq } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, daysBetween, todayInLondon } from "~/lib/dates";
import { fourYearLimbSentence, lengthInWords, NOT_LEGAL_ADVICE } from "~/lib/immunity";
import { PlanningRecordCard } from "~/routes/c.$slug.sites.$reference._index/planning-record-card";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { TimeLimitWarningText } from "~/routes/c.$slug.sites.$reference._index/time-limit-warning";
import type { TenantScope } from "~/server/access/tenancy.server";
import { createPlanningRecord } from "~/server/council/sites/planning.server";
import { createUsePeriod } from "~/server/council/sites/use-periods.server";
import { getDb } from "~db/client";
import { type Council, councils } from "~db/schema";
import { seedDemo } from "~db/seed/demo";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  memberCookie,
  planningInput,
  scopeFor,
} from "../helpers/factories";
import { getRequest, run } from "../helpers/http";

const BELL = "EF-S-0001";
let epping: Council;
let officerCookie: string;
let viewerCookie: string;
let officer: TenantScope;
let other: CouncilWithOfficer;

beforeAll(async () => {
  await seedDemo(getDb(), "demo password 123");
  const [row] = await getDb().select().from(councils).where(eq(councils.slug, "epping-forest"));
  if (!row) throw new Error("Epping Forest was not seeded");
  epping = row;
  officerCookie = await memberCookie(epping, "officer");
  viewerCookie = await memberCookie(epping, "viewer");
  officer = await scopeFor(epping, officerCookie, "site:write");
  other = await councilWithOfficer();
});

async function sitePage(slug: string, reference: string, cookie: string) {
  return run(() =>
    siteLoader({
      request: getRequest(`/c/${slug}/sites/${reference}`, cookie),
      params: { slug, reference },
      context: {},
    }),
  );
}

type SitePage = Awaited<ReturnType<typeof siteLoader>>;

async function bellAs(cookie: string): Promise<SitePage> {
  const outcome = await sitePage("epping-forest", BELL, cookie);
  expect(outcome.status).toBe(200);
  return outcome.body as SitePage;
}

/** Days of use up to and including `on`, worked out by hand from the seeded months. */
function bellDaysOfUse(on: string) {
  const first = 335; // 1 May 2020 to 31 March 2021
  const second = 578; // 1 October 2022 to 30 April 2024
  return first + second + daysBetween("2025-04-01", on) + 1;
}

const IMMUNITY =
  "The current period of use began in April 2025 (the day is not recorded, so it is counted from 1 April 2025, the earliest it could have begun). If it continues without a break, the use could become immune from enforcement from 1 April 2035. A break in the use restarts the count.";

describe("the Bell Hotel's time limits on the site page", () => {
  it("shows an officer when the current use could become immune, from which periods, and why not four years", async () => {
    const page = await bellAs(officerCookie);
    const immunity = page.timeLimits.find((warning) => warning.title === "Immunity from enforcement (s.171B(3))");
    expect(immunity?.summary).toBe(IMMUNITY);
    expect(immunity?.details).toEqual([
      "Earlier use is not counted, because a break followed it: May 2020 to March 2021 and October 2022 to April 2024.",
      fourYearLimbSentence("england"),
      NOT_LEGAL_ADVICE,
    ]);
  });

  it("says a stop notice served today could not prohibit the use: more than four years in all, from the periods", async () => {
    const today = todayInLondon();
    const days = bellDaysOfUse(today);
    // Over four years in all since the end of September 2026 (the test was written in December 2026).
    expect(days).toBeGreaterThan(daysBetween(addDays(today, -1461), today));
    const page = await bellAs(officerCookie);
    const stopNotice = page.timeLimits.find((warning) => warning.title === "Stop notices (s.183(5))");
    expect(stopNotice?.summary).toBe(
      `A stop notice served today could not prohibit this use: it has been carried on for more than four years in total (${lengthInWords(addDays(today, 1 - days), today)}, from the periods below).`,
    );
    expect(stopNotice?.details.at(-1)).toBe(NOT_LEGAL_ADVICE);

    if (!stopNotice) throw new Error("no stop-notice warning");
    const html = renderToStaticMarkup(createElement(TimeLimitWarningText, { warning: stopNotice }));
    expect(html).toContain('<div class="govuk-warning-text');
    expect(html).toContain(
      '<span class="govuk-visually-hidden">Warning</span>Stop notices (s.183(5)): A stop notice served today',
    );
  });

  it("shows the same warnings to a viewer", async () => {
    const forOfficer = await bellAs(officerCookie);
    const forViewer = await bellAs(viewerCookie);
    expect(forViewer.timeLimits).toEqual(forOfficer.timeLimits);
    expect(forViewer.timeLimits).toHaveLength(2);
  });

  it("beside each stop notice, reads the four years to the day it was served", async () => {
    // Test records, not demo facts: no stop notice was served on the Bell Hotel.
    await createPlanningRecord(
      officer,
      BELL,
      planningInput({ kind: "stop_notice", reference: "TEST/SN/1", servedOn: "2025-09-01" }),
    );
    await createPlanningRecord(
      officer,
      BELL,
      planningInput({ kind: "stop_notice", reference: "TEST/SN/2", servedOn: "2026-11-02" }),
    );
    await createPlanningRecord(officer, BELL, planningInput({ kind: "stop_notice", reference: "TEST/SN/3" }));
    const page = await bellAs(viewerCookie);
    const byReference = (reference: string) => page.planningRecords.find((record) => record.reference === reference);

    // By 1 September 2025 the use came to under four years in all, but it had first begun more
    // than four years before, with breaks: the page asks for a check rather than choosing.
    const early = byReference("TEST/SN/1");
    expect(early?.timeLimitWarning?.summary).toBe(
      `This notice may not be able to prohibit the use: when this notice was served, on 1 September 2025, the use had first been carried on more than four years before (from May 2020), with breaks (${lengthInWords(addDays("2025-09-01", 1 - bellDaysOfUse("2025-09-01")), "2025-09-01")} in total).`,
    );
    // By 2 November 2026, 1,494 days in all: more than four years.
    expect(bellDaysOfUse("2026-11-02")).toBe(1494);
    const late = byReference("TEST/SN/2");
    expect(late?.timeLimitWarning?.summary).toBe(
      "This notice could not prohibit the use: when this notice was served, on 2 November 2026, it had been carried on for more than four years in total (4 years, 1 month and 2 days, from the site's periods of use).",
    );
    // No served date: nothing to count to.
    expect(byReference("TEST/SN/3")?.timeLimitWarning).toBeNull();
    // The application is not a stop notice.
    expect(byReference("EPF/0337/23")?.timeLimitWarning).toBeNull();

    if (!late) throw new Error("no stop notice TEST/SN/2");
    const card = renderToStaticMarkup(
      createElement(PlanningRecordCard, {
        planningRecord: late,
        base: `/c/epping-forest/sites/${BELL}`,
        canEdit: false,
      }),
    );
    expect(card).toContain("Stop notices (s.183(5)): This notice could not prohibit the use");
  });

  it("is a 404 to another council's members, at either council's address", async () => {
    expect((await sitePage("epping-forest", BELL, other.cookie)).status).toBe(404);
    expect((await sitePage(other.council.slug, BELL, other.cookie)).status).toBe(404);
  });
});

describe("a Welsh council's site", () => {
  it("gives the same ten years for the same periods, with the Welsh reason for not using four", async () => {
    const wales = await councilWithOfficer({ nation: "wales", gssCode: null });
    const reference = await addSite(wales.scope, { name: "Welsh Test Hotel" });
    await createUsePeriod(wales.scope, reference, {
      startsOn: "2025-04-01",
      startsOnPrecision: "month",
      endsOn: null,
      description: null,
      source: null,
    });
    const outcome = await sitePage(wales.council.slug, reference, wales.cookie);
    const page = outcome.body as SitePage;
    const immunity = page.timeLimits.find((warning) => warning.title === "Immunity from enforcement (s.171B(3))");
    expect(immunity?.summary).toBe(IMMUNITY);
    expect(immunity?.details).toEqual([fourYearLimbSentence("wales"), NOT_LEGAL_ADVICE]);
    // Under four years of use: no stop-notice warning for the site.
    expect(page.timeLimits).toHaveLength(1);
  });
});
