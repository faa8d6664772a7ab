// The foundation's journeys in a real browser: sign in, dashboard, sign out; a wrong password;
// another council's pages; forms without JavaScript; keyboard; and the data directory lock.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { type PageOptions, withApp } from "./fixture";
import { expectAccessible, screenshotPath, startApp } from "./support";

const app = withApp();

async function newPage(options: PageOptions = {}): Promise<Page> {
  const { page, errors } = await app.openPage(options);
  pagesOpened.push({ page, errors });
  return page;
}

const pagesOpened: { page: Page; errors: string[] }[] = [];

describe("an officer's visit", () => {
  it("signs in from the start page, lands on the dashboard, and signs out", async () => {
    const page = await newPage();
    await page.goto(app.baseUrl);
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in" }).first().click();
    await page.getByRole("heading", { level: 1, name: "Sign in", exact: true }).waitFor();
    await expectAccessible(page);

    await page.getByLabel("Email address").fill("officer@epping-forest.example");
    await page.getByLabel("Password").fill("e2e demo password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
    await page.getByRole("heading", { level: 1, name: "Dashboard", exact: true }).waitFor();
    await expect(page.locator("header").textContent()).resolves.toContain("Epping Forest District Council");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("dashboard-officer"), fullPage: true });

    await page.getByRole("button", { name: /Sign out/ }).click();
    await page.waitForURL(`${app.baseUrl}/signed-out`);
    await page.getByRole("heading", { level: 1, name: "You have signed out", exact: true }).waitFor();
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/c/epping-forest`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    expect(pagesOpened.flatMap((opened) => opened.errors)).toEqual([]);
  });

  it("shows the error summary, focused, for a wrong password", async () => {
    const page = await newPage();
    await app.signInAs(page, "legal@epping-forest.example", "not the password");
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toContain("The email address or password is not right");
    await expect(page.evaluate(() => document.activeElement?.classList.contains("govuk-error-summary"))).resolves.toBe(
      true,
    );
    await expect(page.getByLabel("Email address").inputValue()).resolves.toBe("legal@epping-forest.example");
    await expect(page.getByLabel("Password").inputValue()).resolves.toBe("");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("sign-in-error"), fullPage: true });
  });

  it("gives an Epping officer a 404 for the other council's pages", async () => {
    const page = await newPage();
    await app.signInAs(page, "officer@epping-forest.example");
    await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
    for (const path of ["/c/northmere", "/c/northmere/members", "/c/northmere/audit"]) {
      const response = await page.goto(`${app.baseUrl}${path}`);
      expect(response?.status(), path).toBe(404);
      await page.getByRole("heading", { level: 1, name: "Page not found", exact: true }).waitFor();
    }
    await expectAccessible(page);
    const forbidden = await page.goto(`${app.baseUrl}/c/epping-forest/audit`);
    expect(forbidden?.status()).toBe(403);
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You need the council admin role to see this page.",
    );
    // The error page quotes the request's id, the one the server logged and sent back.
    const requestId = forbidden?.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.locator("main").textContent()).resolves.toContain(requestId);
    await expectAccessible(page);
  });

  it("pauses an account after five wrong passwords, saying when to try again", async () => {
    const page = await newPage();
    for (let attempt = 0; attempt < 5; attempt++)
      await app.signInAs(page, "viewer@northmere.example", `wrong ${attempt}`);
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toMatch(
      /too many failed attempts to sign in to this account\. Try again after \d\d:\d\d/,
    );
  });
});

describe("without JavaScript", () => {
  it("a council admin signs in, reads the audit log and changes a member's role", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await app.signInAs(page, "admin@northmere.example");
    await page.waitForURL(`${app.baseUrl}/c/northmere`);
    await page.goto(`${app.baseUrl}/c/northmere/members`);
    await expectAccessible(page);
    await page.getByLabel("Role of Viewer (Northmere)").selectOption("officer");
    await page.getByRole("button", { name: "Change role of Viewer (Northmere)" }).click();
    await page.waitForURL(/done=role-changed/);
    await expect(page.locator(".govuk-notification-banner").textContent()).resolves.toContain(
      "The member's role has been changed.",
    );
    await expect(page.getByLabel("Role of Viewer (Northmere)").inputValue()).resolves.toBe("officer");
    await expectAccessible(page);

    await page.goto(`${app.baseUrl}/c/northmere/audit`);
    await expect(page.locator("table").first().textContent()).resolves.toContain("Member's role changed");
    await page.getByLabel("Record type").selectOption("membership");
    await page.getByRole("button", { name: "Apply filters" }).click();
    expect(new URL(page.url()).searchParams.get("entity")).toBe("membership");
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("audit-log-no-js"), fullPage: true });
  });

  it("a wrong password shows the error summary", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await app.signInAs(page, "officer@epping-forest.example", "");
    await expect(page.locator(".govuk-error-summary").textContent()).resolves.toContain("Enter your password");
    await expectAccessible(page);
  });
});

describe("keyboard and small screens", () => {
  it("the first Tab reaches the skip link, which leads to the main content", async () => {
    const page = await newPage();
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(new URL(page.url()).hash).toBe("#main-content");
  });

  it("the dashboard reads on a phone-sized screen without sideways scrolling", async () => {
    const page = await newPage({ width: 360 });
    await app.signInAs(page, "admin@epping-forest.example");
    await page.waitForURL(`${app.baseUrl}/c/epping-forest`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await page.screenshot({ path: screenshotPath("dashboard-admin-narrow"), fullPage: true });
  });
});

describe("the embedded database's lock", () => {
  it("refuses a second server on the same data directory with a clear message; the first keeps working", async () => {
    const second = await startApp({ dataDir: app.dataDir }).then(
      () => ({ exitCode: 0, output: "started" }),
      (error: { exitCode?: number; output?: string }) => error,
    );
    expect(second.exitCode).toBe(1);
    expect(second.output).toContain(
      `The data directory ${app.dataDir} is already in use by process ${app.process.pid}`,
    );
    const response = await fetch(`${app.baseUrl}/sign-in`);
    expect(response.status).toBe(200);
  });
});

describe("shutting down", () => {
  it("exits promptly on SIGTERM, releasing the lock, and keeps what was written", async () => {
    const own = await startApp();
    const started = Date.now();
    const exitCode = await new Promise<number | null>((resolve) => {
      own.process.once("exit", (code) => resolve(code));
      own.process.kill("SIGTERM");
    });
    expect(exitCode).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(fs.existsSync(path.join(own.dataDir, "pglite.lock"))).toBe(false);

    const again = await startApp({ dataDir: own.dataDir });
    try {
      expect(again.output()).not.toContain("Demo data written");
      const response = await fetch(`${again.baseUrl}/sign-in`);
      expect(response.status).toBe(200);
    } finally {
      await again.stop();
    }
  });
});
