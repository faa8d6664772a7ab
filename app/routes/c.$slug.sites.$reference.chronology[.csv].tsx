// The site's chronology as a CSV file, posted from the chronology page with the choices shown there.
// A GET is not an export: it answers 405 (Allow: POST), so a link cannot make one.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { chronologyCsv, refuseChronologyCsvGet } from "~/server/council/timeline/timeline-pages.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  return refuseChronologyCsvGet(request, params, "site");
}

export async function action({ request, params }: ActionFunctionArgs) {
  return chronologyCsv(request, params, "site");
}
