// Change whether a document is legally privileged and whether it may be published.
import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox } from "~/components/govuk/fields";
import { SummaryRow as Row } from "~/components/govuk/summary-row";
import { documentFlagsHref, documentHref, documentParentHref } from "~/lib/documents";
import { documentFlagsSchema } from "~/lib/schemas/document";
import { pageTitle } from "~/lib/service";
import { DOCUMENT_KIND_LABELS } from "~/lib/timeline-codes";
import { refusalResponse, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope, type TenantScope } from "~/server/access/tenancy.server";
import {
  cannotManageDocuments,
  getDocumentForFlags,
  setDocumentFlags,
} from "~/server/council/documents/documents.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Change a document's flags") }];

async function requireDocument(scope: TenantScope, documentId: string) {
  const found = await getDocumentForFlags(scope, documentId);
  if (!found) throw notFound();
  if (!found.canFlag) throw refusalResponse(cannotManageDocuments(found.parent.type, "flag"));
  return found;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const found = await requireDocument(scope, params.documentId ?? "");
  return { slug: scope.councilSlug, ...found };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const documentId = params.documentId ?? "";
  await requireDocument(scope, documentId);
  const submission = parseForm(await readForm(request, documentFlagsSchema), documentFlagsSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    const changed = await setDocumentFlags(scope, documentId, submission.value);
    if (!changed) throw notFound();
    return redirect(`${documentParentHref(scope.councilSlug, changed.parent)}?done=document-flags-changed#documents`);
  } catch (error) {
    return refusedForm(error, submission);
  }
}

export default function DocumentFlags() {
  const { slug, document, parent, parentDescription } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<z.input<typeof documentFlagsSchema>>({
    id: "document-flags",
    lastResult,
    defaultValue: {
      privileged: document.privileged ? "on" : undefined,
      publishable: document.publishable ? "on" : undefined,
    },
  });
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`${documentParentHref(slug, parent)}#documents`} className="govuk-back-link">
          Back
        </a>
        <FormErrorSummary form={form} order={["privileged", "publishable"]} />
        <span className="govuk-caption-l">{parentDescription}</span>
        <h1 className="govuk-heading-l">Change the document's flags</h1>
        <dl className="govuk-summary-list">
          <Row
            label="Document"
            value={
              <a className="govuk-link" href={documentHref(slug, document.id)}>
                {document.title}
              </a>
            }
          />
          <Row label="Kind" value={DOCUMENT_KIND_LABELS[document.kind]} />
          <Row label="File" value={document.fileName} />
        </dl>
        <Form method="post" action={documentFlagsHref(slug, document.id)} {...getFormProps(form)} noValidate>
          <Checkbox
            field={fields.privileged}
            label="Legally privileged"
            hint="Legally privileged material is never published or exported, and council members with the viewer role cannot see it."
          />
          <Checkbox
            field={fields.publishable}
            label="May be published"
            hint="The council may show it on its public pages. A privileged document cannot be published."
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Save flags
          </button>
        </Form>
      </div>
    </div>
  );
}
