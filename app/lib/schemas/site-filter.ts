// The sites list's filters, read from the query string (anything unrecognised is ignored).
import { z } from "zod";
import { contractors, siteStatuses, useClasses } from "../site-codes";
import { searchField } from "./search";

export const siteSortValues = ["reference", "name", "status", "updated"] as const;

const yesNo = z
  .enum(["yes", "no"])
  .optional()
  .catch(undefined)
  .transform((value) => (value === "yes" ? true : value === "no" ? false : undefined));

const filterSchema = z.object({
  status: z.enum(siteStatuses).optional().catch(undefined),
  contractor: z.enum(contractors).optional().catch(undefined),
  lawfulUse: z.enum(useClasses).optional().catch(undefined),
  openEnforcement: yesNo,
  openLegalCase: yesNo,
  search: searchField,
  archived: z
    .literal("yes")
    .optional()
    .catch(undefined)
    .transform((value) => value === "yes"),
  sort: z.enum(siteSortValues).optional().catch(undefined),
});

export function siteFilterFrom(search: URLSearchParams) {
  const raw = Object.fromEntries([...search.entries()].filter(([, value]) => value !== ""));
  return filterSchema.parse(raw);
}
