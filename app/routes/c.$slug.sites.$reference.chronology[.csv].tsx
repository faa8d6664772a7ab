// The site's chronology as a CSV file, with the same choices as the page.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { chronologyCsv } from "~/server/timeline-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return chronologyCsv(request, params, "site");
}
