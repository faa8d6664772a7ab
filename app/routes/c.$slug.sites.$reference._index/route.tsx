// A site: what it is, its periods of use with the time limits they set (immunity from enforcement,
// the stop-notice four years: app/lib/immunity.ts), planning and enforcement records with their
// statutory dates, complaints, what is due next, and everything in date order.

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/document-list";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import { SiteLocationMap } from "~/components/map/site-location-map";
import { SiteStatusAsAt } from "~/components/site-status-tag";
import { TimelineSection } from "~/components/timeline";
import { COMPLAINT_STATUS_LABELS } from "~/lib/complaint-codes";
import { todayInLondon } from "~/lib/dates";
import { clocksFor, isDeadlineLive } from "~/lib/deadlines";
import { DOCUMENT_DONE_MESSAGES, documentUploadHref } from "~/lib/documents";
import { formatDate } from "~/lib/format";
import { immunityWarning, stopNoticeWarning } from "~/lib/immunity";
import { isDayPrecise } from "~/lib/partial-date";
import { CLOSED_PLANNING_STATUSES, PLANNING_KIND_LABELS } from "~/lib/planning-codes";
import { pageTitle } from "~/lib/service";
import { CONTRACTOR_LABELS, LOCATION_ACCURACY_LABELS, USE_CLASS_LABELS } from "~/lib/site-codes";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope, type TenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { recordsData } from "~/server/council/records-data.server";
import { enforcementNoticeChoices } from "~/server/council/sites/planning.server";
import { siteLocationMapSettings } from "~/server/council/sites/site-location.server";
import { getSiteRecord } from "~/server/council/sites/sites.server";
import { getTimeline } from "~/server/council/timeline/timeline.server";
import { notFound } from "~/server/http/responses.server";
import { PlanningRecordCard } from "./planning-record-card";
import { TimeLimitWarningText } from "./time-limit-warning";
import { UsePeriodsTable } from "./use-periods-table";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `${data.site.reference} ${data.site.name}` : "Site") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const reference = params.reference ?? "";
  // Built once per records version, role and day (README, Decision 45).
  const page = await recordsData(scope, "site page", reference, () => sitePage(scope, reference));
  if (!page) throw notFound();
  return page;
}

async function sitePage(scope: TenantScope, reference: string) {
  const [record, timeline, documents] = await Promise.all([
    getSiteRecord(scope, reference),
    getTimeline(scope, { site: reference }),
    listDocuments(scope, { type: "site", siteReference: reference }),
  ]);
  if (!record || !timeline) return null;
  const { latitude, longitude } = record.site;
  // Only a site with a position has a map (and only then does the page load MapLibre).
  const locationMap =
    latitude !== null && longitude !== null
      ? { position: { latitude, longitude }, settings: await siteLocationMapSettings(scope) }
      : null;
  const today = todayInLondon();
  const periods = record.usePeriods;
  // Each record's clocks, worked out with its site's other records and the council's nation.
  const noticeNames = new Map(
    enforcementNoticeChoices(record.planningRecords).map((choice) => [choice.id, choice.name]),
  );
  const planningRecords = record.planningRecords.map((planningRecord) => {
    const noticeId = planningRecord.enforcementNoticeId;
    return {
      ...planningRecord,
      ...clocksFor(planningRecord, record.clockContext),
      enforcementNotice: noticeId ? { id: noticeId, name: noticeNames.get(noticeId) ?? "Enforcement notice" } : null,
      isClosed: CLOSED_PLANNING_STATUSES.includes(planningRecord.status),
      // Whether the use had gone on too long, by the day it was served, for the notice to prohibit
      // it: counted only to a day-precise service date (a month or a year would be made a day).
      timeLimitWarning:
        planningRecord.kind === "stop_notice" &&
        planningRecord.servedOn &&
        isDayPrecise(planningRecord.servedOnPrecision)
          ? stopNoticeWarning(periods, { today, servedOn: planningRecord.servedOn })
          : null,
    };
  });
  const dueNext = planningRecords
    .filter((planningRecord) => !planningRecord.isClosed)
    .flatMap((planningRecord) =>
      planningRecord.deadlines.filter(isDeadlineLive).map((deadline) => ({
        ...deadline,
        recordId: planningRecord.id,
        recordName: `${PLANNING_KIND_LABELS[planningRecord.kind]}${planningRecord.reference ? ` ${planningRecord.reference}` : ""}`,
        overdue: deadline.dueOn < today,
      })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    slug: scope.councilSlug,
    canEdit: can(scope.role, "site:write"),
    site: record.site,
    locationMap,
    usePeriods: periods,
    // Computed from the periods already loaded, so reused with the rest of the page (today is part
    // of the key: recordsData). The nation does not move the records version; no page changes a
    // council's nation after it is created.
    timeLimits: [
      immunityWarning(periods, { nation: record.nation, today }),
      stopNoticeWarning(periods, { today, servedOn: null }),
    ].filter((warning) => warning !== null),
    planningRecords,
    complaints: record.complaints,
    dueNext,
    documents,
    canUploadDocuments: can(scope.role, "document:upload"),
    canFlagDocuments: can(scope.role, "document:flag"),
    timeline: timeline.events,
    canWriteTimeline: timeline.canWrite,
  };
}

const DONE = {
  created: "The site has been added.",
  updated: "The site has been updated.",
  archived: "The site has been archived. Its records are kept.",
  restored: "The site has been restored to the register.",
  "period-saved": "The period of use has been saved.",
  "period-deleted": "The period of use has been deleted.",
  "record-saved": "The record has been saved.",
  "record-deleted": "The record has been deleted.",
  ...DOCUMENT_DONE_MESSAGES,
};

export default function SitePage() {
  const {
    slug,
    canEdit,
    site,
    locationMap,
    usePeriods,
    timeLimits,
    planningRecords,
    complaints,
    dueNext,
    timeline,
    canWriteTimeline,
    documents,
    canUploadDocuments,
    canFlagDocuments,
  } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/sites/${site.reference}`;
  const address = [site.addressLine1, site.addressLine2, site.town, site.postcode].filter(Boolean).join(", ");
  return (
    <>
      <SuccessBanner messages={DONE} />
      <a href={`/c/${slug}/sites`} className="govuk-back-link">
        All sites
      </a>
      <span className="govuk-caption-l">{site.reference}</span>
      <h1 className="govuk-heading-l">{site.name}</h1>
      <p className="govuk-body app-site-status">
        <SiteStatusAsAt
          status={site.status}
          statusAsOf={site.statusAsOf}
          statusAsOfPrecision={site.statusAsOfPrecision}
        />
        {site.archivedAt ? <strong className="govuk-tag govuk-tag--grey govuk-!-margin-left-2">Archived</strong> : null}
      </p>
      {canEdit ? (
        <div className="govuk-button-group">
          <a className="govuk-button govuk-button--secondary" href={`${base}/edit`}>
            Edit site
          </a>
          <a className="govuk-button govuk-button--secondary" href={`${base}/use-periods/new`}>
            Add a period of use
          </a>
          <a className="govuk-button govuk-button--secondary" href={`${base}/records/new`}>
            Add a planning or enforcement record
          </a>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">What is due next</h2>
      {dueNext.length === 0 ? (
        <p className="govuk-body">Nothing is due on this site's open records.</p>
      ) : (
        <ul className="govuk-list">
          {dueNext.map((deadline) => (
            <li key={`${deadline.recordId}-${deadline.key}`}>
              <strong>{formatDate(deadline.dueOn)}</strong>
              {deadline.overdue ? (
                <strong className="govuk-tag govuk-tag--red govuk-!-margin-left-2">Overdue</strong>
              ) : null}
              : {deadline.label},{" "}
              <a className="govuk-link" href={`#record-${deadline.recordId}`}>
                {deadline.recordName}
              </a>
            </li>
          ))}
        </ul>
      )}

      <h2 className="govuk-heading-m">The site</h2>
      <dl className="govuk-summary-list">
        <Row label="Address" value={address || null} />
        <Row label="UPRN" value={site.uprn} />
        <Row
          label="Location"
          value={
            site.latitude !== null && site.longitude !== null
              ? `${site.latitude}, ${site.longitude}${site.locationNote ? ` (${site.locationNote})` : ""}`
              : null
          }
        />
        {site.latitude !== null && site.longitude !== null ? (
          <Row
            label="Position accuracy"
            value={site.locationAccuracy ? LOCATION_ACCURACY_LABELS[site.locationAccuracy] : null}
          />
        ) : null}
        <Row label="Owner" value={site.ownerName} />
        <Row label="Operator" value={site.operatorName} />
        <Row
          label="Home Office contractor"
          value={site.contractor === "other" ? site.contractorOther : CONTRACTOR_LABELS[site.contractor]}
        />
        <Row label="Rooms or bed spaces" value={site.rooms} />
        <Row
          label="Lawful use"
          value={
            site.lawfulUse
              ? site.lawfulUse === "other"
                ? site.lawfulUseOther
                : USE_CLASS_LABELS[site.lawfulUse]
              : null
          }
        />
        <Row label="Use complained of" value={site.useComplainedOf} />
      </dl>
      {locationMap ? (
        <SiteLocationMap
          siteName={site.name}
          position={locationMap.position}
          accuracy={site.locationAccuracy}
          settings={locationMap.settings}
          councilMapHref={`/c/${slug}/map#map=15/${locationMap.position.latitude}/${locationMap.position.longitude}`}
        />
      ) : null}

      <h2 className="govuk-heading-m">Periods of use as asylum accommodation</h2>
      {timeLimits.map((warning) => (
        <TimeLimitWarningText key={warning.title} warning={warning} />
      ))}
      {usePeriods.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <UsePeriodsTable periods={usePeriods} base={base} canEdit={canEdit} />
      )}

      <h2 className="govuk-heading-m">Planning and enforcement</h2>
      {planningRecords.length === 0 ? <p className="govuk-body">None recorded.</p> : null}
      {planningRecords.map((planningRecord) => (
        <PlanningRecordCard key={planningRecord.id} planningRecord={planningRecord} base={base} canEdit={canEdit} />
      ))}

      <h2 className="govuk-heading-m">Complaints</h2>
      {complaints.length === 0 ? (
        <p className="govuk-body">No complaints are linked to this site.</p>
      ) : (
        <ul className="govuk-list">
          {complaints.map((complaint) => (
            <li key={complaint.reference}>
              <a className="govuk-link" href={`/c/${slug}/complaints/${complaint.reference}`}>
                {complaint.reference}
              </a>{" "}
              received {formatDate(complaint.receivedOn)}: {complaint.summary} (
              {COMPLAINT_STATUS_LABELS[complaint.status].toLowerCase()})
            </li>
          ))}
        </ul>
      )}

      <DocumentList
        slug={slug}
        documents={documents}
        uploadHref={
          canUploadDocuments ? documentUploadHref(slug, { type: "site", siteReference: site.reference }) : null
        }
        canChange={canFlagDocuments}
      />

      <TimelineSection base={base} slug={slug} events={timeline} canWrite={canWriteTimeline} />
    </>
  );
}
