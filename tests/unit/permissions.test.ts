// Who may do what: the permissions table (README, Decisions 9 and 23), and the lint rule that keeps
// role comparisons out of the rest of app/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  can,
  PERMISSIONS,
  type Permission,
  permissions,
  type Role,
  roles,
  whoMay,
} from "~/server/access/permissions.server";

const holders = (permission: Permission) => roles.filter((role) => can(role, permission));

describe("the permissions table", () => {
  it("a council admin does an officer's work but not legal's; legal and officer are separate; all can read", () => {
    expect(can("council_admin", "site:write")).toBe(true);
    expect(can("council_admin", "legal-case:write")).toBe(false);
    expect(can("officer", "legal-case:write")).toBe(false);
    expect(can("legal", "site:write")).toBe(false);
    expect(can("viewer", "site:write")).toBe(false);
    for (const role of roles) expect(can(role, "record:read")).toBe(true);
  });

  it("lets a council admin do everything an officer may", () => {
    for (const permission of permissions) {
      if (can("officer", permission)) expect(can("council_admin", permission), permission).toBe(true);
    }
  });

  it("keeps legal's work to legal: cases, their documents, privileged chronologies, sharing precedents", () => {
    const legalOnly = permissions.filter((permission) => holders(permission).join() === "legal");
    expect(legalOnly.sort()).toEqual(
      [
        "case-document:flag",
        "case-document:upload",
        "chronology:include-privileged",
        "legal-case:write",
        "precedent:share",
      ].sort(),
    );
  });

  it("lets viewers read and keep a calendar, and nothing else: never privileged material or contact details", () => {
    expect(permissions.filter((permission) => can("viewer", permission)).sort()).toEqual([
      "calendar:use",
      "record:read",
    ]);
    expect(can("viewer", "privileged:read")).toBe(false);
    expect(can("viewer", "complaint-contact:read")).toBe(false);
    expect(holders("privileged:read")).toEqual(["council_admin", "officer", "legal"]);
  });

  it("lets the legal team and council admins confirm or dismiss a court clock; officers and viewers only read it", () => {
    expect(holders("court-clock:decide")).toEqual(["council_admin", "legal"]);
    expect(whoMay("court-clock:decide")).toBe("council admin or legal");
  });

  it("keeps running the council to council admins", () => {
    for (const permission of ["member:manage", "audit:read", "boundary:upload", "publish"] as const) {
      expect(holders(permission), permission).toEqual(["council_admin"]);
    }
  });

  it("lists each permission's roles once, in the order of the roles", () => {
    for (const permission of permissions) {
      const listed: readonly Role[] = PERMISSIONS[permission];
      expect(listed.length, permission).toBeGreaterThan(0);
      expect([...listed], permission).toEqual(roles.filter((role) => listed.includes(role)));
    }
  });

  it("names the roles that may, in words, for a refusal", () => {
    expect(whoMay("site:write")).toBe("council admin or officer");
    expect(whoMay("member:manage")).toBe("council admin");
    expect(whoMay("timeline:write")).toBe("council admin, officer or legal");
    expect(whoMay("record:read")).toBe("council admin, officer, legal or viewer");
  });
});

describe("the lint rule against role comparisons (tests/lint/role-comparisons.grit)", () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const biome = fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url));

  /** Lints `source` as a file in the folder `path` inside app/, returning Biome's report. */
  function lint(path: string, source: string): string {
    const folder = mkdtempSync(`${root}app/${path}/probe-`);
    try {
      writeFileSync(`${folder}/probe.ts`, source);
      const run = spawnSync(biome, ["lint", "--max-diagnostics=50", `${folder}/probe.ts`], {
        cwd: root,
        encoding: "utf8",
      });
      return `${run.stdout}${run.stderr}`;
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  const comparisons = `export function probe(scope: { role: string }, role: string, member?: { role: string }) {
  return [scope.role === "viewer", role !== "council_admin", "legal" === role, member?.role === "officer"];
}
`;

  it("flags every comparison of a role with a role name in app/, outside the access folder", () => {
    const report = lint("server", comparisons);
    expect(report.match(/A role compared with a role name/g)).toHaveLength(4);
  });

  it("leaves the permissions module's own folder alone", () => {
    const report = lint("server/access", comparisons);
    expect(report).toContain("Checked 1 file");
    expect(report).not.toContain("A role compared with a role name");
  });
});
