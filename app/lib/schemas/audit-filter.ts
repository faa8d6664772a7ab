// The audit log's filters, read from the query string (anything unrecognised is ignored). Not in
// the route's module: a schema built there runs in the browser too, and brings zod with it.
import { z } from "zod";

const filterSchema = z.object({
  entity: z.string().max(64).optional().catch(undefined),
  user: z.uuid().optional().catch(undefined),
});

export function auditFilterFrom(search: URLSearchParams) {
  return filterSchema.parse({
    entity: search.get("entity") || undefined,
    user: search.get("user") || undefined,
  });
}
