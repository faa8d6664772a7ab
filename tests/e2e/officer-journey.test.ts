// An officer's day, in the browser with and without JavaScript: add a site, serve a PCN, see its
// response date on the dashboard, log a complaint about the site and link it to the PCN.
// Every page visited is checked with axe-core.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { addDays, todayInLondon } from "../../app/lib/dates";
import { formatDate } from "../../app/lib/format";
import { withApp } from "./fixture";
import { expectAccessible, screenshotPath } from "./support";

const app = withApp();

async function fillDate(page: Page, legend: string, iso: string) {
  const [year = "", month = "", day = ""] = iso.split("-");
  const group = page.getByRole("group", { name: legend });
  await group.getByLabel("Day").fill(String(Number(day)));
  await group.getByLabel("Month").fill(String(Number(month)));
  await group.getByLabel("Year").fill(year);
}

for (const javaScriptEnabled of [true, false]) {
  describe(`an officer's journey ${javaScriptEnabled ? "with" : "without"} JavaScript`, () => {
    it("adds a site, serves a PCN, sees the deadline on the dashboard, logs and links a complaint", async () => {
      const siteName = `Riverside Hotel ${javaScriptEnabled ? "A" : "B"}`;
      const { page, errors } = await app.signedInPage("officer@epping-forest.example", {
        javaScriptEnabled,
        landing: "/c/epping-forest",
      });

      await page.getByRole("link", { name: "Sites", exact: true }).first().click();
      await page.waitForURL(/\/sites$/);
      await page.getByRole("heading", { level: 1, name: "Sites" }).waitFor();
      await expectAccessible(page);
      await page.getByRole("link", { name: "Add a site" }).click();
      await page.waitForURL(/\/sites\/new$/);
      await page.getByRole("heading", { level: 1, name: "Add a site" }).waitFor();
      await expectAccessible(page);

      // A mistake first: the error summary, and nothing lost.
      await page.getByLabel("Name of the site").fill(siteName);
      await page.getByLabel("Postcode", { exact: true }).fill("nowhere");
      await page.getByRole("button", { name: "Add site" }).click();
      await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
        "Enter a real postcode, like SW1A 1AA",
      );
      await expect(page.getByLabel("Name of the site").inputValue()).resolves.toBe(siteName);
      await expectAccessible(page);

      await page.getByLabel("Postcode", { exact: true }).fill("CM16 4AA");
      await page.getByLabel("Town or city").fill("Epping");
      await page.getByRole("radio", { name: "Proposed" }).check();
      await page.getByRole("button", { name: "Add site" }).click();
      await page.waitForURL(/\/sites\/EF-S-\d{4}\?done=created/);
      const siteUrl = page.url().split("?")[0] ?? "";
      await page.getByRole("heading", { level: 1, name: siteName }).waitFor();
      await expectAccessible(page);

      await page.getByRole("link", { name: "Add a planning or enforcement record" }).click();
      await expectAccessible(page);
      await page.getByRole("radio", { name: "Planning contravention notice (PCN)" }).check();
      await page.getByRole("button", { name: "Continue" }).click();
      await page.waitForURL(/kind=planning_contravention_notice/);
      await expectAccessible(page);
      const served = addDays(todayInLondon(), -10);
      const reference = `PCN/E2E/${javaScriptEnabled ? 1 : 2}`;
      await page.getByLabel("Reference (optional)").fill(reference);
      await fillDate(page, "Date served", served);
      await page.getByRole("button", { name: "Save record" }).click();
      await page.waitForURL(/done=record-saved/);
      const due = formatDate(addDays(served, 20));
      await page
        .locator("main li", { hasText: `${due}: Response due` })
        .first()
        .waitFor();
      await expectAccessible(page);

      await page.getByRole("link", { name: "Dashboard" }).click();
      await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
      const dueRow = page.getByRole("row", { name: new RegExp(reference.replace(/\//g, "\\/")) });
      await expect(dueRow.textContent()).resolves.toContain(due);
      await expect(dueRow.textContent()).resolves.toContain("Response due");
      await expectAccessible(page);
      await page.screenshot({
        path: screenshotPath(`dashboard-deadline-${javaScriptEnabled ? "js" : "no-js"}`),
        fullPage: true,
      });

      // The complaint, linked to the site and then to the PCN.
      await page.goto(`${siteUrl}`);
      const siteReference = siteUrl.split("/").at(-1) ?? "";
      await page.goto(`${app.baseUrl}/c/epping-forest/complaints/new?site=${siteReference}`);
      await expectAccessible(page);
      await fillDate(page, "Date received", addDays(todayInLondon(), -2));
      await page.getByRole("radio", { name: "Email" }).check();
      await page.getByRole("radio", { name: "Planning breach" }).check();
      await page.getByLabel("Summary").fill(`Coaches arriving at night (${javaScriptEnabled ? "js" : "no-js"})`);
      await page.getByLabel("Email address").fill(`neighbour-${javaScriptEnabled ? "js" : "nojs"}@resident.example`);
      await page.getByRole("button", { name: "Log complaint" }).click();
      await page.waitForURL(/\/complaints\/EF-C-\d{4}/);
      await page.locator("main", { hasText: siteName }).waitFor();
      await expectAccessible(page);

      await page
        .getByLabel("Planning record")
        .selectOption({ label: `Planning contravention notice (PCN) ${reference} (Open)` });
      await page.getByRole("button", { name: "Link record" }).click();
      await page.waitForLoadState("load");
      await page.waitForURL(/done=linked/);
      await page.locator("main p", { hasText: "Status: Linked to enforcement" }).waitFor();
      await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain(
        "The complaint has been linked to the planning or enforcement record.",
      );
      await expectAccessible(page);
      // The one deliberate mistake above is answered with 400, which the browser reports.
      expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
    });
  });
}
