// The map's symbols and styles: every status has its own shape and words, colours that can be seen
// against the basemap, and styles that need no network beyond this service.
import { describe, expect, it } from "vitest";
import {
  BOUNDARY_SOURCE,
  builtInStyle,
  contrastRatio,
  hexToRgb,
  MAP_COLOURS,
  MAP_LEGEND,
  SITE_LAYERS,
  SITES_SOURCE,
  symbolImage,
  withSiteLayers,
} from "~/lib/map-style";
import { SITE_STATUS_LABELS, siteStatuses } from "~/lib/site-codes";

describe("the legend", () => {
  it("has every status once, in order, with its words, a shape of its own and a colour of its own", () => {
    expect(MAP_LEGEND.map((symbol) => symbol.status)).toEqual([...siteStatuses]);
    expect(MAP_LEGEND.map((symbol) => symbol.label)).toEqual(siteStatuses.map((status) => SITE_STATUS_LABELS[status]));
    expect(new Set(MAP_LEGEND.map((symbol) => symbol.shape)).size).toBe(siteStatuses.length);
    expect(new Set(MAP_LEGEND.map((symbol) => symbol.fill)).size).toBe(siteStatuses.length);
  });

  it("outlines every symbol so it stands out from land and water (3:1, WCAG 1.4.11)", () => {
    for (const background of [MAP_COLOURS.land, MAP_COLOURS.water, MAP_COLOURS.neighbourLand]) {
      expect(contrastRatio(MAP_COLOURS.symbolOutline, background)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(MAP_COLOURS.cluster, background)).toBeGreaterThanOrEqual(3);
    }
  });

  it("writes cluster counts in a colour readable on the cluster (4.5:1)", () => {
    expect(contrastRatio(MAP_COLOURS.clusterText, MAP_COLOURS.cluster)).toBeGreaterThanOrEqual(4.5);
  });
});

describe("symbolImage", () => {
  const opaque = (image: ReturnType<typeof symbolImage>) =>
    Array.from({ length: image.width * image.height }, (_, pixel) => (image.data[pixel * 4 + 3] ?? 0) > 128);

  it("draws the status's fill in the middle, a dark outline, and nothing in the corners", () => {
    for (const symbol of MAP_LEGEND) {
      const image = symbolImage(symbol.status, 2);
      expect(image.data.length).toBe(image.width * image.height * 4);
      // The triangle's middle sits a little low; look a quarter of the way down from the centre.
      const x = Math.floor(image.width / 2);
      const y = Math.floor(image.height * (symbol.shape === "triangle" ? 0.6 : 0.5));
      const at = (y * image.width + x) * 4;
      expect([image.data[at], image.data[at + 1], image.data[at + 2], image.data[at + 3]]).toEqual([
        ...hexToRgb(symbol.fill),
        255,
      ]);
      expect(image.data[3]).toBe(0);
      const dark = hexToRgb(MAP_COLOURS.symbolOutline);
      let darkPixels = 0;
      for (let offset = 0; offset < image.data.length; offset += 4) {
        if (image.data[offset] === dark[0] && image.data[offset + 1] === dark[1] && image.data[offset + 3] === 255)
          darkPixels += 1;
      }
      expect(darkPixels).toBeGreaterThan(20);
    }
  });

  it("gives each status a different outline, so shape alone tells them apart", () => {
    const masks = MAP_LEGEND.map((symbol) => opaque(symbolImage(symbol.status)).join(""));
    expect(new Set(masks).size).toBe(MAP_LEGEND.length);
  });
});

describe("builtInStyle", () => {
  it("draws water, land and coast from this service's outline alone (no glyphs, sprites or tiles)", () => {
    const style = builtInStyle({ outlineUrl: "http://localhost:3000/map/uk.geojson" });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(Object.values(style.sources)).toEqual([
      expect.objectContaining({ type: "geojson", data: "http://localhost:3000/map/uk.geojson" }),
    ]);
    expect(style.layers.map((layer) => layer.id)).toEqual(["water", "neighbour-land", "land", "coast"]);
  });
});

describe("withSiteLayers", () => {
  const sites = { type: "FeatureCollection" as const, features: [] };

  it("adds the clustered sites on top of any style, once however often it is applied", () => {
    const once = withSiteLayers(builtInStyle({ outlineUrl: "/map/uk.geojson" }), { sites });
    const twice = withSiteLayers(once, { sites });
    expect(twice.sources[SITES_SOURCE]).toMatchObject({ type: "geojson", cluster: true, data: sites });
    expect(twice.layers.map((layer) => layer.id).slice(-3)).toEqual([
      SITE_LAYERS.clusters,
      SITE_LAYERS.clusterCounts,
      SITE_LAYERS.points,
    ]);
    expect(twice.layers).toHaveLength(once.layers.length);
    expect(twice.sources[BOUNDARY_SOURCE]).toBeUndefined();
  });

  it("draws the council's boundary below the sites when there is one", () => {
    const style = withSiteLayers(builtInStyle({ outlineUrl: "/map/uk.geojson" }), {
      sites,
      boundary: "/c/epping-forest/boundary.geojson",
    });
    const ids = style.layers.map((layer) => layer.id);
    expect(ids.indexOf(BOUNDARY_SOURCE)).toBeLessThan(ids.indexOf(SITE_LAYERS.clusters));
  });

  it("writes counts with local fonts, or with the style's own font when it has a glyph server", () => {
    const fontOf = (style: ReturnType<typeof withSiteLayers>) => {
      const layer = style.layers.find((candidate) => candidate.id === SITE_LAYERS.clusterCounts);
      return layer?.type === "symbol" ? layer.layout?.["text-font"] : undefined;
    };
    expect(fontOf(withSiteLayers(builtInStyle({ outlineUrl: "/map/uk.geojson" }), { sites }))).toEqual([
      "Arial Bold",
      "Arial",
      "Helvetica",
    ]);
    const hosted = withSiteLayers(
      {
        version: 8,
        glyphs: "https://tiles.example/fonts/{fontstack}/{range}.pbf",
        sources: {},
        layers: [{ id: "place", type: "symbol", source: "x", layout: { "text-font": ["Noto Sans Bold"] } }],
      },
      { sites },
    );
    expect(fontOf(hosted)).toEqual(["Noto Sans Bold"]);
  });
});
