// The council map wound back to a day: the Epping seed on 19 August 2025 (the Bell Hotel in use,
// an interim injunction in force) and on 2 September 2025 (the injunction set aside), in the map's
// data and in the table beside it; a date that is not a date gets a message and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { loader as mapPageLoader } from "~/routes/c.$slug.map";
import { loader as geoJsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { signIn } from "~/server/access/auth.server";
import { getDb } from "~db/client";
import { seedDemo } from "~db/seed/demo";
import { formRequest, getRequest, run } from "../helpers/http";

const PASSWORD = "demo password 123";
let cookie: string;

beforeAll(async () => {
  await seedDemo(getDb(), PASSWORD);
  const result = await signIn(
    formRequest("/sign-in", {}, { clientAddress: "198.51.100.11" }),
    "officer@epping-forest.example",
    PASSWORD,
  );
  if (!result.ok) throw new Error("could not sign in");
  cookie = result.setCookie.split(";")[0] ?? "";
});

async function bellOn(on: string) {
  const response = await geoJsonLoader({
    request: getRequest(`/c/epping-forest/sites.geojson?on=${on}`, cookie),
    params: { slug: "epping-forest" },
    context: {},
  });
  expect(response.status).toBe(200);
  const collection = (await response.json()) as SiteFeatureCollection;
  return collection.features.find((feature) => feature.properties.reference === "EF-S-0001")?.properties;
}

async function pageOn(on: string) {
  const outcome = await run(() =>
    mapPageLoader({
      request: getRequest(`/c/epping-forest/map?on=${on}`, cookie),
      params: { slug: "epping-forest" },
      context: {},
    }),
  );
  return outcome.body as Awaited<ReturnType<typeof mapPageLoader>>;
}

describe("the map on a date", () => {
  it("shows the Bell Hotel in use with an interim injunction in force on 19 August 2025", async () => {
    const bell = await bellOn("2025-08-19");
    expect(bell?.status).toBe("in_use");
    expect(bell?.stateOnDate).toContain("Interim injunction in force");
    expect(bell?.stateOnDate).toContain("[2025] EWHC 2183 (KB)");
    // Its point is Epping's town centre, shown to members as recorded.
    expect(bell).toMatchObject({ disclosure: "exact", accuracy: "town" });
    const page = await pageOn("2025-08-19");
    const row = page.onDay?.find((site) => site.reference === "EF-S-0001");
    expect(row?.state?.legalLabel).toBe("Interim injunction in force");
    expect(row?.state?.useLabel).toBe("In use as asylum accommodation");
  });

  it("shows the injunction set aside on 2 September 2025", async () => {
    const bell = await bellOn("2025-09-02");
    expect(bell?.status).toBe("in_use");
    expect(bell?.stateOnDate).toContain("Injunction set aside on appeal");
    expect(bell?.stateOnDate).toContain("[2025] EWCA Civ 1134");
    const page = await pageOn("2025-09-02");
    expect(page.onDay?.find((site) => site.reference === "EF-S-0001")?.state?.legal).toBe("injunction_set_aside");
  });

  it("shows the hotel out of use between its periods (1 March 2022)", async () => {
    const bell = await bellOn("2022-03-01");
    expect(bell?.status).toBe("ceased");
    expect(bell?.stateOnDate).toContain("between periods of use");
  });

  it("answers a date that is not a date with a message, and shows today", async () => {
    const response = await geoJsonLoader({
      request: getRequest("/c/epping-forest/sites.geojson?on=2025-02-30", cookie),
      params: { slug: "epping-forest" },
      context: {},
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toBe("Enter a real date, for example 2025-08-19");
    const page = await pageOn("not-a-date");
    expect(page.onError?.message).toBe("Enter a real date, for example 2025-08-19");
    expect(page.on).toBeNull();
    expect(page.sites.map((site) => site.reference)).toContain("EF-S-0001");
  });
});
