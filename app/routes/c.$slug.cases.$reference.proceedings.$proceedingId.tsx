// Change a court proceeding, and add or remove its parties.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { DocumentList } from "~/components/document-list";
import { FormErrorSummary } from "~/components/form-errors";
import { DateInput, Select, TextInput } from "~/components/govuk/fields";
import { ProceedingForm } from "~/components/proceeding-form";
import { documentUploadHref } from "~/lib/documents";
import { formatDate } from "~/lib/format";
import { PARTY_KIND_LABELS, PARTY_ROLE_LABELS, partyKinds, partyRoles, proceedingName } from "~/lib/legal-codes";
import { formValuesOf } from "~/lib/schemas/common";
import {
  type HearingInput,
  hearingSchema,
  type OrderInput,
  orderSchema,
  partySchema,
  proceedingSchema,
} from "~/lib/schemas/legal-case";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { listDocuments } from "~/server/council/documents/documents.server";
import {
  addCourtEvent,
  addParty,
  getProceeding,
  removeCourtEvent,
  removeParty,
  updateProceeding,
} from "~/server/council/legal/legal-cases.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

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
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "legal-case:write");
  const caseReference = params.reference ?? "";
  const proceedingId = params.proceedingId ?? "";
  const formData = await readForm(
    request,
    [partySchema, hearingSchema, orderSchema, proceedingSchema],
    ["intent", "version", "eventId", "partyId"],
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
  if (intent === "add-hearing" || intent === "add-order") {
    const type = intent === "add-hearing" ? "hearing" : "order";
    const submission = parseForm(formData, type === "hearing" ? hearingSchema : orderSchema);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const event =
      type === "hearing"
        ? { type: "hearing" as const, input: submission.value as HearingInput }
        : { type: "order" as const, input: submission.value as OrderInput };
    if (!(await addCourtEvent(scope, caseReference, proceedingId, event))) throw notFound();
    return redirect(`${back}?done=${type}-added`);
  }
  if (intent === "remove-hearing" || intent === "remove-order") {
    const type = intent === "remove-hearing" ? "hearing" : "order";
    if (!(await removeCourtEvent(scope, caseReference, proceedingId, type, String(formData.get("eventId") ?? ""))))
      throw notFound();
    return redirect(`${back}?done=${type}-removed`);
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

function PartyForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof partySchema>>({ id: "party", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["name", "role", "kind", "joinedOn"]} dateFields={["joinedOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-party" />
        <TextInput
          field={fields.name}
          label="Name"
          hint="As in the court's records, for example Somani Hotels Limited"
        />
        <Select
          field={fields.role}
          label="Role"
          options={[
            { value: "", text: "Choose a role" },
            ...partyRoles.map((role) => ({ value: role, text: PARTY_ROLE_LABELS[role] })),
          ]}
        />
        <Select
          field={fields.kind}
          label="Kind of party"
          options={[
            { value: "", text: "Choose a kind" },
            ...partyKinds.map((kind) => ({ value: kind, text: PARTY_KIND_LABELS[kind] })),
          ]}
        />
        <DateInput field={fields.joinedOn} legend="Date joined, if after the claim was issued (optional)" />
        <TextInput field={fields.note} label="Note (optional)" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add party
        </button>
      </Form>
    </>
  );
}

function HearingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof hearingSchema>>({ id: "hearing", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["heldOn", "startsAt", "kind", "notes"]} dateFields={["heldOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-hearing" />
        <DateInput field={fields.heldOn} legend="Hearing date" />
        <TextInput
          field={fields.startsAt}
          label="Start time (optional)"
          hint="24-hour clock, for example 10:30"
          widthClass="govuk-input--width-5"
        />
        <TextInput field={fields.kind} label="What the hearing is" hint="For example, interim injunction hearing" />
        <TextInput field={fields.notes} label="Notes (optional)" />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add hearing
        </button>
      </Form>
    </>
  );
}

function OrderForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm<z.input<typeof orderSchema>>({ id: "order", lastResult });
  return (
    <>
      <FormErrorSummary form={form} order={["madeOn", "requires", "dueOn", "dueAt"]} dateFields={["madeOn", "dueOn"]} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="intent" value="add-order" />
        <DateInput field={fields.madeOn} legend="Date the order was made" />
        <TextInput
          field={fields.requires}
          label="What the order requires"
          hint="For example, stop using the hotel to house asylum seekers"
        />
        <DateInput field={fields.dueOn} legend="Must be done by (optional)" />
        <TextInput
          field={fields.dueAt}
          label="By what time (optional)"
          hint="24-hour clock, for example 16:00"
          widthClass="govuk-input--width-5"
        />
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Add order
        </button>
      </Form>
    </>
  );
}

function RemoveButton({ intent, eventId, label }: { intent: string; eventId: string; label: string }) {
  return (
    <Form method="post" className="app-inline-form">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="eventId" value={eventId} />
      <button type="submit" className="app-link-button">
        Remove<span className="govuk-visually-hidden"> {label}</span>
      </button>
    </Form>
  );
}

export default function EditProceeding() {
  const { slug, legalCase, proceeding, parties, hearings, orders, earlier, documents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/cases/${legalCase.reference}#proceeding-${proceeding.id}`} className="govuk-back-link">
          Back to the case
        </a>
        <span className="govuk-caption-l">{legalCase.title}</span>
        <h1 className="govuk-heading-l">{proceedingName(proceeding)}</h1>

        <h2 className="govuk-heading-m">Parties</h2>
        {parties.length === 0 ? (
          <p className="govuk-body">No parties recorded.</p>
        ) : (
          <ul className="govuk-list">
            {parties.map((party) => (
              <li key={party.id}>
                {party.name}: {PARTY_ROLE_LABELS[party.role].toLowerCase()}
                {party.joinedOn ? `, joined ${formatDate(party.joinedOn)}` : ""}{" "}
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
            {orders.map((order) => (
              <li key={order.id}>
                {formatDate(order.madeOn)}: {order.requires}
                {order.dueOn
                  ? `, by ${order.dueAt ? `${order.dueAt.slice(0, 5)} on ` : ""}${formatDate(order.dueOn)}`
                  : ""}{" "}
                <RemoveButton
                  intent="remove-order"
                  eventId={order.id}
                  label={`the order of ${formatDate(order.madeOn)}`}
                />
              </li>
            ))}
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
          defaultValue={formValuesOf(proceeding, ["issuedOn", "heardOn", "decidedOn", "judgmentPublishedOn"])}
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
