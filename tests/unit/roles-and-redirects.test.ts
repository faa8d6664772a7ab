// Who may do what, and where sign-in may send someone.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "~/lib/format";
import { safeRedirect } from "~/lib/safe-redirect";
import { roleSatisfies, rolesThatSatisfy } from "~/server/tenancy.server";

describe("roles", () => {
  it("a council admin does an officer's work but not legal's; legal and officer are separate; all can read", () => {
    expect(roleSatisfies("council_admin", "officer")).toBe(true);
    expect(roleSatisfies("council_admin", "legal")).toBe(false);
    expect(roleSatisfies("officer", "legal")).toBe(false);
    expect(roleSatisfies("legal", "officer")).toBe(false);
    expect(roleSatisfies("viewer", "officer")).toBe(false);
    for (const role of ["council_admin", "officer", "legal", "viewer"] as const)
      expect(roleSatisfies(role, "viewer")).toBe(true);
  });

  it("names the roles a page needs in words", () => {
    expect(rolesThatSatisfy("officer")).toBe("council admin or officer");
    expect(rolesThatSatisfy("council_admin")).toBe("council admin");
  });
});

describe("safeRedirect", () => {
  it.each([
    ["/c/epping-forest", "/c/epping-forest"],
    ["/c/epping-forest/audit?page=2", "/c/epping-forest/audit?page=2"],
    ["//evil.example", null],
    ["/\\evil.example", null],
    ["https://evil.example", null],
    ["", null],
    [null, null],
    // Browsers drop tabs and newlines from an address and read a backslash as a slash.
    ["/\t/evil.example/", null],
    ["/\n/evil.example/", null],
    ["/\r\n/evil.example", null],
    ["\t//evil.example", null],
    ["/\\/evil.example", null],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/c/epping-forest/sites?q=caf\u00e9#top", "/c/epping-forest/sites?q=caf%C3%A9#top"],
    ["/c/\u2603\r\nSet-Cookie: x=1", "/c/%E2%98%83Set-Cookie:%20x=1"],
    ["/c/epping-forest/sites?q=a\nb", "/c/epping-forest/sites?q=ab"],
  ])("%j → %j", (target, expected) => {
    expect(safeRedirect(target)).toBe(expected);
  });

  it("never returns an address a browser would take to another host", () => {
    for (const target of ["/\t/x.example", "/\\x.example", "/ /x.example", "/\u3000/x.example"]) {
      const result = safeRedirect(target);
      if (result !== null) expect(new URL(result, "https://tracker.example").host).toBe("tracker.example");
    }
  });
});

describe("UK dates", () => {
  it("shows a date as 19 August 2025 and times in London time", () => {
    expect(formatDate(new Date("2025-08-19T12:00:00Z"))).toBe("19 August 2025");
    // 15:00 UTC is 16:00 in London during British Summer Time.
    expect(formatDateTime(new Date("2025-09-12T15:00:00Z"))).toBe("12 September 2025 at 16:00");
    expect(formatDateTime(new Date("2025-12-01T09:30:00Z"))).toBe("1 December 2025 at 09:30");
  });
});
