// Prepares a data directory for the browser tests and the map benchmark before the app starts on it:
// migrated, the demo data, and extra (fictional) sites in one council. Run through tsx, either
// imported or as `node --import tsx tests/helpers/factories/data-dir.ts <dataDir> <file.json>`.
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { and, eq } from "drizzle-orm";
import type { SiteStatus } from "../../../app/lib/site-codes";
import { openDatabase } from "../../../db/client";
import { migrateDatabase } from "../../../db/migrate";
import { councils, referenceCounters, sites } from "../../../db/schema";
import { seedDemo } from "../../../db/seed/demo";

export interface ExtraSite {
  name: string;
  latitude: number;
  longitude: number;
  status: SiteStatus;
}

export interface SeedPlan {
  password: string;
  councilSlug: string;
  sites: ExtraSite[];
}

export async function seedDataDir(dataDir: string, plan: SeedPlan): Promise<void> {
  const handle = await openDatabase({ driver: "pglite", dataDir });
  try {
    await migrateDatabase(handle);
    await seedDemo(handle.db, plan.password);
    const [council] = await handle.db
      .select({ id: councils.id, prefix: councils.referencePrefix })
      .from(councils)
      .where(eq(councils.slug, plan.councilSlug));
    if (!council) throw new Error(`No council ${plan.councilSlug}`);
    await handle.db.transaction(async (tx) => {
      const [counter] = await tx
        .select({ lastValue: referenceCounters.lastValue })
        .from(referenceCounters)
        .where(and(eq(referenceCounters.tenantId, council.id), eq(referenceCounters.kind, "S")));
      const first = (counter?.lastValue ?? 0) + 1;
      const rows = plan.sites.map((site, index) => ({
        tenantId: council.id,
        reference: `${council.prefix}-S-${String(first + index).padStart(4, "0")}`,
        name: site.name,
        latitude: site.latitude,
        longitude: site.longitude,
        locationAccuracy: "approximate" as const,
        locationNote: "Fictional test site",
        status: site.status,
      }));
      for (let start = 0; start < rows.length; start += 1000) {
        await tx.insert(sites).values(rows.slice(start, start + 1000));
      }
      await tx
        .insert(referenceCounters)
        .values({ tenantId: council.id, kind: "S", lastValue: first + rows.length - 1 })
        .onConflictDoUpdate({
          target: [referenceCounters.tenantId, referenceCounters.kind],
          set: { lastValue: first + rows.length - 1 },
        });
    });
  } finally {
    await handle.close();
  }
}

/** `count` fictional sites spread over a box, with every status, from a fixed seed (same every run). */
export function syntheticSites(
  count: number,
  box: { south: number; west: number; north: number; east: number },
): ExtraSite[] {
  let state = 20250719;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
  const statuses: SiteStatus[] = ["in_use", "proposed", "ceased", "unknown"];
  return Array.from({ length: count }, (_, index) => ({
    name: `Synthetic site ${index + 1} (fictional)`,
    latitude: Math.round((box.south + random() * (box.north - box.south)) * 1e6) / 1e6,
    longitude: Math.round((box.west + random() * (box.east - box.west)) * 1e6) / 1e6,
    status: statuses[index % statuses.length] ?? "unknown",
  }));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [dataDir, planFile] = process.argv.slice(2);
  if (!dataDir || !planFile) throw new Error("usage: data-dir.ts <dataDir> <plan.json>");
  await seedDataDir(dataDir, JSON.parse(fs.readFileSync(planFile, "utf8")) as SeedPlan);
}
