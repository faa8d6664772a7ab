// The council dashboard: where a member lands after signing in.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Struck } from "~/components/court-order";
import { Table } from "~/components/govuk/table";
import { workingDaysAgo, workingDaysBetween } from "~/lib/dates";
import { formatDate, formatDateTime } from "~/lib/format";
import { actionLabel, COUNCIL_TYPE_LABELS, ROLE_DESCRIPTIONS, ROLE_NAMES } from "~/lib/labels";
import { NATION_LABELS } from "~/lib/roles";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getDashboardCouncil, getDashboardRecords } from "~/server/council/dashboard.server";
import { listDeadlines } from "~/server/council/deadlines/deadlines.server";
import { recordsData } from "~/server/council/records-data.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Dashboard", data?.council.name ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  // What comes from the records is built once per records version and day (README, Decision 45),
  // sharing the deadlines with the deadlines page; the council and its people are read each time.
  const [records, council] = await Promise.all([
    recordsData(scope, "dashboard", "", async () =>
      getDashboardRecords(scope, {
        deadlines: await recordsData(scope, "deadlines", "", () => listDeadlines(scope)),
      }),
    ),
    getDashboardCouncil(scope),
  ]);
  return {
    ...records,
    ...council,
    role: scope.role,
    userName: scope.user.name,
    slug: scope.councilSlug,
    /** The council-admin pages this member may open (the recent activity comes with the audit log). */
    administers: {
      audit: can(scope.role, "audit:read"),
      members: can(scope.role, "member:manage"),
      boundary: can(scope.role, "boundary:upload"),
    },
  };
}

interface DueItem {
  key: string;
  label: string;
  dueOn: string;
  name: string;
  href: string;
  context: string;
  /** A court order's status in words, once it has changed. */
  status: string | null;
}

type ListKind = "overdue" | "dueSoon" | "noLongerDue";

const CAPTIONS: Record<ListKind, string> = {
  overdue: "Overdue deadlines",
  dueSoon: "Deadlines due soon",
  noLongerDue: "Deadlines of court orders no longer due",
};

const ALL_OF: Record<ListKind, string> = {
  overdue: "overdue deadlines",
  dueSoon: "deadlines due in the next 14 days",
  noLongerDue: "orders no longer due",
};

function DeadlineList({
  deadlines,
  total,
  allHref,
  empty,
  kind,
}: {
  deadlines: DueItem[];
  /** How many there are in all (the list shows the first few). */
  total: number;
  allHref: string;
  empty: string;
  kind: ListKind;
}) {
  if (deadlines.length === 0) return <p className="govuk-body">{empty}</p>;
  return (
    <>
      <DeadlineTable deadlines={deadlines} kind={kind} />
      {total > deadlines.length ? (
        <p className="govuk-body">
          {kind === "overdue"
            ? `These are the ${deadlines.length} longest overdue of ${total}. `
            : `These are the first ${deadlines.length} of ${total}. `}
          <a className="govuk-link" href={allHref}>
            See all {total} {ALL_OF[kind]}
          </a>
        </p>
      ) : null}
    </>
  );
}

/** A section's table (exported for the tests that read what it shows). */
export function DeadlineTable({ deadlines, kind }: { deadlines: DueItem[]; kind: ListKind }) {
  const struck = kind === "noLongerDue";
  return (
    <Table
      caption={CAPTIONS[kind]}
      captionSize="hidden"
      columns={[
        {
          header: "Date",
          cell: (deadline) => (
            <>
              <Struck text={formatDate(deadline.dueOn)} struck={struck} />
              {kind === "overdue" ? (
                <>
                  {" "}
                  <strong className="govuk-tag govuk-tag--red">Overdue</strong>
                </>
              ) : null}
            </>
          ),
        },
        {
          header: struck ? "What was due" : "What is due",
          cell: (deadline) => (
            <>
              <Struck text={deadline.label} struck={struck} />
              {deadline.status ? (
                <>
                  <br />
                  <strong>{deadline.status}</strong>
                  {struck ? ": no longer due" : null}
                </>
              ) : null}
            </>
          ),
        },
        {
          header: "Record",
          cell: (deadline) => (
            <>
              <a className="govuk-link" href={deadline.href}>
                {deadline.name}
              </a>
              <br />
              <span className="govuk-hint govuk-!-font-size-16">{deadline.context}</span>
            </>
          ),
        },
      ]}
      rows={deadlines}
      rowKey={(deadline) => deadline.key}
    />
  );
}

export default function Dashboard() {
  const {
    council,
    roleCounts,
    recentActivity,
    role,
    userName,
    slug,
    administers,
    overdue,
    overdueCount,
    dueSoon,
    dueSoonCount,
    noLongerDue,
    noLongerDueCount,
    newComplaints,
    recentlyChanged,
    today,
  } = useLoaderData<typeof loader>();
  return (
    <>
      <span className="govuk-caption-l">{council.name}</span>
      <h1 className="govuk-heading-l">Dashboard</h1>
      <p className="govuk-body">
        You are signed in as {userName}, with the <strong>{ROLE_NAMES[role].toLowerCase()}</strong> role: you{" "}
        {ROLE_DESCRIPTIONS[role]}.
      </p>

      <div className="govuk-button-group">
        <a className="govuk-button govuk-button--secondary" href={`/c/${slug}/sites`}>
          Sites
        </a>
        <a className="govuk-button govuk-button--secondary" href={`/c/${slug}/complaints`}>
          Complaints
        </a>
      </div>

      <h2 className="govuk-heading-m">Overdue</h2>
      <DeadlineList
        deadlines={overdue}
        total={overdueCount}
        allHref={`/c/${slug}/deadlines#overdue`}
        empty="Nothing is overdue."
        kind="overdue"
      />

      <h2 className="govuk-heading-m">Due in the next 14 days</h2>
      <DeadlineList
        deadlines={dueSoon}
        total={dueSoonCount}
        allHref={`/c/${slug}/deadlines#this-week`}
        empty="Nothing falls due in the next 14 days."
        kind="dueSoon"
      />

      {noLongerDue.length > 0 ? (
        <>
          <h2 className="govuk-heading-m">No longer due</h2>
          <p className="govuk-body">
            Court orders set aside, stayed, discharged, expired or complied with, whose deadlines were near: nothing is
            due under them.
          </p>
          <DeadlineList
            deadlines={noLongerDue}
            total={noLongerDueCount}
            allHref={`/c/${slug}/deadlines#no-longer-due`}
            empty=""
            kind="noLongerDue"
          />
        </>
      ) : null}

      <h2 className="govuk-heading-m">New complaints</h2>
      {newComplaints.length === 0 ? (
        <p className="govuk-body">There are no new complaints.</p>
      ) : (
        <ul className="govuk-list">
          {newComplaints.map((complaint) => (
            <li key={complaint.reference}>
              <a className="govuk-link" href={`/c/${slug}/complaints/${complaint.reference}`}>
                {complaint.reference}
              </a>
              : {complaint.summary} (received {formatDate(complaint.receivedOn)},{" "}
              {workingDaysAgo(workingDaysBetween(complaint.receivedOn, today))})
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">Recently changed</h2>
      {recentlyChanged.length === 0 ? (
        <p className="govuk-body">No sites or records yet.</p>
      ) : (
        <ul className="govuk-list">
          {recentlyChanged.map((item) => (
            <li key={item.key}>
              <a className="govuk-link" href={item.href}>
                {item.text}
              </a>
              , {formatDateTime(item.updatedAt)}
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">The council</h2>
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Name</dt>
          <dd className="govuk-summary-list__value">{council.name}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">ONS GSS code</dt>
          <dd className="govuk-summary-list__value">{council.gssCode ?? "None on record"}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Nation</dt>
          <dd className="govuk-summary-list__value">{NATION_LABELS[council.nation]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Type</dt>
          <dd className="govuk-summary-list__value">{COUNCIL_TYPE_LABELS[council.councilType]}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Local planning authority</dt>
          <dd className="govuk-summary-list__value">{council.isLocalPlanningAuthority ? "Yes" : "No"}</dd>
        </div>
      </dl>

      <h2 className="govuk-heading-m">People</h2>
      <Table
        caption="Members of the council by role"
        captionSize="hidden"
        columns={[
          { header: "Role", rowHeader: true, cell: (row) => ROLE_NAMES[row.role] },
          { header: "Members", numeric: true, cell: (row) => row.members },
        ]}
        rows={roleCounts}
        rowKey={(row) => row.role}
      />

      {administers.audit ? (
        <>
          <h2 className="govuk-heading-m">Recent activity</h2>
          <ul className="govuk-list">
            {recentActivity.map((event) => (
              <li key={event.id}>
                {formatDateTime(event.occurredAt)}: {actionLabel(event.action)}
                {event.actorName ? ` by ${event.actorName}` : ""}
              </li>
            ))}
          </ul>
          <p className="govuk-body">
            <a className="govuk-link" href={`/c/${slug}/audit`}>
              See the full audit log
            </a>
            {administers.members ? (
              <>
                {" · "}
                <a className="govuk-link" href={`/c/${slug}/members`}>
                  Manage members
                </a>
              </>
            ) : null}
            {administers.boundary ? (
              <>
                {" · "}
                <a className="govuk-link" href={`/c/${slug}/boundary`}>
                  Council boundary
                </a>
              </>
            ) : null}
          </p>
        </>
      ) : null}
    </>
  );
}
