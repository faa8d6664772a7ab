// A legal user in the browser: the seeded Epping case shows its appeal chain with links to the
// published judgments, and an appeal added to the trial joins the chain. Every page is checked
// with axe-core.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  expectAccessible,
  launchBrowser,
  openPage,
  type RunningApp,
  screenshotPath,
  signInAs,
  startApp,
} from "./support";

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("the legal team's case page", () => {
  it("shows the Epping appeal chain and adds an appeal from the trial", async () => {
    const { page, errors } = await openPage(browser);
    await signInAs(page, app.baseUrl, "legal@epping-forest.example");
    await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
    await page.getByRole("link", { name: "Legal cases" }).first().click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole("heading", { level: 1, name: "Legal cases" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Epping Forest DC v Somani Hotels Ltd" }).click();
    await page.waitForURL(/\/cases\/EF-L-0001$/);
    await page.getByRole("heading", { level: 1, name: "Epping Forest DC v Somani Hotels Ltd" }).waitFor();
    await expectAccessible(page);

    const links = await page
      .locator('a[href^="https://caselaw.nationalarchives.gov.uk/"]')
      .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute("href")));
    expect(links).toEqual([
      "https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2183",
      "https://caselaw.nationalarchives.gov.uk/ewca/civ/2025/1134",
      "https://caselaw.nationalarchives.gov.uk/ewhc/kb/2025/2937",
    ]);
    // The Court of Appeal sits in the list of appeals from the interim decision, the Supreme Court below it.
    const nested = page.getByRole("list", {
      name: /Appeals and applications from High Court, King's Bench Division: Application for an interim injunction/,
    });
    await expect(nested.textContent()).resolves.toContain("[2025] EWCA Civ 1134");
    await expect(nested.textContent()).resolves.toContain("Supreme Court: Application for permission to appeal");

    await page.getByRole("link", { name: /Add an appeal from High Court, King's Bench Division: Trial/ }).click();
    await page.waitForURL(/proceedings\/new\?from=/);
    await page.getByRole("heading", { level: 1, name: "Add a proceeding" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Court", { exact: true }).selectOption("court_of_appeal_civil");
    await page.getByLabel("Judge or panel (optional)").fill("Andrews LJ, Holgate LJ");
    await page.getByLabel("Outcome (optional)").selectOption("permission_refused");
    await page.getByLabel("Neutral citation (optional)").fill("not a citation");
    await page.getByRole("button", { name: "Save proceeding" }).click();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Enter a neutral citation in the form",
    );
    await expectAccessible(page);
    await page.getByLabel("Neutral citation (optional)").fill("");
    await page.getByLabel("Outcome (optional)").selectOption("");
    await page.getByRole("button", { name: "Save proceeding" }).click();
    await page.waitForURL(/done=proceeding-saved/);
    const trialAppeals = page.getByRole("list", {
      name: /Appeals and applications from High Court, King's Bench Division: Trial/,
    });
    await expect(trialAppeals.textContent()).resolves.toContain("Andrews LJ, Holgate LJ");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("legal-case-chain"), fullPage: true });
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });
});
