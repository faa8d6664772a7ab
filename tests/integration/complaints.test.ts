// Complaints through their routes: logging one with the complainant's details, the list's filters
// and working days, closing with a reason, duplicates, linking to enforcement, editing on a stale
// page, the two CSV files, and contact details kept from the audit log and from legal and viewers.
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { daysBetween, todayInLondon, workingDaysBetween } from "~/lib/dates";
import { loader as listLoader } from "~/routes/c.$slug.complaints._index";
import { action as pageAction, loader as pageLoader } from "~/routes/c.$slug.complaints.$reference._index/route";
import { action as editAction, loader as editLoader } from "~/routes/c.$slug.complaints.$reference.edit";
import { loader as contactsCsvLoader } from "~/routes/c.$slug.complaints.contacts[.csv]";
import { action as newAction, loader as newLoader } from "~/routes/c.$slug.complaints.new";
import { loader as csvLoader } from "~/routes/c.$slug.complaints[.csv]";
import { createComplaint, listComplaints } from "~/server/council/complaints/complaints.server";
import { getDb } from "~db/client";
import { auditEvents, complainantContacts, complaints } from "~db/schema";
import {
  addSite,
  type CouncilWithOfficer,
  complaintInput,
  councilWithOfficer,
  insertPlanningRecord,
  memberCookie,
  siteIdOf,
} from "../helpers/factories";
import { dateFields, formRequest, getRequest, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

const CONTACT = {
  contactName: "Alex Resident-Unique",
  contactEmail: "alex.resident@example.org",
  contactPhone: "01632 960 123",
  contactAddress: "7 Orchard Lane, Epping CM16 9ZZ",
};

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let siteReference: string;
let siteId: string;
let legalCookie: string;
let viewerCookie: string;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "EF" });
  b = await councilWithOfficer({ referencePrefix: "NM" });
  siteReference = await addSite(a.scope, { name: "The Bell Hotel" });
  siteId = await siteIdOf(a.council, siteReference);
  legalCookie = await memberCookie(a.council, "legal");
  viewerCookie = await memberCookie(a.council, "viewer");
});

function complaintFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...dateFields("receivedOn", "2025-08-19"),
    channel: "email",
    category: "planning_breach",
    summary: "Hotel used as a hostel without planning permission",
    details: "Reported change of use since July.",
    siteId,
    ...overrides,
  };
}

function postNew(fields: Record<string, string>, cookie = a.cookie, slug = a.council.slug) {
  return run(() =>
    newAction({ request: formRequest(`/c/${slug}/complaints/new`, fields, { cookie }), params: { slug }, context: {} }),
  );
}

function postPage(reference: string, fields: Record<string, string>, cookie = a.cookie) {
  const slug = a.council.slug;
  return run(() =>
    pageAction({
      request: formRequest(`/c/${slug}/complaints/${reference}`, fields, { cookie }),
      params: { slug, reference },
      context: {},
    }),
  );
}

function postEdit(reference: string, fields: Record<string, string>, cookie = a.cookie) {
  const slug = a.council.slug;
  return run(() =>
    editAction({
      request: formRequest(`/c/${slug}/complaints/${reference}/edit`, fields, { cookie }),
      params: { slug, reference },
      context: {},
    }),
  );
}

function getPage(reference: string, cookie = a.cookie) {
  const slug = a.council.slug;
  return run(() =>
    pageLoader({
      request: getRequest(`/c/${slug}/complaints/${reference}`, cookie),
      params: { slug, reference },
      context: {},
    }),
  );
}

function getList(query: string, cookie = a.cookie, slug = a.council.slug) {
  return run(() =>
    listLoader({ request: getRequest(`/c/${slug}/complaints?${query}`, cookie), params: { slug }, context: {} }),
  );
}

async function getCsv(loader: typeof csvLoader, path: string, cookie: string) {
  const slug = a.council.slug;
  return run(() => loader({ request: getRequest(`/c/${slug}/${path}`, cookie), params: { slug }, context: {} }));
}

async function complaintRow(reference: string, tenantId = a.council.id) {
  const [row] = await getDb()
    .select()
    .from(complaints)
    .where(and(eq(complaints.tenantId, tenantId), eq(complaints.reference, reference)));
  return row;
}

async function contactRow(complaintId: string) {
  const [row] = await getDb()
    .select()
    .from(complainantContacts)
    .where(eq(complainantContacts.complaintId, complaintId));
  return row;
}

async function complaintCount(tenantId = a.council.id) {
  return (await getDb().select({ id: complaints.id }).from(complaints).where(eq(complaints.tenantId, tenantId))).length;
}

async function logWithContact(): Promise<string> {
  const outcome = await postNew(complaintFields(CONTACT));
  expect(outcome.status).toBe(302);
  return outcome.location?.match(/complaints\/(EF-C-\d{4})\?done=created$/)?.[1] ?? "";
}

describe("logging a complaint", () => {
  it("saves the complaint under the next reference, and the contact details in their own table", async () => {
    const reference = await logWithContact();
    expect(reference).toMatch(/^EF-C-\d{4}$/);
    const complaint = await complaintRow(reference);
    expect(complaint).toMatchObject({
      receivedOn: "2025-08-19",
      channel: "email",
      category: "planning_breach",
      status: "new",
      siteId,
      version: 1,
    });
    expect(await contactRow(complaint?.id ?? "")).toMatchObject({
      tenantId: a.council.id,
      name: CONTACT.contactName,
      email: CONTACT.contactEmail,
      phone: CONTACT.contactPhone,
      address: CONTACT.contactAddress,
    });
  });

  it("stores no contact row when no contact details are given", async () => {
    const outcome = await postNew(complaintFields({ siteId: "" }));
    const reference = outcome.location?.match(/(EF-C-\d{4})/)?.[1] ?? "";
    const complaint = await complaintRow(reference);
    expect(complaint?.siteId).toBeNull();
    expect(await contactRow(complaint?.id ?? "")).toBeUndefined();
  });

  it("shows the officer the complaint with its site and the complainant's details", async () => {
    const reference = await logWithContact();
    const page = await getPage(reference);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      canEdit: true,
      site: { reference: siteReference, name: "The Bell Hotel" },
      contact: { details: { email: CONTACT.contactEmail, name: CONTACT.contactName } },
      history: [expect.objectContaining({ action: "complaint.created", status: "new" })],
    });
  });

  it("preselects the site named in ?site= on the form", async () => {
    const outcome = await run(() =>
      newLoader({
        request: getRequest(`/c/${a.council.slug}/complaints/new?site=${siteReference.toLowerCase()}`, a.cookie),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(outcome.body).toMatchObject({ preselectedSiteId: siteId });
  });

  it.each<[string, Record<string, string>, string]>([
    [
      "an empty form",
      { "receivedOn.day": "", "receivedOn.month": "", "receivedOn.year": "", summary: "" },
      "Enter the date the complaint was received",
    ],
    ["no channel", complaintFields({ channel: "" }), "Choose how the complaint was received"],
    ["no summary", complaintFields({ summary: "  " }), "Enter a summary of the complaint"],
    ["a long summary", complaintFields({ summary: "x".repeat(201) }), "The summary must be 200 characters or fewer"],
    [
      "a date in the future",
      complaintFields(dateFields("receivedOn", `${Number(todayInLondon().slice(0, 4)) + 1}-01-01`)),
      "The date the complaint was received must be today or in the past",
    ],
    [
      "half a date",
      complaintFields({ "receivedOn.day": "19", "receivedOn.month": "", "receivedOn.year": "2025" }),
      "The date the complaint was received must include a month",
    ],
    [
      "a bad email address",
      complaintFields({ contactEmail: "alex at example" }),
      "Enter an email address in the correct format, like name@example.com",
    ],
    ["a site that is not a site", complaintFields({ siteId: "nonsense" }), "Choose a site from the list"],
  ])("refuses %s with a message (400) and writes nothing", async (_name, fields, message) => {
    const before = await complaintCount();
    const outcome = await postNew(fields);
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain(message);
    expect(await complaintCount()).toBe(before);
  });

  it("keeps what was typed when the form is refused", async () => {
    const outcome = await postNew(complaintFields({ ...CONTACT, contactEmail: "alex at example", summary: "Kept" }));
    expect(outcome.body).toMatchObject({
      initialValue: { summary: "Kept", contactName: CONTACT.contactName, receivedOn: { day: "19", month: "8" } },
    });
  });

  it("refuses another council's site sent in the form, and writes nothing", async () => {
    const otherSite = await siteIdOf(b.council, await addSite(b.scope, { name: "Other council's hotel" }));
    const before = await complaintCount();
    const outcome = await postNew(complaintFields({ siteId: otherSite }));
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("Choose a site from the list");
    expect(await complaintCount()).toBe(before);
  });
});

describe("the list of complaints", () => {
  let list: CouncilWithOfficer;
  let listSite: string;
  const received = "2025-06-02";

  beforeAll(async () => {
    list = await councilWithOfficer({ referencePrefix: "LS" });
    listSite = await addSite(list.scope, { name: "Listed Hotel" });
    const listSiteId = await siteIdOf(list.council, listSite);
    await createComplaint(
      list.scope,
      complaintInput({ summary: "Noise at night", category: "noise", receivedOn: received }),
    );
    await createComplaint(
      list.scope,
      complaintInput({ summary: "Change of use", channel: "councillor", siteId: listSiteId, receivedOn: "2025-07-01" }),
    );
  });

  function listOf(query: string) {
    return getList(query, list.cookie, list.council.slug) as Promise<{
      status: number;
      body: { total: number; complaints: { reference: string; summary: string; workingDaysSinceReceived: number }[] };
    }>;
  }

  it("shows the working days since each open complaint was received, not calendar days", async () => {
    const outcome = await listOf("");
    const noise = outcome.body.complaints.find((complaint) => complaint.summary === "Noise at night");
    expect(noise?.workingDaysSinceReceived).toBe(workingDaysBetween(received, todayInLondon()));
    expect(noise?.workingDaysSinceReceived).toBeLessThan(daysBetween(received, todayInLondon()));
  });

  it.each<[string, string, string[]]>([
    ["category", "category=noise", ["Noise at night"]],
    ["channel", "channel=councillor", ["Change of use"]],
    ["status", "status=new", ["Change of use", "Noise at night"]],
    ["no status match", "status=closed", []],
    ["site", "site=LISTSITE", ["Change of use"]],
    ["summary search", "search=noise", ["Noise at night"]],
    ["reference search", "search=ls-c-0002", ["Change of use"]],
  ])("filters by %s", async (_name, query, summaries) => {
    const outcome = await listOf(query.replace("LISTSITE", listSite));
    expect(outcome.body.complaints.map((complaint) => complaint.summary).sort()).toEqual(summaries);
    expect(outcome.body.total).toBe(summaries.length);
  });

  it("pages 50 at a time, with the same number of queries however many complaints there are", async () => {
    const few = await countQueries(() => listComplaints(list.scope, {}));
    for (let index = 0; index < 50; index++) {
      await createComplaint(list.scope, complaintInput({ summary: `Bulk ${index}`, receivedOn: "2025-01-06" }));
    }
    const many = await countQueries(() => listComplaints(list.scope, {}));
    expect(many.result.total).toBe(52);
    expect(many.result.complaints).toHaveLength(50);
    expect(many.queries.length).toBe(few.queries.length);
    const second = await listOf("page=2");
    expect(second.body.complaints).toHaveLength(2);
  });
});

describe("changing the status", () => {
  it.each<[string, Record<string, string>, string]>([
    ["no reason", { status: "closed" }, "Choose why the complaint is being closed"],
    ["no reason for no further action", { status: "no_further_action" }, "Choose why the complaint is being closed"],
    [
      "'other' without the reason",
      { status: "closed", closeReason: "other" },
      "Enter the reason the complaint is being closed",
    ],
    [
      "'duplicate' without a reference",
      { status: "closed", closeReason: "duplicate" },
      "Enter the reference of the complaint this one duplicates",
    ],
    ["no status", {}, "Choose the complaint's status"],
  ])("refuses to close with %s (400) and changes nothing", async (_name, fields, message) => {
    const reference = await logWithContact();
    const outcome = await postPage(reference, { intent: "status", version: "1", ...fields });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain(message);
    expect(await complaintRow(reference)).toMatchObject({ status: "new", version: 1, closeReason: null });
  });

  it("closes with a reason, recording who closed it and when, and reopens", async () => {
    const reference = await logWithContact();
    const outcome = await postPage(reference, {
      intent: "status",
      version: "1",
      status: "closed",
      closeReason: "other",
      closeReasonOther: "Resolved by the operator",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${a.council.slug}/complaints/${reference}?done=closed`);
    const closed = await complaintRow(reference);
    expect(closed).toMatchObject({
      status: "closed",
      closeReason: "other",
      closeReasonOther: "Resolved by the operator",
      closedByUserId: a.officer.user.id,
      version: 2,
    });
    expect(closed?.closedAt).toBeInstanceOf(Date);
    const page = await getPage(reference);
    expect(page.body).toMatchObject({ closedByName: a.officer.user.name });

    const reopened = await postPage(reference, { intent: "status", version: "2", status: "under_review" });
    expect(reopened.status).toBe(302);
    expect(await complaintRow(reference)).toMatchObject({
      status: "under_review",
      closeReason: null,
      closeReasonOther: null,
      closedByUserId: null,
      closedAt: null,
    });
  });

  it("refuses a status change made on a stale page (409)", async () => {
    const reference = await logWithContact();
    await postPage(reference, { intent: "status", version: "1", status: "under_review" });
    const stale = await postPage(reference, {
      intent: "status",
      version: "1",
      status: "closed",
      closeReason: "not_a_planning_matter",
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("Someone else changed this complaint since you opened the page");
    expect((await complaintRow(reference))?.status).toBe("under_review");
  });
});

describe("marking as a duplicate", () => {
  it("closes the complaint as a duplicate of another of the same council, found by its reference", async () => {
    const original = await logWithContact();
    const duplicate = await logWithContact();
    const outcome = await postPage(duplicate, {
      intent: "duplicate",
      version: "1",
      status: "closed",
      closeReason: "duplicate",
      duplicateOfReference: ` ${original.toLowerCase()} `,
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toContain("?done=duplicate");
    const originalRow = await complaintRow(original);
    expect(await complaintRow(duplicate)).toMatchObject({
      status: "closed",
      closeReason: "duplicate",
      duplicateOfId: originalRow?.id,
      closedByUserId: a.officer.user.id,
    });
    expect((await getPage(duplicate)).body).toMatchObject({ duplicateOfReference: original });
    expect((await getPage(original)).body).toMatchObject({ duplicates: [duplicate] });
  });

  it("refuses another council's complaint reference as not found, with a message, and changes nothing", async () => {
    const otherReference = await createComplaint(b.scope, complaintInput({ summary: "Northmere complaint" }));
    expect(otherReference).toMatch(/^NM-C-/);
    const reference = await logWithContact();
    const outcome = await postPage(reference, {
      intent: "duplicate",
      version: "1",
      status: "closed",
      closeReason: "duplicate",
      duplicateOfReference: otherReference,
    });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain(`No complaint in this council has the reference ${otherReference}`);
    expect(await complaintRow(reference)).toMatchObject({ status: "new", duplicateOfId: null, version: 1 });
  });

  it("refuses a complaint as a duplicate of itself", async () => {
    const reference = await logWithContact();
    const outcome = await postPage(reference, {
      intent: "duplicate",
      version: "1",
      status: "closed",
      closeReason: "duplicate",
      duplicateOfReference: reference,
    });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.body)).toContain("cannot be a duplicate of itself");
  });
});

describe("linking to a planning or enforcement record", () => {
  let recordId: string;
  let otherSiteRecordId: string;

  beforeAll(async () => {
    recordId = await insertPlanningRecord(a.council, siteId, {
      kind: "enforcement_notice",
      reference: "ENF/2025/0001",
    });
    const otherSite = await siteIdOf(a.council, await addSite(a.scope, { name: "Another hotel" }));
    otherSiteRecordId = await insertPlanningRecord(a.council, otherSite, { kind: "stop_notice" });
  });

  it("offers the site's records and links one, setting the status to linked to enforcement", async () => {
    const reference = await logWithContact();
    const page = await getPage(reference);
    expect(page.body).toMatchObject({ planningRecordChoices: [expect.objectContaining({ id: recordId })] });
    const outcome = await postPage(reference, { intent: "link", version: "1", planningRecordId: recordId });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toContain("?done=linked");
    expect(await complaintRow(reference)).toMatchObject({
      status: "linked_to_enforcement",
      planningRecordId: recordId,
    });
    expect((await getPage(reference)).body).toMatchObject({
      planningRecord: { id: recordId, kind: "enforcement_notice", reference: "ENF/2025/0001" },
    });
  });

  it("asks for a record when none is chosen, and refuses a record of another site", async () => {
    const reference = await logWithContact();
    const empty = await postPage(reference, { intent: "link", version: "1", planningRecordId: "" });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain("Choose the planning or enforcement record");
    const wrongSite = await postPage(reference, { intent: "link", version: "1", planningRecordId: otherSiteRecordId });
    expect(wrongSite.status).toBe(400);
    expect(JSON.stringify(wrongSite.body)).toContain(
      "Choose a planning or enforcement record of this complaint's site",
    );
    expect(await complaintRow(reference)).toMatchObject({ status: "new", planningRecordId: null });
  });
});

describe("editing a complaint", () => {
  it("saves changes and audits which contact fields changed, never their values", async () => {
    const reference = await logWithContact();
    const outcome = await postEdit(reference, {
      ...complaintFields({ ...CONTACT, summary: "Updated summary", contactEmail: "new.address@example.org" }),
      version: "1",
    });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${a.council.slug}/complaints/${reference}?done=updated`);
    const complaint = await complaintRow(reference);
    expect(complaint).toMatchObject({ summary: "Updated summary", version: 2 });
    expect((await contactRow(complaint?.id ?? ""))?.email).toBe("new.address@example.org");
    const [entry] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "complainant_contact.updated"), eq(auditEvents.tenantId, a.council.id)));
    expect(entry?.after).toEqual({ complaintId: complaint?.id, changedFields: ["email"] });
  });

  it("refuses an edit made on a stale page with a message, and changes nothing", async () => {
    const reference = await logWithContact();
    await postEdit(reference, { ...complaintFields({ ...CONTACT, summary: "First edit" }), version: "1" });
    const stale = await postEdit(reference, {
      ...complaintFields({ ...CONTACT, summary: "Second edit", contactEmail: "stale@example.org" }),
      version: "1",
    });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).toContain("Someone else changed this complaint since you opened the page");
    const complaint = await complaintRow(reference);
    expect(complaint).toMatchObject({ summary: "First edit", version: 2 });
    expect((await contactRow(complaint?.id ?? ""))?.email).toBe(CONTACT.contactEmail);
  });

  it("fills the edit form with the complaint and its contact details", async () => {
    const reference = await logWithContact();
    const outcome = await run(() =>
      editLoader({
        request: getRequest(`/c/${a.council.slug}/complaints/${reference}/edit`, a.cookie),
        params: { slug: a.council.slug, reference },
        context: {},
      }),
    );
    expect(outcome.body).toMatchObject({
      complaint: { reference, version: 1, receivedOn: "2025-08-19" },
      contact: { email: CONTACT.contactEmail },
    });
  });

  it("deletes a complaint logged by mistake, with its contact details", async () => {
    const reference = await logWithContact();
    const complaint = await complaintRow(reference);
    const outcome = await postEdit(reference, { intent: "delete", version: "1" });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(`/c/${a.council.slug}/complaints?done=deleted`);
    expect(await complaintRow(reference)).toBeUndefined();
    expect(await contactRow(complaint?.id ?? "")).toBeUndefined();
  });
});

describe("the CSV files", () => {
  it("the complaints CSV has the complaints but no contact details", async () => {
    const reference = await logWithContact();
    const csv = await getCsv(csvLoader, "complaints.csv", a.cookie);
    expect(csv.status).toBe(200);
    const text = String(csv.body);
    expect(text).toContain(reference);
    expect(text).toContain("Hotel used as a hostel without planning permission");
    expect(text).not.toContain(CONTACT.contactEmail);
    expect(text).not.toContain(CONTACT.contactName);
    expect(text).not.toContain(CONTACT.contactPhone);
  });

  it("the officers' CSV has the complainants' contact details", async () => {
    const reference = await logWithContact();
    const csv = await getCsv(contactsCsvLoader, "complaints/contacts.csv", a.cookie);
    expect(csv.status).toBe(200);
    const line = String(csv.body)
      .split("\n")
      .find((row) => row.startsWith(`${reference},`));
    expect(line).toContain(CONTACT.contactEmail);
    expect(line).toContain(CONTACT.contactName);
  });

  it("follows the list's filters", async () => {
    const csv = await getCsv(csvLoader, "complaints.csv?status=closed&search=no-such-thing", a.cookie);
    expect(String(csv.body).trim().split("\n")).toHaveLength(1);
  });
});

describe("contact details are for officers only", () => {
  it("the audit log has no contact values for any complaint, only the names of fields that changed", async () => {
    await logWithContact();
    const entries = await getDb()
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.tenantId, a.council.id),
          inArray(auditEvents.entityType, ["complaint", "complainant_contact"]),
        ),
      );
    expect(entries.some((entry) => entry.entityType === "complainant_contact")).toBe(true);
    const text = JSON.stringify(entries);
    for (const value of [...Object.values(CONTACT), "new.address@example.org", "stale@example.org"]) {
      expect(text).not.toContain(value);
    }
    const created = entries.find((entry) => entry.action === "complainant_contact.created");
    expect(created?.after).toMatchObject({ changedFields: ["name", "email", "phone", "address"] });
  });

  it.each([
    ["legal", () => legalCookie],
    ["viewer", () => viewerCookie],
  ])("a %s user reads the complaint and the CSV without any contact detail or edit button", async (_role, cookie) => {
    const reference = await logWithContact();
    const page = await getPage(reference, cookie());
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ canEdit: false, contact: null, complaint: { reference } });
    const pageText = JSON.stringify(page.body);
    expect(pageText).not.toContain(CONTACT.contactEmail);
    expect(pageText).not.toContain(CONTACT.contactName);
    const list = await getList("", cookie());
    expect(list.body).toMatchObject({ canEdit: false });
    const csv = await getCsv(csvLoader, "complaints.csv", cookie());
    expect(String(csv.body)).toContain(reference);
    expect(String(csv.body)).not.toContain(CONTACT.contactEmail);
  });

  it("a legal user gets 403 for the contacts CSV, the forms and every change, and nothing changes", async () => {
    const reference = await logWithContact();
    expect((await getCsv(contactsCsvLoader, "complaints/contacts.csv", legalCookie)).status).toBe(403);
    const edit = await run(() =>
      editLoader({
        request: getRequest(`/c/${a.council.slug}/complaints/${reference}/edit`, legalCookie),
        params: { slug: a.council.slug, reference },
        context: {},
      }),
    );
    expect(edit.status).toBe(403);
    expect((await postNew(complaintFields(), legalCookie)).status).toBe(403);
    expect(
      (
        await postPage(
          reference,
          { intent: "status", version: "1", status: "closed", closeReason: "other" },
          legalCookie,
        )
      ).status,
    ).toBe(403);
    expect((await postEdit(reference, { intent: "delete", version: "1" }, legalCookie)).status).toBe(403);
    expect(await complaintRow(reference)).toMatchObject({ status: "new", version: 1 });
  });
});
