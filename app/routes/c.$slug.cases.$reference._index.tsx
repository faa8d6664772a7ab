// A legal case: what it is about, and its proceedings as an appeal chain, with parties, dates,
// outcomes and links to the published judgments.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/document-list";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryRow } from "~/components/govuk/summary-row";
import { TimelineSection } from "~/components/timeline";
import { findCaseLawUrl } from "~/lib/citations";
import { DOCUMENT_DONE_MESSAGES, documentUploadHref } from "~/lib/documents";
import { formatDate } from "~/lib/format";
import {
  CASE_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  OUTCOME_LABELS,
  PARTY_KIND_LABELS,
  PARTY_ROLE_LABELS,
  proceedingName,
  RELATION_LABELS,
  RELIEF_LABELS,
} from "~/lib/legal-codes";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { getLegalCase, type ProceedingNode } from "~/server/council/legal/legal-cases.server";
import { getTimeline } from "~/server/council/timeline/timeline.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.legalCase.title : "Legal case") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const reference = params.reference ?? "";
  const [found, timeline, documents] = await Promise.all([
    getLegalCase(scope, reference),
    getTimeline(scope, { case: reference }),
    listDocuments(scope, { type: "legal_case", caseReference: reference }),
  ]);
  if (!found || !timeline) throw notFound();
  return {
    slug: scope.councilSlug,
    seesPrivileged: can(scope.role, "privileged:read"),
    ...found,
    documents,
    canUploadDocuments: can(scope.role, "case-document:upload"),
    canFlagDocuments: can(scope.role, "case-document:flag"),
    timeline: timeline.events,
    canWriteTimeline: timeline.canWrite,
  };
}

const DONE = {
  created: "The case has been opened.",
  updated: "The case has been updated.",
  "proceeding-saved": "The proceeding has been saved.",
  ...DOCUMENT_DONE_MESSAGES,
};

function Proceeding({
  node,
  base,
  canEdit,
  depth,
}: {
  node: ProceedingNode;
  base: string;
  canEdit: boolean;
  depth: number;
}) {
  const { proceeding, parties, hearings, orders, children } = node;
  const judgmentUrl = proceeding.neutralCitation ? findCaseLawUrl(proceeding.neutralCitation) : null;
  const Heading = depth === 0 ? "h3" : "h4";
  return (
    <li className="app-chain__item" id={`proceeding-${proceeding.id}`}>
      <div className="govuk-summary-card">
        <div className="govuk-summary-card__title-wrapper">
          <Heading className="govuk-summary-card__title">
            {proceeding.relation ? (
              <span className="govuk-caption-s govuk-!-display-block">
                {RELATION_LABELS[proceeding.relation]} the proceeding above
              </span>
            ) : null}
            {proceedingName(proceeding)}
          </Heading>
          {canEdit ? (
            <ul className="govuk-summary-card__actions">
              <li className="govuk-summary-card__action">
                <a className="govuk-link" href={`${base}/proceedings/${proceeding.id}`}>
                  Change<span className="govuk-visually-hidden"> {proceedingName(proceeding)}</span>
                </a>
              </li>
              <li className="govuk-summary-card__action">
                <a className="govuk-link" href={`${base}/proceedings/new?from=${proceeding.id}`}>
                  Add an appeal<span className="govuk-visually-hidden"> from {proceedingName(proceeding)}</span>
                </a>
              </li>
            </ul>
          ) : null}
        </div>
        <div className="govuk-summary-card__content">
          <dl className="govuk-summary-list">
            {proceeding.neutralCitation ? (
              <SummaryRow
                label="Neutral citation"
                value={
                  judgmentUrl ? (
                    <a className="govuk-link" href={judgmentUrl} rel="noreferrer noopener">
                      {proceeding.neutralCitation}
                      <span className="govuk-visually-hidden"> (judgment on Find Case Law)</span>
                    </a>
                  ) : (
                    proceeding.neutralCitation
                  )
                }
              />
            ) : null}
            {proceeding.claimNumber ? <SummaryRow label="Claim number" value={proceeding.claimNumber} /> : null}
            {proceeding.judge ? <SummaryRow label="Judge or panel" value={proceeding.judge} /> : null}
            {proceeding.reliefSought ? (
              <SummaryRow label="Relief sought" value={RELIEF_LABELS[proceeding.reliefSought]} />
            ) : null}
            {proceeding.issuedOn ? <SummaryRow label="Issued" value={formatDate(proceeding.issuedOn)} /> : null}
            {proceeding.heardOn ? <SummaryRow label="Heard" value={formatDate(proceeding.heardOn)} /> : null}
            {proceeding.decidedOn ? <SummaryRow label="Decided" value={formatDate(proceeding.decidedOn)} /> : null}
            {proceeding.judgmentPublishedOn ? (
              <SummaryRow label="Judgment published" value={formatDate(proceeding.judgmentPublishedOn)} />
            ) : null}
            <SummaryRow
              label="Outcome"
              value={proceeding.outcome ? OUTCOME_LABELS[proceeding.outcome] : "Not decided yet"}
            />
            {proceeding.summary ? <SummaryRow label="Summary" value={proceeding.summary} /> : null}
            {proceeding.keyFactors.length > 0 ? (
              <SummaryRow label="Key factors" value={proceeding.keyFactors.join("; ")} />
            ) : null}
            {hearings.length > 0 ? (
              <SummaryRow
                label="Hearings"
                value={
                  <ul className="govuk-list">
                    {hearings.map((hearing) => (
                      <li key={hearing.id}>
                        {formatDate(hearing.heldOn)}
                        {hearing.startsAt ? ` at ${hearing.startsAt.slice(0, 5)}` : ""}: {hearing.kind}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {orders.length > 0 ? (
              <SummaryRow
                label="Orders"
                value={
                  <ul className="govuk-list">
                    {orders.map((order) => (
                      <li key={order.id}>
                        {formatDate(order.madeOn)}: {order.requires}
                        {order.dueOn
                          ? `, by ${order.dueAt ? `${order.dueAt.slice(0, 5)} on ` : ""}${formatDate(order.dueOn)}`
                          : ""}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            <SummaryRow
              label="Parties"
              value={
                parties.length === 0 ? null : (
                  <ul className="govuk-list">
                    {parties.map((party) => (
                      <li key={party.id}>
                        {party.name}: {PARTY_ROLE_LABELS[party.role].toLowerCase()} (
                        {PARTY_KIND_LABELS[party.kind].toLowerCase()})
                        {party.joinedOn ? `, joined ${formatDate(party.joinedOn)}` : ""}
                        {party.note ? `. ${party.note}` : ""}
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          </dl>
        </div>
      </div>
      {children.length > 0 ? (
        <ol
          className="app-chain app-chain--nested"
          aria-label={`Appeals and applications from ${proceedingName(proceeding)}`}
        >
          {children.map((child) => (
            <Proceeding key={child.proceeding.id} node={child} base={base} canEdit={canEdit} depth={depth + 1} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

export default function LegalCasePage() {
  const {
    slug,
    legalCase,
    site,
    chains,
    canEdit,
    seesPrivileged,
    timeline,
    canWriteTimeline,
    documents,
    canUploadDocuments,
    canFlagDocuments,
  } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/cases/${legalCase.reference}`;
  return (
    <>
      <SuccessBanner messages={DONE} />
      <a href={`/c/${slug}/cases`} className="govuk-back-link">
        All legal cases
      </a>
      <span className="govuk-caption-l">{legalCase.reference}</span>
      <h1 className="govuk-heading-l">{legalCase.title}</h1>
      {canEdit ? (
        <div className="govuk-button-group">
          <a className="govuk-button govuk-button--secondary" href={`${base}/edit`}>
            Change the case
          </a>
          <a className="govuk-button govuk-button--secondary" href={`${base}/proceedings/new`}>
            Add a proceeding
          </a>
        </div>
      ) : null}
      <dl className="govuk-summary-list">
        <SummaryRow label="Status" value={CASE_STATUS_LABELS[legalCase.status]} />
        <SummaryRow
          label="Legal basis"
          value={
            legalCase.legalBasis === "other" ? legalCase.legalBasisOther : LEGAL_BASIS_LABELS[legalCase.legalBasis]
          }
        />
        <SummaryRow
          label="Site"
          value={
            site ? (
              <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}`}>
                {site.reference} {site.name}
              </a>
            ) : null
          }
        />
        <SummaryRow
          label="Decision to litigate"
          value={
            legalCase.decidedToLitigateOn
              ? `${formatDate(legalCase.decidedToLitigateOn)}${legalCase.decisionTakenBy ? `, by the ${legalCase.decisionTakenBy}` : ""}`
              : null
          }
        />
        <SummaryRow label="External solicitors and counsel" value={legalCase.externalRepresentatives} />
      </dl>
      {seesPrivileged && legalCase.privilegedNotes ? (
        <div className="govuk-inset-text">
          <h2 className="govuk-heading-s">Legally privileged notes</h2>
          <p className="govuk-body app-preserve-lines">{legalCase.privilegedNotes}</p>
        </div>
      ) : null}

      <h2 className="govuk-heading-m">Proceedings</h2>
      {chains.length === 0 ? (
        <p className="govuk-body">No proceedings recorded yet.</p>
      ) : (
        <ol className="app-chain" aria-label="Proceedings, each followed by its appeals">
          {chains.map((node) => (
            <Proceeding key={node.proceeding.id} node={node} base={base} canEdit={canEdit} depth={0} />
          ))}
        </ol>
      )}

      <DocumentList
        slug={slug}
        documents={documents}
        uploadHref={
          canUploadDocuments
            ? documentUploadHref(slug, { type: "legal_case", caseReference: legalCase.reference })
            : null
        }
        canChange={canFlagDocuments}
      />

      <TimelineSection
        base={base}
        slug={slug}
        events={timeline}
        canWrite={canWriteTimeline}
        intro="The case's events with the planning history of its site."
      />
    </>
  );
}
