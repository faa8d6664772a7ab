// A document's file, for members of its council only: opened in the browser (PDFs and common
// images) or saved, with headers that stop the browser treating it as anything else.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse, getDocumentForDownload } from "~/server/documents.server";
import { notFound } from "~/server/responses.server";
import { requireTenantScope } from "~/server/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  const download = await getDocumentForDownload(scope, params.documentId ?? "");
  if (!download) throw notFound();
  return documentResponse(download);
}
