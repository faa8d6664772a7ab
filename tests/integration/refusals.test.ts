// One way to refuse, through the routes: a refused change keeps its status and message, a refusal
// that is a page (403) is thrown as one, and the error page shows the request's id.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { ErrorPage } from "~/components/error-boundary";
import { loader as rootLoader } from "~/root";
import { action as newCaseAction } from "~/routes/c.$slug.cases.new";
import { action as membersAction } from "~/routes/c.$slug.members";
import { action as editSiteAction } from "~/routes/c.$slug.sites.$reference.edit";
import { REQUEST_ID_HEADER } from "~/server/http/request.server";
import { addSite, type CouncilWithOfficer, councilWithOfficer, memberCookie } from "../helpers/factories";
import { formRequest, getRequest, type Outcome, run } from "../helpers/http";

let a: CouncilWithOfficer;

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "RF" });
});

const site = {
  name: "The Refusal Hotel",
  addressLine1: "1 High Street",
  town: "Epping",
  postcode: "CM16 4AA",
  status: "in_use",
  contractor: "unknown",
  lawfulUse: "c1_hotel",
  version: "1",
};

/** What the ErrorBoundary is given for a thrown Response (Remix's ErrorResponse). */
function errorResponse(outcome: Outcome) {
  return { status: outcome.status, statusText: "", internal: false, data: outcome.body };
}

describe("refusals through the routes", () => {
  it("a stale change is a 409 with the stale message on the form; a field refused is a 400 beside its field", async () => {
    const reference = await addSite(a.scope, { name: "The Refusal Hotel" });
    const edit = (fields: Record<string, string>) =>
      run(() =>
        editSiteAction({
          request: formRequest(`/c/${a.council.slug}/sites/${reference}/edit`, fields, { cookie: a.cookie }),
          params: { slug: a.council.slug, reference },
          context: {},
        }),
      );
    expect((await edit(site)).status).toBe(302);
    const stale = await edit({ ...site, name: "Too late" });
    expect(stale.status).toBe(409);
    expect((stale.body as { error?: Record<string, string[]> }).error?.[""]).toEqual([
      "Someone else changed this site since you opened the page. Nothing you entered has been saved: go back to the site, check the changes, and make yours again.",
    ]);
    const archiveStale = await edit({ intent: "archive", version: "1" });
    expect(archiveStale.status).toBe(409);
    expect(archiveStale.body).toEqual({ archiveError: expect.stringContaining("Someone else changed this site") });

    const legalCookie = await memberCookie(a.council, "legal");
    const newCase = await run(() =>
      newCaseAction({
        request: formRequest(
          `/c/${a.council.slug}/cases/new`,
          {
            title: "Council v Hotel Owner Ltd",
            legalBasis: "s187b_injunction",
            status: "issued",
            siteId: "00000000-0000-4000-8000-000000000000",
          },
          { cookie: legalCookie },
        ),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(newCase.status).toBe(400);
    expect((newCase.body as { error?: Record<string, string[]> }).error?.siteId).toEqual([
      "Choose a site from the list",
    ]);
  });

  it("a refusal that is a page is the error page, with the message and the request id to quote", async () => {
    const refused = await run(() =>
      membersAction({
        request: formRequest(
          `/c/${a.council.slug}/members`,
          { intent: "remove", membershipId: a.officer.membership.id, version: "1" },
          { cookie: a.cookie },
        ),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body).toBe("You need the council admin role to see this page.");

    const request = getRequest(`/c/${a.council.slug}/members`, a.cookie);
    request.headers.set(REQUEST_ID_HEADER, "3f1c2a9e-request-id");
    const root = await rootLoader({ request, params: {}, context: {} });
    expect(root.requestId).toBe("3f1c2a9e-request-id");
    const page = renderToStaticMarkup(
      createElement(ErrorPage, { error: errorResponse(refused), requestId: root.requestId }),
    );
    expect(page).toContain("You cannot see this page");
    expect(page).toContain("You need the council admin role to see this page.");
    expect(page).toContain("3f1c2a9e-request-id");

    const stalePage = renderToStaticMarkup(
      createElement(ErrorPage, {
        error: { status: 409, statusText: "", internal: false, data: "Stale" },
        requestId: "r1",
      }),
    );
    expect(stalePage).toContain("There is a problem");
    expect(stalePage).toContain("Stale");
    expect(renderToStaticMarkup(createElement(ErrorPage, { error: new Error("boom"), requestId: "r2" }))).toContain(
      "Sorry, there is a problem with the service",
    );
  });
});
