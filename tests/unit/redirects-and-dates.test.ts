// Where sign-in may send someone, and how dates and times are shown. (Who may do what: permissions.test.ts.)
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "~/lib/format";
import { safeRedirect } from "~/lib/safe-redirect";

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
