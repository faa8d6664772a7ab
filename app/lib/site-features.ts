// Turns sites into the GeoJSON a map draws, given who will see it and how precisely each site may be
// placed: the one place where a site's recorded position becomes a point on a map.
//
// README, Decision 33: A map is told what it may show. `siteFeatures(sites, publication)` is the
// only place where a recorded position becomes a map point, and the caller must say whether the map
// is for the council's members (exact positions, internal fields) or the public (each site hidden,
// at the council's area, approximate to 0.01°, or exact, as published; no internal fields). Tests
// check that an imprecise site's recorded coordinates never appear in the output.
//
// README, Decision 50: Two ideas, two names. A feature's `disclosure` says what this audience may be
// shown of the recorded point ("exact" for members: the point as recorded); its `accuracy` says how
// accurate the recorded point is (from the address, the postcode's or the town's centre, or
// approximate), a fact about the record that every audience shown the point as recorded is told. A
// public feature placed anywhere else (rounded, or at the council's centre) carries no accuracy:
// the point drawn is not the recorded one.
import type { BBox, Feature, FeatureCollection, Point, Position } from "geojson";
import type { LocationAccuracy, SiteStatus } from "./site-codes";

/** What an audience may be shown of a site's recorded point, from nothing to the point as recorded. */
export const locationDisclosures = ["hidden", "council_area", "approximate", "exact"] as const;
export type LocationDisclosure = (typeof locationDisclosures)[number];

/** Decimal places kept for an approximate position: 0.01° is about 1.1 km north–south, 0.7 km east–west. */
export const APPROXIMATE_DECIMALS = 2;

/** What a site row needs to be drawn. */
export interface MappableSite {
  reference: string;
  name: string;
  status: SiteStatus;
  latitude: number | null;
  longitude: number | null;
  /** How accurate the recorded point is (null only when there is no point). */
  locationAccuracy: LocationAccuracy | null;
  locationNote: string | null;
  hasOpenEnforcement: boolean;
  hasOpenLegalCase: boolean;
  /** On a map wound back to a past day: how the site stood then (council audience only). */
  stateOnDate?: string | null;
}

/**
 * Who will see the map and what it may show. The caller must say it: there is no default.
 * - `council`: members of the council, who see every site where it is recorded, with the internal
 *   fields (the location note, open enforcement, open legal case).
 * - `public`: anyone. Each site is placed only as precisely as was published for it (`hidden` and
 *   unpublished sites are left out, `council_area` sites sit on the council's centre, or are left
 *   out without one, `approximate` ones are rounded), and no internal field is included.
 */
export type MapPublication<Site extends MappableSite = MappableSite> =
  | { audience: "council"; disclosure: "exact" }
  | {
      audience: "public";
      disclosureOf: (site: Site) => LocationDisclosure;
      /** [longitude, latitude] of the council's area, for `council_area` sites. */
      councilCentre: Position | null;
    };

export interface SiteFeatureProperties {
  reference: string;
  name: string;
  status: SiteStatus;
  /** What this audience may be shown of the recorded point, and so what this point is ("exact": the point as recorded). */
  disclosure: Exclude<LocationDisclosure, "hidden">;
  /** How accurate the recorded point is; only where this point is the recorded one (`disclosure` "exact"). */
  accuracy?: LocationAccuracy;
  /** Council audience only, and only when there is something to say (thousands of sites add up). */
  locationNote?: string;
  openEnforcement?: true;
  openLegalCase?: true;
  stateOnDate?: string;
}

export type SiteFeature = Feature<Point, SiteFeatureProperties>;
export type SiteFeatureCollection = FeatureCollection<Point, SiteFeatureProperties>;

/** The sites as GeoJSON points, in the order given; sites without a position are left out. */
export function siteFeatures<Site extends MappableSite>(
  sites: readonly Site[],
  publication: MapPublication<Site>,
): SiteFeatureCollection {
  const features: SiteFeature[] = [];
  for (const site of sites) {
    const disclosure = publication.audience === "council" ? publication.disclosure : publication.disclosureOf(site);
    const coordinates = placed(site, disclosure, publication);
    if (!coordinates || disclosure === "hidden") continue;
    const properties: SiteFeatureProperties = {
      reference: site.reference,
      name: site.name,
      status: site.status,
      disclosure,
    };
    if (disclosure === "exact" && site.locationAccuracy) properties.accuracy = site.locationAccuracy;
    if (publication.audience === "council") {
      if (site.locationNote) properties.locationNote = site.locationNote;
      if (site.hasOpenEnforcement) properties.openEnforcement = true;
      if (site.hasOpenLegalCase) properties.openLegalCase = true;
      if (site.stateOnDate) properties.stateOnDate = site.stateOnDate;
    }
    features.push({ type: "Feature", geometry: { type: "Point", coordinates }, properties });
  }
  const bbox = boundsOf(features);
  return bbox ? { type: "FeatureCollection", bbox, features } : { type: "FeatureCollection", features };
}

function placed<Site extends MappableSite>(
  site: Site,
  disclosure: LocationDisclosure,
  publication: MapPublication<Site>,
): Position | undefined {
  const { latitude, longitude } = site;
  const recorded =
    typeof latitude === "number" &&
    typeof longitude === "number" &&
    Number.isFinite(latitude) &&
    Number.isFinite(longitude);
  switch (disclosure) {
    case "hidden":
      return undefined;
    case "council_area":
      // Only where the site is recorded at all: an unplaced site is not put on the council's centre.
      if (!recorded || publication.audience !== "public" || !publication.councilCentre) return undefined;
      return [...publication.councilCentre];
    case "approximate":
      return recorded ? [roundTo(longitude, APPROXIMATE_DECIMALS), roundTo(latitude, APPROXIMATE_DECIMALS)] : undefined;
    case "exact":
      return recorded ? [longitude, latitude] : undefined;
  }
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** [west, south, east, north] of the points, or undefined when there are none. */
function boundsOf(features: readonly SiteFeature[]): BBox | undefined {
  if (features.length === 0) return undefined;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const feature of features) {
    const [longitude = 0, latitude = 0] = feature.geometry.coordinates;
    west = Math.min(west, longitude);
    east = Math.max(east, longitude);
    south = Math.min(south, latitude);
    north = Math.max(north, latitude);
  }
  return [west, south, east, north];
}
