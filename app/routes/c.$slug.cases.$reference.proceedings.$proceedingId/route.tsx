// Change a court proceeding, add or remove its parties, hearings and orders, and record where each
// order stands (the forms are beside this file).
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CourtOrderSummary } from "~/components/court-order";
import { DocumentList } from "~/components/document-list";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { ProceedingForm } from "~/components/proceeding-form";
import { documentUploadHref } from "~/lib/documents";
import { formValuesOf } from "~/lib/form-values";
import { formatDate } from "~/lib/format";
import { FINDING_DIRECTION_LABELS, PARTY_ROLE_DATE_LABELS, PARTY_ROLE_LABELS, proceedingName } from "~/lib/legal-codes";
import {
  findingSchema,
  hearingSchema,
  orderSchema,
  orderStatusSchema,
  partySchema,
  proceedingSchema,
} from "~/lib/schemas/legal-case";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import { recordFinding, removeFinding } from "~/server/council/legal/findings.server";
import { addHearing, removeHearing } from "~/server/council/legal/hearings.server";
import { addOrder, changeOrderStatus, removeOrder } from "~/server/council/legal/orders.server";
import { addParty, removeParty } from "~/server/council/legal/parties.server";
import { getProceeding, updateProceeding } from "~/server/council/legal/proceedings.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";
import { FindingForm } from "./finding-form";
import { HearingForm } from "./hearing-form";
import { OrderForm } from "./order-form";
import { OrderStatusForm } from "./order-status-form";
import { PartyForm } from "./party-form";
import { RemoveButton } from "./remove-button";

export const meta: MetaFunction = () => [{ title: pageTitle("Change a proceeding") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const reference = params.reference ?? "";
  const proceedingId = params.proceedingId ?? "";
  const found = await getProceeding(scope, reference, proceedingId);
  if (!found) throw notFound();
  const documents = await listDocuments(scope, { type: "proceeding", caseReference: reference, proceedingId });
  return {
    slug: scope.councilSlug,
    ...found,
    documents,
    earlier: found.others
      .filter((other) => other.id !== found.proceeding.id)
      .map((other) => ({ id: other.id, label: proceedingName(other) })),
    caseProceedings: found.others.map((other) => ({ id: other.id, label: proceedingName(other) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const caseReference = params.reference ?? "";
  const proceedingId = params.proceedingId ?? "";
  const formData = await readForm(
    request,
    [partySchema, hearingSchema, orderSchema, orderStatusSchema, findingSchema, proceedingSchema],
    ["intent", "version", "eventId", "partyId", "orderId", "findingId"],
  );
  const intent = formData.get("intent");
  const back = `/c/${scope.councilSlug}/cases/${caseReference}/proceedings/${proceedingId}`;
  if (intent === "add-party") {
    const submission = parseForm(formData, partySchema);
    if (submission.status !== "success")
      return data({ intent: "add-party" as const, result: submission.reply() }, { status: 400 });
    if (!(await addParty(scope, caseReference, proceedingId, submission.value))) throw notFound();
    return redirect(`${back}?done=party-added`);
  }
  if (intent === "add-hearing") {
    const submission = parseForm(formData, hearingSchema);
    if (submission.status !== "success")
      return data({ intent: "add-hearing" as const, result: submission.reply() }, { status: 400 });
    if (!(await addHearing(scope, caseReference, proceedingId, submission.value))) throw notFound();
    return redirect(`${back}?done=hearing-added`);
  }
  if (intent === "add-order") {
    const submission = parseForm(formData, orderSchema);
    if (submission.status !== "success")
      return data({ intent: "add-order" as const, result: submission.reply() }, { status: 400 });
    if (!(await addOrder(scope, caseReference, proceedingId, submission.value))) throw notFound();
    return redirect(`${back}?done=order-added`);
  }
  if (intent === "order-status") {
    const orderId = String(formData.get("orderId") ?? "");
    const submission = parseForm(formData, orderStatusSchema);
    const answer = (result: ReturnType<typeof submission.reply>) => ({
      intent: "order-status" as const,
      orderId,
      result,
    });
    if (submission.status !== "success") return data(answer(submission.reply()), { status: 400 });
    try {
      const changed = await changeOrderStatus(scope, caseReference, proceedingId, orderId, {
        ...submission.value,
        version: versionFrom(formData),
      });
      if (!changed) throw notFound();
    } catch (error) {
      return refusedForm(error, submission, answer);
    }
    return redirect(`${back}?done=order-status-changed#order-${orderId}`);
  }
  if (intent === "remove-hearing" || intent === "remove-order") {
    const eventId = String(formData.get("eventId") ?? "");
    const removed =
      intent === "remove-hearing"
        ? await removeHearing(scope, caseReference, proceedingId, eventId)
        : await removeOrder(scope, caseReference, proceedingId, eventId);
    if (!removed) throw notFound();
    return redirect(`${back}?done=${intent === "remove-hearing" ? "hearing" : "order"}-removed`);
  }
  if (intent === "record-finding") {
    const submission = parseForm(formData, findingSchema);
    if (submission.status !== "success")
      return data({ intent: "record-finding" as const, result: submission.reply() }, { status: 400 });
    if (!(await recordFinding(scope, caseReference, proceedingId, submission.value))) throw notFound();
    return redirect(`${back}?done=finding-recorded#findings`);
  }
  if (intent === "remove-finding") {
    if (!(await removeFinding(scope, caseReference, proceedingId, String(formData.get("findingId") ?? ""))))
      throw notFound();
    return redirect(`${back}?done=finding-removed#findings`);
  }
  if (intent === "remove-party") {
    if (!(await removeParty(scope, caseReference, proceedingId, String(formData.get("partyId") ?? ""))))
      throw notFound();
    return redirect(`${back}?done=party-removed`);
  }
  const submission = parseForm(formData, proceedingSchema);
  if (submission.status !== "success")
    return data({ intent: "save" as const, result: submission.reply() }, { status: 400 });
  try {
    const saved = await updateProceeding(scope, caseReference, proceedingId, {
      ...submission.value,
      version: versionFrom(formData),
    });
    if (!saved) throw notFound();
  } catch (error) {
    return refusedForm(error, submission, (result) => ({ intent: "save" as const, result }));
  }
  return redirect(`/c/${scope.councilSlug}/cases/${caseReference}?done=proceeding-saved#proceeding-${proceedingId}`);
}

const DONE_MESSAGES: Record<string, string> = {
  "party-added": "The party has been added.",
  "party-removed": "The party has been removed.",
  "hearing-added": "The hearing has been added.",
  "hearing-removed": "The hearing has been removed.",
  "order-added": "The order has been added.",
  "order-removed": "The order has been removed.",
  "order-status-changed": "Where the order stands has been saved.",
};

export default function EditProceeding() {
  const {
    slug,
    legalCase,
    proceeding,
    reliefs,
    parties,
    hearings,
    orders,
    findings,
    earlier,
    caseProceedings,
    documents,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/cases/${legalCase.reference}#proceeding-${proceeding.id}`} className="govuk-back-link">
          Back to the case
        </a>
        {actionData ? null : <SuccessBanner messages={DONE_MESSAGES} />}
        <span className="govuk-caption-l">{legalCase.title}</span>
        <h1 className="govuk-heading-l">{proceedingName(proceeding)}</h1>

        <h2 className="govuk-heading-m" id="findings">
          What the court found
        </h2>
        {findings.length === 0 ? (
          <p className="govuk-body">No findings recorded.</p>
        ) : (
          <ul className="govuk-list">
            {findings.map((finding) => (
              <li key={finding.id}>
                <strong>{finding.factor}</strong>: {FINDING_DIRECTION_LABELS[finding.finding].toLowerCase()}
                {finding.paragraph ? ` (${finding.paragraph})` : ""}
                {finding.note ? `. ${finding.note}` : ""}{" "}
                <Form method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="remove-finding" />
                  <input type="hidden" name="findingId" value={finding.id} />
                  <button type="submit" className="app-link-button">
                    Remove<span className="govuk-visually-hidden"> the finding on {finding.factor}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <details className="govuk-details" open={actionData?.intent === "record-finding"}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Record a finding</span>
          </summary>
          <div className="govuk-details__text">
            <FindingForm lastResult={actionData?.intent === "record-finding" ? actionData.result : undefined} />
          </div>
        </details>

        <h2 className="govuk-heading-m">Parties</h2>
        {parties.length === 0 ? (
          <p className="govuk-body">No parties recorded.</p>
        ) : (
          <ul className="govuk-list">
            {parties.map((party) => (
              <li key={party.id}>
                {party.name}: {PARTY_ROLE_LABELS[party.role].toLowerCase()}
                {party.roleOn
                  ? `, ${PARTY_ROLE_DATE_LABELS[party.role].toLowerCase()} ${formatDate(party.roleOn)}`
                  : ""}{" "}
                <Form method="post" className="app-inline-form">
                  <input type="hidden" name="intent" value="remove-party" />
                  <input type="hidden" name="partyId" value={party.id} />
                  <button type="submit" className="app-link-button">
                    Remove<span className="govuk-visually-hidden"> {party.name}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
        <details className="govuk-details" open={actionData?.intent === "add-party"}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add a party</span>
          </summary>
          <div className="govuk-details__text">
            <PartyForm lastResult={actionData?.intent === "add-party" ? actionData.result : undefined} />
          </div>
        </details>

        <h2 className="govuk-heading-m">Hearings</h2>
        {hearings.length === 0 ? (
          <p className="govuk-body">No hearings recorded.</p>
        ) : (
          <ul className="govuk-list">
            {hearings.map((hearing) => (
              <li key={hearing.id}>
                {formatDate(hearing.heldOn)}
                {hearing.startsAt ? ` at ${hearing.startsAt.slice(0, 5)}` : ""}: {hearing.kind}{" "}
                <RemoveButton
                  intent="remove-hearing"
                  eventId={hearing.id}
                  label={`the hearing on ${formatDate(hearing.heldOn)}`}
                />
              </li>
            ))}
          </ul>
        )}
        <details className="govuk-details" open={actionData?.intent === "add-hearing"}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add a hearing</span>
          </summary>
          <div className="govuk-details__text">
            <HearingForm lastResult={actionData?.intent === "add-hearing" ? actionData.result : undefined} />
          </div>
        </details>

        <h2 className="govuk-heading-m">Orders</h2>
        {orders.length === 0 ? (
          <p className="govuk-body">No orders recorded.</p>
        ) : (
          <ul className="govuk-list">
            {orders.map((order) => {
              const statusResult =
                actionData?.intent === "order-status" && actionData.orderId === order.id
                  ? actionData.result
                  : undefined;
              return (
                <li key={order.id} id={`order-${order.id}`}>
                  <CourtOrderSummary order={order} />{" "}
                  <RemoveButton
                    intent="remove-order"
                    eventId={order.id}
                    label={`the order of ${formatDate(order.madeOn)}`}
                  />
                  <details className="govuk-details govuk-!-margin-top-2" open={statusResult !== undefined}>
                    <summary className="govuk-details__summary">
                      <span className="govuk-details__summary-text">
                        Change where the order stands
                        <span className="govuk-visually-hidden"> (the order of {formatDate(order.madeOn)})</span>
                      </span>
                    </summary>
                    <div className="govuk-details__text">
                      <OrderStatusForm order={order} proceedings={caseProceedings} lastResult={statusResult} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
        <details className="govuk-details" open={actionData?.intent === "add-order"}>
          <summary className="govuk-details__summary">
            <span className="govuk-details__summary-text">Add an order</span>
          </summary>
          <div className="govuk-details__text">
            <OrderForm lastResult={actionData?.intent === "add-order" ? actionData.result : undefined} />
          </div>
        </details>

        <h2 className="govuk-heading-m">The proceeding</h2>
        <ProceedingForm
          lastResult={actionData?.intent === "save" ? actionData.result : undefined}
          earlier={earlier}
          defaultValue={{
            ...formValuesOf(proceeding, ["issuedOn", "heardOn", "decidedOn", "judgmentPublishedOn"]),
            reliefs: reliefs.map((relief) => ({
              kind: relief.kind,
              outcome: relief.outcome ?? undefined,
              note: relief.note ?? undefined,
            })),
          }}
          version={proceeding.version}
          submitLabel="Save changes"
        />

        <DocumentList
          slug={slug}
          documents={documents}
          uploadHref={documentUploadHref(slug, {
            type: "proceeding",
            caseReference: legalCase.reference,
            proceedingId: proceeding.id,
          })}
          canChange
        />
      </div>
    </div>
  );
}
