// The pages benchmark's baseline: a bare `node:http` + `postgres` (postgres.js) server answering the
// same addresses as the app for the same signed-in member, with no framework. Every request checks
// the session as the app does (the session row by the cookie's id, joined to its user, then the
// membership of the council named in the address), then runs the page's own SQL, written once by
// hand, and answers with HTML from template strings or JSON from JSON.stringify.
//
// KEEP THIS FILE AS IT IS when the app's queries, pages or caches improve: it is the fixed yardstick
// of issue 12 (README, Benchmarks). Fix it only where it stops answering (a column renamed by a
// migration), and say so in the commit.
//
//   DATABASE_URL=postgres://… PORT=0 HOST=127.0.0.1 node --import tsx tests/bench/bare-server.ts
// It prints "Listening on http://HOST:PORT" when ready, and stops on SIGTERM or SIGINT.
import http from "node:http";
import type { AddressInfo } from "node:net";
import postgres from "postgres";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL");
const sql = postgres(databaseUrl, { max: 10, idle_timeout: 20, onnotice: () => {}, transform: postgres.camel });

const SESSION_COOKIE = "session";
const PAGE_SIZE = 50;
const ENFORCEMENT_KINDS = sql([
  "planning_contravention_notice",
  "enforcement_notice",
  "stop_notice",
  "temporary_stop_notice",
  "breach_of_condition_notice",
  "enforcement_appeal",
]);
const CLOSED_PLANNING = sql(["complied", "decided", "withdrawn", "closed"]);

const STATUS_LABELS: Record<string, string> = {
  proposed: "Proposed",
  in_use: "In use",
  ceased: "Ceased",
  unknown: "Unknown",
};
const ACCURACY_LABELS: Record<string, string> = {
  address: "From the address or surveyed",
  postcode: "The postcode's centre",
  town: "The town's centre",
  approximate: "Approximate",
};
const CONTRACTOR_LABELS: Record<string, string> = {
  clearsprings_ready_homes: "Clearsprings Ready Homes",
  mears: "Mears",
  serco: "Serco",
  other: "Other",
  unknown: "Not known",
};

// ---- Plumbing ----

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly location?: string,
  ) {
    super(message);
  }
}

function esc(value: unknown): string {
  if (value === null || value === undefined) return "";
  return String(value)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return undefined;
}

function date(value: string | Date | null): string {
  if (!value) return "";
  const iso = typeof value === "string" ? value : value.toISOString();
  const [year, month, day] = iso.slice(0, 10).split("-");
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return `${Number(day)} ${months[Number(month) - 1] ?? ""} ${year}`;
}

interface Member {
  userId: string;
  userName: string;
  isPlatformAdmin: boolean;
  tenantId: string;
  councilName: string;
  role: string;
  slug: string;
}

/** The session check: the session and its user, then the membership of the council. */
async function member(request: http.IncomingMessage, slug: string): Promise<Member> {
  const sessionId = cookieValue(request.headers.cookie, SESSION_COOKIE);
  if (!sessionId) throw new HttpError(302, "Sign in", "/sign-in");
  const [session] = await sql<
    { userId: string; name: string; isPlatformAdmin: boolean; expiresAt: Date; deactivatedAt: Date | null }[]
  >`select s.user_id, s.expires_at, u.name, u.is_platform_admin, u.deactivated_at
    from sessions s join users u on u.id = s.user_id where s.id = ${sessionId}`;
  if (!session || session.expiresAt.getTime() <= Date.now() || session.deactivatedAt) {
    throw new HttpError(302, "Sign in", "/sign-in");
  }
  const [membership] = await sql<{ tenantId: string; councilName: string; role: string }[]>`
    select c.id as tenant_id, c.name as council_name, m.role
    from councils c join memberships m on m.tenant_id = c.id and m.user_id = ${session.userId}
    where c.slug = ${slug}`;
  if (!membership) throw new HttpError(404, "Page not found");
  return {
    userId: session.userId,
    userName: session.name,
    isPlatformAdmin: session.isPlatformAdmin,
    slug,
    ...membership,
  };
}

function layout(title: string, who: Member | null, main: string): string {
  const nav = who
    ? [
        ["", "Dashboard"],
        ["/deadlines", "Deadlines"],
        ["/sites", "Sites"],
        ["/map", "Map"],
        ["/complaints", "Complaints"],
        ["/cases", "Legal cases"],
      ]
        .map(
          ([path, text]) =>
            `<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="/c/${esc(who.slug)}${path}">${text}</a></li>`,
        )
        .join("")
    : "";
  return `<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/build/app.css"></head>
<body class="govuk-template__body"><a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header><div class="govuk-generic-header"><a href="${who ? `/c/${esc(who.slug)}` : "/"}" class="govuk-generic-header__homepage-link">${esc(who?.councilName ?? "Hotel sites legal tracker")}</a></div>
<section aria-label="Service information" class="govuk-service-navigation"><nav aria-label="Menu"><ul class="govuk-service-navigation__list">${nav}
${who ? `<li class="govuk-service-navigation__item"><form method="post" action="/sign-out"><button type="submit" class="app-link-button">Sign out<span class="govuk-visually-hidden"> (${esc(who.userName)})</span></button></form></li>` : ""}
</ul></nav></section></header>
<div class="govuk-width-container"><main class="govuk-main-wrapper" id="main-content">${main}</main></div>
<footer class="govuk-footer"><ul class="govuk-footer__inline-list"><li><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li><li><a class="govuk-footer__link" href="/privacy">Privacy notice</a></li></ul></footer>
</body></html>`;
}

interface Page {
  title: string;
  data: Record<string, unknown>;
  html: () => string;
}

function table(caption: string, headers: string[], rows: string[][]): string {
  return `<table class="govuk-table"><caption class="govuk-table__caption">${esc(caption)}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${headers.map((header) => `<th scope="col" class="govuk-table__header">${header}</th>`).join("")}</tr></thead>
<tbody class="govuk-table__body">${rows.map((row) => `<tr class="govuk-table__row">${row.map((cell) => `<td class="govuk-table__cell">${cell}</td>`).join("")}</tr>`).join("\n")}</tbody></table>`;
}

// ---- Pages ----

async function sitesList(who: Member, url: URL): Promise<Page> {
  const page = Math.max(1, Math.min(100_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const [rows, [total], statusCounts] = await Promise.all([
    sql<
      {
        reference: string;
        name: string;
        town: string | null;
        postcode: string | null;
        status: string;
        contractor: string;
        contractorOther: string | null;
        hasLocation: boolean;
        updatedAt: Date;
        hasOpenEnforcement: boolean;
        hasOpenLegalCase: boolean;
      }[]
    >`select s.reference, s.name, s.town, s.postcode, s.status, s.contractor, s.contractor_other,
        s.latitude is not null and s.longitude is not null as has_location, s.updated_at,
        exists (select 1 from planning_records p where p.tenant_id = ${who.tenantId} and p.site_id = s.id
          and p.kind in ${ENFORCEMENT_KINDS} and p.status not in ${CLOSED_PLANNING}) as has_open_enforcement,
        exists (select 1 from legal_cases l where l.tenant_id = ${who.tenantId} and l.site_id = s.id
          and l.status <> 'concluded') as has_open_legal_case
      from sites s where s.tenant_id = ${who.tenantId} and s.archived_at is null
      order by s.reference asc limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}`,
    sql<{ value: number }[]>`select count(*)::int as value from sites
      where tenant_id = ${who.tenantId} and archived_at is null`,
    sql<{ status: string; sites: number }[]>`select status, count(*)::int as sites from sites
      where tenant_id = ${who.tenantId} and archived_at is null group by status`,
  ]);
  const count = total?.value ?? 0;
  const pages = Math.max(1, Math.ceil(count / PAGE_SIZE));
  return {
    title: "Sites",
    data: { sites: rows, total: count, statusCounts, page, pageCount: pages },
    html: () => `<h1 class="govuk-heading-l">Sites</h1><a class="govuk-button" href="/c/${who.slug}/sites/new">Add a site</a>
<ul class="govuk-list app-status-counts" aria-label="Sites by status">${Object.keys(STATUS_LABELS)
      .map(
        (status) =>
          `<li><span class="govuk-!-font-weight-bold">${statusCounts.find((row) => row.status === status)?.sites ?? 0}</span> ${esc(STATUS_LABELS[status]?.toLowerCase())}</li>`,
      )
      .join("")}</ul>
<p class="govuk-body"><a class="govuk-link" href="/c/${who.slug}/sites.csv" download>Download these ${count} sites as a spreadsheet (CSV)</a></p>
${table(
  `${count} sites${pages > 1 ? `, page ${page} of ${pages}` : ""}`,
  ["Site", "Status", "Contractor", "Open enforcement", "Open legal case", "Last changed"],
  rows.map((site) => [
    `<a class="govuk-link" href="/c/${who.slug}/sites/${esc(site.reference)}">${esc(site.reference)} ${esc(site.name)}</a>${site.town ? `<br>${esc(site.town)}` : ""}`,
    `<strong class="govuk-tag">${esc(STATUS_LABELS[site.status])}</strong>`,
    esc(site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[site.contractor]),
    site.hasOpenEnforcement ? "Yes" : "No",
    site.hasOpenLegalCase ? "Yes" : "No",
    date(site.updatedAt),
  ]),
)}
<nav class="govuk-pagination"><a href="/c/${who.slug}/sites?page=${page + 1}">Next page</a></nav>`,
  };
}

async function sitePage(who: Member, reference: string): Promise<Page> {
  const [site] = await sql<Record<string, string | number | boolean | Date | null>[]>`
    select * from sites where tenant_id = ${who.tenantId} and reference = ${reference}`;
  if (!site) throw new HttpError(404, "Page not found");
  const siteId = String(site.id);
  const [planning, periods, [complaints], cases, documents, timeline] = await Promise.all([
    sql<{ id: string; kind: string; reference: string | null; status: string; description: string | null }[]>`
      select id, kind, reference, status, description, received_on::text, served_on::text, issued_on::text,
        effective_on::text, decided_on::text, decision
      from planning_records where tenant_id = ${who.tenantId} and site_id = ${siteId} order by created_at`,
    sql<{ startsOn: string; endsOn: string | null; description: string | null }[]>`
      select starts_on::text, ends_on::text, description, source
      from use_periods where tenant_id = ${who.tenantId} and site_id = ${siteId} order by starts_on`,
    sql<{ value: number }[]>`select count(*)::int as value from complaints
      where tenant_id = ${who.tenantId} and site_id = ${siteId}`,
    sql<{ reference: string; title: string; status: string }[]>`
      select reference, title, status from legal_cases where tenant_id = ${who.tenantId} and site_id = ${siteId}
      order by reference`,
    sql<{ id: string; kind: string; title: string; documentDate: string | null; fileName: string }[]>`
      select d.id, d.kind, d.title, d.document_date::text, d.file_name, d.size_bytes::int, d.uploaded_at, u.name as uploaded_by
      from documents d left join users u on u.id = d.uploaded_by_user_id
      where d.tenant_id = ${who.tenantId} and d.site_id = ${siteId}
      order by d.document_date desc nulls last, d.uploaded_at desc`,
    sql<{ occurredOn: string; kind: string; title: string; description: string | null; visibility: string }[]>`
      select id, occurred_on::text, occurred_at::text, kind, title, description, visibility, privileged
      from timeline_events where tenant_id = ${who.tenantId} and site_id = ${siteId}
      order by occurred_on desc, occurred_at desc nulls last, sequence desc limit 100`,
  ]);
  return {
    title: `${reference} ${site.name}`,
    data: {
      site,
      planningRecords: planning,
      usePeriods: periods,
      complaints: complaints?.value ?? 0,
      cases,
      documents,
      timeline,
    },
    html: () => `<span class="govuk-caption-l">${esc(site.reference)}</span><h1 class="govuk-heading-l">${esc(site.name)}</h1>
<dl class="govuk-summary-list">${[
      ["Address", [site.addressLine1, site.town, site.postcode].filter(Boolean).join(", ")],
      ["Status", STATUS_LABELS[String(site.status)]],
      ["Owner", site.ownerName],
      ["Contractor", site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[String(site.contractor)]],
      ["Rooms", site.rooms],
      ["Use complained of", site.useComplainedOf],
      ["Position", site.latitude === null ? "Not recorded" : `${site.latitude}, ${site.longitude}`],
    ]
      .map(
        ([key, value]) =>
          `<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${esc(key)}</dt><dd class="govuk-summary-list__value">${esc(value)}</dd></div>`,
      )
      .join("")}</dl>
<h2 class="govuk-heading-m">Periods of use</h2>${table(
      "Periods of use",
      ["From", "To", "Description"],
      periods.map((period) => [date(period.startsOn), date(period.endsOn), esc(period.description)]),
    )}
<h2 class="govuk-heading-m">Planning and enforcement</h2>${planning
      .map(
        (record) =>
          `<div class="govuk-summary-card" id="record-${record.id}"><h3 class="govuk-summary-card__title">${esc(record.kind)} ${esc(record.reference)}</h3><p class="govuk-body">${esc(record.status)}: ${esc(record.description)}</p></div>`,
      )
      .join("\n")}
<h2 class="govuk-heading-m">Complaints</h2><p class="govuk-body"><a href="/c/${who.slug}/complaints?site=${esc(reference)}">${complaints?.value ?? 0} complaints</a></p>
<h2 class="govuk-heading-m">Legal cases</h2><ul class="govuk-list">${cases.map((legalCase) => `<li><a href="/c/${who.slug}/cases/${esc(legalCase.reference)}">${esc(legalCase.reference)} ${esc(legalCase.title)}</a> (${esc(legalCase.status)})</li>`).join("")}</ul>
<h2 class="govuk-heading-m">Documents</h2>${table(
      "Documents",
      ["Document", "Date", "File"],
      documents.map((document) => [
        `<a href="/c/${who.slug}/documents/${document.id}">${esc(document.title)}</a>`,
        date(document.documentDate),
        esc(document.fileName),
      ]),
    )}
<h2 class="govuk-heading-m">Timeline</h2><ol class="app-timeline">${timeline.map((event) => `<li><p class="govuk-body-s">${date(event.occurredOn)} · ${esc(event.kind)} · ${esc(event.visibility)}</p><h3 class="govuk-heading-s">${esc(event.title)}</h3><p class="govuk-body">${esc(event.description)}</p></li>`).join("\n")}</ol>`,
  };
}

async function casePage(who: Member, reference: string): Promise<Page> {
  const [legalCase] = await sql<
    { id: string; siteId: string | null; reference: string; title: string; status: string; legalBasis: string }[]
  >`select * from legal_cases where tenant_id = ${who.tenantId} and reference = ${reference}`;
  if (!legalCase) throw new HttpError(404, "Page not found");
  const caseProceedings = () =>
    sql`select id from proceedings where tenant_id = ${who.tenantId} and case_id = ${legalCase.id}`;
  const [site, proceedings, parties, hearings, orders, notes, documents, timeline] = await Promise.all([
    legalCase.siteId
      ? sql<{ reference: string; name: string }[]>`select reference, name from sites
          where tenant_id = ${who.tenantId} and id = ${legalCase.siteId}`
      : Promise.resolve([]),
    sql<
      {
        id: string;
        parentId: string | null;
        court: string;
        kind: string;
        outcome: string | null;
        summary: string | null;
      }[]
    >`
      select id, parent_id, relation, court, kind, claim_number, neutral_citation, judge, issued_on::text,
        heard_on::text, decided_on::text, outcome, summary
      from proceedings where tenant_id = ${who.tenantId} and case_id = ${legalCase.id}
      order by issued_on, decided_on, created_at`,
    sql<{ proceedingId: string; name: string; role: string; kind: string }[]>`
      select proceeding_id, name, role, kind from proceeding_parties
      where tenant_id = ${who.tenantId} and proceeding_id in (${caseProceedings()}) order by created_at`,
    sql<{ proceedingId: string; heldOn: string; kind: string }[]>`
      select proceeding_id, held_on::text, starts_at::text, kind from hearings
      where tenant_id = ${who.tenantId} and proceeding_id in (${caseProceedings()}) order by held_on, starts_at`,
    sql<{ proceedingId: string; madeOn: string; requires: string; dueOn: string | null }[]>`
      select proceeding_id, made_on::text, requires, due_on::text, due_at::text from court_orders
      where tenant_id = ${who.tenantId} and proceeding_id in (${caseProceedings()}) order by made_on, created_at`,
    who.role === "viewer"
      ? Promise.resolve([])
      : sql<{ body: string }[]>`select body from privileged_notes
          where tenant_id = ${who.tenantId} and legal_case_id = ${legalCase.id}`,
    sql<{ id: string; title: string; documentDate: string | null; fileName: string }[]>`
      select d.id, d.kind, d.title, d.document_date::text, d.file_name, d.size_bytes::int, d.uploaded_at, u.name as uploaded_by
      from documents d left join users u on u.id = d.uploaded_by_user_id
      where d.tenant_id = ${who.tenantId} and d.legal_case_id = ${legalCase.id}
      order by d.document_date desc nulls last, d.uploaded_at desc`,
    sql<{ occurredOn: string; kind: string; title: string; description: string | null }[]>`
      select id, occurred_on::text, occurred_at::text, kind, title, description, visibility, privileged
      from timeline_events
      where tenant_id = ${who.tenantId} and (legal_case_id = ${legalCase.id}
        or (site_id = ${legalCase.siteId} and legal_case_id is null))
      order by occurred_on desc, occurred_at desc nulls last, sequence desc limit 100`,
  ]);
  const of = <T extends { proceedingId: string }>(rows: T[], id: string) =>
    rows.filter((row) => row.proceedingId === id);
  return {
    title: legalCase.title,
    data: { legalCase, site: site[0] ?? null, proceedings, parties, hearings, orders, notes, documents, timeline },
    html: () => `<span class="govuk-caption-l">${esc(legalCase.reference)}</span><h1 class="govuk-heading-l">${esc(legalCase.title)}</h1>
<dl class="govuk-summary-list"><div class="govuk-summary-list__row"><dt>Status</dt><dd>${esc(legalCase.status)}</dd></div>
<div class="govuk-summary-list__row"><dt>Legal basis</dt><dd>${esc(legalCase.legalBasis)}</dd></div>
<div class="govuk-summary-list__row"><dt>Site</dt><dd>${site[0] ? `<a href="/c/${who.slug}/sites/${esc(site[0].reference)}">${esc(site[0].reference)} ${esc(site[0].name)}</a>` : "None"}</dd></div></dl>
${notes[0] ? `<div class="govuk-inset-text">${esc(notes[0].body)}</div>` : ""}
<h2 class="govuk-heading-m">Proceedings</h2><ol class="app-chain">${proceedings
      .map(
        (
          proceeding,
        ) => `<li id="proceeding-${proceeding.id}"><div class="govuk-summary-card"><h3 class="govuk-summary-card__title">${esc(proceeding.kind)}, ${esc(proceeding.court)}</h3>
<p class="govuk-body">${esc(proceeding.outcome)} ${esc(proceeding.summary)}</p>
<ul class="govuk-list">${of(parties, proceeding.id)
          .map((party) => `<li>${esc(party.name)} (${esc(party.role)}, ${esc(party.kind)})</li>`)
          .join("")}</ul>
<ul class="govuk-list">${of(hearings, proceeding.id)
          .map((hearing) => `<li>${date(hearing.heldOn)}: ${esc(hearing.kind)}</li>`)
          .join("")}</ul>
<ul class="govuk-list">${of(orders, proceeding.id)
          .map((order) => `<li>${date(order.madeOn)}: ${esc(order.requires)} (due ${date(order.dueOn)})</li>`)
          .join("")}</ul></div></li>`,
      )
      .join("\n")}</ol>
<h2 class="govuk-heading-m">Documents</h2>${table(
      "Documents",
      ["Document", "Date", "File"],
      documents.map((document) => [
        `<a href="/c/${who.slug}/documents/${document.id}">${esc(document.title)}</a>`,
        date(document.documentDate),
        esc(document.fileName),
      ]),
    )}
<h2 class="govuk-heading-m">Timeline</h2><ol class="app-timeline">${timeline.map((event) => `<li><p class="govuk-body-s">${date(event.occurredOn)} · ${esc(event.kind)}</p><h3 class="govuk-heading-s">${esc(event.title)}</h3><p class="govuk-body">${esc(event.description)}</p></li>`).join("\n")}</ol>`,
  };
}

interface DeadlineRow {
  sourceType: string;
  sourceId: string;
  key: string;
  label: string;
  dueOn: string;
  dueAt: string | null;
  reference: string;
  name: string;
  what: string;
  path: string;
  doneAt: Date | null;
  doneBy: string | null;
}

// The council's deadlines, worked out in SQL from the open planning and enforcement records (the
// statutory rules of app/lib/deadlines.ts as they stood when this was written), court orders with a
// date and hearings of running cases, with whether each is marked done. $2 chooses the window.
const DEADLINES_SQL = `
with open_records as (
  select p.id, p.kind::text as kind, p.reference, p.issued_on, p.served_on, p.displayed_on, p.effective_on,
    coalesce(st.compliance_period, p.compliance_period) as compliance_period,
    coalesce(st.compliance_period_unit, p.compliance_period_unit)::text as unit,
    exists (select 1 from planning_records a where a.tenant_id = p.tenant_id and a.enforcement_notice_id = p.id
      and a.kind = 'enforcement_appeal' and a.decided_on is null and a.withdrawn_on is null) as appealed,
    p.other_deadline_on, p.other_deadline_label,
    s.reference as site_reference, s.name as site_name
  from planning_records p join sites s on s.id = p.site_id and s.tenant_id = p.tenant_id
    left join enforcement_notice_steps st on st.tenant_id = p.tenant_id and st.planning_record_id = p.id and st.position = 1
  where p.tenant_id = $1 and p.status not in ('complied', 'decided', 'withdrawn', 'closed') and s.archived_at is null
), items as (
  select 'planning_record' as source_type, r.id as source_id, d.key, d.label, d.due_on, null::text as due_at,
    r.site_reference as reference, r.site_name as name, r.kind || coalesce(' ' || r.reference, '') as what,
    'sites/' || r.site_reference || '#record-' || r.id as path
  from open_records r cross join lateral (values
    ('response-due', 'Response due', case when r.kind = 'planning_contravention_notice' then r.served_on + 20 end),
    ('serve-copies', 'Serve copies by',
      case when r.kind = 'enforcement_notice' and r.served_on is null then r.issued_on + 28 end),
    ('appeal-deadline', 'Appeal must be lodged by',
      case when r.kind = 'enforcement_notice' and not r.appealed then r.effective_on - 1 end),
    ('takes-effect', case when r.appealed then 'Would have taken effect (suspended by the appeal)' else 'Takes effect' end,
      case when r.kind in ('enforcement_notice', 'stop_notice') then r.effective_on end),
    ('compliance-due', 'Compliance due', case
      when r.kind = 'enforcement_notice' and not r.appealed and r.compliance_period is not null and r.unit = 'months'
        then (r.effective_on + make_interval(months => r.compliance_period))::date
      when r.kind = 'enforcement_notice' and not r.appealed and r.compliance_period is not null and r.unit = 'days'
        then r.effective_on + r.compliance_period
      when r.kind = 'breach_of_condition_notice' and r.compliance_period is not null and r.unit = 'months'
        then (r.served_on + make_interval(months => r.compliance_period))::date - 1
      when r.kind = 'breach_of_condition_notice' and r.compliance_period is not null and r.unit = 'days'
        then r.served_on + r.compliance_period - 1 end),
    ('expires', 'Expires', case when r.kind = 'temporary_stop_notice'
      then r.displayed_on + case when coalesce(r.issued_on, r.displayed_on) >= date '2024-04-25' then 55 else 27 end end),
    ('officer-deadline', coalesce(nullif(btrim(r.other_deadline_label), ''), 'Deadline'), r.other_deadline_on)
  ) as d(key, label, due_on)
  where d.due_on is not null
  union all
  select 'court_order', o.id, 'order-due', 'Order: ' || o.requires, o.due_on, to_char(o.due_at, 'HH24:MI'),
    l.reference, l.title, p.kind::text || ', ' || p.court::text || coalesce(' (' || p.claim_number || ')', ''),
    'cases/' || l.reference || '#proceeding-' || p.id
  from court_orders o join proceedings p on p.id = o.proceeding_id and p.tenant_id = o.tenant_id
    join legal_cases l on l.id = p.case_id and l.tenant_id = o.tenant_id
  where o.tenant_id = $1 and o.due_on is not null and l.status <> 'concluded'
  union all
  select 'hearing', h.id, 'hearing', 'Hearing: ' || h.kind, h.held_on, to_char(h.starts_at, 'HH24:MI'),
    l.reference, l.title, p.kind::text || ', ' || p.court::text || coalesce(' (' || p.claim_number || ')', ''),
    'cases/' || l.reference || '#proceeding-' || p.id
  from hearings h join proceedings p on p.id = h.proceeding_id and p.tenant_id = h.tenant_id
    join legal_cases l on l.id = p.case_id and l.tenant_id = h.tenant_id
  where h.tenant_id = $1 and l.status <> 'concluded'
)
select i.source_type, i.source_id, i.key, i.label, i.due_on::text as due_on, i.due_at, i.reference, i.name, i.what,
  i.path, c.done_at, u.name as done_by
from items i
  left join deadline_completions c on c.tenant_id = $1 and c.source_type::text = i.source_type
    and c.source_id = i.source_id and c.deadline_key = i.key and c.due_on = i.due_on
  left join users u on u.id = c.done_by_user_id
where case $2::text
  when 'dashboard' then c.done_at is null and i.due_on <= current_date + 14
    and (i.source_type <> 'hearing' or i.due_on >= current_date)
  else (i.due_on < current_date and c.done_at is null and i.source_type <> 'hearing')
    or i.due_on between current_date and current_date + 30
    or (i.due_on < current_date and c.done_at >= now() - interval '30 days')
  end
order by i.due_on, i.due_at nulls first, i.label, i.source_id`;

function deadlines(who: Member, window: "dashboard" | "page"): Promise<DeadlineRow[]> {
  return sql.unsafe<DeadlineRow[]>(DEADLINES_SQL, [who.tenantId, window], { prepare: true });
}

function deadlineRows(who: Member, rows: DeadlineRow[]): string[][] {
  return rows.map((row) => [
    `${date(row.dueOn)}${row.dueAt ? ` ${row.sourceType === "hearing" ? "at" : "by"} ${row.dueAt}` : ""}`,
    esc(row.label),
    `<a class="govuk-link" href="/c/${who.slug}/${esc(row.path)}">${esc(row.what)}</a><br>${esc(row.reference)} ${esc(row.name)}`,
    row.doneAt ? `Done ${date(row.doneAt)}${row.doneBy ? ` by ${esc(row.doneBy)}` : ""}` : "",
  ]);
}

async function deadlinesPage(who: Member): Promise<Page> {
  const rows = await deadlines(who, "page");
  const today = new Date().toISOString().slice(0, 10);
  const weekEnd = new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10);
  const groups = {
    overdue: rows.filter((row) => row.dueOn < today && !row.doneAt),
    thisWeek: rows.filter((row) => row.dueOn >= today && row.dueOn <= weekEnd),
    nextDays: rows.filter((row) => row.dueOn > weekEnd),
    recentlyDone: rows.filter((row) => row.dueOn < today && row.doneAt),
  };
  const headers = ["Due", "What is due", "Record", "Done"];
  return {
    title: "Deadlines",
    data: { today, ...groups },
    html: () => `<h1 class="govuk-heading-l">Deadlines</h1>
<h2 class="govuk-heading-m">Overdue</h2>${table("Overdue", headers, deadlineRows(who, groups.overdue))}
<h2 class="govuk-heading-m">This week</h2>${table("This week", headers, deadlineRows(who, groups.thisWeek))}
<h2 class="govuk-heading-m">The next 30 days</h2>${table("The next 30 days", headers, deadlineRows(who, groups.nextDays))}
<h2 class="govuk-heading-m">Recently done</h2>${table("Recently done", headers, deadlineRows(who, groups.recentlyDone))}`,
  };
}

async function dashboard(who: Member): Promise<Page> {
  const [[council], roleCounts, due, newComplaints, recentSites, recentRecords] = await Promise.all([
    sql<{ name: string; gssCode: string | null; nation: string; councilType: string }[]>`
      select name, gss_code, nation, council_type, is_local_planning_authority from councils where id = ${who.tenantId}`,
    sql<{ role: string; members: number }[]>`select role, count(*)::int as members from memberships
      where tenant_id = ${who.tenantId} group by role`,
    deadlines(who, "dashboard"),
    sql<{ reference: string; receivedOn: string; summary: string }[]>`
      select reference, received_on::text, summary from complaints where tenant_id = ${who.tenantId} and status = 'new'
      order by received_on desc, reference desc limit 10`,
    sql<{ reference: string; name: string; updatedAt: Date }[]>`
      select reference, name, updated_at from sites where tenant_id = ${who.tenantId} order by updated_at desc limit 5`,
    sql<{ id: string; kind: string; reference: string | null; updatedAt: Date; siteReference: string }[]>`
      select p.id, p.kind, p.reference, p.updated_at, s.reference as site_reference
      from planning_records p join sites s on s.id = p.site_id
      where p.tenant_id = ${who.tenantId} order by p.updated_at desc limit 5`,
  ]);
  const today = new Date().toISOString().slice(0, 10);
  const overdue = due.filter((row) => row.dueOn < today);
  const dueSoon = due.filter((row) => row.dueOn >= today);
  const recentlyChanged = [
    ...recentSites.map((site) => ({
      text: `${site.reference} ${site.name}`,
      href: `/c/${who.slug}/sites/${site.reference}`,
      updatedAt: site.updatedAt,
    })),
    ...recentRecords.map((record) => ({
      text: `${record.kind}${record.reference ? ` ${record.reference}` : ""} (${record.siteReference})`,
      href: `/c/${who.slug}/sites/${record.siteReference}#record-${record.id}`,
      updatedAt: record.updatedAt,
    })),
  ]
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime())
    .slice(0, 8);
  const headers = ["Date", "What is due", "Record", ""];
  return {
    title: "Dashboard",
    data: { council, roleCounts, today, overdue, dueSoon, newComplaints, recentlyChanged },
    html: () => `<h1 class="govuk-heading-l">${esc(council?.name)}</h1><p class="govuk-body">Signed in as ${esc(who.userName)} (${esc(who.role)})</p>
<h2 class="govuk-heading-m">Overdue</h2>${table("Overdue deadlines", headers, deadlineRows(who, overdue))}
<h2 class="govuk-heading-m">Due in the next 14 days</h2>${table("Deadlines due soon", headers, deadlineRows(who, dueSoon))}
<h2 class="govuk-heading-m">New complaints</h2><ul class="govuk-list">${newComplaints.map((complaint) => `<li><a href="/c/${who.slug}/complaints/${esc(complaint.reference)}">${esc(complaint.reference)}</a> ${date(complaint.receivedOn)}: ${esc(complaint.summary)}</li>`).join("")}</ul>
<h2 class="govuk-heading-m">Recently changed</h2><ul class="govuk-list">${recentlyChanged.map((item) => `<li><a href="${esc(item.href)}">${esc(item.text)}</a> ${date(item.updatedAt)}</li>`).join("")}</ul>
<h2 class="govuk-heading-m">Members</h2><ul class="govuk-list">${roleCounts.map((row) => `<li>${esc(row.role)}: ${row.members}</li>`).join("")}</ul>`,
  };
}

interface MapRow {
  reference: string;
  name: string;
  status: string;
  latitude: number | null;
  longitude: number | null;
  locationAccuracy: string | null;
  locationNote: string | null;
  openEnforcement: boolean;
  openLegalCase: boolean;
}

async function sitesGeoJson(who: Member): Promise<string> {
  const rows = await sql<MapRow[]>`
    select s.reference, s.name, s.status, s.latitude, s.longitude, s.location_accuracy, s.location_note,
      s.id in (select p.site_id from planning_records p where p.tenant_id = ${who.tenantId}
        and p.kind in ${ENFORCEMENT_KINDS} and p.status not in ${CLOSED_PLANNING}) as open_enforcement,
      s.id in (select l.site_id from legal_cases l where l.tenant_id = ${who.tenantId} and l.site_id is not null
        and l.status <> 'concluded') as open_legal_case
    from sites s where s.tenant_id = ${who.tenantId} and s.archived_at is null order by s.reference`;
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  const features = [];
  for (const site of rows) {
    if (site.latitude === null || site.longitude === null) continue;
    west = Math.min(west, site.longitude);
    east = Math.max(east, site.longitude);
    south = Math.min(south, site.latitude);
    north = Math.max(north, site.latitude);
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [site.longitude, site.latitude] },
      properties: {
        reference: site.reference,
        name: site.name,
        status: site.status,
        disclosure: "exact",
        ...(site.locationAccuracy ? { accuracy: site.locationAccuracy } : {}),
        ...(site.locationNote ? { locationNote: site.locationNote } : {}),
        ...(site.openEnforcement ? { openEnforcement: true } : {}),
        ...(site.openLegalCase ? { openLegalCase: true } : {}),
      },
    });
  }
  return JSON.stringify(
    features.length > 0
      ? { type: "FeatureCollection", bbox: [west, south, east, north], features }
      : { type: "FeatureCollection", features },
  );
}

const CSV_COLUMNS: [string, string][] = [
  ["reference", "Reference"],
  ["name", "Name"],
  ["addressLine1", "Address line 1"],
  ["addressLine2", "Address line 2"],
  ["town", "Town"],
  ["postcode", "Postcode"],
  ["uprn", "UPRN"],
  ["latitude", "Latitude"],
  ["longitude", "Longitude"],
  ["locationAccuracy", "Position accuracy"],
  ["status", "Status"],
  ["ownerName", "Owner"],
  ["operatorName", "Operator"],
  ["contractor", "Home Office contractor"],
  ["rooms", "Rooms or bed spaces"],
  ["lawfulUse", "Lawful use"],
  ["useComplainedOf", "Use complained of"],
  ["openEnforcement", "Open enforcement"],
  ["openLegalCase", "Open legal case"],
  ["updatedAt", "Last changed"],
];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    value instanceof Date ? value.toISOString() : typeof value === "boolean" ? (value ? "Yes" : "No") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

async function sitesCsv(who: Member): Promise<string> {
  const rows = await sql<(MapRow & Record<string, string | number | boolean | Date | null>)[]>`
    select s.reference, s.name, s.address_line_1, s.address_line_2, s.town, s.postcode, s.uprn, s.latitude, s.longitude,
      s.status, s.owner_name, s.operator_name, s.contractor, s.contractor_other, s.rooms, s.lawful_use,
      s.lawful_use_other, s.use_complained_of, s.location_accuracy, s.location_note, s.updated_at,
      s.id in (select p.site_id from planning_records p where p.tenant_id = ${who.tenantId}
        and p.kind in ${ENFORCEMENT_KINDS} and p.status not in ${CLOSED_PLANNING}) as open_enforcement,
      s.id in (select l.site_id from legal_cases l where l.tenant_id = ${who.tenantId} and l.site_id is not null
        and l.status <> 'concluded') as open_legal_case
    from sites s where s.tenant_id = ${who.tenantId} and s.archived_at is null order by s.reference`;
  const lines = [CSV_COLUMNS.map(([, header]) => csvCell(header)).join(",")];
  for (const site of rows) {
    const row = {
      ...site,
      status: STATUS_LABELS[site.status],
      locationAccuracy: site.locationAccuracy ? ACCURACY_LABELS[site.locationAccuracy] : null,
      contractor: site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[String(site.contractor)],
    };
    lines.push(CSV_COLUMNS.map(([key]) => csvCell(row[key as keyof typeof row])).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const ACCESSIBILITY = layout(
  "Accessibility statement",
  null,
  `<h1 class="govuk-heading-l">Accessibility statement</h1>
<p class="govuk-body">This service is run by the councils that use it. We want as many people as possible to be able to use it.</p>
<p class="govuk-body">You should be able to change colours, contrast levels and fonts, zoom in up to 400% without the text spilling off the screen, navigate the whole service using just a keyboard or speech recognition software, and listen to it using a screen reader.</p>`,
);

// ---- The server ----

function send(response: http.ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "private, no-store",
  });
  response.end(body);
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  const url = new URL(request.url ?? "/", "http://bare.invalid");
  if (request.method !== "GET" && request.method !== "HEAD") throw new HttpError(405, "Method not allowed");
  if (url.pathname === "/accessibility") return send(response, 200, "text/html; charset=utf-8", ACCESSIBILITY);
  const data = url.pathname.endsWith(".data");
  const path = data ? url.pathname.slice(0, -".data".length) : url.pathname;
  const match = /^\/c\/([a-z0-9-]+)(?:\/(.*))?$/.exec(path);
  if (!match?.[1]) throw new HttpError(404, "Page not found");
  const who = await member(request, match[1]);
  const rest = match[2] ?? "";
  if (rest === "sites.geojson") return send(response, 200, "application/geo+json", await sitesGeoJson(who));
  if (rest === "sites.csv") return send(response, 200, "text/csv; charset=utf-8", await sitesCsv(who));
  let page: Page;
  const [section, reference, more] = rest.split("/");
  if (rest === "") page = await dashboard(who);
  else if (section === "sites" && reference === undefined) page = await sitesList(who, url);
  else if (section === "sites" && reference && more === undefined) page = await sitePage(who, reference);
  else if (section === "cases" && reference && more === undefined) page = await casePage(who, reference);
  else if (section === "deadlines" && reference === undefined) page = await deadlinesPage(who);
  else throw new HttpError(404, "Page not found");
  if (data) {
    const body = {
      root: { user: { name: who.userName, isPlatformAdmin: who.isPlatformAdmin } },
      council: { council: { slug: who.slug, name: who.councilName }, navigation: { members: false, audit: false } },
      page: page.data,
    };
    return send(response, 200, "application/json", JSON.stringify(body));
  }
  return send(response, 200, "text/html; charset=utf-8", layout(page.title, who, page.html()));
}

const server = http.createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    if (error instanceof HttpError) {
      if (error.location) {
        response.writeHead(error.status, { Location: error.location, "Content-Length": 0 }).end();
        return;
      }
      send(response, error.status, "text/plain; charset=utf-8", error.message);
      return;
    }
    console.error(error);
    if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "Server error");
    else response.destroy();
  });
});

server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? "127.0.0.1", () => {
  const { address, port } = server.address() as AddressInfo;
  console.log(`Listening on http://${address}:${port}`);
});

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  void sql.end({ timeout: 2 }).finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
