// A legal case: what it is about, and its proceedings as an appeal chain, with parties, dates,
// reliefs and outcomes, links to the published judgments, and the time limits each decision starts
// (drawn by proceeding-chain.tsx and court-clocks.tsx, beside this file). Its one action confirms
// or dismisses a suggested time limit (intents "confirm-clock" and "dismiss-clock").
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DocumentList } from "~/components/document-list";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryRow } from "~/components/govuk/summary-row";
import { TimelineSection } from "~/components/timeline";
import { DOCUMENT_DONE_MESSAGES, documentUploadHref } from "~/lib/documents";
import { formatDate } from "~/lib/format";
import { CASE_STATUS_LABELS, LEGAL_BASIS_LABELS } from "~/lib/legal-codes";
import { courtClockSchema } from "~/lib/schemas/court-clock";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope, type TenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { decideCourtClock, MAY_NOT_DECIDE_CLOCKS } from "~/server/council/legal/court-clocks.server";
import { getLegalCase } from "~/server/council/legal/legal-cases.server";
import type { ProceedingNode } from "~/server/council/legal/proceedings.server";
import { recordsData } from "~/server/council/records-data.server";
import { getTimeline } from "~/server/council/timeline/timeline.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";
import { Proceeding } from "./proceeding-chain";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? data.legalCase.title : "Legal case") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const reference = params.reference ?? "";
  // Built once per records version, role and day (README, Decision 45).
  const page = await recordsData(scope, "case page", reference, () => casePage(scope, reference));
  if (!page) throw notFound();
  return page;
}

async function casePage(scope: TenantScope, reference: string) {
  const [found, timeline, documents] = await Promise.all([
    getLegalCase(scope, reference),
    getTimeline(scope, { case: reference }),
    listDocuments(scope, { type: "legal_case", caseReference: reference }),
  ]);
  if (!found || !timeline) return null;
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

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "court-clock:decide", MAY_NOT_DECIDE_CLOCKS);
  const reference = params.reference ?? "";
  const submission = parseForm(await readForm(request, courtClockSchema), courtClockSchema);
  const proceedingId = String(submission.payload.proceedingId ?? "");
  const clock = String(submission.payload.clock ?? "");
  const answer = (result: ReturnType<typeof submission.reply>) => ({ proceedingId, clock, result });
  if (submission.status !== "success") return data(answer(submission.reply()), { status: 400 });
  const { intent, from, directedDueOn } = submission.value;
  try {
    const decided = await decideCourtClock(scope, reference, {
      proceedingId: submission.value.proceedingId,
      clock: submission.value.clock,
      from,
      decision: intent === "confirm-clock" ? "confirmed" : "dismissed",
      directedDueOn,
    });
    if (!decided) throw notFound();
  } catch (error) {
    return refusedForm(error, submission, answer);
  }
  const done = intent === "confirm-clock" ? "clock-confirmed" : "clock-dismissed";
  return redirect(
    `/c/${scope.councilSlug}/cases/${reference}?done=${done}#proceeding-${submission.value.proceedingId}`,
  );
}

const DONE = {
  created: "The case has been opened.",
  "clock-confirmed":
    "The time limit has been confirmed. While the case is running it is on the deadlines page and in calendar feeds.",
  "clock-dismissed": "The suggested time limit has been dismissed.",
  updated: "The case has been updated.",
  "proceeding-saved": "The proceeding has been saved.",
  ...DOCUMENT_DONE_MESSAGES,
};

/** Every clock on the page's proceedings, appeals included. */
function clocksOf(nodes: readonly ProceedingNode[]): ProceedingNode["clocks"] {
  return nodes.flatMap((node) => [...node.clocks, ...clocksOf(node.children)]);
}

export default function LegalCasePage() {
  const {
    slug,
    legalCase,
    site,
    chains,
    canEdit,
    canDecideClocks,
    seesPrivileged,
    timeline,
    canWriteTimeline,
    documents,
    canUploadDocuments,
    canFlagDocuments,
  } = useLoaderData<typeof loader>();
  const base = `/c/${slug}/cases/${legalCase.reference}`;
  const actionData = useActionData<typeof action>();
  // A refusal about a clock whose form is no longer on the page (dismissed or confirmed meanwhile,
  // or no longer applying) is said at the top; otherwise beside the clock's own form.
  const formShown = clocksOf(chains).some(
    (clock) =>
      clock.proceedingId === actionData?.proceedingId &&
      clock.clock === actionData.clock &&
      clock.dueOn !== null &&
      !clock.confirmed,
  );
  const refusals =
    actionData && !formShown
      ? Object.values(actionData.result.error ?? {})
          .flat()
          .filter((text): text is string => Boolean(text))
      : [];
  return (
    <>
      <ErrorSummary errors={refusals.map((text) => ({ text }))} />
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
            <Proceeding
              key={node.proceeding.id}
              node={node}
              base={base}
              canEdit={canEdit}
              canDecideClocks={canDecideClocks}
              depth={0}
            />
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
