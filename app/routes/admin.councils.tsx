// The platform administrator's list of councils on the service.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/govuk/table";
import { TableRegion } from "~/components/govuk/table-region";
import { COUNCIL_TYPE_LABELS } from "~/lib/labels";
import { NATION_LABELS } from "~/lib/roles";
import { pageTitle } from "~/lib/service";
import { requirePlatformScope } from "~/server/access/platform.server";
import { listCouncilsForPlatform } from "~/server/platform/councils.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Councils") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePlatformScope(request);
  return { councils: await listCouncilsForPlatform(scope) };
}

export default function AdminCouncils() {
  const { councils } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Councils</h1>
      <p className="govuk-body">
        Every council on the service. A council's records are visible only to its own members.{" "}
        <a className="govuk-link" href="/admin/audit">
          Platform audit log (sign-ins)
        </a>
      </p>
      <TableRegion label="Councils">
        <Table
          caption={`${councils.length} councils`}
          captionSize="m"
          columns={[
            { header: "Council", rowHeader: true, cell: (council) => council.name },
            { header: "ONS GSS code", cell: (council) => council.gssCode ?? "None on record" },
            { header: "Nation", cell: (council) => NATION_LABELS[council.nation] },
            { header: "Type", cell: (council) => COUNCIL_TYPE_LABELS[council.councilType] },
            { header: "Planning authority", cell: (council) => (council.isLocalPlanningAuthority ? "Yes" : "No") },
            { header: "Members", numeric: true, cell: (council) => council.members },
          ]}
          rows={councils}
          rowKey={(council) => council.slug}
        />
      </TableRegion>
    </>
  );
}
