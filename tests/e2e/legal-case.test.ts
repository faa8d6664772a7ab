// A legal user in the browser: the seeded Epping case shows its appeal chain with links to the
// published judgments, an appeal added to the trial joins the chain, a judgment is uploaded (a
// wrong file first), the timeline shows it, and a chronology is exported (and its CSV downloaded)
// through POST forms, with JavaScript and without; the Epping order shows as set aside, and a change
// of its status without a date is refused. Every page is checked with axe-core.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { pdfBytes } from "../helpers/files";
import { withApp } from "./fixture";
import { expectAccessible, screenshotPath } from "./support";

const app = withApp();

describe("the legal team's case page", () => {
  it("shows the Epping appeal chain and adds an appeal from the trial", async () => {
    const { page, errors } = await app.signedInPage("legal@epping-forest.example", { landing: "/c/epping-forest" });
    await page.getByRole("link", { name: "Legal cases" }).first().click();
    await page.waitForURL(/\/cases$/);
    await page.getByRole("heading", { level: 1, name: "Legal cases" }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Epping Forest DC v Somani Hotels Ltd" }).click();
    await page.waitForURL(/\/cases\/EF-L-0001$/);
    await page.getByRole("heading", { level: 1, name: "Epping Forest DC v Somani Hotels Ltd" }).waitFor();
    await expectAccessible(page);

    const links = await page
      .locator('.app-chain a[href^="https://caselaw.nationalarchives.gov.uk/"]')
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

    // Upload the judgment: a web page dressed up as a PDF is refused, the real PDF is kept.
    await page.getByRole("link", { name: "Upload a document" }).click();
    await page.getByRole("heading", { level: 1, name: "Upload a document" }).waitFor();
    await expectAccessible(page);
    const fileInput = page.getByLabel("Choose the file");
    await fileInput.setInputFiles({
      name: "judgment.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("<html><body>not a judgment</body></html>"),
    });
    await page.getByLabel("Judgment", { exact: true }).check();
    await page.getByLabel("Title").fill("Approved judgment of Mould J");
    await page.getByRole("button", { name: "Upload document" }).click();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "The selected file must be a PDF",
    );
    await expectAccessible(page);
    await page.getByLabel("Choose the file").setInputFiles({
      name: "approved-judgment.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from(pdfBytes("Approved judgment")),
    });
    await page.getByLabel("Judgment", { exact: true }).check();
    await page.getByLabel("Title").fill("Approved judgment of Mould J");
    await page.getByRole("group", { name: "Date of the document (optional)" }).getByLabel("Day").fill("11");
    await page.getByRole("group", { name: "Date of the document (optional)" }).getByLabel("Month").fill("11");
    await page.getByRole("group", { name: "Date of the document (optional)" }).getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Upload document" }).click();
    await page.waitForURL(/done=document-uploaded/);
    await page.getByRole("heading", { level: 1, name: "Epping Forest DC v Somani Hotels Ltd" }).waitFor();
    const documentLink = page.getByRole("link", { name: "Approved judgment of Mould J" }).first();
    const href = await documentLink.getAttribute("href");
    const download = await page.request.get(`${app.baseUrl}${href}`);
    expect(download.headers()["content-type"]).toBe("application/pdf");
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    await expectAccessible(page);

    // The timeline: the judgment sits in date order beside the trial's decision.
    await page.getByRole("link", { name: "Filter the timeline or add an event" }).click();
    await page.getByRole("heading", { level: 1, name: "Timeline" }).waitFor();
    await expect(page.getByRole("heading", { level: 2, name: "2025" }).count()).resolves.toBe(1);
    await expect(page.locator(".app-timeline").textContent()).resolves.toContain(
      "Judgment: Approved judgment of Mould J",
    );
    await expectAccessible(page);

    // The chronology: internal events included, privileged material left out, and said so.
    await page.getByRole("link", { name: "Export a chronology" }).click();
    await page.getByRole("heading", { level: 1, name: "Export a chronology" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Include internal events").check();
    await page.getByRole("button", { name: "Show chronology" }).click();
    await page.getByRole("heading", { level: 2, name: "Chronology" }).waitFor();
    const chronology = await page.getByRole("region", { name: "Chronology" }).textContent();
    expect(chronology).toContain("Epping Forest District Council: chronology of EF-L-0001");
    expect(chronology).toContain("Legally privileged material is excluded.");
    expect(chronology).toContain("Protests outside the hotel began");
    expect(chronology).toContain("Document: approved-judgment.pdf");
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    // As printed for a judge: dates as precise as their sources, the set-aside order's deadline as
    // no longer due (in words, not only struck through), and the trial's findings with their direction.
    const printed = await page.getByRole("region", { name: "Chronology" }).innerText();
    expect(printed).toMatch(/March 2021\s+Use as asylum accommodation ended/);
    expect(printed).not.toContain("1 March 2021");
    expect(printed).toContain("no longer due, set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134");
    expect(printed).toContain("flagrant breach: found not present");
    expect(printed).toContain("Home Secretary's duty to accommodate: weighed against the council");
    await page.screenshot({ path: screenshotPath("chronology-print"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    // The CSV is POSTed by a form beside the chronology with the same choices, so the file matches
    // the screen (internal events in, privileged material out), and the page stays where it is.
    const chronologyUrl = page.url();
    const [csvDownload, csvResponse] = await Promise.all([
      page.waitForEvent("download"),
      page.waitForResponse((response) => response.url().endsWith("/chronology.csv")),
      page.getByRole("button", { name: "Download as CSV" }).click(),
    ]);
    expect(csvResponse.request().method()).toBe("POST");
    expect(csvResponse.headers()["content-type"]).toContain("text/csv");
    expect(csvDownload.suggestedFilename()).toBe("EF-L-0001-chronology.csv");
    const csv = await readFile(await csvDownload.path(), "utf8");
    expect(csv).toContain("Approved judgment of Mould J");
    expect(csv).toContain("Protests outside the hotel began");
    expect(csv).toContain("Legally privileged material is excluded.");
    expect(page.url()).toBe(chronologyUrl);
    await page.getByRole("heading", { level: 2, name: "Chronology" }).waitFor();
    // A link to the file's address is not an export.
    const linked = await page.request.get(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001/chronology.csv?internal=on`);
    expect(linked.status()).toBe(405);
    expect(linked.headers().allow).toBe("POST");
    expect(errors.filter((error) => !/status of (400|413)/.test(error))).toEqual([]);
  });

  it("exports the same chronology and CSV without JavaScript", async () => {
    const { page, errors } = await app.signedInPage("legal@epping-forest.example", {
      javaScriptEnabled: false,
      landing: "/c/epping-forest",
    });
    // A link carrying the old choices shows only the choices form.
    await page.goto(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001/chronology?show=1&internal=on&privileged=on`);
    await page.getByRole("heading", { level: 1, name: "Export a chronology" }).waitFor();
    await expect(page.getByRole("region", { name: "Chronology" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Include legally privileged material").isChecked()).resolves.toBe(false);
    await expectAccessible(page);
    // Choices that fail their checks come back with the error summary.
    const from = page.getByRole("group", { name: "From (optional)" });
    await from.getByLabel("Day").fill("31");
    await from.getByLabel("Month").fill("2");
    await from.getByLabel("Year").fill("2025");
    await page.getByRole("button", { name: "Show chronology" }).click();
    await page.getByRole("heading", { level: 2, name: "There is a problem" }).waitFor();
    await expectAccessible(page);
    await from.getByLabel("Day").fill("1");
    await from.getByLabel("Month").fill("8");
    await page.getByLabel("Include internal events").check();
    await page.getByLabel("Include legally privileged material").check();
    await page.getByRole("button", { name: "Show chronology" }).click();
    await page.getByRole("heading", { level: 2, name: "Chronology" }).waitFor();
    const chronology = await page.getByRole("region", { name: "Chronology" }).textContent();
    expect(chronology).toContain("Dates: from 1 August 2025. Includes internal events.");
    expect(chronology).toContain("PRIVILEGED AND CONFIDENTIAL");
    expect(chronology).not.toContain("Protests outside the hotel began");
    await expectAccessible(page);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download as CSV" }).click(),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("Dates: from 1 August 2025. Includes internal events.");
    expect(csv).toContain("PRIVILEGED AND CONFIDENTIAL");
    expect(csv).not.toContain("Protests outside the hotel began");
    expect(errors.filter((error) => !/status of (400|413)/.test(error))).toEqual([]);
  });

  it("shows the Epping order set aside, its deadline struck through beside the words, and refuses a status without a date", async () => {
    const { page, errors } = await app.signedInPage("legal@epping-forest.example", { landing: "/c/epping-forest" });
    await page.goto(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001`);
    await page.getByRole("heading", { level: 1, name: "Epping Forest DC v Somani Hotels Ltd" }).waitFor();
    const interim = page.locator(".app-chain__item").first();
    await expect(interim.locator("del").first().textContent()).resolves.toBe("by 16:00 on 12 September 2025");
    await expect(interim.textContent()).resolves.toContain(
      "Set aside on 29 August 2025 by the Court of Appeal [2025] EWCA Civ 1134.",
    );

    await page
      .getByRole("link", { name: /^Change High Court, King's Bench Division: Application for an interim injunction/ })
      .click();
    await page.getByRole("heading", { level: 2, name: "Orders" }).waitFor();
    await page.getByText("Change where the order stands").click();
    const form = page.getByRole("group", { name: "Where the order stands" });
    await expect(form.getByLabel("Set aside").isChecked()).resolves.toBe(true);
    await expectAccessible(page);
    await form.getByLabel("Discharged").check();
    const changed = page.getByRole("group", { name: "Date it changed" });
    await changed.getByLabel("Day").fill("");
    await changed.getByLabel("Month").fill("");
    await changed.getByLabel("Year").fill("");
    await page.getByRole("button", { name: "Save where the order stands" }).click();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Enter the date the order was discharged",
    );
    await expectAccessible(page);
    await page.goto(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001`);
    await expect(page.locator(".app-chain__item").first().textContent()).resolves.toContain(
      "Set aside on 29 August 2025",
    );
    expect(errors.filter((error) => !/status of (400|413)/.test(error))).toEqual([]);
  });
});
