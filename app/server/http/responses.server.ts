// Error responses thrown from loaders and actions (route side only), rendered by the ErrorBoundary.
import { NotFound, refusalResponse } from "../access/refusals.server";

export function notFound(): Response {
  return refusalResponse(new NotFound());
}

export function badRequest(message: string): Response {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}

/** A form whose fields are not the page's own (sent by hand, or from an older copy of the page). */
export function formHasUnknownFields(): Response {
  return badRequest(
    "The form sent had fields this page does not have, so nothing was saved. Go back to the page, reload it and try again.",
  );
}

/** A body that is not a form at all (JSON, a cut-off or malformed upload). */
export function formNotReadable(): Response {
  return badRequest(
    "The form sent could not be read, so nothing was saved. Go back to the page, reload it and try again.",
  );
}
