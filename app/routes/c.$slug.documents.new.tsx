// Upload a document (a judgment, notice, witness statement, photograph…) to the case, proceeding,
// site, planning record or complaint named in the query string.
import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import type { z } from "zod";
import { FormErrorSummary } from "~/components/form-errors";
import { Checkbox, DateInput, FileUpload, Radios, TextInput } from "~/components/govuk/fields";
import { type BodyLimitHandle, UPLOAD_FORM_ALLOWANCE } from "~/lib/body-limits";
import {
  DOCUMENT_ACCEPT_ATTRIBUTE,
  DOCUMENT_FILE_HINT,
  type DocumentParentRef,
  documentParentHref,
  documentUploadHref,
  MAX_DOCUMENT_BYTES,
  parentFromSearch,
} from "~/lib/documents";
import { documentSchema } from "~/lib/schemas/document";
import { pageTitle } from "~/lib/service";
import { DOCUMENT_KIND_LABELS, documentKinds } from "~/lib/timeline-codes";
import { refusalResponse, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope, type TenantScope } from "~/server/access/tenancy.server";
import {
  cannotManageDocuments,
  getDocumentParent,
  inspectDocumentFile,
  uploadDocument,
} from "~/server/council/documents/documents.server";
import { parseForm, readUpload } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

/** The file's own limit is checked as it streams (with a message); the body may carry it and the form. */
export const handle: BodyLimitHandle = { bodyLimit: MAX_DOCUMENT_BYTES + UPLOAD_FORM_ALLOWANCE };

export const meta: MetaFunction = () => [{ title: pageTitle("Upload a document") }];

/** The parent named in the address, in this council, that this member may add documents to. */
async function requireParent(scope: TenantScope, request: Request) {
  const parent = parentFromSearch(new URL(request.url).searchParams);
  if (!parent) throw notFound();
  const found = await getDocumentParent(scope, parent);
  if (!found) throw notFound();
  if (!found.canUpload) throw refusalResponse(cannotManageDocuments(parent.type, "upload"));
  return { parent, description: found.description };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const { parent, description } = await requireParent(scope, request);
  return { slug: scope.councilSlug, parent, description };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const { parent } = await requireParent(scope, request);
  const { fields, file } = await readUpload(request, documentSchema, {
    fileField: "file",
    maxFileBytes: MAX_DOCUMENT_BYTES,
  });
  const submission = parseForm(fields, documentSchema);
  // Check the file as well as the other fields, so every problem is shown at once.
  const inspected = await inspectDocumentFile(file);
  if (submission.status !== "success" || !inspected.ok) {
    return data(submission.reply(inspected.ok ? {} : { fieldErrors: { file: [inspected.message] } }), {
      status: 400,
    });
  }
  try {
    const uploaded = await uploadDocument(scope, parent, submission.value, file);
    if (!uploaded) throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`${documentParentHref(scope.councilSlug, parent)}?done=document-uploaded#documents`);
}

export default function UploadDocument() {
  const { slug, parent, description } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={documentParentHref(slug, parent)} className="govuk-back-link">
          Back
        </a>
        <span className="govuk-caption-l">{description}</span>
        <h1 className="govuk-heading-l">Upload a document</h1>
        <DocumentForm lastResult={lastResult} slug={slug} parent={parent} />
      </div>
    </div>
  );
}

function DocumentForm({
  lastResult,
  slug,
  parent,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  slug: string;
  parent: DocumentParentRef;
}) {
  const [form, fields] = useForm<z.input<typeof documentSchema> & { file?: File }>({ id: "document", lastResult });
  return (
    <>
      <FormErrorSummary
        form={form}
        order={["file", "kind", "title", "documentDate", "privileged", "publishable"]}
        dateFields={["documentDate"]}
      />
      <Form
        method="post"
        encType="multipart/form-data"
        action={documentUploadHref(slug, parent)}
        {...getFormProps(form)}
        noValidate
      >
        <FileUpload
          field={fields.file}
          label="Choose the file"
          labelClass="govuk-label--s"
          hint={DOCUMENT_FILE_HINT}
          accept={DOCUMENT_ACCEPT_ATTRIBUTE}
        />
        <Radios
          field={fields.kind}
          legend="What kind of document is it?"
          options={documentKinds.map((kind) => ({ value: kind, text: DOCUMENT_KIND_LABELS[kind] }))}
        />
        <TextInput
          field={fields.title}
          label="Title"
          labelClass="govuk-label--s"
          hint="For example, Judgment of Eyre J, or Photograph of the hotel entrance"
        />
        <DateInput
          field={fields.documentDate}
          legend="Date of the document (optional)"
          hint="The date the document bears, for example 19 8 2025. Leave it empty if it has none."
        />
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
          Upload document
        </button>
      </Form>
    </>
  );
}
