// The council audit log page: newest first, filtered by record type and person, paginated.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/c.$slug.audit";
import { AUDIT_PAGE_SIZE } from "~/server/audit/audit-log.server";
import { getDb } from "~db/client";
import { auditEvents, type Council } from "~db/schema";
import { createCouncil, createMember, signedInMember } from "../helpers/factories";
import { getRequest, run } from "../helpers/http";

let council: Council;
let cookie: string;
let adminId: string;
let officerId: string;

beforeAll(async () => {
  council = await createCouncil();
  const admin = await signedInMember(council, "council_admin");
  const officer = await createMember(council, "officer");
  adminId = admin.user.id;
  officerId = officer.user.id;
  cookie = admin.cookie;
  const base = Date.UTC(2025, 7, 1, 9);
  const rows = Array.from({ length: AUDIT_PAGE_SIZE + 5 }, (_, index) => ({
    tenantId: council.id,
    actorUserId: index % 2 === 0 ? adminId : officerId,
    action: index % 3 === 0 ? "membership.role_changed" : "council.created",
    entityType: index % 3 === 0 ? "membership" : "council",
    entityId: String(index),
    occurredAt: new Date(base + index * 60_000),
  }));
  await getDb().insert(auditEvents).values(rows);
});

type AuditBody = {
  entries: { entityId: string; entityType: string; actorName: string }[];
  total: number;
  pageCount: number;
};

async function load(query: string) {
  const outcome = await run(() =>
    auditLoader({
      request: getRequest(`/c/${council.slug}/audit${query}`, cookie),
      params: { slug: council.slug },
      context: {},
    }),
  );
  return outcome.body as AuditBody;
}

describe("the audit log page", () => {
  it("shows the newest entry first, one page at a time", async () => {
    const first = await load("");
    expect(first.entries).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.entries[0]?.entityId).toBe(String(AUDIT_PAGE_SIZE + 4));
    expect(first.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(first.pageCount).toBe(2);
    const second = await load("?page=2");
    expect(second.entries.map((entry) => entry.entityId)).toEqual(["4", "3", "2", "1", "0"]);
  });

  it("filters by record type and by person", async () => {
    const memberships = await load("?entity=membership");
    expect(memberships.total).toBe(10);
    expect(memberships.entries.every((entry) => entry.entityType === "membership")).toBe(true);
    const byOfficer = await load(`?user=${officerId}`);
    expect(byOfficer.total).toBe(15);
    const both = await load(`?entity=membership&user=${adminId}`);
    expect(both.entries.map((entry) => Number(entry.entityId)).every((id) => id % 6 === 0)).toBe(true);
  });

  it("treats a nonsense page or filter as no filter rather than failing", async () => {
    const odd = await load("?page=-3&user=not-a-uuid");
    expect(odd.total).toBe(AUDIT_PAGE_SIZE + 5);
    expect(odd.entries[0]?.entityId).toBe(String(AUDIT_PAGE_SIZE + 4));
  });
});
