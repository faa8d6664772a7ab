// What an attack on a running instance found, sent again to the built server as `npm start` runs
// it: each request gets a 4xx page of the app's own, fast, and the process is still answering.
import { beforeAll, describe, expect, it } from "vitest";
import { withApp } from "./fixture";
import { postForm, type RawResponse, rawRequest, residentBytes } from "./http-client";

const app = withApp({ browser: false });
let officer: string;
let legal: string;

beforeAll(async () => {
  officer = await app.cookieFor("officer@epping-forest.example");
  legal = await app.cookieFor("legal@epping-forest.example");
});

/** The app's own error page, not a bare message or a stack trace. */
function expectAppPage(response: RawResponse, status: number, words: string) {
  expect(response.status).toBe(status);
  expect(response.body).toContain('class="govuk-template');
  expect(response.body).toContain(words);
  expect(response.body).not.toMatch(/at [\w.]+ \(/);
}

async function expectStillAnswering() {
  expect(app.process.exitCode).toBeNull();
  const response = await rawRequest(app.baseUrl, "/sign-in");
  expect(response.status).toBe(200);
}

describe("a request that used to crash the process", () => {
  it("refuses the 37-byte sparse-array sign-in at once, and keeps serving", async () => {
    const pid = app.process.pid ?? 0;
    const before = await residentBytes(pid);
    const response = await postForm(app.baseUrl, "/sign-in", "email%5B999999999%5D=1&password=x");
    expectAppPage(response, 400, "fields this page does not have");
    expect(response.took).toBeLessThan(2000);
    expect((await residentBytes(pid)) - before).toBeLessThan(100 * 1024 * 1024);
    await expectStillAnswering();
  });

  it("refuses the same in a signed-in form, and names nested 50,000 deep", async () => {
    const sparse = await postForm(app.baseUrl, "/c/epping-forest/complaints/new", "summary%5B999999999%5D=1", {
      Cookie: officer,
    });
    expectAppPage(sparse, 400, "fields this page does not have");
    const deep = await postForm(app.baseUrl, "/c/epping-forest/complaints/new", `${"a.".repeat(50_000)}b=1`, {
      Cookie: officer,
    });
    expectAppPage(deep, 400, "fields this page does not have");
    await expectStillAnswering();
  });

  it("ignores list indexes in a chronology's address (a GET any member can be sent)", async () => {
    const response = await rawRequest(
      app.baseUrl,
      "/c/epping-forest/cases/EF-L-0001/chronology?show=1&from%5B999999999%5D=1&from.day%5B999999999%5D=2",
      { headers: { Cookie: legal } },
    );
    expect(response.status).toBeLessThan(500);
    expect(response.took).toBeLessThan(2000);
    await expectStillAnswering();
  });
});

describe("request bodies", () => {
  it("refuses a 50 MB form with 413 before reading it, with the app's page", async () => {
    const pid = app.process.pid ?? 0;
    const before = await residentBytes(pid);
    const size = 50 * 1024 * 1024;
    const response = await rawRequest(app.baseUrl, "/sign-in", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(size),
        Origin: app.baseUrl,
      },
      body: function* () {
        const chunk = Buffer.alloc(1024 * 1024, "a");
        for (let sent = 0; sent < size; sent += chunk.length) yield chunk;
      },
    });
    expectAppPage(response, 413, "larger than this page accepts (1 MB)");
    expect((await residentBytes(pid)) - before).toBeLessThan(100 * 1024 * 1024);
    await expectStillAnswering();
  });

  it("reads a body sent without a length only up to the limit, then refuses it", async () => {
    const response = await rawRequest(app.baseUrl, "/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
      body: function* () {
        yield Buffer.from("email=");
        for (let index = 0; index < 4; index += 1) yield Buffer.alloc(512 * 1024, "a");
      },
    });
    expectAppPage(response, 413, "larger than this page accepts");
    await expectStillAnswering();
  });

  it("lets the document upload take more than a form, to its own limit", async () => {
    const path = "/c/epping-forest/documents/new?case=EF-L-0001";
    const tooLarge = await rawRequest(app.baseUrl, path, {
      method: "POST",
      headers: {
        "Content-Type": "multipart/form-data; boundary=x",
        "Content-Length": String(40 * 1024 * 1024),
        Origin: app.baseUrl,
        Cookie: legal,
      },
      body: Buffer.alloc(16),
    });
    expectAppPage(tooLarge, 413, "larger than this page accepts (26 MB)");
    // A form that is not multipart at all is answered with a page, not a dropped connection.
    const plain = await postForm(app.baseUrl, path, "title=Judgment&documentType=judgment", { Cookie: legal });
    expect(plain.status).toBe(400);
    expect(plain.body).toContain('class="govuk-template');
    await expectStillAnswering();
  });

  it("answers JSON and a broken multipart body sent to a form with a 400 page", async () => {
    const json = await rawRequest(app.baseUrl, "/c/epping-forest/complaints/new", {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: app.baseUrl, Cookie: officer },
      body: '{"summary":"x"}',
    });
    expectAppPage(json, 400, "could not be read");
    const multipart = await rawRequest(app.baseUrl, "/c/epping-forest/complaints/new", {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=zz", Origin: app.baseUrl, Cookie: officer },
      body: '--zz\r\nContent-Disposition: form-data; name="summ',
    });
    expectAppPage(multipart, 400, "could not be read");
  });
});

describe("addresses, origins and control characters", () => {
  it.each([
    "/c/epping%00forest/sites",
    "/c/epping-forest/sites/EF-S-0001%00",
    "/c/epping-forest/sites?q=hotel%00",
    "/c/epping-forest/complaints?q=%1B%5B31m",
    "/c/epping-forest/sites/EF-S-%E0%A4%A",
  ])("refuses %s with a 400 page, not a 500", async (path) => {
    const response = await rawRequest(app.baseUrl, path, { headers: { Cookie: officer } });
    expectAppPage(response, 400, "characters in it that no page of this service uses");
  });

  it("refuses Remix's old ?_data= requests without logging a stack trace", async () => {
    const before = app.output().length;
    const response = await rawRequest(app.baseUrl, "/c/epping-forest?_data=root", { headers: { Cookie: officer } });
    expect(response.status).toBe(400);
    expect(app.output().slice(before)).not.toMatch(/\n\s+at /);
  });

  it("refuses a NUL in a complaint with a message on its field, and logs none of what was typed", async () => {
    const before = app.output().length;
    const response = await postForm(
      app.baseUrl,
      "/c/epping-forest/complaints/new",
      new URLSearchParams({
        "receivedOn.day": "1",
        "receivedOn.month": "9",
        "receivedOn.year": "2025",
        channel: "email",
        category: "noise",
        summary: "Canary summary",
        contactName: "Canary Complainant",
        contactEmail: "canary@complainant.example",
        contactAddress: "1 Canary Row\u0000",
      }).toString(),
      { Cookie: officer },
    );
    expect(response.status).toBe(400);
    expect(response.body).toContain("Remove the special characters from this answer");
    expect(app.output().slice(before)).not.toMatch(/Canary|canary@/);
    await expectStillAnswering();
  });

  it.each([
    ["another site", "https://evil.example"],
    ["this host on another scheme", "https://localhost"],
    ["this host on another port", "http://localhost:1"],
    ["an opaque origin", "null"],
  ])("refuses a form from %s with the app's 403 page", async (_what, origin) => {
    const port = new URL(app.baseUrl).port;
    const sent = origin === "https://localhost" ? `${origin}:${port}` : origin;
    const response = await rawRequest(app.baseUrl, "/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: sent },
      body: "email=a%40b.example&password=x",
    });
    expectAppPage(response, 403, "sent from another site");
  });

  it("refuses a form with neither Origin nor Referer", async () => {
    const response = await rawRequest(app.baseUrl, "/sign-in", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.example&password=x",
    });
    expectAppPage(response, 403, "sent from another site");
  });
});

describe("redirects after sign-in", () => {
  it.each([
    "/%09/evil.example/",
    "/%0A/evil.example/",
    "/%5C/evil.example/",
    "%2F%2Fevil.example",
    "/\u2603%0D%0ASet-Cookie:%20x=1",
  ])("never leaves the site for redirectTo=%s, and never answers 500", async (target) => {
    const signedIn = await rawRequest(app.baseUrl, `/sign-in?redirectTo=${target}`, { headers: { Cookie: officer } });
    expect(signedIn.status).toBeLessThan(500);
    if (signedIn.status === 302) {
      const location = String(signedIn.headers.location);
      expect(new URL(location, app.baseUrl).origin).toBe(app.baseUrl);
      expect(location).not.toMatch(/^\/[\t\n\\/]/);
    }
    const posted = await postForm(
      app.baseUrl,
      "/sign-in",
      `email=viewer%40epping-forest.example&password=${encodeURIComponent("e2e demo password")}&redirectTo=${target}`,
    );
    expect(posted.status).toBe(302);
    expect(new URL(String(posted.headers.location), app.baseUrl).origin).toBe(app.baseUrl);
  });
});

describe("caching", () => {
  it("marks members' pages, their data and their files private and never stored", async () => {
    for (const path of [
      "/c/epping-forest",
      "/c/epping-forest/complaints",
      "/c/epping-forest.data",
      "/c/epping-forest/sites.csv",
      "/c/epping-forest/cases/EF-L-0001",
    ]) {
      const response = await rawRequest(app.baseUrl, path, { headers: { Cookie: legal } });
      expect(response.status, path).toBe(200);
      expect(response.headers["cache-control"], path).toBe("private, no-store");
    }
  });

  it("revalidates the sites' GeoJSON by its ETag, privately", async () => {
    const response = await rawRequest(app.baseUrl, "/c/epping-forest/sites.geojson", { headers: { Cookie: legal } });
    expect(response.headers["cache-control"]).toBe("private, no-cache");
    expect(response.headers.etag).toBeTruthy();
  });
});

describe("the calendar feed's address", () => {
  it("is built from the server's own origin, never from a client's X-Forwarded-Host", async () => {
    const response = await postForm(app.baseUrl, "/c/epping-forest/calendar", "intent=create-address", {
      Cookie: officer,
      "X-Forwarded-Host": "evil.example",
    });
    expect(response.status).toBe(200);
    expect(response.body).toContain(`${app.baseUrl}/calendar/`);
    expect(response.body).not.toContain("evil.example");
  });
});
