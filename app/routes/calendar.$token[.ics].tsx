// A person's calendar feed at its secret address (/calendar/<token>.ics), for calendar apps, which
// cannot sign in: the token stands for the person and the council. Unknown or revoked: 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { scopeForCalendarFeed } from "~/server/access/tenancy.server";
import { calendarFeedText } from "~/server/council/deadlines/calendar-feed.server";

const HEADERS = {
  // Never kept by a shared cache, nor by the client: a regenerated address or a removed member's
  // feed stops at the next fetch, and no copy of council data is left on disk along the way.
  "Cache-Control": "private, no-store",
  "X-Content-Type-Options": "nosniff",
  // The address is the secret: never send it on as a Referer.
  "Referrer-Policy": "no-referrer",
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await scopeForCalendarFeed(request, params.token ?? "");
  if (!scope) {
    return new Response("Not found", {
      status: 404,
      headers: { ...HEADERS, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const body = await calendarFeedText(scope, new URL(request.url).origin);
  return new Response(body, {
    headers: {
      ...HEADERS,
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${scope.councilSlug}-deadlines.ics"`,
    },
  });
}
