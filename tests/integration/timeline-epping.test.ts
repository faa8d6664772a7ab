// The seeded Epping dispute as a timeline and a chronology a barrister could read: the appeal
// chain's dates in order, the order's deadline to the hour, and the protests named without people.
import { beforeAll, describe, expect, it } from "vitest";
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
    expect(
      page.events.map(
        (event) => `${event.occurredOn}${event.occurredAt ? ` ${event.occurredAt.slice(0, 5)}` : ""} ${event.title}`,
      ),
    ).toEqual([
      "2020-05-01 Use as asylum accommodation began",
      "2021-03-01 Use as asylum accommodation ended",
      "2022-10-01 Use as asylum accommodation began",
      "2023-02-14 Planning application EPF/0337/23 received",
      "2023-02-21 Planning application EPF/0337/23 validated",
      "2024-03-21 Planning application EPF/0337/23 withdrawn",
      "2024-04-01 Use as asylum accommodation ended",
      "2025-04-01 Use as asylum accommodation began",
      "2025-07-13 Protests outside the hotel began",
      "2025-08-05 Decision to litigate (EF-L-0001)",
      "2025-08-11 High Court, King's Bench Division: application for an interim injunction issued",
      "2025-08-15 High Court, King's Bench Division: Interim injunction hearing before Eyre J",
      "2025-08-19 High Court, King's Bench Division (Eyre J): application for an interim injunction: granted, [2025] EWHC 2183 (KB)",
      "2025-08-19 Order made ([2025] EWHC 2183 (KB))",
      "2025-08-28 Court of Appeal, Civil Division: Appeal hearing",
      "2025-08-29 Court of Appeal, Civil Division (Bean LJ, Nicola Davies LJ, Cobb LJ): appeal: allowed, [2025] EWCA Civ 1134",
      "2025-08-29 Order set aside by the Court of Appeal [2025] EWCA Civ 1134 (the order of 19 August 2025, [2025] EWHC 2183 (KB))",
      "2025-09-01 Court of Appeal, Civil Division (Bean LJ, Nicola Davies LJ, Cobb LJ): judgment published, [2025] EWCA Civ 1134",
      "2025-09-12 16:00 Deadline under the order of 19 August 2025 ([2025] EWHC 2183 (KB)): no longer due, set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134",
      "2025-11-11 High Court, King's Bench Division (Mould J): trial (final injunction): refused, [2025] EWHC 2937 (KB)",
      "2025-12-01 Supreme Court (Lord Reed, Lord Leggatt, Lady Simler): application for permission to appeal: permission refused, published",
    ]);
    const judgment = page.events.find(
      (event) => event.title.includes("[2025] EWCA Civ 1134") && event.fact === "decided",
    );
    expect(judgment?.sourceUrl).toBe("https://caselaw.nationalarchives.gov.uk/ewca/civ/2025/1134");
    expect(judgment?.recordPath).toMatch(/^cases\/EF-L-0001\/proceedings\/[0-9a-f-]{36}$/);
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
    expect(lines[4]).toBe("Date,Time,Event,Details,Kind,Source or document,Visibility,Privileged");
    const body = lines.slice(5).join("\n");
    expect(body).toContain(
      '2025-09-12,16:00,"Deadline under the order of 19 August 2025 ([2025] EWHC 2183 (KB)): no longer due, set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134"',
    );
    expect(body).toContain(
      '2025-08-29,,"Order set aside by the Court of Appeal [2025] EWCA Civ 1134 (the order of 19 August 2025, [2025] EWHC 2183 (KB))"',
    );
    expect(body).toContain("https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2183");
    // Internal events (the use of the hotel, the protests) stay out of a public chronology.
    expect(body).not.toContain("Protests outside the hotel began");
    expect(body).not.toContain("Use as asylum accommodation");
  });
});
