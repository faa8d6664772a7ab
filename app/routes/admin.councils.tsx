// The platform administrator's list of councils on the service.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/govuk/table-region";
import { COUNCIL_TYPE_LABELS } from "~/lib/labels";
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
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-table__caption--m">{councils.length} councils</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Council
              </th>
              <th scope="col" className="govuk-table__header">
                ONS GSS code
              </th>
              <th scope="col" className="govuk-table__header">
                Type
              </th>
              <th scope="col" className="govuk-table__header">
                Planning authority
              </th>
              <th scope="col" className="govuk-table__header govuk-table__header--numeric">
                Members
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {councils.map((council) => (
              <tr className="govuk-table__row" key={council.slug}>
                <th scope="row" className="govuk-table__header">
                  {council.name}
                </th>
                <td className="govuk-table__cell">{council.gssCode}</td>
                <td className="govuk-table__cell">{COUNCIL_TYPE_LABELS[council.councilType]}</td>
                <td className="govuk-table__cell">{council.isLocalPlanningAuthority ? "Yes" : "No"}</td>
                <td className="govuk-table__cell govuk-table__cell--numeric">{council.members}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
