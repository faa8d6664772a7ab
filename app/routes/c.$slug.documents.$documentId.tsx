// A document's file, for members of its council only: opened in the browser (PDFs and common
// images) or saved, with headers that stop the browser treating it as anything else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { documentResponse, getDocumentForDownload } from "~/server/council/documents/documents.server";
import { notFound } from "~/server/http/responses.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const download = await getDocumentForDownload(scope, params.documentId ?? "");
  if (!download) throw notFound();
  return documentResponse(download);
}
