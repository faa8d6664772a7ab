// The one error page: a refusal (404, 403, 409, 400), an outage (503) or a failure (500), in GOV.UK's
// words, with the request's id so a user can quote it and support can find the server's log line.
import { isRouteErrorResponse, useRouteError, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { SERVICE_UNAVAILABLE } from "~/lib/service";

/** The error page's heading (and page title) for a status. */
export function errorPageTitle(status: number): string {
  if (status === 404) return "Page not found";
  if (status === 403) return "You cannot see this page";
  if (status === 503) return "Sorry, the service is unavailable";
  if (status < 500) return "There is a problem";
  return "Sorry, there is a problem with the service";
}

/** The status an error is shown with: a thrown Response's own, else 500. */
export function errorStatus(error: unknown): number {
  return isRouteErrorResponse(error) ? error.status : 500;
}

function explanation(error: unknown): ReactNode {
  if (!isRouteErrorResponse(error)) {
    return <p className="govuk-body">Try again later. Nothing you entered has been saved.</p>;
  }
  const message = typeof error.data === "string" ? error.data : undefined;
  if (error.status === 404) {
    return (
      <>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
      </>
    );
  }
  if (error.status === 403) {
    return <p className="govuk-body">{message ?? "You do not have the role this page needs."}</p>;
  }
  if (error.status === 503) {
    // The database could not be reached (entry.server.tsx turns that into this 503).
    return (
      <>
        <p className="govuk-body">{SERVICE_UNAVAILABLE}</p>
        <p className="govuk-body">Nothing you entered has been saved.</p>
      </>
    );
  }
  if (error.status < 500 && message) return <p className="govuk-body">{message}</p>;
  return <p className="govuk-body">Try again later. Nothing you entered has been saved.</p>;
}

/** The error page's content for `error`; `requestId` is the id the server gave the request. */
export function ErrorPage({ error, requestId }: { error: unknown; requestId?: string }) {
  return (
    <>
      <h1 className="govuk-heading-l">{errorPageTitle(errorStatus(error))}</h1>
      {explanation(error)}
      {requestId ? (
        <p className="govuk-body govuk-!-font-size-16" data-request-id={requestId}>
          If you contact the council about this, quote this reference: <code>{requestId}</code>
        </p>
      ) : null}
    </>
  );
}

/**
 * The ErrorBoundary's content, read from the route's error and the root loader's request id. The root
 * renders it in the page shell; errors thrown by any route bubble up to it (no route has its own).
 */
export function ErrorBoundaryContent() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<{ requestId?: string }>("root");
  if (!isRouteErrorResponse(error) && typeof document !== "undefined") {
    // In the browser only: on the server, entry.server.tsx's handleError has logged the error once,
    // without its message (a database error's message holds the query's parameters).
    console.error(error);
  }
  return <ErrorPage error={error} requestId={rootData?.requestId} />;
}
