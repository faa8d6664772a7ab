// Starts the built app as `npm start` would (its own embedded database in a temporary directory)
// and opens headless Chromium; checks each page with axe-core.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const DEMO_PASSWORD = "e2e demo password";
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts the server; resolves when it prints its address, rejects if it exits first. */
export function startApp(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "tracker-e2e-"));
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/http.server.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, DEMO_PASSWORD, DATABASE_URL: "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The app did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Listening on (http:\/\/localhost:\d+)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          baseUrl: match[1],
          dataDir,
          process: child,
          output: () => output,
          stop: () => stopProcess(child),
        });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`The app exited with code ${code}:\n${output}`), { exitCode: code, output }));
    });
  });
}

export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}: install Debian's chromium package (see .ci/run).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // WebGL without a GPU (SwiftShader), for the maps.
      "--use-angle=swiftshader",
      "--enable-unsafe-swiftshader",
    ],
  });
}

/** Fails with the list of problems if axe-core finds any WCAG 2.2 A/AA violation on the page. */
export async function expectAccessible(page: Page): Promise<void> {
  if (pagesWithoutJavaScript.has(page)) return expectAccessibleWithoutJavaScript(page);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const problems = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
  );
  if (problems.length > 0) throw new Error(`Accessibility problems on ${page.url()}:\n${problems.join("\n")}`);
}

export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export function screenshotPath(name: string): string {
  const dir = path.join(ROOT, "tests/.tmp/screenshots");
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}

/** Pages opened with JavaScript off: axe-core cannot run in them, so their HTML is checked elsewhere. */
export const pagesWithoutJavaScript = new WeakSet<Page>();

// axe-core needs JavaScript. Copy the page's server-rendered HTML (scripts removed, so it stays as a
// browser without JavaScript showed it) into a blank page that runs no app code, with a <base> so
// its stylesheet still loads, and check it there.
async function expectAccessibleWithoutJavaScript(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const html = (await page.content())
    .replace(/<script\b[\s\S]*?<\/script>/gi, "")
    .replace(/<head>/i, `<head><base href="${origin}/">`);
  const browser = page.context().browser();
  if (!browser) throw new Error("The page has no browser.");
  const context = await browser.newContext();
  try {
    const checker = await context.newPage();
    await checker.setContent(html, { waitUntil: "load" });
    const results = await new AxeBuilder({ page: checker })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
      .analyze();
    const problems = results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
    if (problems.length > 0)
      throw new Error(`Accessibility problems on ${page.url()} (no JavaScript):\n${problems.join("\n")}`);
  } finally {
    await context.close();
  }
}

/** A fresh browser context and page; console errors and page errors are collected. */
export async function openPage(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  if (options.javaScriptEnabled === false) pagesWithoutJavaScript.add(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return { page, errors };
}
