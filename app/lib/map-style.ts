// The map's look as plain data: the built-in offline basemap, the sites' cluster and symbol layers,
// and the symbols (shape, colours, words) shared by the map, its HTML legend and the tests.
import type {
  ExpressionSpecification,
  GeoJSONSourceSpecification,
  LayerSpecification,
  StyleSpecification,
} from "maplibre-gl";
import { SITE_STATUS_LABELS, type SiteStatus, siteStatuses } from "./site-codes";

export const MAP_COLOURS = {
  water: "#cbdcea",
  land: "#f8f8f5",
  neighbourLand: "#e6e6e1",
  coast: "#6f777b",
  boundary: "#0b0c0c",
  cluster: "#1d70b8",
  clusterText: "#ffffff",
  symbolOutline: "#0b0c0c",
  symbolHalo: "#ffffff",
} as const;

export type SymbolShape = "circle" | "triangle" | "square" | "diamond";

export interface SiteSymbol {
  status: SiteStatus;
  label: string;
  shape: SymbolShape;
  fill: string;
}

// The shape carries the status as much as the colour does, and every symbol has a dark outline, so
// neither colour vision nor the basemap's colours decide whether a site can be told apart.
export const SITE_SYMBOLS: Record<SiteStatus, SiteSymbol> = {
  in_use: { status: "in_use", label: SITE_STATUS_LABELS.in_use, shape: "circle", fill: "#d4351c" },
  proposed: { status: "proposed", label: SITE_STATUS_LABELS.proposed, shape: "triangle", fill: "#ffdd00" },
  ceased: { status: "ceased", label: SITE_STATUS_LABELS.ceased, shape: "square", fill: "#505a5f" },
  unknown: { status: "unknown", label: SITE_STATUS_LABELS.unknown, shape: "diamond", fill: "#ffffff" },
};

/** The legend, in the order the statuses are listed everywhere else. */
export const MAP_LEGEND: readonly SiteSymbol[] = siteStatuses.map((status) => SITE_SYMBOLS[status]);

export const SITES_SOURCE = "sites";
export const BOUNDARY_SOURCE = "council-boundary";
export const SITE_LAYERS = {
  clusters: "site-clusters",
  clusterCounts: "site-cluster-counts",
  points: "site-points",
} as const;
/** Above this zoom every site is drawn on its own (those at one position overlap, and a click lists them all). */
export const CLUSTER_MAX_ZOOM = 14;
export const SYMBOL_SIZE = 22;

/** The image id a site's symbol is drawn with. */
export function symbolImageId(status: SiteStatus): string {
  return `site-${status}`;
}

// Local fonts draw the counts: with no `glyphs` URL MapLibre rasterises text from the browser's own
// fonts, so no glyph server or font file is fetched. The first name says the weight.
const LOCAL_FONT_STACK = ["Arial Bold", "Arial", "Helvetica"];

/** The basemap drawn from /map/uk.geojson (built at install time): water, land and coast only. */
export function builtInStyle(options: { outlineUrl: string }): StyleSpecification {
  return {
    version: 8,
    name: "Built-in outline of the United Kingdom",
    sources: {
      outline: {
        type: "geojson",
        data: options.outlineUrl,
        attribution: "Coastline: Natural Earth (public domain)",
      },
    },
    layers: [
      { id: "water", type: "background", paint: { "background-color": MAP_COLOURS.water } },
      {
        id: "neighbour-land",
        type: "fill",
        source: "outline",
        filter: ["==", ["get", "kind"], "neighbour"],
        paint: { "fill-color": MAP_COLOURS.neighbourLand },
      },
      {
        id: "land",
        type: "fill",
        source: "outline",
        filter: ["==", ["get", "kind"], "uk"],
        paint: { "fill-color": MAP_COLOURS.land },
      },
      {
        id: "coast",
        type: "line",
        source: "outline",
        paint: { "line-color": MAP_COLOURS.coast, "line-width": 0.75 },
      },
    ],
  };
}

export interface SiteLayerOptions {
  /** The sites: a GeoJSON object, or the address of one. */
  sites: GeoJSONSourceSpecification["data"];
  /** The council's boundary as GeoJSON (or its address), drawn as an outline when there is one. */
  boundary?: GeoJSONSourceSpecification["data"];
}

/** Any style (the built-in one or MAP_STYLE_URL's) with the council's boundary and sites on top. */
export function withSiteLayers(style: StyleSpecification, options: SiteLayerOptions): StyleSpecification {
  // A style with a glyph server can draw only the fonts it serves: borrow the one its labels use.
  const fontStack = style.glyphs ? (firstFontStack(style) ?? LOCAL_FONT_STACK) : LOCAL_FONT_STACK;
  const sources: StyleSpecification["sources"] = {
    ...style.sources,
    [SITES_SOURCE]: {
      type: "geojson",
      data: options.sites,
      cluster: true,
      clusterRadius: 40,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
    },
  };
  const layers: LayerSpecification[] = style.layers.filter(
    (layer) => !Object.values(SITE_LAYERS).includes(layer.id as never) && layer.id !== BOUNDARY_SOURCE,
  );
  if (options.boundary !== undefined) {
    sources[BOUNDARY_SOURCE] = { type: "geojson", data: options.boundary };
    layers.push({
      id: BOUNDARY_SOURCE,
      type: "line",
      source: BOUNDARY_SOURCE,
      paint: { "line-color": MAP_COLOURS.boundary, "line-width": 2, "line-dasharray": [3, 2] },
    });
  }
  layers.push(...siteLayers(fontStack));
  return { ...style, sources, layers };
}

function siteLayers(fontStack: string[]): LayerSpecification[] {
  const isCluster: ExpressionSpecification = ["has", "point_count"];
  return [
    {
      id: SITE_LAYERS.clusters,
      type: "circle",
      source: SITES_SOURCE,
      filter: isCluster,
      paint: {
        "circle-color": MAP_COLOURS.cluster,
        "circle-radius": ["step", ["get", "point_count"], 14, 10, 17, 100, 21, 1000, 25],
        "circle-stroke-color": MAP_COLOURS.symbolHalo,
        "circle-stroke-width": 2,
      },
    },
    {
      id: SITE_LAYERS.clusterCounts,
      type: "symbol",
      source: SITES_SOURCE,
      filter: isCluster,
      layout: {
        "text-field": ["get", "point_count_abbreviated"],
        "text-font": fontStack,
        "text-size": 13,
        "text-allow-overlap": true,
        "text-ignore-placement": true,
      },
      paint: { "text-color": MAP_COLOURS.clusterText },
    },
    {
      id: SITE_LAYERS.points,
      type: "symbol",
      source: SITES_SOURCE,
      filter: ["!", isCluster],
      layout: {
        "icon-image": ["concat", "site-", ["get", "status"]],
        "icon-allow-overlap": true,
        "icon-ignore-placement": true,
        // Sites in use are drawn on top of the others where symbols overlap.
        "symbol-sort-key": ["match", ["get", "status"], "in_use", 3, "proposed", 2, "ceased", 1, 0],
      },
    },
  ];
}

function firstFontStack(style: StyleSpecification): string[] | undefined {
  for (const layer of style.layers) {
    if (layer.type !== "symbol") continue;
    const font = layer.layout?.["text-font"];
    if (Array.isArray(font) && font.every((name) => typeof name === "string")) return font as string[];
  }
  return undefined;
}

type Point2 = readonly [number, number];

/** The shape's outline in a box of `size` (y down), as polygon corners. */
export function shapeCorners(shape: SymbolShape, size: number): Point2[] {
  const c = size / 2;
  const r = size / 2;
  switch (shape) {
    case "circle":
      return Array.from({ length: 48 }, (_, i) => {
        const angle = (i / 48) * 2 * Math.PI;
        return [c + r * 0.92 * Math.cos(angle), c + r * 0.92 * Math.sin(angle)] as const;
      });
    case "square":
      return [
        [c - r * 0.8, c - r * 0.8],
        [c + r * 0.8, c - r * 0.8],
        [c + r * 0.8, c + r * 0.8],
        [c - r * 0.8, c + r * 0.8],
      ];
    case "diamond":
      return [
        [c, 0],
        [size, c],
        [c, size],
        [0, c],
      ];
    case "triangle":
      return [
        [c, 0],
        [size, size * 0.9],
        [0, size * 0.9],
      ];
  }
}

/** The `points` attribute of an SVG polygon drawing the shape (for the HTML legend). */
export function shapeSvgPoints(shape: SymbolShape, size: number, inset = 0): string {
  const scale = (size - 2 * inset) / size;
  return shapeCorners(shape, size)
    .map(([x, y]) => `${round(inset + x * scale)},${round(inset + y * scale)}`)
    .join(" ");
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export interface SymbolImage {
  width: number;
  height: number;
  /** RGBA, not premultiplied, as in ImageData. */
  data: Uint8ClampedArray;
}

/**
 * Draws a status symbol without a canvas (so it can be tested and drawn before any canvas exists):
 * the fill, a dark outline and a thin white halo, anti-aliased by 4×4 supersampling.
 */
export function symbolImage(status: SiteStatus, pixelRatio = 1): SymbolImage {
  const size = Math.round(SYMBOL_SIZE * pixelRatio);
  const halo = 1.25 * pixelRatio;
  const outline = 2 * pixelRatio;
  const corners = shapeCorners(SITE_SYMBOLS[status].shape, size - 2 * halo).map(
    ([x, y]) => [x + halo, y + halo] as const,
  );
  const fill = hexToRgb(SITE_SYMBOLS[status].fill);
  const dark = hexToRgb(MAP_COLOURS.symbolOutline);
  const white = hexToRgb(MAP_COLOURS.symbolHalo);
  const data = new Uint8ClampedArray(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const d = signedDistance(corners, px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          const colour = d <= -outline ? fill : d <= 0 ? dark : d <= halo ? white : undefined;
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a === 0) continue;
      data[offset] = r / a;
      data[offset + 1] = g / a;
      data[offset + 2] = b / a;
      data[offset + 3] = (a / (samples * samples)) * 255;
    }
  }
  return { width: size, height: size, data };
}

/** Distance from a point to the polygon's edge: negative inside, positive outside. */
function signedDistance(corners: readonly Point2[], x: number, y: number): number {
  let nearest = Number.POSITIVE_INFINITY;
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const [xi, yi] = corners[i] as Point2;
    const [xj, yj] = corners[j] as Point2;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    const dx = xj - xi;
    const dy = yj - yi;
    const t = Math.max(0, Math.min(1, ((x - xi) * dx + (y - yi) * dy) / (dx * dx + dy * dy)));
    nearest = Math.min(nearest, Math.hypot(x - (xi + t * dx), y - (yi + t * dy)));
  }
  return inside ? -nearest : nearest;
}

export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
export function contrastRatio(first: string, second: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = hexToRgb(hex).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
