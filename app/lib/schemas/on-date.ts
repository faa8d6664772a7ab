// The day the map and its list are wound back to, read from the address: ?on=2025-08-19.
import { z } from "zod";
import { type IsoDate, isIsoDate } from "../dates";

export const ON_DATE_MESSAGE = "Enter a real date, for example 2025-08-19";

export const onDateSchema = z.string().trim().refine(isIsoDate, ON_DATE_MESSAGE);

/** `on` is null when the address names no day (the caller shows today). */
export type OnDateParam = { ok: true; on: IsoDate | null } | { ok: false; value: string; message: string };

export function onDateFrom(search: URLSearchParams, name = "on"): OnDateParam {
  const value = search.get(name)?.trim() ?? "";
  if (value === "") return { ok: true, on: null };
  const parsed = onDateSchema.safeParse(value);
  return parsed.success ? { ok: true, on: parsed.data } : { ok: false, value, message: ON_DATE_MESSAGE };
}
