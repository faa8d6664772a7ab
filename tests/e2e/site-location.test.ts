// A site's position in the browser: the officer opens the form's map with "Choose the position on a
// map" (MapLibre is fetched only then), clicks it, sees the proposed position in words, puts it in the
// latitude and longitude fields with "Use this position" (which clears how accurate the position is,
// for the officer to choose) and keeps it only by saving; the site page then shows it in words, with
// its accuracy, and on a small map. Points outside the UK are refused, the keyboard can open and
// leave the map, and without JavaScript the fields are the whole form. Every page is checked with
// axe-core.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { expectAccessible, screenshotPath } from "./support";

const SITE = "/c/epping-forest/sites/EF-S-0001";
const OFFICER = "officer@epping-forest.example";

const app = withApp();

function signedIn(options: { javaScriptEnabled?: boolean } = {}) {
  return app.signedInPage(OFFICER, { ...options, landing: "/c/epping-forest" });
}

const picker = (page: Page) => page.locator(".app-location-picker");
const openButton = (page: Page) => page.getByRole("button", { name: "Choose the position on a map" });
const accuracyChoices = (page: Page) => page.getByRole("group", { name: "How accurate is this position?" });
const chosenAccuracy = (page: Page) => accuracyChoices(page).locator("input:checked");

/** Opens the picker's map with its button (shown once the page is hydrated). */
async function openPicker(page: Page) {
  await openButton(page).click();
  await expect(openButton(page).getAttribute("aria-expanded")).resolves.toBe("true");
}

/**
 * The scripts among `urls` that are MapLibre or load it: the small map's own chunk, and any script of
 * over 300 kB that names MapLibre (as the pages benchmark tells it; the library's chunk has no name).
 */
async function mapScripts(page: Page, urls: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const url of new Set(urls.filter((url) => new URL(url).pathname.endsWith(".js")))) {
    if (/location-map\.client/.test(url)) {
      found.push(url);
      continue;
    }
    const body = await (await page.request.get(url)).text();
    if (body.length > 300_000 && /maplibre/i.test(body)) found.push(url);
  }
  return found;
}

async function pickerIdle(page: Page) {
  await picker(page).locator('.app-location-map__frame[data-map-state="idle"]').waitFor({ timeout: 60_000 });
}

/** Clicks the picker's map `dx`, `dy` pixels from its centre. */
async function clickPicker(page: Page, dx: number, dy: number) {
  const canvas = picker(page).locator(".maplibregl-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error("The picker has no map.");
  await page.mouse.click(box.x + box.width / 2 + dx, box.y + box.height / 2 + dy);
}

/** The position the picker proposes, as it shows it in words. */
async function proposedPosition(page: Page): Promise<{ latitude: string; longitude: string }> {
  const status = picker(page).locator("output");
  await expect.poll(() => status.textContent()).toMatch(/^New position: /);
  const match = (await status.textContent())?.match(/^New position: (-?\d+(?:\.\d+)?), (-?\d+(?:\.\d+)?)$/);
  if (!match?.[1] || !match[2]) throw new Error(`No position in "${await status.textContent()}"`);
  return { latitude: match[1], longitude: match[2] };
}

const decimals = (text: string) => text.split(".")[1]?.length ?? 0;

describe("placing a site on the map", () => {
  it("proposes the clicked point, fills the fields only on 'Use this position', and keeps it only on saving", async () => {
    const { page, errors } = await signedIn();
    const requests: string[] = [];
    page.context().on("request", (request) => requests.push(request.url()));
    await page.goto(`${app.baseUrl}${SITE}/edit`);
    await page.getByRole("heading", { level: 1, name: "Edit site" }).waitFor();

    // Closed until asked for: the page, hydrated and at rest, has fetched none of MapLibre.
    await openButton(page).waitFor();
    await page.waitForLoadState("networkidle");
    await expect(openButton(page).getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.getByRole("region", { name: "Map for choosing the site's position" }).count()).resolves.toBe(0);
    expect(requests.filter((url) => /maplibre|location-map\.client|\/map\//.test(url))).toEqual([]);
    await expect(mapScripts(page, requests)).resolves.toEqual([]);
    await expectAccessible(page);

    // Opened: now the map's chunk and MapLibre (script and stylesheet) are fetched.
    const beforeOpening = requests.length;
    await openPicker(page);
    await pickerIdle(page);
    const fetchedOnOpening = requests.slice(beforeOpening);
    const scripts = await mapScripts(page, fetchedOnOpening);
    expect(scripts.some((url) => /location-map\.client/.test(url))).toBe(true);
    expect(scripts.some((url) => !/location-map\.client/.test(url))).toBe(true);
    expect(fetchedOnOpening.some((url) => /\/maplibre-gl-[^/]*\.css$/.test(url))).toBe(true);
    await expect(page.getByLabel("Latitude").inputValue()).resolves.toBe("51.7");
    await expect(page.getByLabel("Longitude").inputValue()).resolves.toBe("0.11");
    await expect(page.getByLabel("The town's centre").isChecked()).resolves.toBe(true);
    await expect(page.getByRole("region", { name: "Map for choosing the site's position" }).count()).resolves.toBe(1);
    await expect(picker(page).textContent()).resolves.toContain(
      "With a keyboard, type the latitude and longitude in the fields above instead.",
    );
    await expectAccessible(page);

    // Cancel: the proposal goes, and the fields are as they were.
    await clickPicker(page, -60, 40);
    const cancelled = await proposedPosition(page);
    expect(Number(cancelled.latitude)).toBeLessThan(51.7);
    expect(Number(cancelled.longitude)).toBeLessThan(0.11);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(picker(page).locator("output").textContent()).resolves.toBe("");
    await expect(page.getByRole("button", { name: "Use this position" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Latitude").inputValue()).resolves.toBe("51.7");

    // A click north-east of the site proposes a point there, to 5 decimal places (about a metre).
    await clickPicker(page, 80, -50);
    const proposed = await proposedPosition(page);
    expect(Number(proposed.latitude)).toBeGreaterThan(51.7);
    expect(Number(proposed.longitude)).toBeGreaterThan(0.11);
    expect(decimals(proposed.latitude)).toBeLessThanOrEqual(5);
    expect(decimals(proposed.longitude)).toBeLessThanOrEqual(5);
    // Proposed is not used: the fields still hold the recorded position.
    await expect(page.getByLabel("Latitude").inputValue()).resolves.toBe("51.7");
    await pickerIdle(page);
    await expectAccessible(page);
    await page
      .locator("fieldset")
      .filter({ has: picker(page) })
      .screenshot({ path: screenshotPath("site-location-picker") });

    await page.getByRole("button", { name: "Use this position" }).click();
    await expect.poll(() => page.getByLabel("Latitude").inputValue()).toBe(proposed.latitude);
    await expect.poll(() => page.getByLabel("Longitude").inputValue()).toBe(proposed.longitude);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(
      await page.getByLabel("Latitude").getAttribute("id"),
    );
    await expect(picker(page).locator("output").textContent()).resolves.toBe(
      `The latitude and longitude fields now say ${proposed.latitude}, ${proposed.longitude}. Choose how accurate this position is, then select ‘Save changes’ to keep it.`,
    );
    // The town's centre no longer describes the point: nothing is chosen until the officer chooses.
    await expect(chosenAccuracy(page).count()).resolves.toBe(0);
    await pickerIdle(page);

    // Not saved until the form is.
    const check = await page.context().newPage();
    await check.goto(`${app.baseUrl}${SITE}`);
    await expect(
      check.locator(".govuk-summary-list__row").filter({ hasText: "Location" }).textContent(),
    ).resolves.toContain("51.7, 0.11 (");
    await check.close();

    // Saved without an accuracy: refused with a message, the new position still in the fields.
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator(".govuk-error-summary").waitFor();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Choose how accurate this position is",
    );
    await expect(page.getByLabel("Latitude").inputValue()).resolves.toBe(proposed.latitude);
    await expectAccessible(page);
    await page.getByLabel("Approximate").check();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`${SITE}\\?done=updated$`));
    await page.getByText("The site has been updated.").waitFor();
    const location = page.locator(".govuk-summary-list__row").filter({ hasText: "Location" });
    await expect(location.textContent()).resolves.toContain(`${proposed.latitude}, ${proposed.longitude}`);
    await expect(
      page.locator(".govuk-summary-list__row").filter({ hasText: "Position accuracy" }).textContent(),
    ).resolves.toContain("Approximate");
    await page.locator('.app-location-map__frame[data-map-state="idle"]').waitFor({ timeout: 60_000 });
    await expect(
      page
        .getByRole("region", {
          name: `Map of where The Bell Hotel is: latitude ${proposed.latitude}, longitude ${proposed.longitude}, approximate`,
        })
        .count(),
    ).resolves.toBe(1);
    await expect(
      page.getByRole("link", { name: "See the site on the council's map" }).getAttribute("href"),
    ).resolves.toBe(`/c/epping-forest/map#map=15/${proposed.latitude}/${proposed.longitude}`);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("site-location-site-page"), fullPage: true });

    const elsewhere = requests.filter(
      (url) => !url.startsWith(`${app.baseUrl}/`) && !url.startsWith("data:") && !url.startsWith("blob:"),
    );
    expect(elsewhere).toEqual([]);
    // The one save refused for want of an accuracy is a 400 the browser reports; nothing else.
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });

  it("refuses a point outside the UK, and lets the keyboard leave the map", async () => {
    const { page, errors } = await signedIn();
    await page.goto(`${app.baseUrl}${SITE}/edit`);
    // The button is a button for the keyboard too.
    await openButton(page).focus();
    await page.keyboard.press("Enter");
    await expect(openButton(page).getAttribute("aria-expanded")).resolves.toBe("true");
    await pickerIdle(page);
    // Zoom right out by keyboard (two levels a press) until the Atlantic is at the map's left edge.
    const canvas = picker(page).locator(".maplibregl-canvas");
    await canvas.focus();
    for (let press = 0; press < 6; press++) {
      await page.keyboard.press("Shift+Minus");
      await page.waitForTimeout(400);
      await pickerIdle(page);
    }
    const box = await canvas.boundingBox();
    if (!box) throw new Error("The picker has no map.");
    await page.mouse.click(box.x + 5, box.y + box.height / 2);
    await expect
      .poll(() => picker(page).locator("output").textContent())
      .toBe(
        "That point is outside the UK, so it cannot be used. Choose a point in the UK (latitude 49.8 to 60.9, longitude −8.7 to 1.9).",
      );
    await expect(page.getByRole("button", { name: "Use this position" }).count()).resolves.toBe(0);
    await expect(page.getByLabel("Latitude").inputValue()).resolves.toBe(
      await page.getByLabel("Latitude").getAttribute("value"),
    );

    // Tab leaves the map (through its zoom buttons) for the rest of the form.
    await canvas.focus();
    let left = false;
    for (let press = 0; press < 6 && !left; press++) {
      await page.keyboard.press("Tab");
      left = await page.evaluate(
        () => !document.activeElement?.closest(".app-location-picker") && document.activeElement !== document.body,
      );
    }
    expect(left).toBe(true);

    // Pressed again, the button closes the map.
    await openButton(page).click();
    await expect(openButton(page).getAttribute("aria-expanded")).resolves.toBe("false");
    await expect(page.getByRole("region", { name: "Map for choosing the site's position" }).count()).resolves.toBe(0);
    expect(errors).toEqual([]);
  });
});

describe("without JavaScript", () => {
  it("has the latitude and longitude fields only, and a site without a position loads no map", async () => {
    const { page } = await signedIn({ javaScriptEnabled: false });
    await page.goto(`${app.baseUrl}${SITE}/edit`);
    await expect(picker(page).isVisible()).resolves.toBe(false);
    await expect(openButton(page).count()).resolves.toBe(0);
    await expectAccessible(page);
    await page.getByLabel("Latitude").fill("51.69999");
    await page.getByLabel("Longitude").fill("0.10999");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`${SITE}\\?done=updated$`));
    const location = page.locator(".govuk-summary-list__row").filter({ hasText: "Location" });
    await expect(location.textContent()).resolves.toContain("51.69999, 0.10999");
    // How accurate it is was left as it was (approximate, as the first test saved it), and is said beside it.
    await expect(
      page.locator(".govuk-summary-list__row").filter({ hasText: "Position accuracy" }).textContent(),
    ).resolves.toContain("Approximate");
    await expect(page.locator(".app-location-map").textContent()).resolves.toContain(
      "The map needs JavaScript. The site's latitude and longitude are given above.",
    );
    await expectAccessible(page);

    // A new site without a position: its page has no map, and (with JavaScript) fetches none of one.
    await page.goto(`${app.baseUrl}/c/epping-forest/sites/new`);
    await expect(picker(page).isVisible()).resolves.toBe(false);
    await expect(openButton(page).count()).resolves.toBe(0);
    await page.getByLabel("Name of the site").fill("Unplaced Hotel (fictional)");
    // A position without how accurate it is is refused, with the message beside the choices.
    await page.getByLabel("Latitude").fill("51.7");
    await page.getByLabel("Longitude").fill("0.11");
    await page.getByRole("button", { name: "Add site" }).click();
    await expect(accuracyChoices(page).locator(".govuk-error-message").textContent()).resolves.toContain(
      "Choose how accurate this position is",
    );
    await expectAccessible(page);
    await page.getByLabel("Latitude").fill("");
    await page.getByLabel("Longitude").fill("");
    await page.getByRole("button", { name: "Add site" }).click();
    await page.waitForURL(/\/sites\/EF-S-\d+\?done=created$/);
    const unplaced = new URL(page.url()).pathname;
    await expect(page.locator(".app-location-map").count()).resolves.toBe(0);

    const { page: withScript, errors } = await signedIn();
    const requests: string[] = [];
    withScript.context().on("request", (request) => requests.push(request.url()));
    await withScript.goto(`${app.baseUrl}${unplaced}`);
    await withScript.getByRole("heading", { level: 1, name: "Unplaced Hotel (fictional)" }).waitFor();
    await withScript.waitForLoadState("networkidle");
    await expect(withScript.locator(".app-location-map").count()).resolves.toBe(0);
    expect(requests.filter((url) => /maplibre|location-map|\/map\//.test(url))).toEqual([]);

    // Nor does the form for a new site, until its map is asked for.
    await withScript.goto(`${app.baseUrl}/c/epping-forest/sites/new`);
    await openButton(withScript).waitFor();
    await withScript.waitForLoadState("networkidle");
    expect(requests.filter((url) => /maplibre|location-map\.client|\/map\//.test(url))).toEqual([]);
    await expect(mapScripts(withScript, requests)).resolves.toEqual([]);
    expect(errors).toEqual([]);
  });
});
