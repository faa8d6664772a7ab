// What the timeline and chronology pages of a site and of a case share: reading the address,
// loading, the chronology's POST form, and the CSV file. The route modules stay thin.
//
// README, Decision 26: A chronology is the timeline, filtered and said plainly. The chronology page
// and its CSV take a date range, internal events or not, and (legal team only) privileged material
// or not; their first lines name the council, the case or site, the dates, and whether privileged
// material is in or out. A chronology is produced only by a POST from the page's own form (a plain
// form, so it works the same without JavaScript), and each export is audited: a GET shows the
// choices and writes nothing, and the CSV address answers a GET with 405, so a link from another
// site can neither export privileged material nor put an export in the audit log. The print
// stylesheet drops the menus and the form and repeats the council and case on every page; the CSV
// has the same lines above its header row.

import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { exportedPartialDate, formatPartialDate } from "~/lib/partial-date";
import { chronologySchema, kindsFrom } from "~/lib/schemas/timeline-event";
import { TIMELINE_KIND_LABELS, timelineKinds } from "~/lib/timeline-codes";
import { can } from "../../access/permissions.server";
import { requireTenantScope, type TenantScope } from "../../access/tenancy.server";
import { csvResponse } from "../../http/csv.server";
import { parseForm, readForm } from "../../http/form-input.server";
import { notFound } from "../../http/responses.server";
import { chronology, getTimeline, getTimelineHome, type TimelineHome } from "./timeline.server";

/** The chronology form's fields (`from.day` … `to.year`, `internal`, `privileged`), for the page and the CSV. */

type ChronologyHome = NonNullable<Awaited<ReturnType<typeof getTimelineHome>>>;
type ChronologyExport = NonNullable<Awaited<ReturnType<typeof chronology>>>;

/** A chronology as its page shows it, with the choices it was made with (for the CSV form beside it). */
interface ChronologyShown {
  councilName: string;
  events: ChronologyExport["events"];
  heading: string[];
  options: ChronologyExport["options"];
}

export function homeOf(kind: "site" | "case", params: Params): TimelineHome {
  const reference = params.reference ?? "";
  return kind === "site" ? { site: reference } : { case: reference };
}

export async function loadTimelinePage(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "record:read");
  const chosen = kindsFrom(new URL(request.url).searchParams);
  const timeline = await getTimeline(scope, homeOf(kind, params), { kinds: chosen });
  if (!timeline) throw notFound();
  return { slug: scope.councilSlug, ...timeline, kinds: timelineKinds, chosen };
}

/**
 * The chronology page as a GET: the choices form only. Whatever the address says, nothing is
 * computed or audited here, so a link cannot make a member export a chronology (or put
 * privileged material in one) without pressing the button on our own page.
 */
export async function loadChronologyPage(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "record:read");
  const home = await getTimelineHome(scope, homeOf(kind, params));
  if (!home) throw notFound();
  return chronologyPageData(scope, home, null, null);
}

/**
 * The chronology page's POST: the chosen dates and inclusions, checked, then the chronology
 * itself (audited by `chronology`). It is a report rather than a change, so it is shown in the
 * answer to the POST instead of after a redirect; bad choices come back as messages (400) and
 * nothing is exported. The guard comes first, so a POST from another site is refused (403).
 */
export async function chronologyPageAction(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "record:read");
  const submission = parseForm(await readForm(request, chronologySchema), chronologySchema);
  if (submission.status !== "success") {
    const home = await getTimelineHome(scope, homeOf(kind, params));
    if (!home) throw notFound();
    return data(chronologyPageData(scope, home, submission.reply(), null), { status: 400 });
  }
  const result = await chronology(scope, homeOf(kind, params), submission.value);
  if (!result) throw notFound();
  return chronologyPageData(scope, result.home, submission.reply(), {
    councilName: result.councilName,
    events: result.events,
    heading: chronologyHeading(result),
    options: result.options,
  });
}

function chronologyPageData(
  scope: TenantScope,
  home: ChronologyHome,
  submission: SubmissionResult<string[]> | null,
  result: ChronologyShown | null,
) {
  return {
    slug: scope.councilSlug,
    home,
    offerPrivileged: can(scope.role, "chronology:include-privileged"),
    submission,
    result,
  };
}

/**
 * A GET of the CSV's address is not an export (the file comes only from the page's POST form):
 * 405 with `Allow: POST`, once the guard has passed and the site or case is found, so another
 * council still gets 404 and learns nothing.
 */
export async function refuseChronologyCsvGet(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "record:read");
  const home = await getTimelineHome(scope, homeOf(kind, params));
  if (!home) throw notFound();
  return new Response(
    `A chronology is downloaded from its page: choose the dates and what to include, show the chronology, then choose "Download as CSV" (/c/${scope.councilSlug}/${home.path}/chronology).`,
    { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" } },
  );
}

/** The CSV file of a chronology, from the POST form beside the chronology on its page (audited). */
export async function chronologyCsv(request: Request, params: Params, kind: "site" | "case") {
  const scope = await requireTenantScope(request, params, "record:read");
  const submission = parseForm(await readForm(request, chronologySchema), chronologySchema);
  if (submission.status !== "success") {
    // Another council's site or case is a 404 whatever the choices were.
    if (!(await getTimelineHome(scope, homeOf(kind, params)))) throw notFound();
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
      { key: "dateInWords", header: "Date in words" },
      { key: "time", header: "Time" },
      { key: "title", header: "Event" },
      { key: "description", header: "Details" },
      { key: "kind", header: "Kind" },
      { key: "source", header: "Source or document" },
      { key: "visibility", header: "Visibility" },
      { key: "privileged", header: "Privileged" },
    ],
    result.events.map((event) => ({
      // ISO 8601 as far as the source goes (2021-03, 2025-11-26~), with the words beside it.
      date: exportedPartialDate(event.occurredOn, event.occurredOnPrecision),
      dateInWords: formatPartialDate(event.occurredOn, event.occurredOnPrecision),
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
