// Typed refusals: domain functions say what was refused; only routes turn a refusal into HTTP.
//
// README, Decision 42: Domain code refuses in words; only routes speak HTTP. Domain functions throw
// typed refusals (`app/server/access/refusals.server.ts`: `NotFound`, `NotPermitted` naming who
// may, `ChangeRefused` for a stale version or a rule, `FieldRefused` for one answer), never a
// `Response`. A route action hands what it caught to `refusedForm` (a form's field or form error
// with 400 or 409) or `refused`; a 403 or 404 becomes the one error page
// (`app/components/error-boundary.tsx`, rendered by the root), which shows the request id a person
// can quote when they report a problem.
import { data } from "@remix-run/node";

/** Something the service refuses to do; `status` is the HTTP status a route answers it with. */
export abstract class Refusal extends Error {
  abstract readonly status: 400 | 403 | 404 | 409;
}

/** A record that does not exist, or belongs to another council: never say which. */
export class NotFound extends Refusal {
  override name = "NotFound";
  readonly status = 404;
  constructor() {
    super("Page not found");
  }
}

/** A change the user can act on (most often: someone else saved the record first); nothing is written. */
export class ChangeRefused extends Refusal {
  override name = "ChangeRefused";
  readonly status = 409;
}

/** A refusal about one field of the form, so the page can show it beside that field. */
export class FieldRefused extends Refusal {
  override name = "FieldRefused";
  readonly status = 400;
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** The message for a form loaded before someone else saved the same record. */
export function staleMessage(what: string): string {
  return `Someone else changed this ${what} since you opened the page. Nothing you entered has been saved: go back to the ${what}, check the changes, and make yours again.`;
}

const STATUS_TEXT = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict" } as const;

/** The error page's Response for a refusal (rendered by the ErrorBoundary). */
export function refusalResponse(refusal: Refusal): Response {
  return new Response(refusal.message, { status: refusal.status, statusText: STATUS_TEXT[refusal.status] });
}

/**
 * A route's answer to what its domain call threw: a change or field refused is returned with its
 * status (409, 400) in the shape the page shows (`show`); not found and not permitted are thrown as
 * the error page (404, 403); anything else is rethrown.
 */
export function refused<T>(error: unknown, show: (refusal: ChangeRefused | FieldRefused) => T) {
  if (error instanceof ChangeRefused || error instanceof FieldRefused) {
    return data(show(error), { status: error.status });
  }
  if (error instanceof Refusal) throw refusalResponse(error);
  throw error;
}

interface Submission<Result> {
  reply(options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }): Result;
}

/**
 * `refused` for a Conform form: a field refused is shown beside its field (400), a change refused
 * above the form (409). `wrap` puts the form's result where the page reads it (e.g. with its intent).
 */
export function refusedForm<Result, T = Result>(
  error: unknown,
  submission: Submission<Result>,
  wrap: (result: Result) => T = (result) => result as unknown as T,
) {
  return refused(error, (refusal) =>
    wrap(
      refusal instanceof FieldRefused
        ? submission.reply({ fieldErrors: { [refusal.field]: [refusal.message] } })
        : submission.reply({ formErrors: [refusal.message] }),
    ),
  );
}
