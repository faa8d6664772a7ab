// Sites become map points only as precisely as the caller says may be shown; never more. What may be
// shown (`disclosure`) and how accurate the recorded point is (`accuracy`) are two properties.
import { describe, expect, it } from "vitest";
import { type MapPublication, type MappableSite, siteFeatures } from "~/lib/site-features";

function site(overrides: Partial<MappableSite> & Pick<MappableSite, "reference">): MappableSite {
  return {
    name: `Hotel ${overrides.reference}`,
    status: "in_use",
    latitude: 51.703817,
    longitude: 0.112394,
    locationAccuracy: "address",
    locationNote: "Behind the station",
    hasOpenEnforcement: true,
    hasOpenLegalCase: false,
    ...overrides,
  };
}

const council: MapPublication = { audience: "council", disclosure: "exact" };

describe("siteFeatures for the council's own members", () => {
  it("places every site with a position where it is recorded, with the internal fields", () => {
    const collection = siteFeatures(
      [
        site({ reference: "EF-S-0001" }),
        site({ reference: "EF-S-0002", latitude: 51.6, longitude: -0.01, locationAccuracy: "town" }),
      ],
      council,
    );
    expect(collection.features.map((feature) => feature.geometry.coordinates)).toEqual([
      [0.112394, 51.703817],
      [-0.01, 51.6],
    ]);
    expect(collection.features[0]?.properties).toEqual({
      reference: "EF-S-0001",
      name: "Hotel EF-S-0001",
      status: "in_use",
      disclosure: "exact",
      accuracy: "address",
      locationNote: "Behind the station",
      openEnforcement: true,
    });
    // Shown as recorded, and the recorded point is only the town's centre: two facts, two names.
    expect(collection.features[1]?.properties).toMatchObject({ disclosure: "exact", accuracy: "town" });
    expect(collection.bbox).toEqual([-0.01, 51.6, 0.112394, 51.703817]);
  });

  it("leaves out sites with no position (they are in the list, not on the map)", () => {
    const collection = siteFeatures(
      [
        site({ reference: "EF-S-0001", latitude: null, longitude: null }),
        site({ reference: "EF-S-0002", latitude: 51.7, longitude: null }),
        site({ reference: "EF-S-0003", latitude: Number.NaN, longitude: 0.1 }),
      ],
      council,
    );
    expect(collection.features).toEqual([]);
    expect(collection.bbox).toBeUndefined();
  });
});

describe("siteFeatures for the public", () => {
  const disclosures = {
    "P-1": "hidden",
    "P-2": "council_area",
    "P-3": "approximate",
    "P-4": "exact",
  } as const;
  const sites = Object.keys(disclosures).map((reference) => site({ reference }));
  const publication = (councilCentre: [number, number] | null): MapPublication => ({
    audience: "public",
    disclosureOf: (candidate) => disclosures[candidate.reference as keyof typeof disclosures],
    councilCentre,
  });

  it("shows each site only as precisely as it was published", () => {
    const collection = siteFeatures(sites, publication([0.05, 51.68]));
    expect(collection.features.map((feature) => [feature.properties.reference, feature.geometry.coordinates])).toEqual([
      ["P-2", [0.05, 51.68]],
      ["P-3", [0.11, 51.7]],
      ["P-4", [0.112394, 51.703817]],
    ]);
    expect(collection.features.map((feature) => feature.properties.disclosure)).toEqual([
      "council_area",
      "approximate",
      "exact",
    ]);
  });

  it("says how accurate a point is only where the point shown is the recorded one", () => {
    const collection = siteFeatures(sites, publication([0.05, 51.68]));
    expect(collection.features.map((feature) => [feature.properties.reference, feature.properties.accuracy])).toEqual([
      ["P-2", undefined],
      ["P-3", undefined],
      ["P-4", "address"],
    ]);
  });

  it("never lets the recorded position of a hidden, council-area or approximate site out", () => {
    const onlyImprecise = sites.filter((candidate) => candidate.reference !== "P-4");
    for (const centre of [[0.05, 51.68] as [number, number], null]) {
      const text = JSON.stringify(siteFeatures(onlyImprecise, publication(centre)));
      expect(text).not.toContain("51.703817");
      expect(text).not.toContain("0.112394");
      expect(text).not.toContain("P-1");
      // The bounds are of the points shown, so they give nothing more away either.
      expect(text).not.toMatch(/51\.70[0-9]{2}/);
    }
  });

  it("leaves out council-area sites when there is no council centre, and unplaced sites always", () => {
    const collection = siteFeatures(
      [...sites, site({ reference: "P-2", latitude: null, longitude: null })],
      publication(null),
    );
    expect(collection.features.map((feature) => feature.properties.reference)).toEqual(["P-3", "P-4"]);
    const withCentre = siteFeatures(
      [site({ reference: "P-2", latitude: null, longitude: null })],
      publication([0, 51]),
    );
    expect(withCentre.features).toEqual([]);
  });

  it("carries no internal field: no location note, no enforcement or legal flags", () => {
    const collection = siteFeatures(sites, publication([0.05, 51.68]));
    for (const feature of collection.features) {
      const shownAsRecorded = feature.properties.disclosure === "exact";
      expect(Object.keys(feature.properties).sort()).toEqual(
        shownAsRecorded
          ? ["accuracy", "disclosure", "name", "reference", "status"]
          : ["disclosure", "name", "reference", "status"],
      );
    }
    expect(JSON.stringify(collection)).not.toContain("Behind the station");
  });
});
