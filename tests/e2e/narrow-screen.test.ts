// On a phone's width (320 CSS pixels, WCAG 2.2's reflow width) no page scrolls sideways: a wide table
// scrolls inside its own named region, which a keyboard can reach and scroll. Checked as each role
// sees its pages, with axe-core on each.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { expectAccessible } from "./support";

const WIDTH = 320;
const app = withApp();

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

const COUNCIL = "/c/epping-forest";

describe("a narrow screen", () => {
  it.each([
    [
      "admin@epping-forest.example",
      [
        COUNCIL,
        `${COUNCIL}/sites`,
        `${COUNCIL}/map`,
        `${COUNCIL}/map?on=2025-08-19`,
        `${COUNCIL}/sites/EF-S-0001`,
        `${COUNCIL}/complaints`,
        `${COUNCIL}/cases`,
        `${COUNCIL}/cases/EF-L-0001`,
        `${COUNCIL}/deadlines`,
        `${COUNCIL}/members`,
        `${COUNCIL}/audit`,
      ],
    ],
    ["platform@demo.example", ["/admin/councils", "/admin/audit"]],
  ])("shows %s's pages without sideways scrolling", async (email, paths) => {
    const { page, errors } = await app.signedInPage(email, { width: WIDTH });
    await page.waitForLoadState("networkidle");
    for (const path of paths) {
      const response = await page.goto(`${app.baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await pageWidth(page), path).toBeLessThanOrEqual(WIDTH);
      await expectAccessible(page);
    }
    expect(errors).toEqual([]);
  });

  it("scrolls the sites table in its own region, by keyboard too", async () => {
    const { page } = await app.signedInPage("officer@epping-forest.example", { width: WIDTH, landing: COUNCIL });
    await page.goto(`${app.baseUrl}${COUNCIL}/sites`);
    const region = page.getByRole("region", { name: "Sites" });
    const sizes = await region.evaluate((element) => ({ client: element.clientWidth, scroll: element.scrollWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    await region.focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  });
});
