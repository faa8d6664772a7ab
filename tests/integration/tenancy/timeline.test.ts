// Council B against council A's timelines: every timeline, chronology, event page and event change
// gives 404 and changes nothing; row-level security hides A's events (and privileged notes) from B.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as caseChronologyAction,
  loader as caseChronologyLoader,
} from "~/routes/c.$slug.cases.$reference.chronology";
import {
  action as caseChronologyCsvAction,
  loader as caseChronologyCsvLoader,
} from "~/routes/c.$slug.cases.$reference.chronology[.csv]";
import { loader as caseTimelineLoader } from "~/routes/c.$slug.cases.$reference.timeline";
import {
  action as siteChronologyAction,
  loader as siteChronologyLoader,
} from "~/routes/c.$slug.sites.$reference.chronology";
import {
  action as siteChronologyCsvAction,
  loader as siteChronologyCsvLoader,
} from "~/routes/c.$slug.sites.$reference.chronology[.csv]";
import { loader as siteTimelineLoader } from "~/routes/c.$slug.sites.$reference.timeline";
import { action as eventAction, loader as eventLoader } from "~/routes/c.$slug.timeline.$eventId";
import { action as newEventAction, loader as newEventLoader } from "~/routes/c.$slug.timeline.new";
import { withTenant } from "~/server/access/tenancy.server";
import { createLegalCase } from "~/server/council/legal/legal-cases.server";
import { getDb } from "~db/client";
import { auditEvents, privilegedNotes, timelineEvents } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  councilWithOfficer,
  legalCaseInput,
  memberCookie,
  memberScope,
  scopeFor,
  siteIdOf,
} from "../../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let siteA: string;
let caseA: string;
let eventA: string;
const bCookies: string[] = [];

const snapshotOfA = async () => ({
  events: await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, a.council.id)),
  notes: await getDb().select().from(privilegedNotes).where(eq(privilegedNotes.tenantId, a.council.id)),
});

const chronologiesExported = () =>
  getDb().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.action, "chronology.exported"));

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AT" });
  b = await councilWithOfficer({ referencePrefix: "BT" });
  const scopeA = await memberScope(a.council, "legal", "legal-case:write");
  siteA = await addSite(a.scope, { name: "A's hotel" });
  caseA = await createLegalCase(
    scopeA,
    legalCaseInput({
      title: "A's case",
      siteId: await siteIdOf(a.council, siteA),
      decidedToLitigateOn: "2025-08-01",
      decisionTakenBy: "A's head of legal",
      privilegedNotes: "A's privileged advice",
    }),
  );
  const [event] = await getDb()
    .select({ id: timelineEvents.id })
    .from(timelineEvents)
    .where(eq(timelineEvents.tenantId, a.council.id));
  eventA = event?.id ?? "";
  bCookies.push(b.cookie);
  for (const role of ["legal", "viewer", "council_admin"] as const) {
    bCookies.push(await memberCookie(b.council, role));
  }
});

describe("council B against council A's timelines", () => {
  it("gets 404 from every timeline, chronology and event page, through A's address and B's", async () => {
    const exportedBefore = await chronologiesExported();
    type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
    const pages: [Loader, string, Record<string, string>][] = [
      [siteTimelineLoader, `sites/${siteA}/timeline`, { reference: siteA }],
      [siteChronologyLoader, `sites/${siteA}/chronology?show=1&internal=on`, { reference: siteA }],
      [siteChronologyCsvLoader, `sites/${siteA}/chronology.csv?show=1&internal=on`, { reference: siteA }],
      [caseTimelineLoader, `cases/${caseA}/timeline`, { reference: caseA }],
      [caseChronologyLoader, `cases/${caseA}/chronology?show=1&internal=on&privileged=on`, { reference: caseA }],
      [caseChronologyCsvLoader, `cases/${caseA}/chronology.csv?show=1&internal=on&privileged=on`, { reference: caseA }],
      [eventLoader, `timeline/${eventA}`, { eventId: eventA }],
      [newEventLoader, `timeline/new?case=${caseA}`, {}],
      [newEventLoader, `timeline/new?site=${siteA}`, {}],
    ];
    for (const cookie of bCookies) {
      for (const slug of [a.council.slug, b.council.slug]) {
        for (const [loader, path, extra] of pages) {
          const outcome = await run(() =>
            loader({ request: getRequest(`/c/${slug}/${path}`, cookie), params: { slug, ...extra }, context: {} }),
          );
          // Viewers are refused the writing pages before anything is looked up (403); never 200.
          expect([403, 404], `${slug}/${path}`).toContain(outcome.status);
          if (path.includes("chronology")) expect(outcome.status, `${slug}/${path}`).toBe(404);
          expect(JSON.stringify(outcome.body ?? "")).not.toContain("A's");
        }
      }
    }
    expect(await chronologiesExported()).toEqual(exportedBefore);
  });

  it("gets 404 from POSTing A's chronology page and CSV, and exports nothing", async () => {
    const exportedBefore = await chronologiesExported();
    type Action = (args: ActionFunctionArgs) => Promise<unknown>;
    const everything = { internal: "on", privileged: "on" };
    const posts: [Action, string, Record<string, string>, Record<string, string>][] = [
      [siteChronologyAction, `sites/${siteA}/chronology`, { reference: siteA }, { internal: "on" }],
      [siteChronologyCsvAction, `sites/${siteA}/chronology.csv`, { reference: siteA }, { internal: "on" }],
      [caseChronologyAction, `cases/${caseA}/chronology`, { reference: caseA }, everything],
      [caseChronologyCsvAction, `cases/${caseA}/chronology.csv`, { reference: caseA }, everything],
      // Choices that fail their checks still say nothing of A's record.
      [
        caseChronologyAction,
        `cases/${caseA}/chronology`,
        { reference: caseA },
        { "from.day": "31", "from.month": "2" },
      ],
      [
        caseChronologyCsvAction,
        `cases/${caseA}/chronology.csv`,
        { reference: caseA },
        { "from.day": "31", "from.month": "2" },
      ],
    ];
    for (const cookie of bCookies) {
      for (const slug of [a.council.slug, b.council.slug]) {
        for (const [action, path, extra, fields] of posts) {
          const outcome = await run(() =>
            action({
              request: formRequest(`/c/${slug}/${path}`, fields, { cookie }),
              params: { slug, ...extra },
              context: {},
            }),
          );
          expect(outcome.status, `${slug}/${path} ${JSON.stringify(fields)}`).toBe(404);
          expect(JSON.stringify(outcome.body ?? "")).not.toContain("A's");
        }
      }
    }
    expect(await chronologiesExported()).toEqual(exportedBefore);
  });

  it("cannot add to, change, publish or delete A's events", async () => {
    const before = await snapshotOfA();
    type Action = (args: ActionFunctionArgs) => Promise<unknown>;
    const event = {
      ...dateFields("occurredOn", "2025-07-01"),
      kind: "other",
      title: "Intruder",
      visibility: "public",
    };
    const posts: [Action, string, Record<string, string>, Record<string, string>][] = [
      [newEventAction, `timeline/new?case=${caseA}`, {}, event],
      [newEventAction, `timeline/new?site=${siteA}`, {}, event],
      [eventAction, `timeline/${eventA}`, { eventId: eventA }, { ...event, version: "1" }],
      [eventAction, `timeline/${eventA}`, { eventId: eventA }, { intent: "public", version: "1" }],
      [eventAction, `timeline/${eventA}`, { eventId: eventA }, { intent: "delete", version: "1" }],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [action, path, extra, fields] of posts) {
        const outcome = await run(() =>
          action({
            request: formRequest(`/c/${slug}/${path}`, fields, { cookie: b.cookie }),
            params: { slug, ...extra },
            context: {},
          }),
        );
        expect(outcome.status, `${slug}/${path} ${JSON.stringify(fields)}`).toBe(404);
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("reads none of A's events or privileged notes through its own scope", async () => {
    const scopeB = await scopeFor(b.council, b.cookie, "site:write");
    const seen = await withTenant(scopeB, async (tx) => ({
      events: await tx.select({ id: timelineEvents.id }).from(timelineEvents),
      notes: await tx.select({ id: privilegedNotes.id }).from(privilegedNotes),
    }));
    expect(seen).toEqual({ events: [], notes: [] });
  });
});

describe("within council A", () => {
  it("a viewer's scope cannot read privileged notes, even with no where clause", async () => {
    const scope = await memberScope(a.council, "viewer");
    const notes = await withTenant(scope, (tx) => tx.select().from(privilegedNotes));
    expect(notes).toEqual([]);
    const asOfficer = await withTenant(a.scope, (tx) =>
      tx.select({ body: privilegedNotes.body }).from(privilegedNotes),
    );
    expect(asOfficer).toEqual([{ body: "A's privileged advice" }]);
  });
});
