// One page request, one session lookup and one membership lookup: the root, council and page
// loaders each call their guard, and the queries behind the guards are shared within a GET that
// the server has given an id. A POST, and a request with no server-set id, ask every time.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { loader as councilLoader } from "~/routes/c.$slug";
import { loader as sitesLoader } from "~/routes/c.$slug.sites._index";
import { REQUEST_ID_HEADER } from "~/server/http/request.server";
import { type CouncilWithOfficer, councilWithOfficer } from "../helpers/factories";
import { ORIGIN } from "../helpers/http";
import { countQueries } from "../helpers/queries";

let a: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer();
});

/** The three loaders of the sites list, as Remix calls them: each with its own copy of the request. */
async function loadSitesPage(headers: Record<string, string>) {
  const path = `/c/${a.council.slug}/sites`;
  const params = { slug: a.council.slug };
  const request = () => new Request(`${ORIGIN}${path}`, { headers: { Cookie: a.cookie, ...headers } });
  const context = { cspNonce: "n", buildVersion: "test" };
  await rootLoader({ request: request(), params, context });
  await councilLoader({ request: request(), params, context });
  await sitesLoader({ request: request(), params, context });
}

const sessionLookups = (queries: string[]) => queries.filter((query) => /from "sessions"/.test(query)).length;
const membershipLookups = (queries: string[]) =>
  queries.filter((query) => /from "councils" inner join "memberships"/.test(query)).length;

describe("a page's guards", () => {
  it("look up the session and the membership once for a GET the server gave an id", async () => {
    const { queries } = await countQueries(() => loadSitesPage({ [REQUEST_ID_HEADER]: randomUUID() }));
    expect(sessionLookups(queries)).toBe(1);
    expect(membershipLookups(queries)).toBe(1);
  });

  it("ask again in every loader when the request has no id from the server", async () => {
    const { queries } = await countQueries(() => loadSitesPage({}));
    expect(sessionLookups(queries)).toBe(3);
    expect(membershipLookups(queries)).toBe(2);
  });

  it("do not share answers between two requests", async () => {
    const { queries } = await countQueries(async () => {
      await loadSitesPage({ [REQUEST_ID_HEADER]: randomUUID() });
      await loadSitesPage({ [REQUEST_ID_HEADER]: randomUUID() });
    });
    expect(sessionLookups(queries)).toBe(2);
    expect(membershipLookups(queries)).toBe(2);
  });
});
