// The seeded Epping dispute as a timeline and a chronology a barrister could read: the appeal
// chain's dates in order, the order's deadline to the hour, and the protests named without people.

import { beforeAll, describe, expect, it } from "vitest";
import { eventDate } from "~/components/timeline";
import { action as chronologyCsvAction } from "~/routes/c.$slug.cases.$reference.chronology[.csv]";
import { loader as caseTimelineLoader } from "~/routes/c.$slug.cases.$reference.timeline";
import { signIn } from "~/server/access/auth.server";
import { getDb } from "~db/client";
import { seedDemo } from "~db/seed/demo";
import { formRequest, getRequest, run } from "../helpers/http";

const PASSWORD = "demo password 123";
const CASE = { slug: "epping-forest", reference: "EF-L-0001" };
let legalCookie: string;
let viewerCookie: string;

async function cookieOf(email: string) {
  const result = await signIn(formRequest("/sign-in", {}, { clientAddress: "198.51.100.9" }), email, PASSWORD);
  if (!result.ok) throw new Error(`could not sign in ${email}`);
  return result.setCookie.split(";")[0] ?? "";
}

beforeAll(async () => {
  await seedDemo(getDb(), PASSWORD);
  legalCookie = await cookieOf("legal@epping-forest.example");
  viewerCookie = await cookieOf("viewer@epping-forest.example");
});

async function timelineAs(cookie: string) {
  const outcome = await run(() =>
    caseTimelineLoader({
      request: getRequest("/c/epping-forest/cases/EF-L-0001/timeline", cookie),
      params: CASE,
      context: {},
    }),
  );
  return outcome.body as Awaited<ReturnType<typeof caseTimelineLoader>>;
}

describe("the Epping case's timeline", () => {
  it("reads as a chronology: planning history, protests, then the appeal chain in date order", async () => {
    const page = await timelineAs(legalCookie);
    expect(page.events.map((event) => `${eventDate(event)}: ${event.title}`)).toEqual([
      "May 2020: Use as asylum accommodation began",
      "March 2021: Use as asylum accommodation ended",
      "October 2022: Use as asylum accommodation began",
      "14 February 2023: Planning application EPF/0337/23 received",
      "21 February 2023: Planning application EPF/0337/23 validated",
      "18 April 2023: Planning application EPF/0337/23: decision due (no longer due: the application was withdrawn on 21 March 2024)",
      "18 October 2023: Planning application EPF/0337/23: applicant's appeal (no decision) must be made by (no longer due: the application was withdrawn on 21 March 2024)",
      "21 March 2024: Planning application EPF/0337/23 withdrawn",
      "April 2024: Use as asylum accommodation ended",
      "April 2025: Use as asylum accommodation began",
      "13 July 2025: Protests outside the hotel began",
      "5 August 2025: Decision to litigate (EF-L-0001)",
      "11 August 2025: High Court, King's Bench Division: application for an interim injunction issued",
      "15 August 2025: High Court, King's Bench Division: Interim injunction hearing before Eyre J",
      "19 August 2025: High Court, King's Bench Division (Eyre J): application for an interim injunction: granted, [2025] EWHC 2183 (KB)",
      "19 August 2025: Order made ([2025] EWHC 2183 (KB))",
      "28 August 2025: Court of Appeal, Civil Division: Appeal hearing",
      "29 August 2025: Court of Appeal, Civil Division (Bean LJ, Nicola Davies LJ, Cobb LJ): appeal: allowed, [2025] EWCA Civ 1134",
      "29 August 2025: Order set aside by the Court of Appeal [2025] EWCA Civ 1134 (the order of 19 August 2025, [2025] EWHC 2183 (KB))",
      "1 September 2025: Court of Appeal, Civil Division (Bean LJ, Nicola Davies LJ, Cobb LJ): judgment published, [2025] EWCA Civ 1134",
      "Early September 2025: Court of Appeal, Civil Division: application for permission to appeal: permission refused",
      "12 September 2025, 16:00: Deadline under the order of 19 August 2025 ([2025] EWHC 2183 (KB)): no longer due, set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134",
      "Mid October 2025: High Court, King's Bench Division (Mould J): trial (final injunction) heard",
      "11 November 2025: High Court, King's Bench Division (Mould J): trial (final injunction): dismissed, [2025] EWHC 2937 (KB)",
      "Late November 2025: The full council voted, in private, to appeal Mould J's decision",
      "About 26 November 2025: Supreme Court (Lord Reed, Lord Leggatt, Lady Simler): application for permission to appeal: permission refused",
      "1 December 2025: Supreme Court (Lord Reed, Lord Leggatt, Lady Simler): judgment published",
      "March 2026: Court of Appeal, Civil Division (Andrews LJ, Holgate LJ): application for permission to appeal heard",
      "March 2026: Court of Appeal, Civil Division (Andrews LJ, Holgate LJ): application for permission to appeal: permission refused",
    ]);
    const judgment = page.events.find(
      (event) => event.title.includes("[2025] EWCA Civ 1134") && event.fact === "decided",
    );
    expect(judgment?.sourceUrl).toBe("https://caselaw.nationalarchives.gov.uk/ewca/civ/2025/1134");
    expect(judgment?.recordPath).toMatch(/^cases\/EF-L-0001\/proceedings\/[0-9a-f-]{36}$/);
    // The application's dates follow from its own (validated 21 February 2023; its category is not
    // in the sources, so the 8-week date, with the 13-week date in the rule): history, struck through.
    const decisionDue = page.events.find((event) => event.fact === "deadline:determination-due");
    expect(decisionDue).toMatchObject({ occurredOn: "2023-04-18", noLongerDue: true });
    expect(decisionDue?.description).toContain("for major development the period is 13 weeks (to 23 May 2023)");
    // The order's deadline was never due: its date is struck through on the page.
    const deadline = page.events.find((event) => event.subjectType === "order" && event.occurredOn === "2025-09-12");
    expect(deadline?.noLongerDue).toBe(true);
    const made = page.events.find((event) => event.title === "Order made ([2025] EWHC 2183 (KB))");
    expect(made?.description).toBe(
      "Somani Hotels Limited to stop using the Bell Hotel to accommodate asylum seekers\nSet aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134.",
    );
  });

  it("records the protests as context, internal, naming no one", async () => {
    const page = await timelineAs(viewerCookie);
    const protest = page.events.find((event) => event.kind === "protest");
    expect(protest).toMatchObject({ occurredOn: "2025-07-13", visibility: "internal", privileged: false });
    const everything = JSON.stringify(page.events);
    for (const name of ["Kebatu", "Sharwarq", "girl", "Ethiopian", "Syrian"]) expect(everything).not.toContain(name);
  });

  it("exports the public record as a CSV chronology headed with the council, the case and what is left out", async () => {
    const outcome = await run(() =>
      chronologyCsvAction({
        request: formRequest("/c/epping-forest/cases/EF-L-0001/chronology.csv", {}, { cookie: legalCookie }),
        params: CASE,
        context: {},
      }),
    );
    expect(outcome.status).toBe(200);
    const lines = String(outcome.body)
      .replace(/^\uFEFF/, "")
      .split("\n");
    expect(lines[0]).toBe(
      "Epping Forest District Council: chronology of EF-L-0001 Epping Forest DC v Somani Hotels Ltd",
    );
    expect(lines[1]).toBe("Dates: all dates. Public events only.");
    expect(lines[2]).toBe("Legally privileged material is excluded.");
    expect(lines[4]).toBe("Date,Date in words,Time,Event,Details,Kind,Source or document,Visibility,Privileged");
    const body = lines.slice(5).join("\n");
    expect(body).toContain(
      '2025-09-12,12 September 2025,16:00,"Deadline under the order of 19 August 2025 ([2025] EWHC 2183 (KB)): no longer due, set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134"',
    );
    expect(body).toContain(
      '2025-08-29,29 August 2025,,"Order set aside by the Court of Appeal [2025] EWCA Civ 1134 (the order of 19 August 2025, [2025] EWHC 2183 (KB))"',
    );
    // Dates as precise as their sources: ISO 8601 as far as known (EDTF ~ for about a day), with words.
    expect(body).toContain('2025-11,late November 2025,,"The full council voted, in private, to appeal');
    expect(body).toContain('2025-11-26~,about 26 November 2025,,"Supreme Court');
    expect(body).toContain('2026-03,March 2026,,"Court of Appeal, Civil Division (Andrews LJ, Holgate LJ)');
    expect(body).toContain("https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2183");
    // Each relief sought, with what became of it (facts.md §1b).
    expect(body).toContain(
      "Relief: interim injunction: granted (Use for asylum seekers to stop by 16:00 on 12 September 2025); interim declaration: refused",
    );
    expect(body).toContain(
      'Relief: final injunction: refused (Not ""just and convenient"" or commensurate); declaration: refused (paras 297–300).',
    );
    // The trial's findings with their direction, as the sources state them.
    expect(body).toContain("flagrant breach: found not present;");
    expect(body).toContain("conventional enforcement tried first: found not present (para 296);");
    expect(body).toContain("Home Secretary's duty to accommodate: weighed against the council;");
    // Internal events (the use of the hotel, the protests) stay out of a public chronology.
    expect(body).not.toContain("Protests outside the hotel began");
    expect(body).not.toContain("Use as asylum accommodation");
  });
});
