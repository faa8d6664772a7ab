// Page data built from a council's records, kept in memory and reused until the council's records
// change: the loaders of the signed-in pages (site, case, sites list, deadlines, dashboard) build
// their data once per records version, role and day, and answer from memory after that.
//
// README, Decision 45: A page's data is reused only while the records it was built from are
// unchanged. The database raises a council's records version in every transaction that changes
// any of its records (triggers: migrations/0014 and 0018), and the guard reads that version with
// the membership, in the same query, at the start of every request (`TenantScope.recordsVersion`).
// Data is filed under that version, the council, the member's role, London's date and what the
// page asked for, so a change is seen by the next request on any app server, and nothing built
// for one role is shown to another. Only loaders use it, never actions (a scope's version is read
// once, before anything in the request writes), and the guard still runs on every request.
import { LRUCache } from "lru-cache";
import { todayInLondon } from "~/lib/dates";
import type { TenantScope } from "../access/tenancy.server";

/** Memory for reused page data, per app server (measured as the data's JSON). */
const MAX_BYTES = 48 * 1024 * 1024;

interface Entry {
  value: unknown;
  bytes: number;
}

const entries = new LRUCache<string, Entry, () => Promise<unknown>>({
  maxSize: MAX_BYTES,
  sizeCalculation: (entry) => entry.bytes,
  // Requests that miss at the same moment share one build; a build that fails is not kept.
  fetchMethod: async (_key, _stale, { context }) => {
    const value = await context();
    if (process.env.NODE_ENV !== "production") deepFreeze(value);
    return { value, bytes: Math.max(1, Buffer.byteLength(JSON.stringify(value) ?? "")) };
  },
});

/**
 * The data `build` makes for this council's records as they are now, built at most once per
 * records version, role, day, `name` and `variant` (whatever else the data depends on: a
 * reference, the query string). `build` must depend on nothing else (not the member, not the
 * time of day), and the value returned is shared: read it, never change it.
 */
export async function recordsData<T>(
  scope: TenantScope,
  name: string,
  variant: string,
  build: () => Promise<T>,
): Promise<T> {
  const key = recordsKey(scope, name, variant);
  const entry = await entries.fetch(key, { context: build });
  if (!entry) throw new Error(`Could not build ${name}.`);
  return entry.value as T;
}

/**
 * What anything reused per records version is filed under: the council, the member's role, the
 * version the guard read, London's date, and what was built (`name`, `variant`).
 */
export function recordsKey(scope: TenantScope, name: string, variant: string): string {
  return [scope.tenantId, scope.role, scope.recordsVersion, todayInLondon(), name, variant].join("\n");
}

/** Outside production, shared data is frozen, so code that changes it fails its tests. */
function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== "object" || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
