// Documents through their routes: upload to each kind of record (type checked from the bytes,
// SHA-256 recorded, the file on disk), download with safe headers, refusals that change nothing,
// privileged documents kept from viewers, who may upload where, flags, and the timeline event.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type DocumentParentRef, documentUploadHref, MAX_DOCUMENT_BYTES } from "~/lib/documents";
import { loader as downloadLoader } from "~/routes/c.$slug.documents.$documentId";
import { action as flagsAction, loader as flagsLoader } from "~/routes/c.$slug.documents.$documentId_.flags";
import { action as uploadAction, loader as uploadLoader } from "~/routes/c.$slug.documents.new";
import type { TenantScope } from "~/server/access/tenancy.server";
import { cleanFileName, listDocuments, uploadDocument } from "~/server/council/documents/documents.server";
import { env } from "~/server/env.server";
import { getDb } from "~db/client";
import { auditEvents, documents, timelineEvents } from "~db/schema";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  memberCookie,
  type RecordsToAttachTo,
  recordsToAttachTo,
  scopeFor,
} from "../helpers/factories";
import {
  docxBytes,
  odtBytes,
  pdfBytes,
  pngBytes,
  type UploadFile,
  uploadRequest,
  xlsxBytes,
  zipBombBytes,
} from "../helpers/files";
import { dateFields, formRequest, getRequest, run } from "../helpers/http";

let c: CouncilWithOfficer;
let records: RecordsToAttachTo;
let legalCookie: string;
let viewerCookie: string;
let adminCookie: string;
let legalScope: TenantScope;
let viewerScope: TenantScope;

const filesDir = () => path.join(env().DATA_DIR, "files");

/** Every stored file, as paths under the storage directory. */
function storedFiles(): string[] {
  const root = filesDir();
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(root, entry)).isFile())
    .sort();
}

async function documentRows() {
  return getDb().select().from(documents).where(eq(documents.tenantId, c.council.id));
}

beforeAll(async () => {
  c = await councilWithOfficer({ referencePrefix: "DC" });
  records = await recordsToAttachTo(c.council, "DC");
  legalCookie = await memberCookie(c.council, "legal");
  viewerCookie = await memberCookie(c.council, "viewer");
  adminCookie = await memberCookie(c.council, "council_admin");
  legalScope = await scopeFor(c.council, legalCookie);
  viewerScope = await scopeFor(c.council, viewerCookie);
});

function upload(
  parent: DocumentParentRef,
  file: UploadFile | null,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string } = {},
) {
  const href = documentUploadHref(c.council.slug, parent);
  return run(() =>
    uploadAction({
      request: uploadRequest(href, file, fields, { cookie: options.cookie ?? legalCookie, origin: options.origin }),
      params: { slug: c.council.slug },
      context: {},
    }),
  );
}

/** The download as the browser gets it: status, headers and bytes. */
async function download(documentId: string, cookie: string) {
  const request = getRequest(`/c/${c.council.slug}/documents/${documentId}`, cookie);
  const args: LoaderFunctionArgs = { request, params: { slug: c.council.slug, documentId }, context: {} };
  try {
    const response = (await downloadLoader(args)) as Response;
    return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, headers: thrown.headers, bytes: new Uint8Array() };
    throw thrown;
  }
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const fieldErrors = (body: unknown) => (body as { error?: Record<string, string[] | null> }).error ?? {};

async function newestDocument() {
  const rows = await documentRows();
  return rows.sort((a, b) => b.uploadedAt.getTime() - a.uploadedAt.getTime())[0];
}

describe("uploading and downloading", () => {
  it("a legal user uploads a judgment to a case: the row, the file on disk, the audit entry and the timeline event", async () => {
    const bytes = pdfBytes();
    const outcome = await upload(
      records.parents.legalCase,
      { name: "judgment-eyre-j.pdf", bytes, type: "application/pdf" },
      { kind: "judgment", title: "Judgment of Eyre J", ...dateFields("documentDate", "2025-08-19") },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(
      `/c/${c.council.slug}/cases/${records.legalCase.reference}?done=document-uploaded#documents`,
    );

    const [document] = await getDb()
      .select()
      .from(documents)
      .where(and(eq(documents.tenantId, c.council.id), eq(documents.title, "Judgment of Eyre J")));
    expect(document).toMatchObject({
      legalCaseId: records.legalCase.id,
      proceedingId: null,
      siteId: null,
      kind: "judgment",
      documentDate: "2025-08-19",
      fileName: "judgment-eyre-j.pdf",
      contentType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
      privileged: false,
      publishable: false,
    });
    if (!document) throw new Error("no document");
    expect(document.uploadedByUserId).toBe(legalScope.userId);

    const file = path.join(filesDir(), document.storageKey);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(bytes);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(storedFiles().some((name) => name.endsWith(".tmp"))).toBe(false);

    const [audit] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, document.id), eq(auditEvents.action, "document.uploaded")));
    expect(audit?.actorUserId).toBe(legalScope.userId);
    expect(audit?.after).toMatchObject({ sha256: document.sha256, fileName: "judgment-eyre-j.pdf" });
    expect(JSON.stringify(audit?.after)).not.toContain("%PDF");

    const [event] = await getDb()
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, "document"), eq(timelineEvents.subjectId, document.id)));
    expect(event).toMatchObject({
      tenantId: c.council.id,
      kind: "document",
      title: "Judgment: Judgment of Eyre J",
      occurredOn: "2025-08-19",
      legalCaseId: records.legalCase.id,
      siteId: records.site.id,
      documentId: document.id,
      privileged: false,
      fact: "document",
    });
  });

  it("any member downloads the same bytes; a PDF opens in the browser, with headers that stop it being anything else", async () => {
    const document = (await documentRows()).find((row) => row.title === "Judgment of Eyre J");
    if (!document) throw new Error("no document");
    const got = await download(document.id, viewerCookie);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(document.sha256);
    expect(Object.fromEntries(got.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(document.sizeBytes),
      "content-disposition": `inline; filename="judgment-eyre-j.pdf"; filename*=UTF-8''judgment-eyre-j.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox",
    });
  });

  it("an officer uploads a photograph to a site; its name is kept, in ASCII for old browsers and UTF-8 for the rest", async () => {
    const bytes = pngBytes();
    const outcome = await upload(
      records.parents.site,
      // The browser's word for the type is ignored: the bytes say PNG.
      { name: "Façade – north.png", bytes, type: "application/pdf" },
      { kind: "photograph", title: "Hotel entrance" },
      { cookie: c.cookie },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(
      `/c/${c.council.slug}/sites/${records.site.reference}?done=document-uploaded#documents`,
    );
    const document = await newestDocument();
    expect(document).toMatchObject({
      siteId: records.site.id,
      contentType: "image/png",
      fileName: "Façade – north.png",
    });
    if (!document) throw new Error("no document");
    const got = await download(document.id, c.cookie);
    expect(got.bytes).toEqual(bytes);
    expect(got.headers.get("Content-Type")).toBe("image/png");
    expect(got.headers.get("Content-Disposition")).toBe(
      `inline; filename="Facade _ north.png"; filename*=UTF-8''Fa%C3%A7ade%20%E2%80%93%20north.png`,
    );
    // With no date of its own, the photograph is on the site's timeline on the day it was uploaded.
    const [event] = await getDb()
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, "document"), eq(timelineEvents.subjectId, document.id)));
    expect(event).toMatchObject({ siteId: records.site.id, legalCaseId: null, title: "Photograph: Hotel entrance" });
  });

  it("a Word document on a planning record is saved, not opened, and a name that does not match its bytes gets the right ending", async () => {
    const bytes = docxBytes();
    const outcome = await upload(
      records.parents.planningRecord,
      { name: "statement.pdf", bytes },
      { kind: "witness_statement", title: "Statement of the enforcement officer" },
      { cookie: c.cookie },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(
      `/c/${c.council.slug}/sites/${records.site.reference}/records/${records.planningRecord.id}?done=document-uploaded#documents`,
    );
    const document = await newestDocument();
    expect(document).toMatchObject({
      planningRecordId: records.planningRecord.id,
      contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      fileName: "statement.pdf.docx",
    });
    if (!document) throw new Error("no document");
    const got = await download(document.id, c.cookie);
    expect(got.bytes).toEqual(bytes);
    expect(got.headers.get("Content-Disposition")).toBe(
      `attachment; filename="statement.pdf.docx"; filename*=UTF-8''statement.pdf.docx`,
    );
    expect(got.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("Word, Excel and OpenDocument files as their programs write them (deflated parts, sizes after the data) are accepted", async () => {
    const files = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document": docxBytes({ deflated: true }),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": xlsxBytes(),
      "application/vnd.oasis.opendocument.text": odtBytes(),
    };
    const own = await recordsToAttachTo(c.council, "DO");
    for (const [contentType, bytes] of Object.entries(files)) {
      const outcome = await upload(
        own.parents.site,
        { name: "notes", bytes },
        { kind: "report", title: `Notes (${contentType})` },
        { cookie: c.cookie },
      );
      expect(outcome.status, contentType).toBe(302);
      const document = await newestDocument();
      expect(document, contentType).toMatchObject({ contentType, title: `Notes (${contentType})` });
      if (!document) throw new Error("no document");
      expect((await download(document.id, c.cookie)).bytes).toEqual(bytes);
    }
  });

  it("documents go on a proceeding (on its case's timeline) and a complaint, and each record lists only its own", async () => {
    const onProceeding = await upload(
      records.parents.proceeding,
      { name: "order.pdf", bytes: pdfBytes("Order") },
      { kind: "order", title: "Interim injunction order", ...dateFields("documentDate", "2025-08-19") },
    );
    expect(onProceeding.location).toBe(
      `/c/${c.council.slug}/cases/${records.legalCase.reference}/proceedings/${records.proceeding.id}?done=document-uploaded#documents`,
    );
    const proceedingDocument = await newestDocument();
    const onComplaint = await upload(
      records.parents.complaint,
      { name: "email.pdf", bytes: pdfBytes("Email") },
      { kind: "correspondence", title: "Complainant's email" },
      { cookie: c.cookie },
    );
    expect(onComplaint.location).toBe(
      `/c/${c.council.slug}/complaints/${records.complaint.reference}?done=document-uploaded#documents`,
    );
    const [event] = await getDb()
      .select()
      .from(timelineEvents)
      .where(
        and(eq(timelineEvents.subjectType, "document"), eq(timelineEvents.subjectId, proceedingDocument?.id ?? "")),
      );
    expect(event).toMatchObject({ legalCaseId: records.legalCase.id, siteId: records.site.id });

    const titles = async (parent: DocumentParentRef) =>
      (await listDocuments(legalScope, parent)).map((document) => document.title);
    expect(await titles(records.parents.legalCase)).toEqual(["Judgment of Eyre J"]);
    expect(await titles(records.parents.proceeding)).toEqual(["Interim injunction order"]);
    expect(await titles(records.parents.site)).toEqual(["Hotel entrance"]);
    expect(await titles(records.parents.planningRecord)).toEqual(["Statement of the enforcement officer"]);
    expect(await titles(records.parents.complaint)).toEqual(["Complainant's email"]);
    const [row] = await listDocuments(legalScope, records.parents.legalCase);
    expect(row).toMatchObject({ kind: "judgment", documentDate: "2025-08-19", contentType: "application/pdf" });
    expect(row?.uploadedBy).toMatch(/^Person /);
    expect(typeof row?.uploadedAt).toBe("string");
  });

  it("the upload page says what the document will be attached to", async () => {
    const outcome = await run(() =>
      uploadLoader({
        request: getRequest(documentUploadHref(c.council.slug, records.parents.proceeding), legalCookie),
        params: { slug: c.council.slug },
        context: {},
      }),
    );
    expect(outcome.status).toBe(200);
    expect((outcome.body as { description: string }).description).toMatch(
      new RegExp(`^High Court.*interim injunction, in legal case ${records.legalCase.reference}$`),
    );
  });
});

describe("refusals change nothing", () => {
  async function expectRefused(
    file: UploadFile | null,
    fields: Record<string, string>,
    errors: Record<string, string>,
    cookie = legalCookie,
  ) {
    const rowsBefore = await documentRows();
    const filesBefore = storedFiles();
    const eventsBefore = await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, c.council.id));
    const outcome = await upload(
      records.parents.legalCase,
      file,
      { kind: "judgment", title: "A title", ...fields },
      {
        cookie,
      },
    );
    expect(outcome.status).toBe(400);
    const shown = fieldErrors(outcome.body);
    for (const [field, message] of Object.entries(errors)) expect(shown[field]).toEqual([message]);
    expect(await documentRows()).toEqual(rowsBefore);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, c.council.id))).toEqual(
      eventsBefore,
    );
    return outcome;
  }

  it("an HTML page renamed .pdf (and said to be a PDF by the browser) is refused, naming what is allowed", async () => {
    await expectRefused(
      {
        name: "judgment.pdf",
        bytes: new TextEncoder().encode("<!doctype html><html><script>alert(1)</script></html>"),
        type: "application/pdf",
      },
      {},
      {
        file: "The selected file must be a PDF, a Word, Excel or OpenDocument text file, or a JPEG, PNG, WebP, HEIC or TIFF image",
      },
    );
  });

  it("a zip bomb dressed as Word is refused at once with a plain message, whatever its headers say, and nothing is stored", async () => {
    const bombs = {
      "honest headers": zipBombBytes({ mebibytes: 200 }),
      "headers that understate the size": zipBombBytes({ mebibytes: 200, declaredSize: 900 }),
      "sizes after the data, understated": zipBombBytes({ mebibytes: 200, declaredSize: 900, dataDescriptor: true }),
      "24 GiB in 25 MB, understated": zipBombBytes({ mebibytes: 24_000, declaredSize: 900 }),
    };
    const own = await recordsToAttachTo(c.council, "DB");
    for (const [variant, bytes] of Object.entries(bombs)) {
      const rowsBefore = await documentRows();
      const filesBefore = storedFiles();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => {
        rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      }, 5);
      const started = performance.now();
      const outcome = await upload(
        own.parents.site,
        { name: "statement.docx", bytes },
        { kind: "witness_statement", title: "Statement" },
        { cookie: c.cookie },
      ).finally(() => clearInterval(sampler));
      const milliseconds = performance.now() - started;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);

      expect(milliseconds, variant).toBeLessThan(2000);
      expect(rssPeak - rssBefore, variant).toBeLessThan(200 * 1024 * 1024);
      expect(outcome.status, variant).toBe(400);
      expect(fieldErrors(outcome.body).file, variant).toEqual([
        "The file could not be checked: it is a compressed file that expands to an implausible size. Save it again from Word or Excel and upload that copy.",
      ]);
      expect(await documentRows(), variant).toEqual(rowsBefore);
      expect(storedFiles(), variant).toEqual(filesBefore);
    }
  });

  it("an empty file, and no file at all, are refused", async () => {
    await expectRefused({ name: "empty.pdf", bytes: new Uint8Array() }, {}, { file: "The selected file is empty" });
    await expectRefused(null, {}, { file: "Select a file to upload" });
  });

  it("a file of 25 MB and 1 byte is refused, and what was typed in the other fields comes back", async () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    bytes.set(pdfBytes());
    const outcome = await expectRefused(
      { name: "huge.pdf", bytes },
      { title: "A very long bundle" },
      { file: "The selected file must be smaller than 25 MB" },
    );
    expect((outcome.body as { initialValue?: Record<string, unknown> }).initialValue?.title).toBe("A very long bundle");
  });

  it("a file of exactly 25 MB is accepted", async () => {
    const bytes = new Uint8Array(MAX_DOCUMENT_BYTES);
    bytes.set(pdfBytes());
    const outcome = await upload(
      records.parents.site,
      { name: "bundle.pdf", bytes },
      {
        kind: "report",
        title: "Full bundle",
      },
      { cookie: c.cookie },
    );
    expect(outcome.status).toBe(302);
    expect((await newestDocument())?.sizeBytes).toBe(MAX_DOCUMENT_BYTES);
  });

  it("a document both privileged and publishable is refused; every problem is shown at once", async () => {
    await expectRefused(
      { name: "advice.pdf", bytes: pdfBytes() },
      { privileged: "on", publishable: "on" },
      {
        publishable:
          "A legally privileged document cannot be published. Untick 'Legally privileged' or 'May be published'",
      },
    );
    await expectRefused(
      { name: "page.pdf", bytes: new TextEncoder().encode("<html></html>") },
      { title: "", kind: "" },
      {
        file: "The selected file must be a PDF, a Word, Excel or OpenDocument text file, or a JPEG, PNG, WebP, HEIC or TIFF image",
        title: "Enter a title for the document",
        kind: "Select what kind of document this is",
      },
    );
  });

  it("a form sent from another site is refused", async () => {
    const before = await documentRows();
    const outcome = await upload(
      records.parents.legalCase,
      { name: "judgment.pdf", bytes: pdfBytes() },
      { kind: "judgment", title: "Forged" },
      { origin: "https://evil.example" },
    );
    expect(outcome.status).toBe(403);
    expect(await documentRows()).toEqual(before);
  });

  it("if the database refuses the row, the stored file is removed", async () => {
    const filesBefore = storedFiles();
    await expect(
      uploadDocument(
        legalScope,
        records.parents.legalCase,
        // A kind the database does not know: the insert fails after the bytes were written.
        { kind: "not-a-kind" as never, title: "Broken", documentDate: null, privileged: false, publishable: false },
        { name: "x.pdf", bytes: pdfBytes(), size: pdfBytes().byteLength },
      ),
    ).rejects.toThrow();
    expect(storedFiles()).toEqual(filesBefore);
    expect((await documentRows()).some((row) => row.title === "Broken")).toBe(false);
  });
});

describe("who may upload, and privileged documents", () => {
  it("officers and council admins upload to sites, planning records and complaints, not to cases; legal the reverse; viewers to nothing", async () => {
    const expectations: [string, DocumentParentRef, number][] = [
      [c.cookie, records.parents.legalCase, 403],
      [c.cookie, records.parents.proceeding, 403],
      [adminCookie, records.parents.legalCase, 403],
      [legalCookie, records.parents.site, 403],
      [legalCookie, records.parents.planningRecord, 403],
      [legalCookie, records.parents.complaint, 403],
      [viewerCookie, records.parents.site, 403],
      [viewerCookie, records.parents.legalCase, 403],
      [adminCookie, records.parents.complaint, 200],
      [c.cookie, records.parents.planningRecord, 200],
      [legalCookie, records.parents.proceeding, 200],
    ];
    for (const [cookie, parent, status] of expectations) {
      const page = await run(() =>
        uploadLoader({
          request: getRequest(documentUploadHref(c.council.slug, parent), cookie),
          params: { slug: c.council.slug },
          context: {},
        }),
      );
      expect(page.status, `${parent.type} page`).toBe(status);
    }
    const before = await documentRows();
    for (const [cookie, parent, status] of expectations.filter(([, , status]) => status === 403)) {
      const outcome = await upload(
        parent,
        { name: "x.pdf", bytes: pdfBytes() },
        { kind: "other", title: "Not allowed" },
        {
          cookie,
        },
      );
      expect(outcome.status, `${parent.type} upload`).toBe(status);
    }
    expect(await documentRows()).toEqual(before);
  });

  it("an unknown or malformed parent is a 404", async () => {
    for (const query of ["", "?case=DC-L-9999", "?case=DC-L-0001&proceeding=nope", "?site=DC-S-0001&case=DC-L-0001"]) {
      const page = await run(() =>
        uploadLoader({
          request: getRequest(`/c/${c.council.slug}/documents/new${query}`, legalCookie),
          params: { slug: c.council.slug },
          context: {},
        }),
      );
      expect(page.status, query).toBe(404);
    }
  });

  it("viewers never see a privileged document: not in the list, not by its address, not on the timeline", async () => {
    const outcome = await upload(
      records.parents.legalCase,
      { name: "counsel-advice.pdf", bytes: pdfBytes("Advice") },
      { kind: "correspondence", title: "Counsel's advice on merits", privileged: "on" },
    );
    expect(outcome.status).toBe(302);
    const privileged = await newestDocument();
    if (!privileged) throw new Error("no document");
    expect(privileged.privileged).toBe(true);

    expect((await listDocuments(legalScope, records.parents.legalCase)).map((row) => row.title)).toContain(
      "Counsel's advice on merits",
    );
    const officerScope = c.scope;
    expect((await listDocuments(officerScope, records.parents.legalCase)).map((row) => row.title)).toContain(
      "Counsel's advice on merits",
    );
    expect((await listDocuments(viewerScope, records.parents.legalCase)).map((row) => row.title)).toEqual([
      "Judgment of Eyre J",
    ]);
    expect((await download(privileged.id, viewerCookie)).status).toBe(404);
    expect((await download(privileged.id, c.cookie)).status).toBe(200);
    const judgment = (await documentRows()).find((row) => row.title === "Judgment of Eyre J");
    expect((await download(judgment?.id ?? "", viewerCookie)).status).toBe(200);
    const flagsPage = await run(() =>
      flagsLoader({
        request: getRequest(`/c/${c.council.slug}/documents/${privileged.id}/flags`, viewerCookie),
        params: { slug: c.council.slug, documentId: privileged.id },
        context: {},
      }),
    );
    expect(flagsPage.status).toBe(404);
    const [event] = await getDb()
      .select()
      .from(timelineEvents)
      .where(and(eq(timelineEvents.subjectType, "document"), eq(timelineEvents.subjectId, privileged.id)));
    expect(event?.privileged).toBe(true);
    expect(event?.visibility).toBe("internal");
  });

  it("a download of something that is not a document is a 404", async () => {
    expect((await download("not-a-uuid", legalCookie)).status).toBe(404);
    expect((await download("00000000-0000-4000-8000-000000000000", legalCookie)).status).toBe(404);
  });
});

describe("changing a document's flags", () => {
  async function changeFlags(documentId: string, fields: Record<string, string>, cookie = legalCookie) {
    return run(() =>
      flagsAction({
        request: formRequest(`/c/${c.council.slug}/documents/${documentId}/flags`, fields, { cookie }),
        params: { slug: c.council.slug, documentId },
        context: {},
      }),
    );
  }

  it("the legal team marks a judgment privileged and back to publishable; audited; the timeline event follows", async () => {
    const judgment = (await documentRows()).find((row) => row.title === "Judgment of Eyre J");
    if (!judgment) throw new Error("no document");
    const page = await run(() =>
      flagsLoader({
        request: getRequest(`/c/${c.council.slug}/documents/${judgment.id}/flags`, legalCookie),
        params: { slug: c.council.slug, documentId: judgment.id },
        context: {},
      }),
    );
    expect(page.status).toBe(200);

    const marked = await changeFlags(judgment.id, { privileged: "on" });
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(
      `/c/${c.council.slug}/cases/${records.legalCase.reference}?done=document-flags-changed#documents`,
    );
    const eventOf = async () =>
      (
        await getDb()
          .select()
          .from(timelineEvents)
          .where(and(eq(timelineEvents.subjectType, "document"), eq(timelineEvents.subjectId, judgment.id)))
      )[0];
    expect((await eventOf())?.privileged).toBe(true);
    expect((await download(judgment.id, viewerCookie)).status).toBe(404);

    expect((await changeFlags(judgment.id, { publishable: "on" })).status).toBe(302);
    const [after] = await getDb().select().from(documents).where(eq(documents.id, judgment.id));
    expect(after).toMatchObject({ privileged: false, publishable: true });
    expect((await eventOf())?.privileged).toBe(false);

    const audits = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, judgment.id), eq(auditEvents.action, "document.flags_changed")));
    expect(audits.map((audit) => audit.after)).toEqual(
      expect.arrayContaining([
        { privileged: true, publishable: false },
        { privileged: false, publishable: true },
      ]),
    );
  });

  it("both flags at once are refused; officers cannot change a case's documents, viewers nothing", async () => {
    const judgment = (await documentRows()).find((row) => row.title === "Judgment of Eyre J");
    if (!judgment) throw new Error("no document");
    const before = await documentRows();
    const both = await changeFlags(judgment.id, { privileged: "on", publishable: "on" });
    expect(both.status).toBe(400);
    expect(fieldErrors(both.body).publishable).toEqual([
      "A legally privileged document cannot be published. Untick 'Legally privileged' or 'May be published'",
    ]);
    expect((await changeFlags(judgment.id, { privileged: "on" }, c.cookie)).status).toBe(403);
    expect((await changeFlags(judgment.id, { privileged: "on" }, viewerCookie)).status).toBe(403);
    expect(await documentRows()).toEqual(before);
  });
});

describe("file names", () => {
  it("are tidied: no folders, control or direction-changing characters, and an ending that matches the bytes", () => {
    expect(cleanFileName("report.pdf", "application/pdf")).toBe("report.pdf");
    expect(cleanFileName("REPORT.PDF", "application/pdf")).toBe("REPORT.pdf");
    expect(cleanFileName("photo.jpeg", "image/jpeg")).toBe("photo.jpeg");
    expect(cleanFileName("evil\u202Efdp.exe", "application/pdf")).toBe("evilfdp.exe.pdf");
    expect(cleanFileName("..\\..\\etc/passwd", "application/pdf")).toBe("etcpasswd.pdf");
    expect(cleanFileName("line\nbreak\u0000.png", "image/png")).toBe("linebreak.png");
    expect(cleanFileName("", "image/png")).toBe("document.png");
    expect(cleanFileName(`${"a".repeat(300)}.pdf`, "application/pdf")).toBe(`${"a".repeat(150)}.pdf`);
  });
});
