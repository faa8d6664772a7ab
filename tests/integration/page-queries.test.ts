// Every page the pages benchmark measures (tests/bench/pages.bench.ts, routesFor) costs the same
// number of SQL statements for a small council (6 sites, one case, a few records of each kind) and
// one 20 times its size, and a page asked for again with no change to the council's records costs
// only the guard's statements (and, on the dashboard, the council and its members, read every time).
//
// A page is requested as Remix serves it: a document request and its `.data` form run the root,
// council and page loaders (in parallel, each with its own copy of the request; for `.data`
// Remix strips the suffix and the loaders see the page's own URL), and a resource route
// (sites.geojson, sites.csv) runs its own loader alone. Every request carries a fresh server-set
// request id, so the guards share one session and one membership lookup (request-memo.server.ts).
//
// The pages' data is reused per council records version (council/records-data.server.ts,
// maps/records-cache.server.ts), so two requests are measured: cold, the first after a change to
// the council's records, which builds the data; and warm, the same request again, which reuses
// it. The guard runs on both: the session, and the membership read with the records version, in a
// transaction each. Some data is shared between pages (the dashboard's deadlines are the deadlines
// page's, a `.data` request's are its page's), so each page is measured cold right after a change
// of its own. The councils are made here, so no other test's data or reused pages count.
//
// What is counted: every statement drizzle logs (tests/helpers/setup-file.ts), i.e. each query
// a query builder or `tx.execute` sends, including the `set_config` that opens each scoped
// transaction. Not counted: BEGIN and COMMIT (the drivers send them without logging), what the
// database runs by itself (the records-version triggers, row-level-security policies), and
// connection set-up. A count says nothing about the rows a statement reads.
import { randomUUID } from "node:crypto";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "~/lib/dates";
import { loader as rootLoader } from "~/root";
import { loader as councilLoader } from "~/routes/c.$slug";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { loader as caseLoader } from "~/routes/c.$slug.cases.$reference._index/route";
import { loader as deadlinesLoader } from "~/routes/c.$slug.deadlines";
import { loader as sitesLoader } from "~/routes/c.$slug.sites._index";
import { loader as siteLoader } from "~/routes/c.$slug.sites.$reference._index/route";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { loader as geojsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { addTimelineEvent } from "~/server/council/timeline/timeline.server";
import { REQUEST_ID_HEADER } from "~/server/http/request.server";
import { getDb } from "~db/client";
import {
  complaints,
  courtOrders,
  deadlineCompletions,
  documents,
  hearings,
  legalCases,
  planningRecords,
  privilegedNotes,
  proceedingParties,
  proceedings,
  timelineEvents,
  usePeriods,
} from "~db/schema";
import { addSite, type CouncilWithOfficer, councilWithOfficer, insertSites } from "../helpers/factories";
import { ORIGIN, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

/** The large council has this many times the small one's records. */
const SCALE = 20;
/** The most statements a cold page may cost. */
const MAX_COLD = 20;

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;

interface Seeded {
  c: CouncilWithOfficer;
  siteReference: string;
  caseReference: string;
  sites: number;
}

interface Page {
  name: string;
  /** The address the browser asks for. */
  path: (s: Seeded) => string;
  params: (s: Seeded) => Record<string, string>;
  loader: Loader;
  /** A page (root, council and page loaders) rather than a resource route (its loader alone). */
  document: boolean;
  /** Statements the page runs on every request besides the guard's, warm or cold (none unless given). */
  everyRequest?: number;
}

const council = (s: Seeded) => `/c/${s.c.council.slug}`;
const slugOf = (s: Seeded) => ({ slug: s.c.council.slug });

const HTML_PAGES: Page[] = [
  { name: "sites list", path: (s) => `${council(s)}/sites`, params: slugOf, loader: sitesLoader, document: true },
  {
    name: "site page",
    path: (s) => `${council(s)}/sites/${s.siteReference}`,
    params: (s) => ({ ...slugOf(s), reference: s.siteReference }),
    loader: siteLoader,
    document: true,
  },
  {
    name: "case page",
    path: (s) => `${council(s)}/cases/${s.caseReference}`,
    params: (s) => ({ ...slugOf(s), reference: s.caseReference }),
    loader: caseLoader,
    document: true,
  },
  {
    name: "dashboard",
    path: council,
    params: slugOf,
    loader: dashboardLoader,
    document: true,
    // What it shows from the records is reused per records version; the council and its members
    // by role (and, for a council admin, the latest audit entries), which do not move the version,
    // are read on every request in a transaction of their own: 3 statements for an officer.
    everyRequest: 3,
  },
  {
    name: "deadlines",
    path: (s) => `${council(s)}/deadlines`,
    params: slugOf,
    loader: deadlinesLoader,
    document: true,
  },
];

const PAGES: Page[] = [
  ...HTML_PAGES,
  ...HTML_PAGES.map((page) => ({ ...page, name: `${page.name} .data`, path: (s: Seeded) => `${page.path(s)}.data` })),
  {
    name: "sites.geojson",
    path: (s) => `${council(s)}/sites.geojson`,
    params: slugOf,
    loader: geojsonLoader,
    document: false,
  },
  { name: "sites.csv", path: (s) => `${council(s)}/sites.csv`, params: slugOf, loader: csvLoader, document: false },
];

const context = { cspNonce: "n", buildVersion: "test" };

/** One request for the page, as Remix serves it; what the page's loader gave and every statement run. */
async function request(s: Seeded, page: Page) {
  // A `.data` request runs the same loaders on the page's own address (Remix strips the suffix).
  const url = `${ORIGIN}${page.path(s).replace(/\.data$/, "")}`;
  const headers = { Cookie: s.c.cookie, [REQUEST_ID_HEADER]: randomUUID() };
  const params = page.params(s);
  const loaders: Loader[] = page.document ? [rootLoader, councilLoader, page.loader] : [page.loader];
  const { result, queries } = await countQueries(() =>
    Promise.all(
      loaders.map((loader) => run(() => loader({ request: new Request(url, { headers }), params, context }))),
    ),
  );
  for (const outcome of result) expect(outcome.status, `${page.name}: ${String(outcome.body)}`).toBe(200);
  return { body: result.at(-1)?.body, queries };
}

/** The statements of the guard alone: the root and council loaders of a page request. */
async function guardQueries(s: Seeded) {
  const url = `${ORIGIN}${council(s)}`;
  const headers = { Cookie: s.c.cookie, [REQUEST_ID_HEADER]: randomUUID() };
  const { queries } = await countQueries(() =>
    Promise.all(
      [rootLoader, councilLoader].map((loader) =>
        loader({ request: new Request(url, { headers }), params: slugOf(s), context }),
      ),
    ),
  );
  return queries;
}

const range = (count: number) => Array.from({ length: count }, (_, index) => index);
const hex64 = (index: number) => index.toString(16).padStart(64, "0");

/**
 * A council whose records grow with `k`: 6k sites, each with a planning application, a complaint
 * and three timeline events, every other one a contravention notice whose response falls due
 * around today; k legal cases, each with a proceeding, two parties, two hearings and a court order
 * (every third order marked done, every fifth set aside); and the site and case whose pages are
 * measured, with 2k more notices, k periods of use, 2k more complaints, 10k and 5k timeline
 * events, 2k documents each and k appeals chained on the case's proceeding. Written straight into
 * the database, in bulk.
 */
async function seedCouncil(referencePrefix: string, k: number): Promise<Seeded> {
  const c = await councilWithOfficer({ referencePrefix });
  const tenantId = c.council.id;
  const db = getDb();
  const today = todayInLondon();
  const statuses = ["in_use", "proposed", "ceased", "unknown"] as const;
  const siteRows = await insertSites(
    c.council,
    range(6 * k).map((index) => ({
      reference: `${referencePrefix}-S-${10_001 + index}`,
      name: `Hotel ${index + 1}`,
      status: statuses[index % statuses.length],
      latitude: 51.6 + (index % 97) / 1000,
      longitude: 0.05 + (index % 89) / 1000,
      contractor: index % 2 ? ("serco" as const) : ("mears" as const),
    })),
  );
  const [home, ...others] = siteRows;
  if (!home) throw new Error("no sites");

  // Planning records: an application on every site, a notice with a response date around today on
  // every other one, and on the measured site 2k notices (overdue, due this week, due later).
  const homeNotices = await db
    .insert(planningRecords)
    .values([
      ...siteRows.map((site, index) => ({
        tenantId,
        siteId: site.id,
        kind: "planning_application" as const,
        reference: `APP/${index}`,
        status: "decided" as const,
        receivedOn: addDays(today, -400),
        decidedOn: addDays(today, -300),
        decision: "refused" as const,
      })),
      ...siteRows
        .filter((_, index) => index % 2 === 0)
        .map((site, index) => ({
          tenantId,
          siteId: site.id,
          kind: "planning_contravention_notice" as const,
          reference: `PCN/${index}`,
          status: "open" as const,
          servedOn: addDays(today, -40 + (index % 50)),
        })),
    ])
    .then(() =>
      db
        .insert(planningRecords)
        .values(
          range(2 * k).map((index) => ({
            tenantId,
            siteId: home.id,
            kind: index % 2 ? ("temporary_stop_notice" as const) : ("planning_contravention_notice" as const),
            reference: `HOME/${index}`,
            status: "open" as const,
            servedOn: index % 2 ? null : addDays(today, -30 + index),
            displayedOn: index % 2 ? addDays(today, -20 + index) : null,
          })),
        )
        .returning({ id: planningRecords.id }),
    );
  await db
    .insert(usePeriods)
    .values(range(k).map((index) => ({ tenantId, siteId: home.id, startsOn: addDays(today, -1000 + 30 * index) })));

  // Complaints: one about every site (one in four new), and 2k more about the measured site.
  await db.insert(complaints).values(
    [...siteRows, ...range(2 * k).map(() => home)].map((site, index) => ({
      tenantId,
      reference: `${referencePrefix}-C-${10_001 + index}`,
      receivedOn: addDays(today, -(index % 300)),
      channel: "email" as const,
      category: "planning_breach" as const,
      summary: `Complaint ${index + 1}`,
      siteId: site.id,
      status: index % 4 ? ("closed" as const) : ("new" as const),
      closeReason: index % 4 ? ("not_a_planning_matter" as const) : null,
      closedAt: index % 4 ? new Date() : null,
    })),
  );

  // Legal cases: the measured one on the measured site, k - 1 more on other sites.
  const cases = await db
    .insert(legalCases)
    .values(
      range(k).map((index) => ({
        tenantId,
        siteId: (index === 0 ? home : (others[index % others.length] ?? home)).id,
        reference: `${referencePrefix}-L-${10_001 + index}`,
        title: `Council v Owner ${index + 1} Ltd`,
        legalBasis: "s187b_injunction" as const,
        status: "issued" as const,
      })),
    )
    .returning({ id: legalCases.id, reference: legalCases.reference });
  const [measuredCase] = cases;
  if (!measuredCase) throw new Error("no case");
  await db.insert(privilegedNotes).values({ tenantId, legalCaseId: measuredCase.id, body: "Counsel's advice" });

  // Proceedings: one per case, and k more in the measured case, each appealing from the one before.
  const proceedingRows = await db
    .insert(proceedings)
    .values(
      cases.map((legalCase) => ({
        tenantId,
        caseId: legalCase.id,
        court: "high_court_kb" as const,
        kind: "interim_injunction_application" as const,
        claimNumber: `KB-${legalCase.reference}`,
      })),
    )
    .returning({ id: proceedings.id, caseId: proceedings.caseId });
  let parent = proceedingRows[0];
  for (const index of range(k)) {
    const [appeal] = await db
      .insert(proceedings)
      .values({
        tenantId,
        caseId: measuredCase.id,
        parentId: parent?.id,
        relation: "appeal_from",
        court: "court_of_appeal_civil",
        kind: "appeal",
        claimNumber: `CA-${index}`,
      })
      .returning({ id: proceedings.id, caseId: proceedings.caseId });
    if (appeal) proceedingRows.push(appeal);
    parent = appeal;
  }
  await db.insert(proceedingParties).values(
    proceedingRows.flatMap((proceeding) => [
      {
        tenantId,
        proceedingId: proceeding.id,
        name: "The Council",
        role: "claimant" as const,
        kind: "council" as const,
      },
      {
        tenantId,
        proceedingId: proceeding.id,
        name: "Owner Ltd",
        role: "defendant" as const,
        kind: "hotel_owner" as const,
      },
    ]),
  );
  await db.insert(hearings).values(
    proceedingRows.flatMap((proceeding, index) => [
      { tenantId, proceedingId: proceeding.id, heldOn: addDays(today, 3 + (index % 20)), kind: "Return date" },
      { tenantId, proceedingId: proceeding.id, heldOn: addDays(today, -10 - index), kind: "Without notice" },
    ]),
  );
  const orders = await db
    .insert(courtOrders)
    .values(
      proceedingRows.map((proceeding, index) => ({
        tenantId,
        proceedingId: proceeding.id,
        madeOn: addDays(today, -20),
        requires: `Order ${index + 1}`,
        dueOn: addDays(today, -5 + (index % 30)),
        // Every fifth set aside by its own proceeding, named in words on the pages that show it.
        ...(index % 5 === 1
          ? { status: "set_aside" as const, statusOn: addDays(today, -1), statusByProceedingId: proceeding.id }
          : {}),
      })),
    )
    .returning({ id: courtOrders.id, dueOn: courtOrders.dueOn });
  // Every third order's deadline marked done.
  await db.insert(deadlineCompletions).values(
    orders
      .filter((_, index) => index % 3 === 0)
      .map((order) => ({
        tenantId,
        sourceType: "court_order" as const,
        sourceId: order.id,
        deadlineKey: "order-due",
        dueOn: order.dueOn ?? today,
        doneByUserId: c.officer.user.id,
      })),
  );

  // Timeline events: three on every site, 10k more on the measured site and 5k in the measured case
  // (some of them privileged).
  await db.insert(timelineEvents).values([
    ...siteRows.flatMap((site, index) =>
      range(3).map((event) => ({
        tenantId,
        siteId: site.id,
        occurredOn: addDays(today, -100 - index - event),
        kind: "other" as const,
        title: `Event ${event + 1} at ${index + 1}`,
      })),
    ),
    ...range(10 * k).map((index) => ({
      tenantId,
      siteId: home.id,
      occurredOn: addDays(today, -index),
      kind: "meeting" as const,
      title: `Site meeting ${index + 1}`,
      privileged: index % 5 === 0,
    })),
    ...range(5 * k).map((index) => ({
      tenantId,
      siteId: home.id,
      legalCaseId: measuredCase.id,
      occurredOn: addDays(today, -index),
      kind: "correspondence" as const,
      title: `Letter ${index + 1}`,
    })),
  ]);

  // Documents: 2k on the measured site, 2k in the measured case, k on its first proceeding, k on a
  // notice of the measured site, and one on every fifth site.
  const document = (index: number, parent: Partial<typeof documents.$inferInsert>) => ({
    tenantId,
    kind: "notice" as const,
    title: `Document ${index + 1}`,
    documentDate: addDays(today, -index),
    fileName: `document-${index + 1}.pdf`,
    contentType: "application/pdf",
    sizeBytes: 1000 + index,
    sha256: hex64(index),
    storageKey: `test/${randomUUID()}`,
    uploadedByUserId: c.officer.user.id,
    ...parent,
  });
  await db
    .insert(documents)
    .values([
      ...range(2 * k).map((index) => document(index, { siteId: home.id })),
      ...range(2 * k).map((index) => document(index, { legalCaseId: measuredCase.id, privileged: index % 2 === 0 })),
      ...range(k).map((index) => document(index, { proceedingId: proceedingRows[0]?.id })),
      ...range(k).map((index) => document(index, { planningRecordId: homeNotices[0]?.id })),
      ...siteRows.filter((_, index) => index % 5 === 0).map((site, index) => document(index, { siteId: site.id })),
    ]);

  return { c, siteReference: home.reference, caseReference: measuredCase.reference, sites: siteRows.length };
}

/** A change to the council's records that no measured page is about: a site added by the officer. */
async function addHotel(s: Seeded, name = "Changed Hotel") {
  await addSite(s.c.scope, { name });
  s.sites += 1;
}

const SIZES = ["small", "large"] as const;
type Size = (typeof SIZES)[number];
interface Measured {
  queries: Record<"cold" | "warm", Record<Size, number>>;
  bodies: Record<"cold" | "warm", Record<Size, unknown>>;
  /** How many sites the council had then. */
  sites: Record<Size, number>;
}

let small: Seeded;
let large: Seeded;
const councilOf = (size: Size) => (size === "small" ? small : large);
/** Statements of the guard alone, for both councils. */
let guard: string[];
const measured = new Map<string, Measured>();

function measuredFor(name: string): Measured {
  const result = measured.get(name);
  if (!result) throw new Error(`${name} was not measured`);
  return result;
}

/** What a warm request to the page costs: the guard's statements and the page's own, if any. */
const warmCount = (page: Page) => guard.length + (page.everyRequest ?? 0);

beforeAll(async () => {
  small = await seedCouncil("PQS", 1);
  large = await seedCouncil("PQL", SCALE);
  guard = await guardQueries(small);
  expect((await guardQueries(large)).length).toBe(guard.length);
  // Each page of each council: a change, then the first request (cold) and the same again (warm).
  for (const page of PAGES) {
    const result: Measured = {
      queries: { cold: { small: 0, large: 0 }, warm: { small: 0, large: 0 } },
      bodies: { cold: { small: null, large: null }, warm: { small: null, large: null } },
      sites: { small: 0, large: 0 },
    };
    for (const size of SIZES) {
      await addHotel(councilOf(size));
      result.sites[size] = councilOf(size).sites;
      for (const temperature of ["cold", "warm"] as const) {
        const { body, queries } = await request(councilOf(size), page);
        result.queries[temperature][size] = queries.length;
        result.bodies[temperature][size] = body;
      }
    }
    measured.set(page.name, result);
  }
}, 60_000);

describe("every page the benchmark measures", () => {
  it(`costs the same number of statements cold for a council ${SCALE} times the size, and at most ${MAX_COLD}`, () => {
    for (const page of PAGES) {
      const { cold } = measuredFor(page.name).queries;
      expect(cold.large, page.name).toBe(cold.small);
      expect(cold.large, page.name).toBeLessThanOrEqual(MAX_COLD);
    }
  });

  it("costs only the guard's statements warm, fewer than cold (the dashboard adds a fixed few of its own)", () => {
    // The guard: the session, and the membership with the council's records version, each in a
    // transaction of its own (its set_config counted).
    expect(guard).toHaveLength(4);
    expect(guard.filter((query) => /from "sessions"/.test(query))).toHaveLength(1);
    expect(guard.filter((query) => /"council_record_versions"\."version"/.test(query))).toHaveLength(1);
    for (const page of PAGES) {
      const { cold, warm } = measuredFor(page.name).queries;
      expect(warm.small, page.name).toBe(warmCount(page));
      expect(warm.large, page.name).toBe(warmCount(page));
      expect(warm.small, page.name).toBeLessThan(cold.small);
      expect(warm.large, page.name).toBeLessThan(cold.large);
    }
  });

  it("gives the same data warm as cold, and the large council's records", () => {
    for (const page of PAGES) {
      const { bodies } = measuredFor(page.name);
      for (const size of SIZES) expect(bodies.warm[size], page.name).toEqual(bodies.cold[size]);
    }
    const list = measuredFor("sites list");
    const listPage = list.bodies.warm.large as Awaited<ReturnType<typeof sitesLoader>>;
    expect(listPage.total).toBe(list.sites.large);
    expect(listPage.pageCount).toBeGreaterThan(1);
    const site = measuredFor("site page").bodies.warm.large as Awaited<ReturnType<typeof siteLoader>>;
    expect(site.timeline.length).toBeGreaterThan(10 * SCALE);
    const csv = measuredFor("sites.csv");
    expect(String(csv.bodies.warm.large).trim().split(/\r?\n/)).toHaveLength(csv.sites.large + 1);
  });
});

describe("a change to the council's records", () => {
  it("makes the next request to every page cold again, showing the change; the one after is warm", async () => {
    // One page at a time: pages share some of their data (the dashboard's deadlines are the
    // deadlines page's, a .data request's the page's), so one page's cold request warms another.
    for (const page of PAGES) {
      await request(small, page);
      const name = `Hotel added before the ${page.name}`;
      await addHotel(small, name);
      const first = await request(small, page);
      expect(first.queries.length, page.name).toBe(measuredFor(page.name).queries.cold.small);
      if (page.name.startsWith("sites list")) {
        expect((first.body as Awaited<ReturnType<typeof sitesLoader>>).total).toBe(small.sites);
      }
      if (page.name === "sites.csv") expect(String(first.body)).toContain(name);
      expect((await request(small, page)).queries.length, page.name).toBe(warmCount(page));
    }

    await addTimelineEvent(
      small.c.scope,
      { site: small.siteReference },
      {
        occurredOn: todayInLondon(),
        kind: "meeting",
        title: "Residents' meeting at the hotel",
        description: null,
        sourceUrl: null,
        visibility: "internal",
        privileged: false,
      },
    );
    for (const page of PAGES.filter((page) => /^(site|case) page$/.test(page.name))) {
      const first = await request(small, page);
      expect(first.queries.length, page.name).toBe(measuredFor(page.name).queries.cold.small);
      // The case page shows its site's events that belong to no case too.
      const { timeline } = first.body as { timeline: { title: string }[] };
      expect(
        timeline.map((event) => event.title),
        page.name,
      ).toContain("Residents' meeting at the hotel");
      expect((await request(small, page)).queries.length, page.name).toBe(warmCount(page));
    }
  });

  it("in another council leaves this council's pages warm", async () => {
    for (const page of PAGES) await request(small, page);
    await addHotel(large, "Another Council's Hotel");
    for (const page of PAGES) {
      expect((await request(small, page)).queries.length, page.name).toBe(warmCount(page));
    }
    const sitesList = PAGES[0] as Page;
    expect((await request(large, sitesList)).queries.length).toBe(measuredFor(sitesList.name).queries.cold.large);
  });
});
