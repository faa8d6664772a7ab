// The council's legal cases.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Table } from "~/components/govuk/table";
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
          <Table
            caption={`${cases.length} ${cases.length === 1 ? "case" : "cases"}`}
            captionSize="m"
            columns={[
              {
                header: "Case",
                cell: (legalCase) => (
                  <>
                    <a className="govuk-link" href={`/c/${slug}/cases/${legalCase.reference}`}>
                      {legalCase.title}
                    </a>
                    <br />
                    <span className="govuk-hint govuk-!-font-size-16">{legalCase.reference}</span>
                  </>
                ),
              },
              { header: "Legal basis", cell: (legalCase) => LEGAL_BASIS_LABELS[legalCase.legalBasis] },
              { header: "Status", cell: (legalCase) => CASE_STATUS_LABELS[legalCase.status] },
              {
                header: "Site",
                cell: (legalCase) =>
                  legalCase.siteReference ? (
                    <a className="govuk-link" href={`/c/${slug}/sites/${legalCase.siteReference}`}>
                      {legalCase.siteName}
                    </a>
                  ) : (
                    "None"
                  ),
              },
            ]}
            rows={cases}
            rowKey={(legalCase) => legalCase.reference}
          />
        </TableRegion>
      )}
    </>
  );
}
