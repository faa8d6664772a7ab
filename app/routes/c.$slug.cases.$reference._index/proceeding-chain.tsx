// One proceeding of the case page's appeal chain, as a summary card, with its appeals and
// permission applications in a nested list below it (README, Decision 21), and the time limits its
// decision starts (court-clocks.tsx).
import { CourtOrderSummary } from "~/components/court-order";
import { SummaryRow } from "~/components/govuk/summary-row";
import { findCaseLawUrl } from "~/lib/citations";
import { formatDate } from "~/lib/format";
import {
  FINDING_DIRECTION_LABELS,
  OUTCOME_LABELS,
  PARTY_KIND_LABELS,
  PARTY_ROLE_DATE_LABELS,
  PARTY_ROLE_LABELS,
  proceedingName,
  RELATION_LABELS,
  reliefWords,
} from "~/lib/legal-codes";
import { formatPartialDateStart } from "~/lib/partial-date";
import type { ProceedingNode } from "~/server/council/legal/proceedings.server";
import { CourtClocks } from "./court-clocks";

export function Proceeding({
  node,
  base,
  canEdit,
  canDecideClocks,
  depth,
}: {
  node: ProceedingNode;
  base: string;
  canEdit: boolean;
  /** Whether the member may confirm or dismiss a suggested time limit. */
  canDecideClocks: boolean;
  depth: number;
}) {
  const { proceeding, reliefs, parties, hearings, orders, findings, clocks, children } = node;
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
            {reliefs.length > 0 ? (
              <SummaryRow
                label="Relief sought"
                value={
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {reliefs.map((relief) => (
                      <li key={relief.id}>
                        {reliefWords(relief)}
                        {relief.note ? (
                          <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
                            {relief.note}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : null}
            {proceeding.issuedOn ? (
              <SummaryRow
                label="Issued"
                value={formatPartialDateStart(proceeding.issuedOn, proceeding.issuedOnPrecision)}
              />
            ) : null}
            {proceeding.heardOn ? (
              <SummaryRow
                label="Heard"
                value={formatPartialDateStart(proceeding.heardOn, proceeding.heardOnPrecision)}
              />
            ) : null}
            {proceeding.decidedOn ? (
              <SummaryRow
                label="Decided"
                value={formatPartialDateStart(proceeding.decidedOn, proceeding.decidedOnPrecision)}
              />
            ) : null}
            {proceeding.judgmentPublishedOn ? (
              <SummaryRow label="Judgment published" value={formatDate(proceeding.judgmentPublishedOn)} />
            ) : null}
            <SummaryRow
              label="Outcome"
              value={proceeding.outcome ? OUTCOME_LABELS[proceeding.outcome] : "Not decided yet"}
            />
            {clocks.length > 0 ? (
              <SummaryRow label="Time limits" value={<CourtClocks clocks={clocks} canDecide={canDecideClocks} />} />
            ) : null}
            {proceeding.summary ? <SummaryRow label="Summary" value={proceeding.summary} /> : null}
            {findings.length > 0 ? (
              <SummaryRow
                label="What the court found"
                value={
                  <ul className="govuk-list govuk-!-margin-bottom-0">
                    {findings.map((finding) => (
                      <li key={finding.id}>
                        <strong>{finding.factor}</strong>: {FINDING_DIRECTION_LABELS[finding.finding].toLowerCase()}
                        {finding.paragraph ? ` (${finding.paragraph})` : ""}
                        {finding.note ? (
                          <span className="govuk-hint govuk-!-font-size-16 govuk-!-display-block govuk-!-margin-bottom-0">
                            {finding.note}
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                }
              />
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
                        <CourtOrderSummary order={order} />
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
                        <strong>{party.name}</strong> ({PARTY_KIND_LABELS[party.kind].toLowerCase()})
                        <span className="govuk-!-display-block">
                          {PARTY_ROLE_LABELS[party.role]}
                          {party.roleOn ? `. ${PARTY_ROLE_DATE_LABELS[party.role]} ${formatDate(party.roleOn)}` : ""}
                          {party.note ? `. ${party.note}` : ""}
                        </span>
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
            <Proceeding
              key={child.proceeding.id}
              node={child}
              base={base}
              canEdit={canEdit}
              canDecideClocks={canDecideClocks}
              depth={depth + 1}
            />
          ))}
        </ol>
      ) : null}
    </li>
  );
}
