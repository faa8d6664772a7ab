// Finding a site the way officers do (app/server/council/search/record-search.server.ts): by its
// reference, UPRN, postcode, or words of its name and address, the best match first; the same
// sites in the same order on the list, its CSV, the map's GeoJSON and the map on a date; never
// another council's site; hostile input gets the normal answer or a message, never an error; and
// the lookups of a whole UPRN, reference or postcode use their indexes.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { SEARCH_TOO_LONG } from "~/lib/schemas/search";
import type { SiteFeatureCollection } from "~/lib/site-features";
import { loader as mapPageLoader } from "~/routes/c.$slug.map";
import { loader as listLoader } from "~/routes/c.$slug.sites._index";
import { loader as csvLoader } from "~/routes/c.$slug.sites[.csv]";
import { loader as geoJsonLoader } from "~/routes/c.$slug.sites[.geojson]";
import { withTenant } from "~/server/access/tenancy.server";
import { sitesAsOn } from "~/server/council/sites/site-history.server";
import { listSites, type SiteFilter, siteConditions, siteOrder } from "~/server/council/sites/sites.server";
import { getDb } from "~db/client";
import { type CouncilWithOfficer, councilWithOfficer, insertSites } from "../helpers/factories";
import { getRequest, run } from "../helpers/http";
import { countQueries } from "../helpers/queries";

let a: CouncilWithOfficer;
let b: CouncilWithOfficer;

const EPPING = { latitude: 51.7, longitude: 0.11 };

beforeAll(async () => {
  a = await councilWithOfficer({ referencePrefix: "SR" });
  b = await councilWithOfficer({ referencePrefix: "OT" });
  await insertSites(a.council, [
    {
      reference: "SR-S-0001",
      name: "The Bell Hotel",
      addressLine1: "High Road",
      town: "Epping",
      postcode: "CM16 4DG",
      uprn: "100090001234",
      ...EPPING,
    },
    {
      reference: "SR-S-0002",
      name: "Forest Lodge",
      addressLine1: "1 Church Hill",
      town: "Loughton",
      postcode: "IG10 1AA",
      uprn: "12345",
      ...EPPING,
    },
    { reference: "SR-S-0003", name: "Bell Common Inn", town: "Epping", postcode: "CM16 6AA", ...EPPING },
    { reference: "SR-S-0004", name: "Hotel CM16", town: "Chelmsford", postcode: "CM1 2AB", ...EPPING },
    { reference: "SR-S-0005", name: "100% Stay_Inn", town: "Harlow", ...EPPING },
    { reference: "SR-S-0006", name: "12345 Lodge", addressLine2: "Bell Lane", town: "Harlow", ...EPPING },
    { reference: "SR-S-0007", name: "Annex to SR-S-0001", town: "Epping", ...EPPING },
  ]);
  await insertSites(b.council, [
    {
      reference: "OT-S-0001",
      name: "The Bell Hotel (other council)",
      town: "Epping",
      postcode: "CM16 4DH",
      uprn: "100090009999",
      ...EPPING,
    },
  ]);
});

async function listed(query: string, council = a) {
  const outcome = await run(() =>
    listLoader({
      request: getRequest(`/c/${council.council.slug}/sites?${query}`, council.cookie),
      params: { slug: council.council.slug },
      context: {},
    }),
  );
  return outcome as typeof outcome & { body: Awaited<ReturnType<typeof listLoader>> };
}

async function found(search: string, sort = "reference") {
  const outcome = await listed(new URLSearchParams({ search, sort }).toString());
  expect(outcome.status, search).toBe(200);
  return outcome.body.sites.map((site) => site.reference);
}

describe("searching the sites register", () => {
  it("finds a whole reference, in any case, and only that site", async () => {
    expect(await found("sr-s-0003")).toEqual(["SR-S-0003"]);
    expect(await found(" SR-S-0001 ", "name")).toEqual(["SR-S-0001"]);
    // Part of a reference is words: every site whose text holds it.
    expect(await found("S-0001", "name")).toEqual(["SR-S-0007", "SR-S-0001"]);
  });

  it("finds a UPRN typed with or without spaces; a short one comes before sites merely containing it", async () => {
    expect(await found("100090001234")).toEqual(["SR-S-0001"]);
    expect(await found("1000 9000 1234")).toEqual(["SR-S-0001"]);
    // Sorted by name "12345 Lodge" would come first; the exact UPRN outranks it.
    expect(await found("12345", "name")).toEqual(["SR-S-0002", "SR-S-0006"]);
    expect(await found("123 45", "name")).toEqual(["SR-S-0002", "SR-S-0006"]);
  });

  it("finds a postcode whatever its case and spacing, and sites in an outward code before sites naming it", async () => {
    for (const postcode of ["CM16 4DG", "cm16 4dg", "CM164DG", "cm164dg", "  cm16   4dg "]) {
      expect(await found(postcode), postcode).toEqual(["SR-S-0001"]);
    }
    // Sorted by name, "Hotel CM16" would come between the two; its postcode is CM1 2AB.
    expect(await found("cm16", "name")).toEqual(["SR-S-0003", "SR-S-0001", "SR-S-0004"]);
    expect(await found("CM16 6", "name")).toEqual(["SR-S-0003"]);
    expect(await found("IG10")).toEqual(["SR-S-0002"]);
  });

  it("finds sites with every word somewhere in the name, address or town", async () => {
    expect(await found("bell epping")).toEqual(["SR-S-0001", "SR-S-0003"]);
    expect(await found("EPPING bell", "name")).toEqual(["SR-S-0003", "SR-S-0001"]);
    expect(await found("bell harlow")).toEqual(["SR-S-0006"]);
    expect(await found("church hill loughton")).toEqual(["SR-S-0002"]);
    expect(await found("bell loughton")).toEqual([]);
    expect(await found("Epping 4DG")).toEqual(["SR-S-0001"]);
  });

  it("takes LIKE's wildcards and escape character literally", async () => {
    expect(await found("%")).toEqual(["SR-S-0005"]);
    expect(await found("_")).toEqual(["SR-S-0005"]);
    expect(await found("100%")).toEqual(["SR-S-0005"]);
    expect(await found("Stay_Inn")).toEqual(["SR-S-0005"]);
    expect(await found("Stay%Inn")).toEqual([]);
    expect(await found("B_ll")).toEqual([]);
    expect(await found("\\")).toEqual([]);
    expect(await found("bell\\")).toEqual([]);
  });

  it("orders the CSV, the map's GeoJSON and the map on a date as the list", async () => {
    const query = new URLSearchParams({ search: "cm16", sort: "name" }).toString();
    const list = (await listed(query)).body.sites.map((site) => site.reference);
    expect(list).toEqual(["SR-S-0003", "SR-S-0001", "SR-S-0004"]);

    const csv = await run(() =>
      csvLoader({
        request: getRequest(`/c/${a.council.slug}/sites.csv?${query}`, a.cookie),
        params: { slug: a.council.slug },
        context: {},
      }),
    );
    const csvReferences = String(csv.body)
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(",")[0]);
    expect(csvReferences).toEqual(list);

    const geoJson = await geoJsonLoader({
      request: getRequest(`/c/${a.council.slug}/sites.geojson?${query}`, a.cookie),
      params: { slug: a.council.slug },
      context: {},
    });
    const collection = (await geoJson.json()) as SiteFeatureCollection;
    expect(collection.features.map((feature) => feature.properties.reference)).toEqual(list);

    const onDay = await sitesAsOn(a.scope, "2025-08-19", { search: "cm16", sort: "name" });
    expect(onDay.map((site) => site.reference)).toEqual(list);
  });

  it("never finds another council's site, by its reference, UPRN, postcode or name", async () => {
    for (const search of ["OT-S-0001", "100090009999", "CM16 4DH", "other council"]) {
      expect(await found(search), search).toEqual([]);
      expect((await listSites(a.scope, { search })).total, search).toBe(0);
    }
    // The same searches find it for its own council.
    for (const search of ["OT-S-0001", "100090009999", "cm164dh", "other council"]) {
      const outcome = await listed(new URLSearchParams({ search }).toString(), b);
      expect(
        outcome.body.sites.map((site) => site.reference),
        search,
      ).toEqual(["OT-S-0001"]);
    }
    expect(await found("bell hotel")).toEqual(["SR-S-0001"]);
  });

  it("costs the list the same number of queries with a search as without", async () => {
    const plain = await countQueries(() => listSites(a.scope, {}));
    for (const search of ["cm16", "SR-S-0001", "100090001234", "bell epping", "x".repeat(500)]) {
      const searched = await countQueries(() => listSites(a.scope, { search }));
      expect(searched.queries.length, search).toBe(plain.queries.length);
    }
  });
});

describe("hostile searches", () => {
  it("says a search longer than the box takes is too long, finds nothing, and never fails", async () => {
    for (const length of [101, 5000]) {
      const search = "bell ".repeat(length).slice(0, length);
      const outcome = await listed(new URLSearchParams({ search }).toString());
      expect(outcome.status).toBe(200);
      expect(outcome.body).toMatchObject({ searchError: SEARCH_TOO_LONG, total: 0, sites: [] });

      const map = await run(() =>
        mapPageLoader({
          request: getRequest(`/c/${a.council.slug}/map?${new URLSearchParams({ search })}`, a.cookie),
          params: { slug: a.council.slug },
          context: {},
        }),
      );
      expect(map.status).toBe(200);
      expect(map.body).toMatchObject({ searchError: SEARCH_TOO_LONG, total: 0 });

      const geoJson = await geoJsonLoader({
        request: getRequest(`/c/${a.council.slug}/sites.geojson?${new URLSearchParams({ search })}`, a.cookie),
        params: { slug: a.council.slug },
        context: {},
      });
      expect(geoJson.status).toBe(200);
      expect(((await geoJson.json()) as SiteFeatureCollection).features).toEqual([]);
    }
    // Called directly, with no form in front of it, the search is bounded too.
    expect((await listSites(a.scope, { search: "bell ".repeat(10_000) })).total).toBe(0);
    // 100 characters is still a search.
    expect(
      (await listed(new URLSearchParams({ search: `bell${" ".repeat(90)}epping` }).toString())).body,
    ).toMatchObject({ searchError: null, total: 2 });
  });

  it("reads control characters as spaces (the server's edge refuses them in an address before this)", async () => {
    expect(await found("bell\u0000epping")).toEqual(["SR-S-0001", "SR-S-0003"]);
    expect(await found("cm16\u00074dg")).toEqual(["SR-S-0001"]);
    expect(await found("\u001bbell\u001b harlow")).toEqual(["SR-S-0006"]);
    // Nothing but control characters is no search at all: the whole list.
    expect(await found("\u0000\u0008\u009f")).toHaveLength(7);
  });

  it("answers any other text with the normal list, empty when nothing matches", async () => {
    const hostile = [
      "'; drop table sites; --",
      "' or '1'='1",
      "\\'",
      "$1",
      "%%%%",
      "🏨",
      "\ud800",
      "é".repeat(100),
      "SR-S-0001 or 1=1",
      `sr-s-${"9".repeat(95)}`,
      "9".repeat(13),
      "Z9 9ZZ",
    ];
    for (const search of hostile) {
      const outcome = await listed(new URLSearchParams({ search }).toString());
      expect(outcome.status, search).toBe(200);
      expect(outcome.body.sites, search).toEqual([]);
    }
  });
});

describe("the indexes the lookups use", () => {
  const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);
  let big: CouncilWithOfficer;

  beforeAll(async () => {
    big = await councilWithOfficer({ referencePrefix: "BG" });
    await insertSites(
      big.council,
      Array.from({ length: 3000 }, (_, index) => ({
        reference: `BG-S-${String(index + 1).padStart(4, "0")}`,
        name: `Hotel ${index + 1}`,
        postcode: `AB${10 + (index % 90)} ${index % 10}XY`,
        uprn: String(200_000_000 + index),
      })),
    );
    await getDb().execute(sql`analyze sites`);
  });

  async function plan(search: string): Promise<string> {
    const filter: SiteFilter = { search };
    const result = await withTenant(big.scope, (tx) =>
      // The list's first page, as listSites asks for it.
      tx.execute(
        sql`explain select reference from sites where ${siteConditions(tx, big.scope, filter, true)}
          order by ${sql.join(siteOrder(filter), sql`, `)} limit 50`,
      ),
    );
    return rowsOf<{ "QUERY PLAN": string }>(result)
      .map((row) => row["QUERY PLAN"])
      .join("\n");
  }

  it("looks up a whole UPRN, reference or postcode, or a postcode's start, in an index, under row-level security", async () => {
    expect(await plan("200 001 234")).toContain("sites_tenant_uprn_idx");
    expect(await plan("bg-s-1234")).toContain("sites_tenant_reference_key");
    expect(await plan("ab42 2xy")).toContain("sites_tenant_postcode_key_idx");
    expect(await plan("AB42 2")).toContain("sites_tenant_postcode_key_idx");
    expect((await listSites(big.scope, { search: "ab42 2xy" })).total).toBe(33);
  });
});
