// A person's calendar feed of the council's hearings and deadlines: the secret address (created,
// regenerated, audited; only its SHA-256 stored) and the iCalendar text behind it.
//
// README, Decision 29: The calendar address is shown once and stored as a hash. It is 32 random
// bytes (base64url); only its SHA-256 is kept, so a database leak opens no feed. The page shows the
// address in the response to the button that made it; afterwards it offers "Regenerate address",
// which replaces the hash so the old address stops at once. The feed gives a bare 404 for an
// unknown or revoked address, a removed member or a deactivated account, and is sent `private,
// no-store` with a one-hour refresh hint. Times are London wall-clock times converted to UTC;
// events carry stable ids so calendars update rather than duplicate them. Calendars are copied to
// phones and providers, so events carry references and what is due, never site names, case titles,
// party names, complaints or anything privileged.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ical, { ICalEventStatus } from "ical-generator";
import { addDays, londonTimeToInstant } from "~/lib/dates";
import { ORDER_STATUS_LABELS } from "~/lib/legal-codes";
import { SERVICE_NAME } from "~/lib/service";
import { calendarFeeds } from "~db/schema";
import { calendarFeedTokenHash, type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { type DeadlineItem, listDeadlines } from "./deadlines.server";

/** The path of a feed, from its token. */
export function calendarFeedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** When the person's current feed address was made, or null if they have none. */
export async function getCalendarFeed(scope: TenantScope): Promise<{ createdAt: Date } | null> {
  return withTenant(scope, async (tx) => {
    const [feed] = await tx
      .select({ createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, scope.tenantId), eq(calendarFeeds.userId, scope.userId)))
      .limit(1);
    return feed ?? null;
  });
}

/**
 * Makes the person a new secret feed address, replacing (and so revoking) any they had, and
 * audits it. Returns the token: it is never stored, so this is the only time it can be shown.
 */
export async function createCalendarFeed(scope: TenantScope): Promise<{ token: string; regenerated: boolean }> {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = calendarFeedTokenHash(token);
  return withTenant(scope, async (tx) => {
    const [before] = await tx
      .select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tenantId, scope.tenantId), eq(calendarFeeds.userId, scope.userId)))
      .limit(1);
    const createdAt = new Date();
    const [after] = await tx
      .insert(calendarFeeds)
      .values({ tenantId: scope.tenantId, userId: scope.userId, tokenHash, createdAt })
      .onConflictDoUpdate({ target: [calendarFeeds.tenantId, calendarFeeds.userId], set: { tokenHash, createdAt } })
      .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
    // The audit trail says when, never the token or its hash.
    await recordAudit(tx, scope, {
      action: before ? "calendar_feed.regenerated" : "calendar_feed.created",
      entityType: "calendar_feed",
      entityId: after?.id ?? null,
      before,
      after,
    });
    return { token, regenerated: Boolean(before) };
  });
}

/** Escapes an iCalendar TEXT value (RFC 5545 3.3.11); ical-generator leaves the name as given. */
function icalText(value: string): string {
  return value.replace(/[\\;,]/g, (match) => `\\${match}`).replace(/\r\n|\r|\n/g, "\\n");
}

/** A calendar shows a line or two of the title: long text goes in full in the description. */
function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * What a calendar event says. Calendars are copied to phones and calendar providers, so it
 * names what is due and the record's kind and references, never a site's name, a case's title
 * (which names parties), notes, complaints or anything privileged: the link leads to the rest.
 */
function eventText(deadline: DeadlineItem, link: string) {
  const owner = deadline.belongsTo;
  const where = owner.type === "site" ? `${owner.record}, site ${owner.siteReference}` : `case ${owner.caseReference}`;
  const what = owner.type === "site" ? `${deadline.label}: ${owner.record}` : deadline.label;
  const status = deadline.orderStatus;
  const prefix = status && !status.live ? `${ORDER_STATUS_LABELS[status.status]}: ` : deadline.done ? "Done: " : "";
  const summary = `${prefix}${shorten(what)} (${owner.type === "site" ? owner.siteReference : owner.caseReference})`;
  const lines = [
    `${deadline.label}${deadline.dueAt ? ` (${deadline.dueAt} London time)` : ""}`,
    status ? `${status.words}.${status.live ? "" : " No longer due."}` : null,
    `For: ${where}`,
    owner.type === "case" ? `Proceeding: ${owner.proceeding}` : null,
    deadline.rule ? `Rule: ${deadline.rule}` : null,
    deadline.source ? `Source: ${deadline.source}` : null,
    deadline.done ? "Marked done." : null,
    `Open in ${SERVICE_NAME}: ${link}`,
  ];
  return { summary, description: lines.filter((line): line is string => line !== null).join("\n") };
}

/**
 * The council's hearings and deadlines as iCalendar text. Times of day are London wall-clock
 * times, turned into UTC instants (so GMT and BST need no VTIMEZONE); dates without a time are
 * all-day events. UIDs are stable across fetches, so calendars update events rather than duplicate
 * them.
 */
export async function calendarFeedText(scope: TenantScope, origin: string): Promise<string> {
  const deadlines = await listDeadlines(scope);
  const host = new URL(origin).host;
  const calendar = ical({
    name: icalText(scope.councilName),
    description: icalText(`Hearings and deadlines of ${scope.councilName}, from ${SERVICE_NAME}`),
    prodId: { company: SERVICE_NAME, product: "Deadlines", language: "EN" },
    ttl: 60 * 60,
  });
  for (const deadline of deadlines) {
    const link = `${origin}${deadline.belongsTo.href}`;
    const { summary, description } = eventText(deadline, link);
    const timed = deadline.dueAt !== null;
    calendar.createEvent({
      id: `${deadline.sourceType}-${deadline.sourceId}-${deadline.deadlineKey}@${host}`,
      start: timed
        ? londonTimeToInstant(deadline.dueOn, deadline.dueAt ?? "00:00")
        : new Date(`${deadline.dueOn}T00:00:00Z`),
      end: timed ? null : new Date(`${addDays(deadline.dueOn, 1)}T00:00:00Z`),
      allDay: !timed,
      summary,
      description,
      url: link,
      // An order no longer live stays in the feed, cancelled, rather than being left out: a
      // calendar that already holds the event (under the same UID) then shows it called off, with
      // the reason, instead of silently dropping it or keeping a stale copy that still looks due.
      status: deadline.orderStatus && !deadline.orderStatus.live ? ICalEventStatus.CANCELLED : null,
    });
  }
  return calendar.toString();
}
