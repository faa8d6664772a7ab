// The council's legal cases.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TableRegion } from "~/components/govuk/table-region";
import { CASE_STATUS_LABELS, LEGAL_BASIS_LABELS } from "~/lib/legal-codes";
import { pageTitle } from "~/lib/service";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { listLegalCases } from "~/server/council/legal/legal-cases.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Legal cases", data?.councilName ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  return {
    councilName: scope.councilName,
    slug: scope.councilSlug,
    canEdit: can(scope.role, "legal-case:write"),
    cases: await listLegalCases(scope),
  };
}

export default function LegalCases() {
  const { slug, canEdit, cases } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">Legal cases</h1>
      {canEdit ? (
        <a className="govuk-button" href={`/c/${slug}/cases/new`}>
          Open a case
        </a>
      ) : null}
      {cases.length === 0 ? (
        <p className="govuk-body">The council has no legal cases recorded.</p>
      ) : (
        <TableRegion label="Legal cases">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-table__caption--m">
              {cases.length} {cases.length === 1 ? "case" : "cases"}
            </caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Case
                </th>
                <th scope="col" className="govuk-table__header">
                  Legal basis
                </th>
                <th scope="col" className="govuk-table__header">
                  Status
                </th>
                <th scope="col" className="govuk-table__header">
                  Site
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {cases.map((legalCase) => (
                <tr className="govuk-table__row" key={legalCase.reference}>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/c/${slug}/cases/${legalCase.reference}`}>
                      {legalCase.title}
                    </a>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{legalCase.reference}</span>
                  </td>
                  <td className="govuk-table__cell">{LEGAL_BASIS_LABELS[legalCase.legalBasis]}</td>
                  <td className="govuk-table__cell">{CASE_STATUS_LABELS[legalCase.status]}</td>
                  <td className="govuk-table__cell">
                    {legalCase.siteReference ? (
                      <a className="govuk-link" href={`/c/${slug}/sites/${legalCase.siteReference}`}>
                        {legalCase.siteName}
                      </a>
                    ) : (
                      "None"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
