// The council's map in the browser: it draws offline (every request goes to this service), popups by
// pointer and keyboard lead to the site, clusters zoom in, filters change the address and the list,
// the built-in map takes over when MAP_STYLE_URL is unreachable, and without JavaScript the list is
// there. Every page is checked with axe-core.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { SeedPlan } from "../helpers/factories/data-dir";
import { withApp } from "./fixture";
import { DEMO_PASSWORD, expectAccessible, ROOT, screenshotPath, signInAs, startApp } from "./support";

const DASHBOARD = "/c/epping-forest";
const MAP = "/c/epping-forest/map";
const OFFICER = "officer@epping-forest.example";
const FALLBACK_MESSAGE = "The map's background could not be loaded, so a simpler built-in map is shown.";
// Three fictional sites a few dozen metres apart near Loughton: one cluster until zoomed right in.
const LOUGHTON = { latitude: 51.6466, longitude: 0.0556 };

/** A data directory with the demo data and the three clustered sites, made before the app starts. */
function seededDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-e2e-map-"));
  const plan: SeedPlan = {
    password: DEMO_PASSWORD,
    councilSlug: "epping-forest",
    sites: (["proposed", "ceased", "unknown"] as const).map((status, index) => ({
      name: `Cluster test site ${"ABC"[index]} (fictional)`,
      latitude: LOUGHTON.latitude + index * 0.0003,
      longitude: LOUGHTON.longitude + index * 0.0003,
      status,
    })),
  };
  const planFile = path.join(dataDir, "plan.json");
  fs.writeFileSync(planFile, JSON.stringify(plan));
  execFileSync(process.execPath, ["--import", "tsx", "tests/helpers/factories/data-dir.ts", dataDir, planFile], {
    cwd: ROOT,
    stdio: "pipe",
  });
  return dataDir;
}

const app = withApp({ prepare: () => ({ dataDir: seededDataDir() }) });

async function mapIdle(page: Page) {
  await page.locator('.app-map__frame[data-map-state="idle"]').waitFor({ timeout: 60_000 });
}

/** The zoom level in the address (#map=zoom/lat/lng), which the map keeps up to date. */
function zoomInAddress(page: Page): number {
  const match = new URL(page.url()).hash.match(/map=([\d.]+)\//);
  return match?.[1] ? Number(match[1]) : Number.NaN;
}

async function clickMapCentre(page: Page) {
  const box = await page.locator(".maplibregl-canvas").boundingBox();
  if (!box) throw new Error("The map has no canvas.");
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe("the council's map", () => {
  it("draws offline, lists the same sites, and opens a site's popup by keyboard and by pointer", async () => {
    const { page, errors } = await app.openPage();
    const requests: string[] = [];
    page.context().on("request", (request) => requests.push(request.url()));
    await app.signInAs(page, OFFICER);
    await page.waitForURL(app.url(DASHBOARD));
    // A page without a map loads none of its code.
    expect(requests.filter((url) => /maplibre|sites-map|\/map\//.test(url))).toEqual([]);

    await page.getByRole("link", { name: "Map", exact: true }).click();
    await page.waitForURL(new RegExp(`${MAP}`));
    await page.getByRole("heading", { level: 1, name: "Map of sites" }).waitFor();
    await mapIdle(page);
    await expect(
      page.getByRole("region", { name: /^Map of sites, Epping Forest District Council/ }).count(),
    ).resolves.toBe(1);
    const bell = page.getByRole("table").getByRole("link", { name: "The Bell Hotel" });
    await expect(bell.getAttribute("href")).resolves.toBe("/c/epping-forest/sites/EF-S-0001");
    await expect(page.getByRole("table").textContent()).resolves.toContain("EF-S-0001");
    // The table says how accurate the Bell Hotel's point is (Epping's town centre), and the officer's note.
    const bellRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "The Bell Hotel" }) });
    await expect(bellRow.textContent()).resolves.toContain("Yes: the town's centre");
    await expect(bellRow.textContent()).resolves.toContain("Approximate: Epping town, not the hotel's position");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("officer-map"), fullPage: true });

    // Keyboard: N goes to the first site (in the list's order) and shows its popup, Enter reaches its link.
    await page.locator(".maplibregl-canvas").focus();
    await page.keyboard.press("n");
    const popupLink = page.locator(".maplibregl-popup a");
    await expect(popupLink.getAttribute("href")).resolves.toBe("/c/epping-forest/sites/EF-S-0001");
    await expect(page.locator(".maplibregl-popup").textContent()).resolves.toContain("The Bell Hotel");
    await expect(page.locator(".maplibregl-popup").textContent()).resolves.toContain("Position: the town's centre.");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.getAttribute("href"))).resolves.toBe(
      "/c/epping-forest/sites/EF-S-0001",
    );
    await mapIdle(page);
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await expect(page.locator(".maplibregl-popup").count()).resolves.toBe(0);

    // Pointer: with the Bell Hotel in the middle of the map, a click on it opens the same popup.
    await page.goto(`${app.baseUrl}${MAP}?sort=reference#map=15/51.7/0.11`);
    await mapIdle(page);
    await clickMapCentre(page);
    await expect(popupLink.getAttribute("href")).resolves.toBe("/c/epping-forest/sites/EF-S-0001");
    await page.screenshot({ path: screenshotPath("officer-map-popup") });
    await popupLink.click();
    await page.waitForURL(/\/sites\/EF-S-0001$/);
    await page.getByRole("heading", { level: 1, name: "The Bell Hotel" }).waitFor();

    const elsewhere = requests.filter(
      (url) => !url.startsWith(`${app.baseUrl}/`) && !url.startsWith("data:") && !url.startsWith("blob:"),
    );
    expect(elsewhere).toEqual([]);
    expect(requests.some((url) => url.includes("/map/maplibre-gl-worker.mjs"))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("zooms into a cluster when it is clicked", async () => {
    const { page, errors } = await app.signedInPage(OFFICER, { landing: DASHBOARD });
    await page.goto(`${app.baseUrl}${MAP}#map=12/${LOUGHTON.latitude + 0.0003}/${LOUGHTON.longitude + 0.0003}`);
    await mapIdle(page);
    expect(zoomInAddress(page)).toBe(12);
    await clickMapCentre(page);
    await page.waitForFunction(() => /map=(1[3-9]|2\d)/.test(window.location.hash));
    expect(zoomInAddress(page)).toBeGreaterThan(12);
    expect(errors).toEqual([]);
  });

  it("filters the map and the list together, in the address, and links to the list with the same filters", async () => {
    const { page, errors } = await app.signedInPage(OFFICER, { landing: DASHBOARD });
    await page.goto(`${app.baseUrl}${MAP}`);
    await mapIdle(page);
    await page.getByLabel("Status").selectOption("proposed");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/status=proposed/);
    await page.getByRole("table").getByRole("link", { name: "Cluster test site A (fictional)" }).waitFor();
    await expect(page.getByRole("table").getByRole("link", { name: "The Bell Hotel" }).count()).resolves.toBe(0);
    await mapIdle(page);
    await page.locator(".maplibregl-canvas").focus();
    await page.keyboard.press("n");
    await expect(page.locator(".maplibregl-popup").textContent()).resolves.toContain("Cluster test site A");
    await expect(page.getByRole("link", { name: "View as a list" }).getAttribute("href")).resolves.toBe(
      "/c/epping-forest/sites?status=proposed",
    );
    await page.getByRole("link", { name: "View as a list" }).click();
    await page.waitForURL(/\/sites\?status=proposed$/);
    await expect(page.getByRole("link", { name: "View on a map" }).getAttribute("href")).resolves.toBe(
      `${MAP}?status=proposed`,
    );
    expect(errors).toEqual([]);
  });

  it("winds the map and its table back: 19 August 2025 shows the injunction in force, 2 September 2025 set aside", async () => {
    const { page, errors } = await app.signedInPage(OFFICER, { landing: DASHBOARD });
    await page.goto(`${app.baseUrl}${MAP}`);
    await mapIdle(page);
    await page.getByLabel("Show the sites as they stood on").fill("2025-08-19");
    await page.getByRole("button", { name: "Show this day" }).click();
    await page.getByRole("heading", { level: 1, name: "Map of sites as on 19 August 2025" }).waitFor();
    const bellRow = page.getByRole("row").filter({ hasText: "The Bell Hotel" });
    await expect(bellRow.textContent()).resolves.toContain("Interim injunction in force");
    await mapIdle(page);
    await page.locator(".maplibregl-canvas").focus();
    await page.keyboard.press("n");
    await expect(page.locator(".maplibregl-popup").textContent()).resolves.toContain("Interim injunction in force");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("map-on-date"), fullPage: true });

    // The slider, with the keyboard: fourteen days on is 2 September 2025.
    const slider = page.getByLabel("Or move through time");
    await slider.focus();
    for (let step = 0; step < 14; step += 1) await page.keyboard.press("ArrowRight");
    await page.waitForURL(/on=2025-09-02/);
    await page.getByRole("heading", { level: 1, name: "Map of sites as on 2 September 2025" }).waitFor();
    await expect(bellRow.textContent()).resolves.toContain("Injunction set aside on appeal");
    await mapIdle(page);
    await expectAccessible(page);

    // A date that is not a date: a message, and today's map.
    await page.goto(`${app.baseUrl}${MAP}?on=2025-02-30`);
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain(
      "Enter a real date, for example 2025-08-19",
    );
    await page.getByRole("heading", { level: 1, name: "Map of sites" }).waitFor();
    await expectAccessible(page);
    expect(errors).toEqual([]);
  });

  it("says so when the sites cannot be loaded, and shows the map once they can be", async () => {
    const { page } = await app.signedInPage(OFFICER, { landing: DASHBOARD });
    let refuse = true;
    await page.route(/\/sites\.geojson/, (route) =>
      refuse ? route.fulfill({ status: 503, body: "Unavailable" }) : route.continue(),
    );
    await page.goto(`${app.baseUrl}${MAP}`);
    const alert = page.getByRole("alert");
    await expect(alert.textContent()).resolves.toContain(
      "The sites could not be loaded onto the map (503). The table below lists them.",
    );
    await expect(page.locator(".app-map__frame").isHidden()).resolves.toBe(true);
    await expect(page.getByRole("table").getByRole("link", { name: "The Bell Hotel" }).count()).resolves.toBe(1);
    await expectAccessible(page);

    // The next day asked for (the slider, without a new page) loads: the map comes back, the message goes.
    refuse = false;
    await page.getByLabel("Or move through time").focus();
    await page.keyboard.press("ArrowLeft");
    await page.waitForURL(/on=\d{4}-\d{2}-\d{2}/);
    await mapIdle(page);
    await expect(page.locator(".app-map__frame").isVisible()).resolves.toBe(true);
    await expect(alert.count()).resolves.toBe(0);
    await expectAccessible(page);
  });

  it("shows the list and a note without JavaScript", async () => {
    const { page } = await app.signedInPage(OFFICER, { javaScriptEnabled: false, landing: DASHBOARD });
    await page.goto(`${app.baseUrl}${MAP}`);
    await expect(page.locator(".app-map").textContent()).resolves.toContain(
      "The map needs JavaScript. The table below lists the same sites.",
    );
    await expect(
      page.getByRole("table").getByRole("link", { name: "The Bell Hotel" }).getAttribute("href"),
    ).resolves.toBe("/c/epping-forest/sites/EF-S-0001");
    await expectAccessible(page);
  });
});

describe("a map with MAP_STYLE_URL", () => {
  it("draws the sites on that style when it loads", async () => {
    const style = {
      version: 8,
      name: "A council's own basemap (test)",
      sources: {},
      layers: [{ id: "paper", type: "background", paint: { "background-color": "#e8f0e0" } }],
    };
    const styleServer = http.createServer((_request, response) => {
      response.writeHead(200, { "Content-Type": "application/json", "Access-Control-Allow-Origin": "*" });
      response.end(JSON.stringify(style));
    });
    await new Promise<void>((resolve) => styleServer.listen(0, "127.0.0.1", resolve));
    const styleUrl = `http://127.0.0.1:${(styleServer.address() as AddressInfo).port}/style.json`;
    const styledApp = await startApp({ env: { MAP_STYLE_URL: styleUrl } });
    try {
      const { page, errors } = await app.openPage();
      const requests: string[] = [];
      page.context().on("request", (request) => requests.push(request.url()));
      await signInAs(page, styledApp.baseUrl, OFFICER);
      await page.waitForURL(`${styledApp.baseUrl}/c/epping-forest`);
      await page.goto(`${styledApp.baseUrl}${MAP}`);
      await mapIdle(page);
      await page.locator(".maplibregl-canvas").focus();
      await page.keyboard.press("n");
      await expect(page.locator(".maplibregl-popup a").getAttribute("href")).resolves.toBe(
        "/c/epping-forest/sites/EF-S-0001",
      );
      await expect(page.getByText(FALLBACK_MESSAGE).count()).resolves.toBe(0);
      expect(requests.filter((url) => !url.startsWith(`${styledApp.baseUrl}/`))).toEqual([styleUrl]);
      expect(errors).toEqual([]);
    } finally {
      await styledApp.stop();
      styleServer.close();
    }
  });
});

describe("a map whose MAP_STYLE_URL cannot be reached", () => {
  it("falls back to the built-in map, says so, and still draws the sites", async () => {
    const unreachable = "http://127.0.0.1:9/nothing.json";
    const fallbackApp = await startApp({ env: { MAP_STYLE_URL: unreachable } });
    try {
      const { page, errors } = await app.openPage();
      const requests: string[] = [];
      page.context().on("request", (request) => requests.push(request.url()));
      await signInAs(page, fallbackApp.baseUrl, OFFICER);
      await page.waitForURL(`${fallbackApp.baseUrl}/c/epping-forest`);
      await page.goto(`${fallbackApp.baseUrl}${MAP}`);
      await page.getByText(FALLBACK_MESSAGE).waitFor();
      await mapIdle(page);
      await page.locator(".maplibregl-canvas").focus();
      await page.keyboard.press("n");
      await expect(page.locator(".maplibregl-popup a").getAttribute("href")).resolves.toBe(
        "/c/epping-forest/sites/EF-S-0001",
      );
      await expectAccessible(page);
      await page.screenshot({ path: screenshotPath("officer-map-fallback") });
      expect(requests.filter((url) => !url.startsWith(`${fallbackApp.baseUrl}/`))).toEqual([unreachable]);
      // The browser reports the failed request itself (Chromium refuses port 9 outright); nothing else may go wrong.
      expect(
        errors.filter((error) => !/Failed to load resource: net::ERR_(UNSAFE_PORT|CONNECTION_REFUSED)/.test(error)),
      ).toEqual([]);
    } finally {
      await fallbackApp.stop();
    }
  });
});
