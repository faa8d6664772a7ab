// The column every council-owned table carries (with an index and a row-level-security policy).
import { uuid } from "drizzle-orm/pg-core";
import { councils } from "./councils";

export const tenantId = () =>
  uuid("tenant_id")
    .notNull()
    .references(() => councils.id, { onDelete: "restrict" });
