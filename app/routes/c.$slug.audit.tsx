// The council's audit log, for its council admins: newest first, filterable, paginated.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/govuk/pagination";
import { entityLabel } from "~/lib/labels";
import { pageCount, pageFrom } from "~/lib/paging";
import { auditFilterFrom } from "~/lib/schemas/audit-filter";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { AUDIT_PAGE_SIZE, listAuditEvents } from "~/server/audit/audit-log.server";
import { listMembers } from "~/server/council/members.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Audit log", data?.councilName ?? "") },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "audit:read");
  const search = new URL(request.url).searchParams;
  const filter = auditFilterFrom(search);
  const page = pageFrom(search);
  const [audit, members] = await Promise.all([
    listAuditEvents(scope, { entityType: filter.entity, actorUserId: filter.user, page }),
    listMembers(scope),
  ]);
  return {
    councilName: scope.councilName,
    ...audit,
    page,
    pageCount: pageCount(audit.total, AUDIT_PAGE_SIZE),
    members: members.map((member) => ({ userId: member.userId, name: member.name })),
    filter,
  };
}

export default function AuditLog() {
  const { entries, total, page, pageCount, entityTypes, members, filter } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1 className="govuk-heading-l">Audit log</h1>
      <p className="govuk-body">
        Every change to the council's records: who made it, when, and the record before and after.
      </p>
      <form method="get" className="govuk-!-margin-bottom-6">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-entity">
                Record type
              </label>
              <select className="govuk-select" id="filter-entity" name="entity" defaultValue={filter.entity ?? ""}>
                <option value="">All records</option>
                {entityTypes.map((type) => (
                  <option key={type} value={type}>
                    {entityLabel(type)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="govuk-grid-column-one-third">
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-user">
                Person
              </label>
              <select className="govuk-select" id="filter-user" name="user" defaultValue={filter.user ?? ""}>
                <option value="">Everyone</option>
                {members.map((member) => (
                  <option key={member.userId} value={member.userId}>
                    {member.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
          Apply filters
        </button>
      </form>
      <AuditTable
        entries={entries}
        caption={`${total} ${total === 1 ? "entry" : "entries"}, page ${page} of ${pageCount}`}
      />
      <Pagination page={page} pageCount={pageCount} search={search} />
    </>
  );
}
