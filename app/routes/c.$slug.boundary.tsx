// The council's boundary, for its council admins: what is set, upload a GeoJSON file to set or
// replace it, or remove it. The map draws it as an outline and frames itself on it.
import { getFormProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form-errors";
import { FileUpload } from "~/components/govuk/fields";
import { SuccessBanner } from "~/components/govuk/notification-banner";
import { SummaryRow } from "~/components/govuk/summary-row";
import { type BodyLimitHandle, UPLOAD_FORM_ALLOWANCE } from "~/lib/body-limits";
import { BOUNDARY_MESSAGES, MAX_BOUNDARY_BYTES, MAX_BOUNDARY_POSITIONS } from "~/lib/boundary";
import { formatDateTime } from "~/lib/format";
import { boundaryActionSchema } from "~/lib/schemas/boundary";
import { pageTitle } from "~/lib/service";
import { refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { getCouncilBoundary, removeCouncilBoundary, setCouncilBoundary } from "~/server/council/boundaries.server";
import { parseForm, readUpload } from "~/server/http/form-input.server";

/** The file's own limit is checked as it streams (with a message); the body may carry it and the form. */
export const handle: BodyLimitHandle = { bodyLimit: MAX_BOUNDARY_BYTES + UPLOAD_FORM_ALLOWANCE };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Council boundary", data?.councilName ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "boundary:upload");
  return { councilName: scope.councilName, slug: scope.councilSlug, boundary: await getCouncilBoundary(scope) };
}

/** The file's bytes as text, or the message for a file we cannot read as GeoJSON. */
function fileText(file: { bytes: Uint8Array | null } | null): { text: string } | { message: string } {
  if (!file) return { message: "Choose a GeoJSON file" };
  if (!file.bytes) return { message: BOUNDARY_MESSAGES.tooLarge };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(file.bytes) };
  } catch {
    return { message: BOUNDARY_MESSAGES.notJson };
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "boundary:upload");
  const { fields, file } = await readUpload(request, boundaryActionSchema, {
    fileField: "file",
    maxFileBytes: MAX_BOUNDARY_BYTES,
  });
  const submission = parseForm(fields, boundaryActionSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { intent, version } = submission.value;
  try {
    if (intent === "remove") {
      await removeCouncilBoundary(scope, version);
      return redirect(`/c/${scope.councilSlug}/boundary?done=removed`);
    }
    const read = fileText(file);
    if ("message" in read) return data(submission.reply({ fieldErrors: { file: [read.message] } }), { status: 400 });
    await setCouncilBoundary(scope, { geojson: read.text, fileName: file?.name ?? null, version });
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`/c/${scope.councilSlug}/boundary?done=uploaded`);
}

const DONE_MESSAGES: Record<string, string> = {
  uploaded: "The boundary has been saved. The council's map now shows it and is framed by it.",
  removed: "The boundary has been removed. The council's map is now framed by its sites.",
};

function latitude(value: number): string {
  return `${Math.abs(value).toFixed(4)}° ${value < 0 ? "S" : "N"}`;
}

function longitude(value: number): string {
  return `${Math.abs(value).toFixed(4)}° ${value < 0 ? "W" : "E"}`;
}

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString("en-GB")} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default function CouncilBoundary() {
  const { councilName, slug, boundary } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ intent: string; version: number; file?: File }>({ id: "boundary", lastResult });
  const version = boundary?.version ?? 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} order={["file"]} />
        {lastResult ? null : <SuccessBanner messages={DONE_MESSAGES} />}
        <span className="govuk-caption-l">{councilName}</span>
        <h1 className="govuk-heading-l">Council boundary</h1>
        <p className="govuk-body">
          The boundary is drawn as an outline on the council's map, and the map opens framed on it. Without one, the map
          is framed on the council's sites.
        </p>
        {boundary ? (
          <dl className="govuk-summary-list">
            <SummaryRow label="Status" value="Boundary set" />
            <SummaryRow
              label="Uploaded"
              value={`${formatDateTime(boundary.uploadedAt)}${boundary.uploadedByName ? ` by ${boundary.uploadedByName}` : ""}`}
            />
            <SummaryRow
              label="File"
              value={`${boundary.fileName ? `${boundary.fileName}, ` : ""}${fileSize(boundary.fileSize)}`}
            />
            <SummaryRow label="Number of points" value={boundary.positionCount.toLocaleString("en-GB")} />
            <SummaryRow
              label="Extent"
              value={`${latitude(boundary.bbox[1])} to ${latitude(boundary.bbox[3])}, ${longitude(boundary.bbox[0])} to ${longitude(boundary.bbox[2])}`}
            />
            <SummaryRow
              label="GeoJSON"
              value={
                <a className="govuk-link" href={`/c/${slug}/boundary.geojson`}>
                  Download the boundary as stored
                </a>
              }
            />
          </dl>
        ) : (
          <p className="govuk-body">
            <strong>No boundary has been uploaded.</strong>
          </p>
        )}

        <h2 className="govuk-heading-m">{boundary ? "Replace the boundary" : "Upload a boundary"}</h2>
        <Form
          method="post"
          encType="multipart/form-data"
          action={`/c/${slug}/boundary`}
          {...getFormProps(form)}
          noValidate
        >
          <input type="hidden" name="intent" value="upload" />
          <input type="hidden" name="version" value={version} />
          <FileUpload
            field={fields.file}
            label="Choose a GeoJSON file"
            labelClass="govuk-label--s"
            hint={`One Polygon or MultiPolygon in longitude and latitude (WGS 84), inside the UK, smaller than ${MAX_BOUNDARY_BYTES / (1024 * 1024)} MB and with at most ${MAX_BOUNDARY_POSITIONS.toLocaleString("en-GB")} points. The Office for National Statistics publishes council boundaries under the Open Government Licence: its generalised (BGC) version is detailed enough for the map.`}
            accept=".geojson,.json,application/geo+json,application/json"
          />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Upload boundary
          </button>
        </Form>

        {boundary ? (
          <>
            <h2 className="govuk-heading-m">Remove the boundary</h2>
            <p className="govuk-body">The map will then be framed on the council's sites.</p>
            <Form method="post" action={`/c/${slug}/boundary`}>
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="version" value={version} />
              <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
                Remove boundary
              </button>
            </Form>
          </>
        ) : null}
      </div>
    </div>
  );
}
