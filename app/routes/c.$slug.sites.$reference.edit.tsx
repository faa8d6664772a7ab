// Edit a site, or archive it (its records are kept) or restore it.
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { LOCATION_MAP_STYLESHEET } from "~/components/map/location-map";
import { SiteForm } from "~/components/site-form";
import { formValuesOf } from "~/lib/form-values";
import { siteSchema } from "~/lib/schemas/site";
import { pageTitle } from "~/lib/service";
import { refused, refusedForm } from "~/server/access/refusals.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { siteLocationMapSettings } from "~/server/council/sites/site-location.server";
import { getSiteRecord, setSiteArchived, updateSite } from "~/server/council/sites/sites.server";
import { versionFrom } from "~/server/http/form-data.server";
import { parseForm, readForm } from "~/server/http/form-input.server";
import { notFound } from "~/server/http/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle(data ? `Edit ${data.site.reference}` : "Edit site") },
];

// MapLibre's stylesheet is linked by the location picker only when it is opened.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: LOCATION_MAP_STYLESHEET }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const [record, locationMap] = await Promise.all([
    getSiteRecord(scope, params.reference ?? ""),
    siteLocationMapSettings(scope),
  ]);
  if (!record) throw notFound();
  const { site } = record;
  return {
    slug: scope.councilSlug,
    site,
    recordCount: record.planningRecords.length + record.usePeriods.length,
    locationMap,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const reference = params.reference ?? "";
  const formData = await readForm(request, siteSchema, ["intent", "version"]);
  const version = versionFrom(formData);
  const intent = formData.get("intent");
  const sitePath = `/c/${scope.councilSlug}/sites/${reference}`;
  if (intent === "archive" || intent === "restore") {
    try {
      if (!(await setSiteArchived(scope, reference, intent === "archive", version))) throw notFound();
    } catch (error) {
      return refused(error, (refusal) => ({ archiveError: refusal.message }));
    }
    return redirect(`${sitePath}?done=${intent === "archive" ? "archived" : "restored"}`);
  }
  const submission = parseForm(formData, siteSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  try {
    if (!(await updateSite(scope, reference, { ...submission.value, version }))) throw notFound();
  } catch (error) {
    return refusedForm(error, submission);
  }
  return redirect(`${sitePath}?done=updated`);
}

export default function EditSite() {
  const { slug, site, recordCount, locationMap } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const archiveError = actionData && "archiveError" in actionData ? actionData.archiveError : undefined;
  const lastResult = actionData && !("archiveError" in actionData) ? actionData : undefined;
  const { version } = site;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <a href={`/c/${slug}/sites/${site.reference}`} className="govuk-back-link">
          Back to {site.name}
        </a>
        {archiveError ? (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">There is a problem</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">{archiveError}</p>
            </div>
          </div>
        ) : null}
        <span className="govuk-caption-l">{site.reference}</span>
        <h1 className="govuk-heading-l">Edit site</h1>
        <SiteForm
          lastResult={lastResult}
          defaultValue={formValuesOf(site, ["statusAsOf"])}
          version={version}
          submitLabel="Save changes"
          locationMap={locationMap}
        />

        <h2 className="govuk-heading-m">{site.archivedAt ? "Restore this site" : "Archive this site"}</h2>
        <p className="govuk-body">
          {site.archivedAt
            ? "Restoring the site puts it back in the council's list of sites."
            : `Archiving takes the site out of the council's list of sites. Its ${recordCount} period${recordCount === 1 ? "" : "s"} and records are kept, and it can be restored.`}
        </p>
        <Form method="post">
          <input type="hidden" name="version" value={version} />
          <button
            type="submit"
            name="intent"
            value={site.archivedAt ? "restore" : "archive"}
            className={`govuk-button ${site.archivedAt ? "govuk-button--secondary" : "govuk-button--warning"}`}
            data-module="govuk-button"
          >
            {site.archivedAt ? "Restore site" : "Archive site"}
          </button>
        </Form>
      </div>
    </div>
  );
}
