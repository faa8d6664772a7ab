// What the timeline and chronology pages of a site and of a case share: reading the address,
// loading, and the CSV file. The route modules stay thin.
import { parseWithZod } from "@conform-to/zod/v4";
import type { Params } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { chronologySchema, kindsFrom } from "~/lib/schemas/timeline-event";
import { TIMELINE_KIND_LABELS, timelineKinds } from "~/lib/timeline-codes";
import { csvResponse } from "./csv.server";
import { notFound } from "./responses.server";
import { requireTenantScope } from "./tenancy.server";
import { chronology, getTimeline, mayIncludePrivileged, type TimelineHome } from "./timeline.server";

export function homeOf(kind: "site" | "case", params: Params): TimelineHome {
  const reference = params.reference ?? "";
  return kind === "site" ? { site: reference } : { case: reference };
}

export async function loadTimelinePage(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "viewer");
  const chosen = kindsFrom(new URL(request.url).searchParams);
  const timeline = await getTimeline(scope, homeOf(kind, params), { kinds: chosen });
  if (!timeline) throw notFound();
  return { slug: scope.councilSlug, ...timeline, kinds: timelineKinds, chosen };
}

/**
 * The chronology page: the choices form, and once chosen (`show` in the address) the chronology
 * itself. Bad choices come back as messages and nothing is exported.
 */
export async function loadChronologyPage(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "viewer");
  const search = new URL(request.url).searchParams;
  const offerPrivileged = mayIncludePrivileged(scope);
  const timeline = await getTimeline(scope, homeOf(kind, params));
  if (!timeline) throw notFound();
  const base = { slug: scope.councilSlug, home: timeline.home, offerPrivileged, query: search.toString() };
  if (!search.has("show")) return { ...base, submission: null, result: null };
  const submission = parseWithZod(search, { schema: chronologySchema });
  if (submission.status !== "success") return { ...base, submission: submission.reply(), result: null };
  const result = await chronology(scope, homeOf(kind, params), submission.value);
  if (!result) throw notFound();
  return {
    ...base,
    submission: submission.reply(),
    result: { councilName: result.councilName, events: result.events, heading: chronologyHeading(result) },
  };
}

export async function chronologyCsv(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "viewer");
  const submission = parseWithZod(new URL(request.url).searchParams, { schema: chronologySchema });
  if (submission.status !== "success") {
    const messages = Object.values(submission.error ?? {}).flat();
    return new Response(`The chronology was not exported: ${messages.join("; ")}.`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const result = await chronology(scope, homeOf(kind, params), submission.value);
  if (!result) throw notFound();
  return csvResponse(
    `${result.home.reference}-chronology.csv`,
    [
      { key: "date", header: "Date" },
      { key: "time", header: "Time" },
      { key: "title", header: "Event" },
      { key: "description", header: "Details" },
      { key: "kind", header: "Kind" },
      { key: "source", header: "Source or document" },
      { key: "visibility", header: "Visibility" },
      { key: "privileged", header: "Privileged" },
    ],
    result.events.map((event) => ({
      date: event.occurredOn,
      time: event.occurredAt?.slice(0, 5) ?? "",
      title: event.title,
      description: event.description,
      kind: TIMELINE_KIND_LABELS[event.kind],
      source: event.documentFileName ? `Document: ${event.documentFileName}` : (event.sourceUrl ?? ""),
      visibility: event.visibility === "public" ? "Public" : "Internal",
      privileged: event.privileged ? "Yes" : "No",
    })),
    chronologyHeading(result),
  );
}

/** The lines that head a chronology, on the page and in the file: whose, what, and what is left out. */
export function chronologyHeading(result: {
  councilName: string;
  home: { reference: string; title: string };
  options: { from: string | null; to: string | null; includeInternal: boolean; includePrivileged: boolean };
}): string[] {
  const { from, to, includeInternal, includePrivileged } = result.options;
  const range =
    from && to
      ? `${formatDate(from)} to ${formatDate(to)}`
      : from
        ? `from ${formatDate(from)}`
        : to
          ? `up to ${formatDate(to)}`
          : "all dates";
  return [
    `${result.councilName}: chronology of ${result.home.reference} ${result.home.title}`,
    `Dates: ${range}. ${includeInternal ? "Includes internal events." : "Public events only."}`,
    includePrivileged
      ? "PRIVILEGED AND CONFIDENTIAL: this chronology includes legally privileged material. Do not disclose."
      : "Legally privileged material is excluded.",
  ];
}
