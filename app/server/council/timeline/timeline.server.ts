// Reading and changing the stored timeline: a site's or a case's events for its page, events added
// by hand, who may see each event, and the chronology export. The domain functions write the
// events of their records with syncTimeline and appendTimeline (db/timeline-writer.ts).
import { and, asc, eq, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { IsoDate } from "~/lib/dates";
import { isUuid } from "~/lib/ids";
import type { ChronologyOptions, TimelineEventInput } from "~/lib/schemas/timeline-event";
import type { TimelineKind, Visibility } from "~/lib/timeline-codes";
import type { Transaction } from "~db/client";
import { documents, legalCases, sites, timelineEvents } from "~db/schema";
import { assertCan, can } from "../../access/permissions.server";
import { ChangeRefused } from "../../access/refusals.server";
import { type TenantScope, withTenant } from "../../access/tenancy.server";
import { recordAudit } from "../../audit/record-audit.server";
import { deleteVersioned, updateVersioned } from "../versioned-update.server";

export {
  appendTimeline,
  removeTimelineFacts,
  syncTimeline,
  type TimelineEntry,
  type TimelineFact,
  type TimelineSubject,
} from "~db/timeline-writer";

/** When a case moves to another site (or none), its events move with it. */
export async function moveCaseTimeline(
  tx: Transaction,
  scope: TenantScope,
  legalCaseId: string,
  siteId: string | null,
): Promise<void> {
  await tx
    .update(timelineEvents)
    .set({ siteId })
    .where(and(eq(timelineEvents.tenantId, scope.tenantId), eq(timelineEvents.legalCaseId, legalCaseId)));
}

export interface TimelineQuery {
  /** A site's timeline: everything on the site, including its cases' events. */
  siteId?: string;
  /** A case's timeline: its own events and its site's events that belong to no case. */
  legalCase?: { id: string; siteId: string | null };
  kinds?: readonly TimelineKind[];
  from?: IsoDate | null;
  to?: IsoDate | null;
  visibility?: Visibility;
  includePrivileged: boolean;
}

/** The events of a site or case in date order, stable within a day. One query. */
export async function readTimeline(tx: Transaction, scope: TenantScope, query: TimelineQuery) {
  const conditions: (SQL | undefined)[] = [eq(timelineEvents.tenantId, scope.tenantId)];
  if (query.siteId) conditions.push(eq(timelineEvents.siteId, query.siteId));
  if (query.legalCase) {
    const { id, siteId } = query.legalCase;
    conditions.push(
      siteId
        ? or(
            eq(timelineEvents.legalCaseId, id),
            and(eq(timelineEvents.siteId, siteId), isNull(timelineEvents.legalCaseId)),
          )
        : eq(timelineEvents.legalCaseId, id),
    );
  }
  if (!query.siteId && !query.legalCase) throw new Error("A timeline belongs to a site or a case.");
  if (query.kinds && query.kinds.length > 0) conditions.push(inArray(timelineEvents.kind, [...query.kinds]));
  if (query.from) conditions.push(gte(timelineEvents.occurredOn, query.from));
  if (query.to) conditions.push(lte(timelineEvents.occurredOn, query.to));
  if (query.visibility) conditions.push(eq(timelineEvents.visibility, query.visibility));
  if (!query.includePrivileged) conditions.push(eq(timelineEvents.privileged, false));
  return tx
    .select()
    .from(timelineEvents)
    .where(and(...conditions))
    .orderBy(
      asc(timelineEvents.occurredOn),
      sql`${timelineEvents.occurredAt} asc nulls first`,
      asc(timelineEvents.sequence),
    );
}

// ---- Pages: a site's or a case's timeline, events added by hand, and the chronology export ----

export type TimelineHome = { site: string } | { case: string };

interface ResolvedHome {
  kind: "site" | "case";
  reference: string;
  title: string;
  siteId: string | null;
  legalCaseId: string | null;
  /** The page of the site or case, relative to the council's address. */
  path: string;
}

async function resolveHome(tx: Transaction, scope: TenantScope, home: TimelineHome): Promise<ResolvedHome | undefined> {
  if ("site" in home) {
    const [site] = await tx
      .select({ id: sites.id, reference: sites.reference, name: sites.name })
      .from(sites)
      .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.reference, home.site)))
      .limit(1);
    return site
      ? {
          kind: "site",
          reference: site.reference,
          title: site.name,
          siteId: site.id,
          legalCaseId: null,
          path: `sites/${site.reference}`,
        }
      : undefined;
  }
  const [legalCase] = await tx
    .select({ id: legalCases.id, reference: legalCases.reference, title: legalCases.title, siteId: legalCases.siteId })
    .from(legalCases)
    .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.reference, home.case)))
    .limit(1);
  return legalCase
    ? {
        kind: "case",
        reference: legalCase.reference,
        title: legalCase.title,
        siteId: legalCase.siteId,
        legalCaseId: legalCase.id,
        path: `cases/${legalCase.reference}`,
      }
    : undefined;
}

function queryFor(home: ResolvedHome): Pick<TimelineQuery, "siteId" | "legalCase"> {
  return home.kind === "site" && home.siteId
    ? { siteId: home.siteId }
    : { legalCase: { id: home.legalCaseId as string, siteId: home.siteId } };
}

/** The site or case a timeline belongs to (reference, title, page); undefined when not this council's. */
export async function getTimelineHome(scope: TenantScope, home: TimelineHome) {
  return withTenant(scope, (tx) => resolveHome(tx, scope, home));
}

/** A site's or case's timeline for its page; undefined when it is not this council's. */
export async function getTimeline(
  scope: TenantScope,
  home: TimelineHome,
  filter: { kinds: readonly TimelineKind[] } = { kinds: [] },
) {
  return withTenant(scope, async (tx) => {
    const resolved = await resolveHome(tx, scope, home);
    if (!resolved) return undefined;
    const events = await readTimeline(tx, scope, {
      ...queryFor(resolved),
      kinds: filter.kinds,
      includePrivileged: can(scope.role, "privileged:read"),
    });
    return { home: resolved, events, canWrite: can(scope.role, "timeline:write") };
  });
}

/** The 403 for a member who may not write timelines (viewers). */
const MAY_NOT_WRITE = "You need the officer or legal role to change a timeline.";

/** Adds an event by hand; returns its id, or undefined when the site or case is not this council's. */
export async function addTimelineEvent(scope: TenantScope, home: TimelineHome, input: TimelineEventInput) {
  assertCan(scope, "timeline:write", MAY_NOT_WRITE);
  return withTenant(scope, async (tx) => {
    const resolved = await resolveHome(tx, scope, home);
    if (!resolved) return undefined;
    const [event] = await tx
      .insert(timelineEvents)
      .values({
        ...input,
        tenantId: scope.tenantId,
        siteId: resolved.siteId,
        legalCaseId: resolved.legalCaseId,
        recordPath: null,
        createdByUserId: scope.userId,
      })
      .returning();
    if (!event) throw new Error("The event was not saved.");
    await recordAudit(tx, scope, {
      action: "timeline_event.created",
      entityType: "timeline_event",
      entityId: event.id,
      after: event,
    });
    return event.id;
  });
}

async function findEvent(tx: Transaction, scope: TenantScope, eventId: string) {
  if (!isUuid(eventId)) return undefined;
  const [event] = await tx
    .select()
    .from(timelineEvents)
    .where(and(eq(timelineEvents.tenantId, scope.tenantId), eq(timelineEvents.id, eventId)))
    .limit(1)
    .for("update");
  if (!event || (event.privileged && !can(scope.role, "privileged:read"))) return undefined;
  return event;
}

/** One event, with the site or case it belongs to (for its page); undefined when not found. */
export async function getTimelineEvent(scope: TenantScope, eventId: string) {
  return withTenant(scope, async (tx) => {
    const event = await findEvent(tx, scope, eventId);
    if (!event) return undefined;
    const [home] = event.legalCaseId
      ? await tx
          .select({ reference: legalCases.reference, title: legalCases.title })
          .from(legalCases)
          .where(and(eq(legalCases.tenantId, scope.tenantId), eq(legalCases.id, event.legalCaseId)))
          .then((rows) => rows.map((row) => ({ ...row, path: `cases/${row.reference}` })))
      : await tx
          .select({ reference: sites.reference, title: sites.name })
          .from(sites)
          .where(and(eq(sites.tenantId, scope.tenantId), eq(sites.id, event.siteId as string)))
          .then((rows) => rows.map((row) => ({ ...row, path: `sites/${row.reference}` })));
    return { event, home: home ?? null, canWrite: can(scope.role, "timeline:write") };
  });
}

/** Changes an event added by hand; events written from records change only with their record. */
export async function updateTimelineEvent(
  scope: TenantScope,
  eventId: string,
  input: TimelineEventInput & { version: number },
): Promise<boolean> {
  assertCan(scope, "timeline:write", MAY_NOT_WRITE);
  return withTenant(scope, async (tx) => {
    const before = await findEvent(tx, scope, eventId);
    if (!before) return false;
    if (before.subjectType !== null) {
      throw new ChangeRefused("This event comes from a record. Change the record, and the timeline follows it.");
    }
    const { version, ...changes } = input;
    await updateVersioned(
      tx,
      scope,
      timelineEvents,
      { before, version, what: "event", action: "timeline_event.updated", entityType: "timeline_event" },
      changes,
    );
    return true;
  });
}

export async function deleteTimelineEvent(scope: TenantScope, eventId: string, version: number): Promise<boolean> {
  assertCan(scope, "timeline:write", MAY_NOT_WRITE);
  return withTenant(scope, async (tx) => {
    const before = await findEvent(tx, scope, eventId);
    if (!before) return false;
    if (before.subjectType !== null) {
      throw new ChangeRefused("This event comes from a record. Change or delete the record instead.");
    }
    await deleteVersioned(tx, scope, timelineEvents, {
      before,
      version,
      what: "event",
      action: "timeline_event.deleted",
      entityType: "timeline_event",
    });
    return true;
  });
}

/** Makes any event public or internal (what the council's published pages may show). */
export async function setTimelineEventVisibility(
  scope: TenantScope,
  eventId: string,
  visibility: Visibility,
  version: number,
): Promise<boolean> {
  assertCan(scope, "timeline:write", MAY_NOT_WRITE);
  return withTenant(scope, async (tx) => {
    const before = await findEvent(tx, scope, eventId);
    if (!before) return false;
    if (visibility === "public" && before.privileged) {
      throw new ChangeRefused("This event is legally privileged, so it cannot be made public.");
    }
    if (visibility === "public" && before.kind === "complaint") {
      throw new ChangeRefused("Complaints are never published, to protect the people who make them.");
    }
    await updateVersioned(
      tx,
      scope,
      timelineEvents,
      {
        before,
        version,
        what: "event",
        action: "timeline_event.visibility_changed",
        entityType: "timeline_event",
        audited: (event) => ({ visibility: event.visibility }),
      },
      { visibility },
    );
    return true;
  });
}

/**
 * A chronology for a court bundle: the events in a date range, public ones only unless internal
 * events are asked for; privileged events only when a member of the legal team asks for them.
 * The export is audited (who, what, with which choices).
 */
export async function chronology(scope: TenantScope, home: TimelineHome, options: ChronologyOptions) {
  const includePrivileged = options.includePrivileged && can(scope.role, "chronology:include-privileged");
  return withTenant(scope, async (tx) => {
    const resolved = await resolveHome(tx, scope, home);
    if (!resolved) return undefined;
    const events = await readTimeline(tx, scope, {
      ...queryFor(resolved),
      from: options.from,
      to: options.to,
      visibility: options.includeInternal ? undefined : "public",
      includePrivileged,
    });
    const documentIds = events.flatMap((event) => (event.documentId ? [event.documentId] : []));
    const files =
      documentIds.length > 0
        ? await tx
            .select({ id: documents.id, fileName: documents.fileName })
            .from(documents)
            .where(and(eq(documents.tenantId, scope.tenantId), inArray(documents.id, documentIds)))
        : [];
    const fileNames = new Map(files.map((file) => [file.id, file.fileName]));
    await recordAudit(tx, scope, {
      action: "chronology.exported",
      entityType: "chronology",
      entityId: resolved.legalCaseId ?? resolved.siteId,
      after: { of: `${resolved.kind} ${resolved.reference}`, ...options, includePrivileged, events: events.length },
    });
    return {
      home: resolved,
      councilName: scope.councilName,
      events: events.map((event) => ({
        ...event,
        documentFileName: event.documentId ? (fileNames.get(event.documentId) ?? null) : null,
      })),
      options: { ...options, includePrivileged },
    };
  });
}
