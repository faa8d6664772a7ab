// Legal cases and proceedings through their routes: the appeal chain, neutral citations, dates in
// order, parties, stale edits, privileged notes, and who may do what.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "~/lib/dates";
import { loader as dashboardLoader } from "~/routes/c.$slug._index";
import { loader as caseLoader } from "~/routes/c.$slug.cases.$reference._index/route";
import { action as editProceedingAction } from "~/routes/c.$slug.cases.$reference.proceedings.$proceedingId/route";
import { action as newProceedingAction } from "~/routes/c.$slug.cases.$reference.proceedings.new";
import { action as newCaseAction } from "~/routes/c.$slug.cases.new";
import { getDb } from "~db/client";
import {
  auditEvents,
  courtOrders,
  legalCases,
  proceedingFindings,
  proceedingParties,
  proceedingReliefs,
  proceedings,
  timelineEvents,
} from "~db/schema";
import { type CouncilWithOfficer, councilWithOfficer, memberCookie } from "../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../helpers/http";

let c: CouncilWithOfficer;
let legalCookie: string;
let viewerCookie: string;

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "LC" });
  legalCookie = await memberCookie(c.council, "legal");
  viewerCookie = await memberCookie(c.council, "viewer");
});

const errorsOf = (body: unknown) =>
  body as { result?: { error?: Record<string, string[]> }; error?: Record<string, string[]> };

async function openCase(cookie = legalCookie, fields: Record<string, string> = {}) {
  return run(() =>
    newCaseAction({
      request: formRequest(
        `/c/${c.council.slug}/cases/new`,
        {
          title: "Council v Hotel Owner Ltd",
          legalBasis: "s187b_injunction",
          status: "issued",
          privilegedNotes: "Counsel's view: strong on merits",
          ...fields,
        },
        { cookie },
      ),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
}

function addProceeding(reference: string, fields: Record<string, string>) {
  return run(() =>
    newProceedingAction({
      request: formRequest(`/c/${c.council.slug}/cases/${reference}/proceedings/new`, fields, { cookie: legalCookie }),
      params: { slug: c.council.slug, reference },
      context: {},
    }),
  );
}

describe("legal cases", () => {
  it("a legal user opens a case, adds a High Court proceeding and an appeal from it, and sees the chain", async () => {
    const opened = await openCase();
    expect(opened.status).toBe(302);
    const reference = opened.location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const first = await addProceeding(reference, {
      court: "high_court_kb",
      kind: "interim_injunction_application",
      neutralCitation: "[2025]  ewhc 2183 (kb)",
      judge: "Eyre J",
      outcome: "granted",
      ...dateFields("issuedOn", "2025-08-11"),
      ...dateFields("decidedOn", "2025-08-19"),
    });
    const firstId = first.location?.match(/#proceeding-(.+)$/)?.[1] ?? "";
    const appeal = await addProceeding(reference, {
      parentId: firstId,
      relation: "appeal_from",
      court: "court_of_appeal_civil",
      kind: "appeal",
      neutralCitation: "[2025] EWCA Civ 1134",
      outcome: "allowed",
      ...dateFields("decidedOn", "2025-08-29"),
    });
    expect(appeal.status).toBe(302);
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, legalCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    const body = page.body as Awaited<ReturnType<typeof caseLoader>>;
    expect(body.chains).toHaveLength(1);
    expect(body.chains[0]?.proceeding).toMatchObject({
      neutralCitation: "[2025] EWHC 2183 (KB)",
    });
    expect(body.chains[0]?.children[0]?.proceeding).toMatchObject({
      neutralCitation: "[2025] EWCA Civ 1134",
      relation: "appeal_from",
    });
    expect(body.legalCase.privilegedNotes).toBe("Counsel's view: strong on merits");
  });

  it.each([
    [
      { neutralCitation: "2025 EWHC 2183" },
      "neutralCitation",
      "Enter a neutral citation in the form [2025] EWHC 2183 (KB), [2025] EWCA Civ 1134 or [2024] UKSC 12",
    ],
    [
      { ...dateFields("issuedOn", "2025-09-01"), ...dateFields("decidedOn", "2025-08-01") },
      "decidedOn",
      "The decision date must be the same as or after the date issued",
    ],
    [{ outcome: "granted" }, "decidedOn", "Enter the decision date"],
    [{ court: "" }, "court", "Choose the court"],
  ])("refuses %o with a plain message and writes nothing", async (change, field, message) => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const outcome = await addProceeding(reference, {
      court: "high_court_kb",
      kind: "trial_final_injunction",
      ...change,
    });
    expect(outcome.status).toBe(400);
    expect(errorsOf(outcome.body).error?.[field]).toEqual([message]);
    const [legalCase] = await getDb()
      .select({ id: proceedings.id })
      .from(proceedings)
      .where(eq(proceedings.neutralCitation, "never"));
    expect(legalCase).toBeUndefined();
  });

  it("adds and removes a party, refuses a stale edit and an appeal from its own appeal", async () => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const firstId =
      (await addProceeding(reference, { court: "high_court_kb", kind: "trial_final_injunction" })).location?.match(
        /#proceeding-(.+)$/,
      )?.[1] ?? "";
    const childId =
      (
        await addProceeding(reference, {
          parentId: firstId,
          relation: "appeal_from",
          court: "court_of_appeal_civil",
          kind: "appeal",
        })
      ).location?.match(/#proceeding-(.+)$/)?.[1] ?? "";
    const post = (id: string, fields: Record<string, string>) =>
      run(() =>
        editProceedingAction({
          request: formRequest(`/c/${c.council.slug}/cases/${reference}/proceedings/${id}`, fields, {
            cookie: legalCookie,
          }),
          params: { slug: c.council.slug, reference, proceedingId: id },
          context: {},
        }),
      );
    expect(
      (
        await post(firstId, {
          intent: "add-party",
          name: "Secretary of State for the Home Department",
          role: "intervener",
          kind: "home_secretary",
          ...dateFields("roleOn", "2025-08-29"),
        })
      ).status,
    ).toBe(302);
    const [party] = await getDb().select().from(proceedingParties).where(eq(proceedingParties.proceedingId, firstId));
    expect(party).toMatchObject({ role: "intervener", roleOn: "2025-08-29" });
    // An application to be joined that was refused: the role, and the day it was decided.
    const refused = await post(firstId, {
      intent: "add-party",
      name: "Secretary of State for the Home Department",
      role: "joinder_refused",
      kind: "home_secretary",
      ...dateFields("roleOn", "2025-08-19"),
      note: "Ordered to pay the council £6,000 costs",
    });
    expect(refused.status).toBe(302);
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, viewerCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    const chain = (page.body as Awaited<ReturnType<typeof caseLoader>>).chains[0];
    expect(chain?.parties.map((row) => [row.role, row.roleOn])).toEqual([
      ["intervener", "2025-08-29"],
      ["joinder_refused", "2025-08-19"],
    ]);
    // Bad input: a clear message, nothing added.
    const badRole = await post(firstId, { intent: "add-party", name: "X", role: "observer", kind: "other" });
    expect(errorsOf(badRole.body).result?.error?.role).toEqual(["Choose the party's role"]);
    const badDate = await post(firstId, {
      intent: "add-party",
      name: "X",
      role: "intervener",
      kind: "other",
      ...dateFields("roleOn", "2025-02-30"),
    });
    expect(errorsOf(badDate.body).result?.error?.roleOn).toEqual([
      "The date of the role must be a real date, like 19 8 2025",
    ]);
    const refusedParty = (
      await getDb().select().from(proceedingParties).where(eq(proceedingParties.proceedingId, firstId))
    ).find((row) => row.role === "joinder_refused");
    expect((await post(firstId, { intent: "remove-party", partyId: refusedParty?.id ?? "" })).status).toBe(302);
    expect((await post(firstId, { intent: "remove-party", partyId: party?.id ?? "" })).status).toBe(302);
    expect(await getDb().select().from(proceedingParties).where(eq(proceedingParties.proceedingId, firstId))).toEqual(
      [],
    );

    const cycle = await post(firstId, {
      parentId: childId,
      relation: "appeal_from",
      court: "high_court_kb",
      kind: "trial_final_injunction",
      version: "1",
    });
    expect(cycle.status).toBe(409);
    expect(JSON.stringify(cycle.body)).toContain("A proceeding cannot be an appeal from itself or from its own appeal");
    expect(
      (await post(firstId, { court: "high_court_kb", kind: "trial_final_injunction", judge: "Mould J", version: "1" }))
        .status,
    ).toBe(302);
    const stale = await post(firstId, {
      court: "high_court_kb",
      kind: "trial_final_injunction",
      judge: "Someone else",
      version: "1",
    });
    expect(stale.status).toBe(409);
    const [after] = await getDb().select().from(proceedings).where(eq(proceedings.id, firstId));
    expect(after?.judge).toBe("Mould J");
    const entries = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, firstId));
    expect(entries.map((entry) => entry.action).sort()).toEqual(["proceeding.created", "proceeding.updated"]);
  });

  it("a viewer reads the case without its privileged notes, and cannot open one; an officer cannot open one either", async () => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, viewerCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).not.toContain("Counsel's view");
    expect((await openCase(viewerCookie)).status).toBe(403);
    expect((await openCase(c.cookie)).status).toBe(403);
  });
});

describe("reliefs", () => {
  it("records several reliefs with their own outcomes, changes them with the proceeding in one audit entry, and refuses bad rows", async () => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const interim = {
      court: "high_court_kb",
      kind: "interim_injunction_application",
      outcome: "granted",
      ...dateFields("decidedOn", "2025-08-19"),
    };
    const added = await addProceeding(reference, {
      ...interim,
      "reliefs[0].kind": "interim_injunction",
      "reliefs[0].outcome": "granted",
      "reliefs[1].kind": "interim_declaration",
      "reliefs[1].outcome": "refused",
      "reliefs[1].note": 'That asylum use is not a use "akin to a hotel"',
      "reliefs[2].kind": "",
      "reliefs[2].outcome": "",
    });
    expect(added.status).toBe(302);
    const id = added.location?.match(/#proceeding-(.+)$/)?.[1] ?? "";
    const stored = () =>
      getDb()
        .select({ kind: proceedingReliefs.kind, outcome: proceedingReliefs.outcome, note: proceedingReliefs.note })
        .from(proceedingReliefs)
        .where(eq(proceedingReliefs.proceedingId, id))
        .orderBy(proceedingReliefs.position);
    expect(await stored()).toEqual([
      { kind: "interim_injunction", outcome: "granted", note: null },
      { kind: "interim_declaration", outcome: "refused", note: 'That asylum use is not a use "akin to a hotel"' },
    ]);

    // The case page lists each relief with its outcome, and the decision's timeline entry says the same.
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, viewerCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    const body = page.body as Awaited<ReturnType<typeof caseLoader>>;
    expect(body.chains[0]?.reliefs.map((relief) => [relief.kind, relief.outcome])).toEqual([
      ["interim_injunction", "granted"],
      ["interim_declaration", "refused"],
    ]);
    const [decided] = await getDb()
      .select({ description: timelineEvents.description })
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectId, id), eq(timelineEvents.fact, "decided")));
    expect(decided?.description).toBe(
      'Relief: interim injunction: granted; interim declaration: refused (That asylum use is not a use "akin to a hotel").',
    );

    const post = (fields: Record<string, string>) =>
      run(() =>
        editProceedingAction({
          request: formRequest(`/c/${c.council.slug}/cases/${reference}/proceedings/${id}`, fields, {
            cookie: legalCookie,
          }),
          params: { slug: c.council.slug, reference, proceedingId: id },
          context: {},
        }),
      );

    // Bad rows: a clear message on the row, nothing changed.
    const refusals: [Record<string, string>, string, string][] = [
      [{ "reliefs[0].outcome": "granted" }, "reliefs[0].kind", "Choose the kind of relief, or leave the row empty"],
      [
        { "reliefs[0].kind": "declaration", "reliefs[1].kind": "declaration" },
        "reliefs[1].kind",
        "Declaration is listed twice: list each kind once (use Other, with a note, for more)",
      ],
      [{ "reliefs[0].kind": "costs" }, "reliefs[0].kind", "Choose the kind of relief"],
      [
        { "reliefs[0].kind": "declaration", "reliefs[0].outcome": "allowed" },
        "reliefs[0].outcome",
        "Choose what became of the relief",
      ],
    ];
    for (const [rows, field, message] of refusals) {
      const refused = await post({ ...interim, ...rows, version: "1" });
      expect(refused.status, field).toBe(400);
      expect(errorsOf(refused.body).result?.error?.[field], JSON.stringify(rows)).toEqual([message]);
    }
    // A relief decided needs the proceeding's decision date.
    const undated = await post({
      court: "high_court_kb",
      kind: "interim_injunction_application",
      "reliefs[0].kind": "interim_injunction",
      "reliefs[0].outcome": "refused",
      version: "1",
    });
    expect(errorsOf(undated.body).result?.error?.decidedOn).toEqual(["Enter the decision date"]);
    expect(await stored()).toHaveLength(2);

    // Change one, remove one, add one: one save, one audit entry with the reliefs before and after.
    const saved = await post({
      ...interim,
      "reliefs[0].kind": "interim_injunction",
      "reliefs[0].outcome": "granted",
      "reliefs[0].note": "By 16:00 on 12 September 2025",
      "reliefs[1].kind": "interim_declaration",
      "reliefs[1].outcome": "refused",
      "reliefs[1].remove": "on",
      "reliefs[2].kind": "other",
      "reliefs[2].note": "Costs",
      version: "1",
    });
    expect(saved.status).toBe(302);
    expect(await stored()).toEqual([
      { kind: "interim_injunction", outcome: "granted", note: "By 16:00 on 12 September 2025" },
      { kind: "other", outcome: null, note: "Costs" },
    ]);
    const entries = await getDb()
      .select({ action: auditEvents.action, before: auditEvents.before, after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "proceeding.updated")));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.before).toMatchObject({
      version: 1,
      reliefs: [
        { kind: "interim_injunction", outcome: "granted", note: null },
        { kind: "interim_declaration", outcome: "refused", note: 'That asylum use is not a use "akin to a hotel"' },
      ],
    });
    expect(entries[0]?.after).toMatchObject({
      version: 2,
      reliefs: [
        { kind: "interim_injunction", outcome: "granted", note: "By 16:00 on 12 September 2025" },
        { kind: "other", outcome: null, note: "Costs" },
      ],
    });

    // A stale form changes neither the proceeding nor its reliefs.
    const stale = await post({ ...interim, "reliefs[0].kind": "declaration", version: "1" });
    expect(stale.status).toBe(409);
    expect(await stored()).toHaveLength(2);
  });
});

describe("findings", () => {
  it("records what the court found on a factor with its direction, restates it, removes it, and refuses bad input", async () => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const trialId =
      (
        await addProceeding(reference, { court: "high_court_kb", kind: "trial_final_injunction", judge: "Mould J" })
      ).location?.match(/#proceeding-(.+)$/)?.[1] ?? "";
    const post = (fields: Record<string, string>, cookie = legalCookie, slug = c.council.slug) =>
      run(() =>
        editProceedingAction({
          request: formRequest(`/c/${slug}/cases/${reference}/proceedings/${trialId}`, fields, { cookie }),
          params: { slug, reference, proceedingId: trialId },
          context: {},
        }),
      );
    const stored = () => getDb().select().from(proceedingFindings).where(eq(proceedingFindings.proceedingId, trialId));

    const recorded = await post({ intent: "record-finding", factor: "flagrant breach", finding: "not_present" });
    expect(recorded).toMatchObject({ status: 302 });
    expect(recorded.location).toMatch(/done=finding-recorded#findings$/);
    // The same factor again restates it: one finding per factor.
    await post({ intent: "record-finding", factor: "flagrant breach", finding: "not_present", paragraph: "para 296" });
    expect(await stored()).toEqual([
      expect.objectContaining({ factor: "flagrant breach", finding: "not_present", paragraph: "para 296" }),
    ]);

    // Bad input: a clear message, nothing changed.
    const missing = await post({ intent: "record-finding", factor: "delay" });
    expect(missing.status).toBe(400);
    expect(errorsOf(missing.body).result?.error?.finding).toEqual(["Choose what the court found on this factor"]);
    const odd = await post({ intent: "record-finding", factor: "delay", finding: "decisive" });
    expect(odd.status).toBe(400);
    const blank = await post({ intent: "record-finding", factor: "  ", finding: "noted" });
    expect(errorsOf(blank.body).result?.error?.factor).toEqual(["Enter the factor the court weighed"]);
    expect(await stored()).toHaveLength(1);

    // A viewer may not; another council's address is a 404.
    expect((await post({ intent: "record-finding", factor: "delay", finding: "noted" }, viewerCookie)).status).toBe(
      403,
    );
    const other = await councilWithOfficer({ referencePrefix: "LO" });
    const elsewhere = await post(
      { intent: "record-finding", factor: "delay", finding: "noted" },
      await memberCookie(other.council, "legal"),
      other.council.slug,
    );
    expect(elsewhere.status).toBe(404);
    expect(await stored()).toHaveLength(1);

    // The case page and the case's timeline say which way it went.
    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, legalCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    const body = page.body as { chains: { findings: { factor: string; finding: string }[] }[] };
    expect(body.chains[0]?.findings).toEqual([
      expect.objectContaining({ factor: "flagrant breach", finding: "not_present" }),
    ]);

    const [finding] = await stored();
    expect((await post({ intent: "remove-finding", findingId: finding?.id ?? "" })).status).toBe(302);
    expect(await stored()).toEqual([]);
    const actions = await getDb()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, finding?.id ?? ""));
    expect(actions.map((entry) => entry.action).sort()).toEqual([
      "finding.added",
      "finding.changed",
      "finding.removed",
    ]);
  });
});

describe("hearings and orders", () => {
  it("adds an order with a time of day, shows it on the case and, while the case runs, on the dashboard", async () => {
    const reference = (await openCase()).location?.match(/cases\/(LC-L-\d{4})/)?.[1] ?? "";
    const proceedingId =
      (
        await addProceeding(reference, { court: "high_court_kb", kind: "interim_injunction_application" })
      ).location?.match(/#proceeding-(.+)$/)?.[1] ?? "";
    const post = (fields: Record<string, string>) =>
      run(() =>
        editProceedingAction({
          request: formRequest(`/c/${c.council.slug}/cases/${reference}/proceedings/${proceedingId}`, fields, {
            cookie: legalCookie,
          }),
          params: { slug: c.council.slug, reference, proceedingId },
          context: {},
        }),
      );
    const today = todayInLondon();
    const badTime = await post({
      intent: "add-order",
      ...dateFields("madeOn", today),
      requires: "Stop the use",
      ...dateFields("dueOn", addDays(today, 7)),
      dueAt: "4pm",
    });
    expect(badTime.status).toBe(400);
    expect(JSON.stringify(badTime.body)).toContain(
      "The time it must be done by must be a time in 24-hour form, like 16:00",
    );
    const backwards = await post({
      intent: "add-order",
      ...dateFields("madeOn", today),
      requires: "Stop the use",
      ...dateFields("dueOn", addDays(today, -1)),
    });
    expect(JSON.stringify(backwards.body)).toContain("cannot be before the order was made");
    expect(
      (
        await post({
          intent: "add-order",
          ...dateFields("madeOn", today),
          requires: "Stop the use",
          ...dateFields("dueOn", addDays(today, 7)),
          dueAt: "16.00",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await post({
          intent: "add-hearing",
          ...dateFields("heldOn", addDays(today, 3)),
          startsAt: "10:30",
          kind: "Return date hearing",
        })
      ).status,
    ).toBe(302);

    const page = await run(() =>
      caseLoader({
        request: getRequest(`/c/${c.council.slug}/cases/${reference}`, legalCookie),
        params: { slug: c.council.slug, reference },
        context: {},
      }),
    );
    const node = (page.body as Awaited<ReturnType<typeof caseLoader>>).chains[0];
    expect(node?.orders[0]).toMatchObject({ requires: "Stop the use", dueOn: addDays(today, 7) });
    expect(node?.orders[0]?.dueAt?.slice(0, 5)).toBe("16:00");
    expect(node?.hearings[0]).toMatchObject({ heldOn: addDays(today, 3), kind: "Return date hearing" });

    const dashboard = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, legalCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    const labels = (dashboard.body as Awaited<ReturnType<typeof dashboardLoader>>).dueSoon.map((item) => item.label);
    expect(labels).toEqual(
      expect.arrayContaining(["Order: Stop the use (by 16:00)", "Hearing: Return date hearing at 10:30"]),
    );

    await getDb().update(legalCases).set({ status: "concluded" }).where(eq(legalCases.reference, reference));
    const after = await run(() =>
      dashboardLoader({
        request: getRequest(`/c/${c.council.slug}`, legalCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    expect((after.body as Awaited<ReturnType<typeof dashboardLoader>>).dueSoon.map((item) => item.label)).not.toContain(
      "Order: Stop the use (by 16:00)",
    );

    const [order] = node?.orders ?? [];
    expect((await post({ intent: "remove-order", eventId: order?.id ?? "" })).status).toBe(302);
    expect(await getDb().select().from(courtOrders).where(eq(courtOrders.proceedingId, proceedingId))).toEqual([]);
  });
});
