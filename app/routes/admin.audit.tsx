// The platform audit log: sign-ins, failed attempts and sign-outs, across the service.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { Pagination } from "~/components/govuk/pagination";
import { pageCount, pageFrom } from "~/lib/paging";
import { pageTitle } from "~/lib/service";
import { requirePlatformScope } from "~/server/access/platform.server";
import { AUDIT_PAGE_SIZE, listPlatformAuditEvents } from "~/server/audit/audit-log.server";

export const meta: MetaFunction = () => [{ title: pageTitle("Platform audit log") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const scope = await requirePlatformScope(request);
  const page = pageFrom(new URL(request.url).searchParams);
  const audit = await listPlatformAuditEvents(scope, { page });
  return { ...audit, page, pageCount: pageCount(audit.total, AUDIT_PAGE_SIZE) };
}

export default function PlatformAudit() {
  const { entries, total, page, pageCount } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <h1 className="govuk-heading-l">Platform audit log</h1>
      <p className="govuk-body">
        Sign-ins, failed sign-in attempts and sign-outs. Changes to a council's records are in that council's own audit
        log.
      </p>
      <AuditTable
        entries={entries}
        caption={`${total} ${total === 1 ? "entry" : "entries"}, page ${page} of ${pageCount}`}
      />
      <Pagination page={page} pageCount={pageCount} search={search} />
    </>
  );
}
