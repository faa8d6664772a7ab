// An attack from council B on council A's complaints: every route (with A's URL, or B's URL and A's
// references and ids) and every domain function fails and changes nothing; and inside council A the
// database itself hides complainants' contact details from legal and viewer roles.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/c.$slug.complaints._index";
import { action as pageAction, loader as pageLoader } from "~/routes/c.$slug.complaints.$reference._index/route";
import { action as editAction, loader as editLoader } from "~/routes/c.$slug.complaints.$reference.edit";
import { loader as contactsCsvLoader } from "~/routes/c.$slug.complaints.contacts[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/c.$slug.complaints.new";
import { loader as csvLoader } from "~/routes/c.$slug.complaints[.csv]";
import { withTenant } from "~/server/access/tenancy.server";
import {
  changeComplaintStatus,
  closeComplaint,
  createComplaint,
  deleteComplaint,
  getComplaint,
  linkComplaintToPlanningRecord,
  listComplaints,
  updateComplaint,
} from "~/server/council/complaints/complaints.server";
import { exportComplaints, exportComplaintsWithContacts } from "~/server/council/complaints/complaints-csv.server";
import { getDb } from "~db/client";
import { complainantContacts, complaints } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  addSite,
  type CouncilWithOfficer,
  complaintIdOf,
  complaintInput,
  councilWithOfficer,
  insertPlanningRecord,
  memberCookie,
  scopeFor,
  signedInMember,
  siteIdOf,
} from "../../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../../helpers/http";

const SECRET_EMAIL = "complainant.in.a@example.org";
const SUMMARY_A = "Council A's confidential complaint";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let adminBCookie: string;
let referenceA: string;
let complaintAId: string;
let siteAId: string;
let recordAId: string;
let referenceB: string;
let siteBId: string;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "AA" });
  b = await councilWithOfficer({ referencePrefix: "BB" });
  adminBCookie = await memberCookie(b.council, "council_admin");
  siteAId = await siteIdOf(a.council, await addSite(a.scope, { name: "A's hotel" }));
  siteBId = await siteIdOf(b.council, await addSite(b.scope, { name: "B's hotel" }));
  recordAId = await insertPlanningRecord(a.council, siteAId, { kind: "enforcement_notice", reference: "A/ENF/1" });
  referenceA = await createComplaint(
    a.scope,
    complaintInput({ summary: SUMMARY_A, siteId: siteAId, contactName: "Resident of A", contactEmail: SECRET_EMAIL }),
  );
  complaintAId = await complaintIdOf(a.council, referenceA);
  referenceB = await createComplaint(b.scope, complaintInput({ summary: "B's own complaint", siteId: siteBId }));
});

/** A's complaint and contact row exactly as stored, to show nothing changed. */
async function snapshotOfA() {
  const [complaint] = await getDb().select().from(complaints).where(eq(complaints.id, complaintAId));
  const [contact] = await getDb()
    .select()
    .from(complainantContacts)
    .where(eq(complainantContacts.complaintId, complaintAId));
  return { complaint, contact };
}

async function complaintOfB() {
  const [complaint] = await getDb()
    .select()
    .from(complaints)
    .where(and(eq(complaints.tenantId, b.council.id), eq(complaints.reference, referenceB)));
  return complaint;
}

const complaintFields = {
  ...dateFields("receivedOn", "2025-08-20"),
  channel: "phone",
  category: "noise",
  summary: "Changed by council B",
  siteId: "",
  version: "1",
};

type AnyLoader = (args: LoaderFunctionArgs) => Promise<unknown>;
type AnyAction = (args: ActionFunctionArgs) => Promise<unknown>;

describe("council B against council A's complaints", () => {
  it.each<[string, AnyLoader, string, boolean]>([
    ["list", listLoader, "/complaints", false],
    ["CSV", csvLoader, "/complaints.csv", false],
    ["contacts CSV", contactsCsvLoader, "/complaints/contacts.csv", false],
    ["new complaint form", newLoader, "/complaints/new", false],
    ["complaint page", pageLoader, "/complaints/REF", true],
    ["edit page", editLoader, "/complaints/REF/edit", true],
  ])("B's officer and admin get 404 for A's %s through A's URL", async (_name, loader, path, withReference) => {
    for (const cookie of [b.cookie, adminBCookie]) {
      const outcome = await run(() =>
        loader({
          request: getRequest(`/c/${a.council.slug}${path.replace("REF", referenceA)}`, cookie),
          params: withReference ? { slug: a.council.slug, reference: referenceA } : { slug: a.council.slug },
          context: {},
        }),
      );
      expect(outcome.status).toBe(404);
    }
  });

  it.each<[string, AnyLoader, string]>([
    ["complaint page", pageLoader, ""],
    ["edit page", editLoader, "/edit"],
  ])("B's officer gets 404 for A's %s by A's reference under B's own URL", async (_name, loader, suffix) => {
    const outcome = await run(() =>
      loader({
        request: getRequest(`/c/${b.council.slug}/complaints/${referenceA}${suffix}`, b.cookie),
        params: { slug: b.council.slug, reference: referenceA },
        context: {},
      }),
    );
    expect(outcome.status).toBe(404);
  });

  it("B's list and CSV files never include A's complaint", async () => {
    const list = await run(() =>
      listLoader({
        request: getRequest(`/c/${b.council.slug}/complaints?search=${encodeURIComponent(SUMMARY_A)}`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(list.body).toMatchObject({ total: 0, complaints: [] });
    const everything = await run(() =>
      listLoader({
        request: getRequest(`/c/${b.council.slug}/complaints`, b.cookie),
        params: { slug: b.council.slug },
        context: {},
      }),
    );
    expect(JSON.stringify(everything.body)).not.toContain(referenceA);
    expect(JSON.stringify(everything.body)).toContain(referenceB);
    for (const [loader, path] of [
      [csvLoader, "complaints.csv"],
      [contactsCsvLoader, "complaints/contacts.csv"],
    ] as const) {
      const csv = await run(() =>
        loader({
          request: getRequest(`/c/${b.council.slug}/${path}`, b.cookie),
          params: { slug: b.council.slug },
          context: {},
        }),
      );
      expect(csv.status).toBe(200);
      expect(String(csv.body)).toContain(referenceB);
      expect(String(csv.body)).not.toContain(referenceA);
      expect(String(csv.body)).not.toContain(SECRET_EMAIL);
    }
  });

  it("B cannot change, close, mark, link or delete A's complaint through A's URL or B's own (404)", async () => {
    const before = await snapshotOfA();
    const attempts: [AnyAction, string, Record<string, string>][] = [
      [pageAction, "", { intent: "status", version: "1", status: "under_review" }],
      [pageAction, "", { intent: "status", version: "1", status: "closed", closeReason: "not_a_planning_matter" }],
      [
        pageAction,
        "",
        {
          intent: "duplicate",
          version: "1",
          status: "closed",
          closeReason: "duplicate",
          duplicateOfReference: referenceB,
        },
      ],
      [pageAction, "", { intent: "link", version: "1", planningRecordId: recordAId }],
      [editAction, "/edit", complaintFields],
      [editAction, "/edit", { intent: "delete", version: "1" }],
    ];
    for (const slug of [a.council.slug, b.council.slug]) {
      for (const [action, suffix, fields] of attempts) {
        const outcome = await run(() =>
          action({
            request: formRequest(`/c/${slug}/complaints/${referenceA}${suffix}`, fields, { cookie: b.cookie }),
            params: { slug, reference: referenceA },
            context: {},
          }),
        );
        expect(outcome.status).toBe(404);
      }
    }
    const logInA = await run(() =>
      newAction({
        request: formRequest(`/c/${a.council.slug}/complaints/new`, complaintFields, { cookie: b.cookie }),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(logInA.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("B cannot point its own complaint at A's site, A's planning record or A's complaint", async () => {
    const before = await complaintOfB();
    const slug = b.council.slug;
    const post = (action: AnyAction, suffix: string, fields: Record<string, string>) =>
      run(() =>
        action({
          request: formRequest(`/c/${slug}/complaints/${referenceB}${suffix}`, fields, { cookie: b.cookie }),
          params: { slug, reference: referenceB },
          context: {},
        }),
      );
    const link = await post(pageAction, "", { intent: "link", version: "1", planningRecordId: recordAId });
    expect(link.status).toBe(400);
    expect(JSON.stringify(link.body)).toContain("Choose a planning or enforcement record of this complaint's site");
    const duplicate = await post(pageAction, "", {
      intent: "duplicate",
      version: "1",
      status: "closed",
      closeReason: "duplicate",
      duplicateOfReference: referenceA,
    });
    expect(duplicate.status).toBe(400);
    expect(JSON.stringify(duplicate.body)).toContain(`No complaint in this council has the reference ${referenceA}`);
    const moveToASite = await post(editAction, "/edit", { ...complaintFields, siteId: siteAId });
    expect(moveToASite.status).toBe(400);
    expect(JSON.stringify(moveToASite.body)).toContain("Choose a site from the list");
    const logAtASite = await run(() =>
      newAction({
        request: formRequest(
          `/c/${slug}/complaints/new`,
          { ...complaintFields, siteId: siteAId },
          { cookie: b.cookie },
        ),
        params: { slug },
        context: {},
      }),
    );
    expect(logAtASite.status).toBe(400);
    expect(await complaintOfB()).toEqual(before);
  });

  it("B's scope gets nothing of A's from the domain functions and changes nothing", async () => {
    const before = await snapshotOfA();
    expect(await getComplaint(b.scope, referenceA)).toBeUndefined();
    expect(
      await updateComplaint(b.scope, referenceA, { ...complaintInput({ summary: "Overwritten" }), version: 1 }),
    ).toBe(false);
    expect(
      await changeComplaintStatus(b.scope, referenceA, {
        status: "under_review",
        closeReason: null,
        closeReasonOther: null,
        duplicateOfReference: null,
        version: 1,
      }),
    ).toBe(false);
    expect(
      await closeComplaint(b.scope, referenceA, {
        closeReason: "not_a_planning_matter",
        closeReasonOther: null,
        duplicateOfReference: null,
        version: 1,
      }),
    ).toBe(false);
    expect(await linkComplaintToPlanningRecord(b.scope, referenceA, { planningRecordId: recordAId, version: 1 })).toBe(
      false,
    );
    expect(await deleteComplaint(b.scope, referenceA, 1)).toBe(false);
    const lists = [
      (await listComplaints(b.scope, {})).complaints,
      (await listComplaints(b.scope, { site: "AA-S-0001" })).complaints,
      await exportComplaints(b.scope, {}),
      await exportComplaintsWithContacts(b.scope, {}),
    ];
    for (const rows of lists) {
      expect(rows.map((row) => row.reference)).not.toContain(referenceA);
      expect(JSON.stringify(rows)).not.toContain(SECRET_EMAIL);
    }
    expect(await snapshotOfA()).toEqual(before);
  });
});

describe("row-level security on complainants' contact details", () => {
  it("legal and viewer roles in council A see no contact rows, even without a where clause", async () => {
    const officerRows = await withTenant(a.scope, (tx) => tx.select().from(complainantContacts));
    expect(officerRows.map((row) => row.email)).toContain(SECRET_EMAIL);
    for (const role of ["legal", "viewer"] as const) {
      const { cookie } = await signedInMember(a.council, role);
      const scope = await scopeFor(a.council, cookie);
      expect(await withTenant(scope, (tx) => tx.select().from(complainantContacts))).toEqual([]);
      // The complaint itself is still readable: only the contact details are hidden.
      expect((await getComplaint(scope, referenceA))?.contact).toBeNull();
      expect(
        await refusalOf(
          withTenant(scope, (tx) =>
            tx
              .insert(complainantContacts)
              .values({ tenantId: a.council.id, complaintId: complaintAId, email: "forged@example.org" }),
          ),
        ),
      ).toMatch(/row-level security/);
    }
  });

  it("B's officer sees none of A's contact rows even without a where clause", async () => {
    const rows = await withTenant(b.scope, (tx) => tx.select().from(complainantContacts));
    expect(rows.map((row) => row.email)).not.toContain(SECRET_EMAIL);
    expect(rows.every((row) => row.tenantId === b.council.id)).toBe(true);
  });
});
