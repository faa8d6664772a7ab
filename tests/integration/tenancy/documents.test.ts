// Council B against council A's documents: B's legal team, officers, admins and viewers get 404
// from every document address and every upload page for A's records, through A's URL and B's,
// and nothing changes (no row, no file, no flag); the domain functions return nothing; and
// row-level security hides A's documents from B's transactions, and a viewer's from privileged ones.
import fs from "node:fs";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { type DocumentParentRef, documentUploadHref } from "~/lib/documents";
import type { Role } from "~/lib/roles";
import { loader as downloadLoader } from "~/routes/c.$slug.documents.$documentId";
import { action as flagsAction, loader as flagsLoader } from "~/routes/c.$slug.documents.$documentId_.flags";
import { action as uploadAction, loader as uploadLoader } from "~/routes/c.$slug.documents.new";
import { type TenantScope, withTenant } from "~/server/access/tenancy.server";
import {
  getDocumentForDownload,
  getDocumentForFlags,
  listDocuments,
  setDocumentFlags,
  uploadDocument,
} from "~/server/council/documents/documents.server";
import { env } from "~/server/env.server";
import { getDb } from "~db/client";
import { documents, timelineEvents } from "~db/schema";
import { refusalOf } from "../../helpers/db-errors";
import {
  type CouncilWithOfficer,
  councilWithOfficer,
  memberScope,
  type RecordsToAttachTo,
  recordsToAttachTo,
  scopeFor,
  signedInMember,
} from "../../helpers/factories";
import { pdfBytes, uploadRequest } from "../../helpers/files";
import { formRequest, getRequest, run } from "../../helpers/http";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;
let recordsA: RecordsToAttachTo;
let plainA: string;
let privilegedA: string;
const membersOfB: { role: Role; cookie: string; scope: TenantScope }[] = [];

function storedFiles(): string[] {
  const root = path.join(env().DATA_DIR, "files");
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).sort();
}

async function snapshotOfA() {
  return {
    documents: await getDb().select().from(documents).where(eq(documents.tenantId, a.council.id)),
    events: await getDb().select().from(timelineEvents).where(eq(timelineEvents.tenantId, a.council.id)),
    files: storedFiles(),
  };
}

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "DA" });
  b = await councilWithOfficer({ referencePrefix: "DB" });
  recordsA = await recordsToAttachTo(a.council, "DA");
  await recordsToAttachTo(b.council, "DB");
  const legalScopeA = await memberScope(a.council, "legal", "legal-case:write");
  const file = { name: "judgment.pdf", bytes: pdfBytes(), size: pdfBytes().byteLength };
  const base = { kind: "judgment" as const, documentDate: "2025-08-19", publishable: false };
  plainA =
    (
      await uploadDocument(
        legalScopeA,
        recordsA.parents.legalCase,
        { ...base, title: "A's judgment", privileged: false },
        file,
      )
    )?.id ?? "";
  privilegedA =
    (
      await uploadDocument(
        legalScopeA,
        recordsA.parents.legalCase,
        { ...base, title: "A's advice", privileged: true },
        file,
      )
    )?.id ?? "";
  await uploadDocument(
    a.scope,
    recordsA.parents.site,
    { ...base, kind: "photograph", title: "A's photograph", privileged: false },
    file,
  );
  for (const role of ["legal", "officer", "council_admin", "viewer"] as const) {
    const { cookie } = await signedInMember(b.council, role);
    const scope = await scopeFor(b.council, cookie);
    membersOfB.push({ role, cookie, scope });
  }
});

describe("council B's members against council A's documents", () => {
  it("get 404 for A's document addresses and flags pages, through A's URL and B's", async () => {
    type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
    for (const member of membersOfB) {
      for (const slug of [a.council.slug, b.council.slug]) {
        for (const documentId of [plainA, privilegedA]) {
          const pages: [Loader, string][] = [
            [downloadLoader, `/c/${slug}/documents/${documentId}`],
            [flagsLoader, `/c/${slug}/documents/${documentId}/flags`],
          ];
          for (const [loader, url] of pages) {
            const outcome = await run(() =>
              loader({ request: getRequest(url, member.cookie), params: { slug, documentId }, context: {} }),
            );
            expect(outcome.status, `${member.role} ${url}`).toBe(404);
          }
        }
      }
    }
  });

  it("get 404 from the upload page for each of A's records, through A's URL and B's", async () => {
    for (const member of membersOfB) {
      for (const slug of [a.council.slug, b.council.slug]) {
        for (const parent of Object.values(recordsA.parents) as DocumentParentRef[]) {
          const url = documentUploadHref(slug, parent);
          const outcome = await run(() =>
            uploadLoader({ request: getRequest(url, member.cookie), params: { slug }, context: {} }),
          );
          expect(outcome.status, `${member.role} ${url}`).toBe(404);
        }
      }
    }
  });

  it("cannot upload to A's records or change the flags of A's documents, and nothing changes", async () => {
    const before = await snapshotOfA();
    type Action = (args: ActionFunctionArgs) => Promise<unknown>;
    for (const member of membersOfB) {
      for (const slug of [a.council.slug, b.council.slug]) {
        for (const parent of Object.values(recordsA.parents) as DocumentParentRef[]) {
          const url = documentUploadHref(slug, parent);
          const outcome = await run(() =>
            uploadAction({
              request: uploadRequest(
                url,
                { name: "planted.pdf", bytes: pdfBytes() },
                { kind: "other", title: "Planted" },
                { cookie: member.cookie },
              ),
              params: { slug },
              context: {},
            }),
          );
          expect(outcome.status, `${member.role} ${url}`).toBe(404);
        }
        for (const documentId of [plainA, privilegedA]) {
          const url = `/c/${slug}/documents/${documentId}/flags`;
          const outcome = await run(() =>
            (flagsAction as Action)({
              request: formRequest(url, { publishable: "on" }, { cookie: member.cookie }),
              params: { slug, documentId },
              context: {},
            }),
          );
          expect(outcome.status, `${member.role} ${url}`).toBe(404);
        }
      }
    }
    expect(await snapshotOfA()).toEqual(before);
  });

  it("B's scope gets nothing from the domain functions, and they change nothing", async () => {
    const before = await snapshotOfA();
    for (const { scope } of membersOfB) {
      for (const parent of Object.values(recordsA.parents) as DocumentParentRef[]) {
        expect(await listDocuments(scope, parent)).toEqual([]);
      }
      for (const documentId of [plainA, privilegedA]) {
        expect(await getDocumentForDownload(scope, documentId)).toBeUndefined();
        expect(await getDocumentForFlags(scope, documentId)).toBeUndefined();
      }
    }
    const legalB = membersOfB.find((member) => member.role === "legal")?.scope;
    const officerB = membersOfB.find((member) => member.role === "officer")?.scope;
    if (!legalB || !officerB) throw new Error("members missing");
    expect(await setDocumentFlags(legalB, plainA, { privileged: true, publishable: false })).toBeUndefined();
    const file = { name: "planted.pdf", bytes: pdfBytes(), size: pdfBytes().byteLength };
    const input = {
      kind: "other" as const,
      title: "Planted",
      documentDate: null,
      privileged: false,
      publishable: false,
    };
    expect(await uploadDocument(legalB, recordsA.parents.legalCase, input, file)).toBeUndefined();
    expect(await uploadDocument(officerB, recordsA.parents.site, input, file)).toBeUndefined();
    expect(await snapshotOfA()).toEqual(before);
  });
});

describe("row-level security on documents", () => {
  it("a query in B's transaction that forgets its tenant filter sees none of A's documents", async () => {
    for (const { scope } of membersOfB) {
      const rows = await withTenant(scope, (tx) => tx.select({ id: documents.id }).from(documents));
      expect(rows.map((row) => row.id)).not.toContain(plainA);
      expect(rows.map((row) => row.id)).not.toContain(privilegedA);
    }
  });

  it("B cannot change or delete A's documents even without a tenant filter, nor add one for A", async () => {
    const before = await snapshotOfA();
    const legalB = membersOfB[0]?.scope;
    if (!legalB) throw new Error("member missing");
    await withTenant(legalB, (tx) => tx.execute(sql`update documents set publishable = true where id = ${plainA}`));
    await withTenant(legalB, (tx) => tx.execute(sql`delete from documents where id = ${plainA}`));
    const [source] = before.documents;
    if (!source) throw new Error("no document");
    expect(
      await refusalOf(
        withTenant(legalB, (tx) =>
          tx.insert(documents).values({ ...source, id: undefined, title: "Planted in A", tenantId: a.council.id }),
        ),
      ),
    ).toMatch(/row-level security/);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("A's viewer's transaction does not see A's privileged document, even without the code's filter", async () => {
    const scope = await memberScope(a.council, "viewer");
    const rows = await withTenant(scope, (tx) => tx.select({ id: documents.id }).from(documents));
    expect(rows.map((row) => row.id)).toContain(plainA);
    expect(rows.map((row) => row.id)).not.toContain(privilegedA);
    const events = await withTenant(scope, (tx) =>
      tx.select({ documentId: timelineEvents.documentId }).from(timelineEvents),
    );
    expect(events.map((event) => event.documentId)).not.toContain(privilegedA);
  });
});
