// Council B against council A's legal case: every route and domain function gives 404 or
// nothing, and changes nothing; row-level security hides A's rows from B's transactions.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as casesLoader } from "~/routes/c.$slug.cases._index";
import { loader as caseLoader } from "~/routes/c.$slug.cases.$reference._index/route";
import { action as editCaseAction, loader as editCaseLoader } from "~/routes/c.$slug.cases.$reference.edit";
import {
  action as editProceedingAction,
  loader as editProceedingLoader,
} from "~/routes/c.$slug.cases.$reference.proceedings.$proceedingId/route";
import {
  action as newProceedingAction,
  loader as newProceedingLoader,
} from "~/routes/c.$slug.cases.$reference.proceedings.new";
import { withTenant } from "~/server/access/tenancy.server";
import { createLegalCase, getLegalCase, listLegalCases } from "~/server/council/legal/legal-cases.server";
import { changeOrderStatus } from "~/server/council/legal/orders.server";
import { getDb } from "~db/client";
import { courtOrders, hearings, legalCases, proceedingParties, proceedingReliefs, proceedings } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  type CouncilWithOfficer,
  caseIdOf,
  councilWithOfficer,
  insertOrder,
  insertParty,
  insertProceeding,
  insertReliefs,
  legalCaseInput,
  memberCookie,
  memberScope,
  scopeFor,
} from "../../helpers/factories";
import { formRequest, getRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let caseA: string;
let proceedingA: string;
let legalBCookie: string;
let orderA: string;

async function snapshotOfA() {
  return {
    cases: await getDb().select().from(legalCases).where(eq(legalCases.tenantId, a.council.id)),
    proceedings: await getDb().select().from(proceedings).where(eq(proceedings.tenantId, a.council.id)),
    reliefs: await getDb().select().from(proceedingReliefs).where(eq(proceedingReliefs.tenantId, a.council.id)),
    parties: await getDb().select().from(proceedingParties).where(eq(proceedingParties.tenantId, a.council.id)),
    orders: await getDb().select().from(courtOrders).where(eq(courtOrders.tenantId, a.council.id)),
    hearings: await getDb().select().from(hearings).where(eq(hearings.tenantId, a.council.id)),
  };
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AL" });
  b = await councilWithOfficer({ referencePrefix: "BL" });
  legalBCookie = await memberCookie(b.council, "legal");
  const scopeA = await memberScope(a.council, "legal", "legal-case:write");
  caseA = await createLegalCase(
    scopeA,
    legalCaseInput({
      title: "A's secret case",
      legalBasis: "judicial_review",
      status: "issued",
      privilegedNotes: "A's privileged advice",
    }),
  );
  proceedingA = await insertProceeding(a.council, await caseIdOf(a.council, caseA), {
    court: "administrative_court",
    kind: "judicial_review",
  });
  await insertParty(a.council, proceedingA, { name: "A's party", role: "claimant", kind: "council" });
  await insertReliefs(a.council, proceedingA, [{ kind: "declaration", outcome: null, note: "A's relief" }]);
  orderA = await insertOrder(a.council, proceedingA, { madeOn: "2026-01-05", requires: "A's order" });
});

describe("council B's legal team against council A's case", () => {
  it("gets 404 from every page, through A's URL and B's", async () => {
    type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
    const pages: [Loader, string, Record<string, string>][] = [
      [caseLoader, "", {}],
      [editCaseLoader, "/edit", {}],
      [newProceedingLoader, "/proceedings/new", {}],
      [editProceedingLoader, `/proceedings/${proceedingA}`, { proceedingId: proceedingA }],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [loader, path, extra] of pages) {
        const outcome = await run(() =>
          loader({
            request: getRequest(`/c/${slug}/cases/${caseA}${path}`, legalBCookie),
            params: { slug, reference: caseA, ...extra },
            context: {},
          }),
        );
        expect(outcome.status, `${slug}${path}`).toBe(404);
      }
    }
  });

  it("cannot change the case, add a proceeding, change one or touch its parties", async () => {
    const before = await snapshotOfA();
    type Action = (args: ActionFunctionArgs) => Promise<unknown>;
    const [party] = before.parties;
    const posts: [Action, string, Record<string, string>, Record<string, string>][] = [
      [
        editCaseAction,
        "/edit",
        {},
        { title: "Taken", legalBasis: "other", legalBasisOther: "x", status: "concluded", version: "1" },
      ],
      [newProceedingAction, "/proceedings/new", {}, { court: "supreme_court", kind: "appeal" }],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { court: "supreme_court", kind: "appeal", version: "1" },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        {
          court: "administrative_court",
          kind: "judicial_review",
          "reliefs[0].kind": "declaration",
          "reliefs[0].remove": "on",
          "reliefs[1].kind": "other",
          "reliefs[1].note": "Intruder's relief",
          version: "1",
        },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { intent: "add-party", name: "Intruder", role: "intervener", kind: "other" },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { intent: "remove-party", partyId: party?.id ?? "" },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { intent: "add-hearing", "heldOn.day": "1", "heldOn.month": "1", "heldOn.year": "2026", kind: "x" },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { intent: "add-order", "madeOn.day": "1", "madeOn.month": "1", "madeOn.year": "2026", requires: "x" },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        { intent: "remove-order", eventId: orderA },
      ],
      [
        editProceedingAction,
        `/proceedings/${proceedingA}`,
        { proceedingId: proceedingA },
        {
          intent: "order-status",
          orderId: orderA,
          version: "1",
          status: "set_aside",
          "statusOn.day": "2",
          "statusOn.month": "1",
          "statusOn.year": "2026",
        },
      ],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [action, path, extra, fields] of posts) {
        const outcome = await run(() =>
          action({
            request: formRequest(`/c/${slug}/cases/${caseA}${path}`, fields, { cookie: legalBCookie }),
            params: { slug, reference: caseA, ...extra },
            context: {},
          }),
        );
        expect(outcome.status, `${slug}${path} ${JSON.stringify(fields)}`).toBe(404);
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("sees none of A's cases in its list, and its scope reads nothing of A's", async () => {
    const list = await run(() =>
      casesLoader({
        request: getRequest(`/c/${b.council.slug}/cases`, legalBCookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(JSON.stringify(list.body)).not.toContain("A's secret case");
    const scopeB = await scopeFor(b.council, legalBCookie, "legal-case:write");
    expect(await getLegalCase(scopeB, caseA)).toBeUndefined();
    expect(
      await changeOrderStatus(scopeB, caseA, proceedingA, orderA, {
        status: "discharged",
        statusOn: "2026-01-06",
        statusByProceedingId: null,
        statusNote: null,
        version: 1,
      }),
    ).toBe(false);
    expect(await listLegalCases(scopeB)).toEqual([]);
    const seen = await withTenant(scopeB, async (tx) => ({
      cases: await tx.select({ id: legalCases.id }).from(legalCases),
      proceedings: await tx.select({ id: proceedings.id }).from(proceedings),
      reliefs: await tx.select({ id: proceedingReliefs.id }).from(proceedingReliefs),
      parties: await tx.select({ id: proceedingParties.id }).from(proceedingParties),
      orders: await tx.select({ id: courtOrders.id }).from(courtOrders),
    }));
    expect(seen).toEqual({ cases: [], proceedings: [], reliefs: [], parties: [], orders: [] });
    // Nor can it hang a relief from A's proceeding, under its own tenant or A's.
    for (const tenantId of [b.council.id, a.council.id]) {
      expect(
        await refusalOf(
          withTenant(scopeB, (tx) =>
            tx.insert(proceedingReliefs).values({ tenantId, proceedingId: proceedingA, kind: "other", position: 9 }),
          ),
        ),
      ).toMatch(/proceeding_reliefs_proceeding_fk|row-level security/);
    }
  });
});

describe("council B's order and council A's proceeding", () => {
  it("cannot name A's proceeding as the one that set B's order aside", async () => {
    const scopeB = await scopeFor(b.council, legalBCookie, "legal-case:write");
    const referenceB = await createLegalCase(scopeB, legalCaseInput({ title: "B's case", status: "issued" }));
    const proceedingB = await insertProceeding(b.council, await caseIdOf(b.council, referenceB), {
      court: "high_court_kb",
      kind: "interim_injunction_application",
    });
    const orderB = await insertOrder(b.council, proceedingB, { madeOn: "2026-01-05", requires: "B's order" });
    const outcome = await run(() =>
      editProceedingAction({
        request: formRequest(
          `/c/${b.council.slug}/cases/${referenceB}/proceedings/${proceedingB}`,
          {
            intent: "order-status",
            orderId: orderB,
            version: "1",
            status: "set_aside",
            "statusOn.day": "6",
            "statusOn.month": "1",
            "statusOn.year": "2026",
            statusByProceedingId: proceedingA,
          },
          { cookie: legalBCookie },
        ),
        params: { slug: b.council.slug, reference: referenceB, proceedingId: proceedingB },
        context: {},
      }),
    );
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("Choose the proceeding from this case's list");
    const [order] = await getDb().select().from(courtOrders).where(eq(courtOrders.id, orderB));
    expect(order).toMatchObject({ status: "in_force", statusByProceedingId: null, version: 1 });
  });
});
