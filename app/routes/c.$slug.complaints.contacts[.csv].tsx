// The complaints list with each complainant's contact details, as a CSV file: personal data, for
// officers and council admins only (everyone else gets a 403).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { todayInLondon } from "~/lib/dates";
import { complaintFilterFrom } from "~/lib/schemas/complaint";
import { requireTenantScope } from "~/server/access/tenancy.server";
import {
  COMPLAINT_EXPORT_COLUMNS,
  CONTACT_EXPORT_COLUMNS,
  complaintExportRow,
  exportComplaintsWithContacts,
} from "~/server/council/complaints/complaints-csv.server";
import { csvResponse } from "~/server/http/csv.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "complaint-contact:read");
  const complaints = await exportComplaintsWithContacts(scope, complaintFilterFrom(new URL(request.url).searchParams));
  const today = todayInLondon();
  return csvResponse(
    `${scope.councilSlug}-complaints-with-contact-details.csv`,
    [...COMPLAINT_EXPORT_COLUMNS, ...CONTACT_EXPORT_COLUMNS],
    complaints.map((complaint) => complaintExportRow(complaint, today)),
  );
}
