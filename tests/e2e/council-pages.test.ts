// The council's working pages that have no journey of their own, in the browser with axe-core:
// deadlines (mark done and reopen), the calendar feed address, an event added by hand to a timeline
// (a mistake first), and the council boundary (a wrong file, then a real outline).
import { describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { expectAccessible } from "./support";

const app = withApp();

describe("an officer's working pages", () => {
  it("marks a deadline done and reopens it, makes a calendar address, and adds an event to a timeline", async () => {
    const { page, errors } = await app.signedInPage("officer@northmere.example", { landing: "/c/northmere" });

    await page.getByRole("link", { name: "Deadlines" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Deadlines" }).waitFor();
    await expectAccessible(page);
    await page
      .getByRole("button", { name: /Mark done/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: "Deadlines" }).waitFor();
    await page
      .getByRole("button", { name: /Reopen/ })
      .first()
      .waitFor();
    await expectAccessible(page);
    await page
      .getByRole("button", { name: /Reopen/ })
      .first()
      .click();
    await page
      .getByRole("button", { name: /Mark done/ })
      .first()
      .waitFor();

    await page.goto(`${app.baseUrl}/c/northmere/calendar`);
    await page.getByRole("heading", { level: 1, name: "Your calendar feed" }).waitFor();
    await page.getByRole("button", { name: "Create calendar address" }).click();
    const address = page.getByLabel("Your calendar address");
    await address.waitFor();
    const feedUrl = await address.inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VCALENDAR");
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/c/northmere/sites/NM-S-0001/timeline`);
    await page.getByRole("heading", { level: 1, name: "Timeline" }).waitFor();
    await page.getByRole("link", { name: "Add an event" }).click();
    await page.getByRole("heading", { level: 1, name: "Add an event to the timeline" }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Council meeting").check();
    await page.getByLabel("Title").fill("Planning committee discusses the hotel (fictional)");
    await page.getByLabel("Internal: council staff only").check();
    await page.getByRole("button", { name: "Add event" }).click();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter the date of the event");
    await expectAccessible(page);
    await page.getByRole("group", { name: "When did it happen?" }).getByLabel("Day").fill("3");
    await page.getByRole("group", { name: "When did it happen?" }).getByLabel("Month").fill("11");
    await page.getByRole("group", { name: "When did it happen?" }).getByLabel("Year").fill("2026");
    await page.getByRole("button", { name: "Add event" }).click();
    await page.waitForURL(/done=event-added/);
    await expect(page.locator(".app-timeline").textContent()).resolves.toContain(
      "Planning committee discusses the hotel (fictional)",
    );
    await expectAccessible(page);
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });
});

describe("a council admin's boundary page", () => {
  it("refuses a point with a message and keeps a real outline", async () => {
    const { page, errors } = await app.signedInPage("admin@epping-forest.example", { landing: "/c/epping-forest" });
    await page.goto(`${app.baseUrl}/c/epping-forest/boundary`);
    await page.getByRole("heading", { level: 1, name: "Council boundary" }).waitFor();
    await expectAccessible(page);
    const point = JSON.stringify({ type: "Point", coordinates: [0.11, 51.7] });
    await page.getByLabel("Choose a GeoJSON file").setInputFiles({
      name: "point.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(point),
    });
    await page.getByRole("button", { name: "Upload boundary" }).click();
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Polygon or MultiPolygon");
    await expectAccessible(page);
    const rectangle = JSON.stringify({
      type: "Polygon",
      coordinates: [
        [
          [0.0, 51.6],
          [0.25, 51.6],
          [0.25, 51.8],
          [0.0, 51.8],
          [0.0, 51.6],
        ],
      ],
    });
    await page.getByLabel("Choose a GeoJSON file").setInputFiles({
      name: "epping-test-rectangle.geojson",
      mimeType: "application/geo+json",
      buffer: Buffer.from(rectangle),
    });
    await page.getByRole("button", { name: "Upload boundary" }).click();
    await page.waitForURL(/done=/);
    await expect(page.locator(".govuk-summary-list").first().textContent()).resolves.toContain("Boundary set");
    await expectAccessible(page);
    expect(errors.filter((error) => !/status of 400/.test(error))).toEqual([]);
  });
});
