// Add a site to the council's register.
import {
  type ActionFunctionArgs,
  data,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { LOCATION_MAP_STYLESHEET } from "~/components/map/location-map";
import { SiteForm } from "~/components/site-form";
import { siteSchema } from "~/lib/schemas/site";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { siteLocationMapSettings } from "~/server/council/sites/site-location.server";
import { createSite } from "~/server/council/sites/sites.server";
import { parseForm, readForm } from "~/server/http/form-input.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Add a site") }];

// MapLibre's stylesheet is linked by the location picker only when it is opened.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: LOCATION_MAP_STYLESHEET }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  return { slug: scope.councilSlug, locationMap: await siteLocationMapSettings(scope) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "site:write");
  const submission = parseForm(await readForm(request, siteSchema), siteSchema);
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const reference = await createSite(scope, submission.value);
  return redirect(`/c/${scope.councilSlug}/sites/${reference}?done=created`);
}

export default function NewSite() {
  const { locationMap } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Add a site</h1>
        <SiteForm
          lastResult={lastResult}
          defaultValue={{ status: "unknown", contractor: "unknown" }}
          submitLabel="Add site"
          locationMap={locationMap}
        />
      </div>
    </div>
  );
}
