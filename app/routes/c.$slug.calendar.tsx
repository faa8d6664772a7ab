// A member's calendar feed: what it is, and a secret address to subscribe to, created or
// regenerated here. The address is shown once, in the response to the button that made it.
import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/govuk/error-summary";
import { formatDateTime } from "~/lib/format";
import { calendarFeedActionSchema } from "~/lib/schemas/deadline";
import { pageTitle } from "~/lib/service";
import { requireTenantScope } from "~/server/access/tenancy.server";
import { calendarFeedPath, createCalendarFeed, getCalendarFeed } from "~/server/council/deadlines/calendar-feed.server";
import { parseForm, readForm } from "~/server/http/form-input.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: pageTitle("Your calendar feed", data?.councilName ?? "") },
];

// The page can carry the secret address: keep it out of caches and Referer headers.
const PRIVATE_PAGE = { "Cache-Control": "private, no-store", "Referrer-Policy": "no-referrer" };

export const headers: HeadersFunction = () => PRIVATE_PAGE;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "calendar:use");
  const feed = await getCalendarFeed(scope);
  return { councilName: scope.councilName, slug: scope.councilSlug, createdAt: feed?.createdAt ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const scope = await requireTenantScope(request, params, "calendar:use");
  const submission = parseForm(await readForm(request, calendarFeedActionSchema), calendarFeedActionSchema);
  if (submission.status !== "success") {
    return data(
      { errors: ["Use the button on this page to create your calendar address."], feedUrl: null, regenerated: false },
      { status: 400, headers: PRIVATE_PAGE },
    );
  }
  const { token, regenerated } = await createCalendarFeed(scope);
  // Not a redirect: the token is stored only as a hash, so this response is the one chance to show it.
  return data(
    { errors: [], feedUrl: `${new URL(request.url).origin}${calendarFeedPath(token)}`, regenerated },
    { headers: PRIVATE_PAGE },
  );
}

function Warning({ children }: { children: string }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export default function CalendarFeed() {
  const { councilName, slug, createdAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const feedUrl = actionData?.feedUrl ?? null;
  return (
    <>
      <ErrorSummary errors={(actionData?.errors ?? []).map((text) => ({ text }))} />
      <span className="govuk-caption-l">{councilName}</span>
      <h1 className="govuk-heading-l">Your calendar feed</h1>
      <p className="govuk-body">
        Subscribe to the council's hearings and deadlines in Outlook, Google Calendar or Apple Calendar. Your calendar
        app checks the feed every hour or so, so changes made here reach your calendar after a while.
      </p>
      <p className="govuk-body">
        Each event says what is due, when, and the reference of the site or legal case, with a link to this service. It
        does not include site names, case titles, notes, complaints or anything privileged: follow the link and sign in
        to see those.
      </p>
      <p className="govuk-body">
        The feed has a secret web address that is yours alone. It stops working if you leave the council or when you
        make a new one.
      </p>

      {feedUrl ? (
        <div className="govuk-panel govuk-panel--confirmation">
          <h2 className="govuk-panel__title">
            {actionData?.regenerated ? "Your new calendar address is ready" : "Your calendar address is ready"}
          </h2>
        </div>
      ) : null}

      {feedUrl ? (
        <>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="feed-url">
              Your calendar address
            </label>
            <div className="govuk-hint" id="feed-url-hint">
              Copy it now and add it to your calendar app as a subscription. For your security it is shown only once.
            </div>
            <input
              className="govuk-input"
              id="feed-url"
              type="text"
              readOnly
              value={feedUrl}
              aria-describedby="feed-url-hint"
              spellCheck={false}
            />
          </div>
          {actionData?.regenerated ? (
            <p className="govuk-body">Your old address no longer works. Replace it in your calendar app.</p>
          ) : null}
          <h2 className="govuk-heading-m">Adding it to your calendar</h2>
          <ul className="govuk-list govuk-list--bullet">
            <li>Outlook: Add calendar, then Subscribe from web, and paste the address.</li>
            <li>Google Calendar: Other calendars, then From URL, and paste the address.</li>
            <li>Apple Calendar: File, then New Calendar Subscription, and paste the address.</li>
          </ul>
        </>
      ) : createdAt ? (
        <p className="govuk-body">
          You made your calendar address on {formatDateTime(createdAt)}. It is shown only when it is made: if you no
          longer have it, make a new one.
        </p>
      ) : (
        <p className="govuk-body">You do not have a calendar address yet.</p>
      )}

      <Warning>Anyone who has the address can read the council's deadlines. Do not share it or post it.</Warning>

      {createdAt || feedUrl ? (
        <>
          <h2 className="govuk-heading-m">Make a new address</h2>
          <p className="govuk-body">
            Do this if you have lost the address or think someone else has it. The old address stops working at once,
            and calendars that use it stop updating.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="create-address" />
            <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button">
              Regenerate address
            </button>
          </Form>
        </>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="create-address" />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            Create calendar address
          </button>
        </Form>
      )}

      <p className="govuk-body">
        <a className="govuk-link" href={`/c/${slug}/deadlines`}>
          Back to deadlines
        </a>
      </p>
    </>
  );
}
