// The council's deadlines: overdue, this week, the next 30 days and recently done, from planning
// and enforcement records, court orders and hearings; mark one done or reopen it. Court orders no
// longer live (set aside, stayed, …) are listed apart, struck through with their status in words
// (README, Decision 46).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Struck } from "~/components/court-order";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { Pagination } from "~/components/govuk/pagination";
import { Table } from "~/components/govuk/table";
import { formatDate } from "~/lib/format";
import { pageCount, pageFrom } from "~/lib/paging";
import { deadlineActionSchema } from "~/lib/schemas/deadline";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { refused } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  councilNation,
  type DeadlineGroups,
  type DeadlineItem,
  groupDeadlines,
  listDeadlines,
  MAY_NOT_MARK_DEADLINES,
  markDeadlineDone,
  NEXT_DAYS,
  RECENTLY_DONE_DAYS,
  reopenDeadline,
} from "~/server/council/deadlines/deadlines.server";
import { recordsData } from "~/server/council/records-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Deadlines", data?.councilName ?? "") },
];

/** The most deadlines a section shows at once; a longer section has pages of its own. */
export const DEADLINES_PAGE_SIZE = 50;

/** Each section's id on the page, which is also the name of its page number in the query string. */
const SECTIONS = {
  overdue: "overdue",
  thisWeek: "this-week",
  nextDays: "next-days",
  recentlyDone: "recently-done",
  noLongerDue: "no-longer-due",
} as const satisfies Record<Exclude<keyof DeadlineGroups, "today">, string>;

type Section = keyof typeof SECTIONS;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const search = new URL(request.url).searchParams;
  // Collected and grouped once per records version and day (README, Decision 45).
  const all = await recordsData(scope, "deadlines", "", () => listDeadlines(scope));
  const groups = await recordsData(scope, "deadline groups", "", async () => groupDeadlines(all));
  const nation = await recordsData(scope, "council nation", "", () => councilNation(scope));
  const sectionPage = (section: Section) => {
    const items = groups[section];
    const pages = pageCount(items.length, DEADLINES_PAGE_SIZE);
    const page = Math.min(pageFrom(search, SECTIONS[section]), pages);
    const first = (page - 1) * DEADLINES_PAGE_SIZE;
    return { items: items.slice(first, first + DEADLINES_PAGE_SIZE), total: items.length, page, pageCount: pages };
  };
  return {
    councilName: scope.councilName,
    slug: scope.councilSlug,
    nation,
    canMark: can(scope.role, "deadline:done"),
    nextDaysWindow: NEXT_DAYS,
    recentlyDoneWindow: RECENTLY_DONE_DAYS,
    overdue: sectionPage("overdue"),
    thisWeek: sectionPage("thisWeek"),
    nextDays: sectionPage("nextDays"),
    recentlyDone: sectionPage("recentlyDone"),
    noLongerDue: sectionPage("noLongerDue"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "deadline:done", MAY_NOT_MARK_DEADLINES);
  const submission = parseForm(await readForm(request, deadlineActionSchema), deadlineActionSchema);
  if (submission.status !== "success") {
    const errors = [
      ...new Set(
        Object.values(submission.error ?? {})
          .flat()
          .filter((error): error is string => Boolean(error)),
      ),
    ];
    return data({ errors }, { status: 400 });
  }
  const { intent, dueOn, ...ref } = submission.value;
  try {
    const found =
      intent === "done"
        ? (await markDeadlineDone(scope, { ...ref, expectedDueOn: dueOn })) !== undefined
        : await reopenDeadline(scope, ref);
    if (!found) throw notFound();
  } catch (error) {
    return refused(error, (refusal) => ({ errors: [refusal.message] }));
  }
  return redirect(`/c/${scope.councilSlug}/deadlines?done=${intent === "done" ? "marked-done" : "reopened"}`);
}

const DONE_MESSAGES: Record<string, string> = {
  "marked-done": "The deadline has been marked done.",
  reopened: "The deadline has been reopened.",
};

function when(deadline: DeadlineItem): string {
  if (!deadline.dueAt) return formatDate(deadline.dueOn);
  return `${formatDate(deadline.dueOn)} ${deadline.sourceType === "hearing" ? "at" : "by"} ${deadline.dueAt}`;
}

function DeadlineForm({ deadline, intent }: { deadline: DeadlineItem; intent: "done" | "reopen" }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="sourceType" value={deadline.sourceType} />
      <input type="hidden" name="sourceId" value={deadline.sourceId} />
      <input type="hidden" name="deadlineKey" value={deadline.deadlineKey} />
      <input type="hidden" name="dueOn" value={deadline.dueOn} />
      <button
        type="submit"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
      >
        {intent === "done" ? "Mark done" : "Reopen"}
        <span className="govuk-visually-hidden">
          : {deadline.label}, {formatDate(deadline.dueOn)}
        </span>
      </button>
    </Form>
  );
}

/** A section's table (exported for the tests that read what it shows). */
export function DeadlineTable({
  caption,
  deadlines,
  canMark,
  overdue,
  struck = false,
}: {
  caption: string;
  deadlines: DeadlineItem[];
  canMark: boolean;
  overdue?: boolean;
  /** Court orders no longer live: struck through, with no button to mark them done. */
  struck?: boolean;
}) {
  return (
    <Table
      caption={caption}
      captionSize="hidden"
      columns={[
        {
          header: "Date",
          cell: (deadline) => (
            <>
              <Struck text={when(deadline)} struck={struck} />
              {overdue ? (
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
              {deadline.orderStatus ? (
                <>
                  <br />
                  <strong>{deadline.orderStatus.words}</strong>
                  {struck ? ": no longer due" : null}
                </>
              ) : null}
            </>
          ),
        },
        {
          header: "Belongs to",
          cell: ({ belongsTo: owner }) => (
            <>
              <a className="govuk-link" href={owner.href}>
                {owner.type === "site" ? owner.record : `${owner.caseReference} ${owner.caseTitle}`}
              </a>
              <br />
              <span className="govuk-hint govuk-!-font-size-16">
                {owner.type === "site" ? `${owner.siteReference} ${owner.siteName}` : owner.proceeding}
              </span>
            </>
          ),
        },
        {
          header: "Rule or source",
          cell: (deadline) => (
            <>
              {deadline.rule ? (
                <>
                  {deadline.rule}
                  <br />
                </>
              ) : null}
              <span className="govuk-hint govuk-!-font-size-16">{deadline.source}</span>
            </>
          ),
        },
        {
          header: "Status",
          cell: (deadline) =>
            struck ? (
              "No longer due"
            ) : deadline.done ? (
              <>
                <p className="govuk-body-s govuk-!-margin-bottom-2">
                  <strong className="govuk-tag govuk-tag--green">Done</strong> by{" "}
                  {deadline.done.byName ?? "a former member"} on {formatDate(deadline.done.at)}
                </p>
                {canMark ? <DeadlineForm deadline={deadline} intent="reopen" /> : null}
              </>
            ) : canMark ? (
              <DeadlineForm deadline={deadline} intent="done" />
            ) : (
              "Not done"
            ),
        },
      ]}
      rows={deadlines}
      rowKey={(deadline) => `${deadline.sourceType}-${deadline.sourceId}-${deadline.deadlineKey}`}
    />
  );
}

type SectionPage = ReturnType<typeof useLoaderData<typeof loader>>["overdue"];

function DeadlineSection({
  section,
  heading,
  caption,
  empty,
  list,
  canMark,
  overdue,
  struck,
  description,
}: {
  section: Section;
  heading: string;
  caption: string;
  empty: string;
  list: SectionPage;
  canMark: boolean;
  overdue?: boolean;
  struck?: boolean;
  description?: string;
}) {
  const [search] = useSearchParams();
  const id = SECTIONS[section];
  const first = (list.page - 1) * DEADLINES_PAGE_SIZE + 1;
  return (
    <>
      <h2 className="govuk-heading-m" id={id}>
        {heading}
      </h2>
      {description ? <p className="govuk-body">{description}</p> : null}
      {list.total === 0 ? (
        <p className="govuk-body">{empty}</p>
      ) : (
        <>
          {list.pageCount > 1 ? (
            <p className="govuk-body">
              {list.total} deadlines: showing {first} to {first + list.items.length - 1}.
            </p>
          ) : null}
          <DeadlineTable caption={caption} deadlines={list.items} canMark={canMark} overdue={overdue} struck={struck} />
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            search={search}
            param={id}
            section={{ id, name: caption.toLowerCase() }}
          />
        </>
      )}
    </>
  );
}

export default function Deadlines() {
  const {
    councilName,
    slug,
    canMark,
    overdue,
    thisWeek,
    nextDays,
    recentlyDone,
    noLongerDue,
    nextDaysWindow,
    recentlyDoneWindow,
    nation,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <ErrorSummary errors={(actionData?.errors ?? []).map((text) => ({ text }))} />
      {actionData ? null : <SuccessBanner messages={DONE_MESSAGES} />}
      <span className="govuk-caption-l">{councilName}</span>
      <h1 className="govuk-heading-l">Deadlines</h1>
      <p className="govuk-body">
        Dates that fall due on open planning and enforcement records of sites in the register, and court orders and
        hearings of legal cases that have not concluded. A deadline marked done opens again if its date changes.
      </p>
      {nation === "wales" ? (
        <div className="govuk-inset-text">
          This council is in Wales. The statutory dates follow Welsh law where this service knows it differs from
          England: a temporary stop notice lasts 28 days, immunity from enforcement is unchanged, and there are no
          enforcement warning notices. Other Welsh periods, such as those for deciding a planning application and
          appealing against it, are not worked out here: add them to the record as deadlines of your own.
        </div>
      ) : null}
      <p className="govuk-body">
        <a className="govuk-link" href={`/c/${slug}/calendar`}>
          Add these deadlines and hearings to your calendar
        </a>
      </p>

      <DeadlineSection
        section="overdue"
        heading="Overdue"
        caption="Overdue deadlines"
        empty="Nothing is overdue."
        list={overdue}
        canMark={canMark}
        overdue
      />
      <DeadlineSection
        section="thisWeek"
        heading="This week"
        caption="Deadlines this week"
        empty="Nothing falls due in the next 7 days."
        list={thisWeek}
        canMark={canMark}
      />
      <DeadlineSection
        section="nextDays"
        heading={`Next ${nextDaysWindow} days`}
        caption={`Deadlines in the next ${nextDaysWindow} days`}
        empty={`Nothing else falls due in the next ${nextDaysWindow} days.`}
        list={nextDays}
        canMark={canMark}
      />
      <DeadlineSection
        section="recentlyDone"
        heading="Recently done"
        caption="Deadlines recently marked done"
        empty={`No past deadline has been marked done in the last ${recentlyDoneWindow} days.`}
        list={recentlyDone}
        canMark={canMark}
      />
      <DeadlineSection
        section="noLongerDue"
        heading="No longer due"
        caption="Deadlines of court orders no longer due"
        description={`Court orders set aside, stayed, discharged, expired or complied with, whose deadline falls within ${nextDaysWindow} days of today or whose status changed in the last ${nextDaysWindow}: nothing is due under them.`}
        empty="No court order's deadline has stopped being due lately."
        list={noLongerDue}
        canMark={false}
        struck
      />
    </>
  );
}
