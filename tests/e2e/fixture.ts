// The set-up every browser test file shares: `withApp()` starts the built server (a fresh embedded
// database in a temporary directory, unless the file prepares its own) and headless Chromium before
// the file's tests, and stops both after them. It returns the base URL, a page factory and sign-in
// helpers; call it at the top level of the test file, before the tests.
import type { ChildProcess } from "node:child_process";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { signInCookie } from "./http-client";
import { DEMO_PASSWORD, launchBrowser, openPage, type RunningApp, signInAs, startApp } from "./support";

export interface PageOptions {
  javaScriptEnabled?: boolean;
  width?: number;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and page errors, as `openPage` collects them. */
  errors: string[];
}

/** How to start the server: in a data directory made beforehand, or with more environment variables. */
export interface StartOptions {
  dataDir?: string;
  env?: Record<string, string>;
}

export interface AppFixture {
  /** http://localhost:<port>, without a trailing slash. */
  readonly baseUrl: string;
  /** The server's data directory. */
  readonly dataDir: string;
  /** The server's process. */
  readonly process: ChildProcess;
  /** Everything the server has printed so far. */
  output(): string;
  /** The browser, unless the file asked for none. */
  readonly browser: Browser;
  /** The absolute address of a path on the server. */
  url(path?: string): string;
  /** A fresh browser context and page. */
  openPage(options?: PageOptions): Promise<OpenedPage>;
  /** Fills in and sends the sign-in form on `page` (a demo account's password unless given). */
  signInAs(page: Page, email: string, password?: string): Promise<void>;
  /**
   * A fresh page signed in as `email`. With `landing`, waits until the browser has arrived there
   * (a path, such as the council's dashboard "/c/epping-forest").
   */
  signedInPage(email: string, options?: PageOptions & { landing?: string }): Promise<OpenedPage>;
  /** Signs in over HTTP, without a browser, and returns the session cookie ("name=value"). */
  cookieFor(email: string, password?: string): Promise<string>;
}

export function withApp(
  options: {
    /** Runs before the server starts; its answer says how to start it. */
    prepare?: () => StartOptions | Promise<StartOptions>;
    /** Runs after the server has stopped, even if `prepare` failed part of the way (to drop a database, say). */
    cleanUp?: () => Promise<void>;
    /** Launch Chromium too (the default); the HTTP-only files say false. */
    browser?: boolean;
  } = {},
): AppFixture {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    app = await startApp((await options.prepare?.()) ?? {});
    if (options.browser !== false) browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await options.cleanUp?.();
  });

  const running = (): RunningApp => {
    if (!app) throw new Error("The app is not running: use the fixture inside a test or a later beforeAll.");
    return app;
  };

  const fixture: AppFixture = {
    get baseUrl() {
      return running().baseUrl;
    },
    get dataDir() {
      return running().dataDir;
    },
    get process() {
      return running().process;
    },
    output: () => running().output(),
    get browser() {
      if (!browser) throw new Error("No browser: withApp() was called with browser: false, or it has not started.");
      return browser;
    },
    url: (path = "") => `${running().baseUrl}${path}`,
    openPage: (pageOptions = {}) => openPage(fixture.browser, pageOptions),
    signInAs: (page, email, password = DEMO_PASSWORD) => signInAs(page, running().baseUrl, email, password),
    async signedInPage(email, { landing, ...pageOptions } = {}) {
      const opened = await fixture.openPage(pageOptions);
      await fixture.signInAs(opened.page, email);
      if (landing !== undefined) await opened.page.waitForURL(fixture.url(landing));
      return opened;
    },
    cookieFor: (email, password = DEMO_PASSWORD) => signInCookie(running().baseUrl, email, password),
  };
  return fixture;
}
