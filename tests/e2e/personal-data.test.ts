// A complainant's email address appears on no page or download outside the council's own officer
// views: every response the browser receives, for each other kind of visitor, is searched for it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { expectAccessible } from "./support";

const app = withApp();

// The demo complainants at Northmere (fictional): db/seed/sites.ts.
const COMPLAINANT_EMAIL = /resident\d@northmere\.example/;

const PAGES = [
  "/",
  "/c/northmere",
  "/c/northmere/sites",
  "/c/northmere/sites/NM-S-0001",
  "/c/northmere/complaints",
  "/c/northmere/complaints/NM-C-0001",
  "/c/northmere/complaints/NM-C-0002",
  "/c/northmere/complaints/NM-C-0003",
  "/c/northmere/audit",
  "/c/northmere/members",
];
const DOWNLOADS = ["/c/northmere/sites.csv", "/c/northmere/complaints.csv", "/c/northmere/complaints/contacts.csv"];

/** Visits every page and download; returns the URLs whose body contained a complainant's email. */
async function leaks(page: Page): Promise<{ leaked: string[]; seen: number }> {
  const leaked: string[] = [];
  let seen = 0;
  page.on("response", async (response) => {
    const body = await response.text().catch(() => "");
    seen += 1;
    if (COMPLAINANT_EMAIL.test(body)) leaked.push(response.url());
  });
  for (const path of PAGES) {
    await page.goto(`${app.baseUrl}${path}`);
    if ((await page.locator("h1").textContent()) !== "Page not found") await expectAccessible(page);
  }
  for (const path of DOWNLOADS) {
    const response = await page.request.get(`${app.baseUrl}${path}`);
    seen += 1;
    if (COMPLAINANT_EMAIL.test(await response.text())) leaked.push(`${path} (download)`);
  }
  await page.waitForTimeout(200);
  return { leaked, seen };
}

describe("complainants' contact details", () => {
  it("an officer of the council sees them (so the search below can find them)", async () => {
    const { page } = await app.signedInPage("officer@northmere.example", { landing: "/c/northmere" });
    const { leaked } = await leaks(page);
    expect(leaked.some((url) => url.includes("/complaints/NM-C-0001"))).toBe(true);
    expect(leaked).toContain("/c/northmere/complaints/contacts.csv (download)");
    expect(leaked.some((url) => url.endsWith("/complaints.csv (download)"))).toBe(false);
  });

  it.each([
    "legal@northmere.example",
    "viewer@northmere.example",
    "admin@epping-forest.example",
    "officer@epping-forest.example",
  ])("appear in no response to %s", async (email) => {
    const { page } = await app.signedInPage(email);
    await page.waitForLoadState("load");
    const { leaked, seen } = await leaks(page);
    expect(seen).toBeGreaterThan(PAGES.length);
    expect(leaked).toEqual([]);
  });

  it("appear in no response to someone not signed in", async () => {
    const { page } = await app.openPage({ javaScriptEnabled: false });
    const { leaked } = await leaks(page);
    expect(leaked).toEqual([]);
  });
});
