// Searching the sites register in the browser, with and without JavaScript: a reference typed in
// lower case, words from the name and the town, and a search too long for the box, which the page
// explains. Every page visited is checked with axe-core.
import { describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { expectAccessible } from "./support";

const app = withApp();
const COUNCIL = "/c/epping-forest";

for (const javaScriptEnabled of [true, false]) {
  describe(`searching the sites register ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    it("finds a site by its reference or by words, and explains a search that is too long", async () => {
      const { page, errors } = await app.signedInPage("officer@epping-forest.example", {
        javaScriptEnabled,
        landing: COUNCIL,
      });
      await page.goto(app.url(`${COUNCIL}/sites`));
      const table = page.getByRole("table");
      const search = async (text: string) => {
        await page.getByLabel("Search", { exact: true }).fill(text);
        await page.getByRole("button", { name: "Apply filters" }).click();
        await page.waitForURL((url) => url.searchParams.get("search") === text);
      };

      await search("ef-s-0001");
      await table.getByRole("link", { name: "The Bell Hotel" }).waitFor();
      await expect(table.locator("caption").textContent()).resolves.toContain("1 site");
      await expectAccessible(page);

      await search("bell epping");
      await table.getByRole("link", { name: "The Bell Hotel" }).waitFor();
      await expect(table.locator("caption").textContent()).resolves.toContain("1 site");

      await search("bell northmere");
      await page.getByText("No sites match.").waitFor();

      await search("bell ".repeat(21));
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
        "Search must be 100 characters or fewer",
      );
      await expect(page.locator("#filter-search-error").textContent()).resolves.toContain(
        "Search must be 100 characters or fewer",
      );
      await expectAccessible(page);
      expect(errors).toEqual([]);
    });
  });
}
