// The complaints list, filtered as on the page, as a CSV file: no complainant's details.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayInLondon } from "~/lib/dates";
import { complaintFilterFrom } from "~/lib/schemas/complaint";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  COMPLAINT_EXPORT_COLUMNS,
  complaintExportRow,
  exportComplaints,
} from "~/server/council/complaints/complaints-csv.server";
import { csvResponse } from "~/server/http/csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const complaints = await exportComplaints(scope, complaintFilterFrom(new URL(request.url).searchParams));
  const today = todayInLondon();
  return csvResponse(
    `${scope.councilSlug}-complaints.csv`,
    COMPLAINT_EXPORT_COLUMNS,
    complaints.map((complaint) => complaintExportRow(complaint, today)),
  );
}
