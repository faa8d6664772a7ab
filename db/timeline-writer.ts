// Writing the stored timeline, shared by the domain functions (app/server/council/timeline/timeline.server.ts) and
// the demo seed: each dated fact of a record is one row kept up to date; history rows are appended.
//
// README, Decision 25: The timeline is stored, not computed. Each domain function that changes a
// record writes the record's dated facts to `timeline_events` in the same transaction
// (`syncTimeline` in `db/timeline-writer.ts`, the words in `app/lib/timeline-facts.ts`): one row
// per fact (a notice served, a proceeding issued or decided, an order's deadline to the hour),
// updated in place when the record's date changes and removed when the date is cleared, so the
// timeline always agrees with the records. Changes of status are appended instead
// (`appendTimeline`) and never rewritten: that is the history a computed view would lose. Officers
// and the legal team add events by hand (meetings, protests, correspondence) and choose for every
// event whether it is public; complaint events can never be public. A site's timeline holds its
// cases' events; a case's timeline holds its site's planning history. Reading either is one query,
// ordered by date, time, then the order of writing (a stable order within a day). The demo's
// timelines are written by the seed from its records with the same fact functions.

import { and, eq, isNotNull, notInArray, sql } from "drizzle-orm";
import type { IsoDate } from "../app/lib/dates";
import type { DatePrecision } from "../app/lib/partial-date";
import type { TimelineKind } from "../app/lib/timeline-codes";
import type { Transaction } from "./client";
import { timelineEvents } from "./schema";

/** Whose timeline, and who is writing (a council scope satisfies this). */
export interface TimelineActor {
  tenantId: string;
  userId: string | null;
}

/** The record events come from, and where they belong: a site's timeline, a case's, or both. */
export interface TimelineSubject {
  type: string;
  id: string;
  siteId: string | null;
  legalCaseId: string | null;
  /** Where the record is shown, relative to the council's address ("sites/EF-S-0001"). */
  path: string | null;
}

/** One dated fact of a record. A fact with no date has no event (the date was cleared). */
export interface TimelineFact {
  fact: string;
  occurredOn: IsoDate | null;
  /** How precise the date is (its record's), `day` unless said. */
  occurredOnPrecision?: DatePrecision;
  occurredAt?: string | null;
  kind: TimelineKind;
  title: string;
  description?: string | null;
  sourceUrl?: string | null;
  privileged?: boolean;
  documentId?: string | null;
  /** A deadline that is no longer due: its date is shown struck through. */
  noLongerDue?: boolean;
}

export type TimelineEntry = Omit<TimelineFact, "fact" | "occurredOn"> & { occurredOn: IsoDate };

/**
 * Writes the record's dated facts: each is inserted or brought up to date in place (keeping the
 * visibility an officer chose, except that privileged events are always internal).
 */
export async function syncTimeline(
  tx: Transaction,
  actor: TimelineActor,
  subject: TimelineSubject,
  facts: readonly TimelineFact[],
): Promise<void> {
  // The list is the record's whole set of facts: any stored fact not in it (a date cleared, a
  // deadline that no longer applies) goes.
  const present = facts.filter((fact) => fact.occurredOn !== null).map((fact) => fact.fact);
  await tx
    .delete(timelineEvents)
    .where(
      and(
        eq(timelineEvents.tenantId, actor.tenantId),
        eq(timelineEvents.subjectType, subject.type),
        eq(timelineEvents.subjectId, subject.id),
        isNotNull(timelineEvents.fact),
        present.length > 0 ? notInArray(timelineEvents.fact, present) : undefined,
      ),
    );
  for (const fact of facts) {
    if (fact.occurredOn === null) continue;
    const values = {
      siteId: subject.siteId,
      legalCaseId: subject.legalCaseId,
      recordPath: subject.path,
      occurredOn: fact.occurredOn,
      occurredOnPrecision: fact.occurredOnPrecision ?? "day",
      occurredAt: fact.occurredAt ?? null,
      kind: fact.kind,
      title: fact.title,
      description: fact.description ?? null,
      sourceUrl: fact.sourceUrl ?? null,
      privileged: fact.privileged ?? false,
      documentId: fact.documentId ?? null,
      noLongerDue: fact.noLongerDue ?? false,
    };
    await tx
      .insert(timelineEvents)
      .values({
        ...values,
        tenantId: actor.tenantId,
        subjectType: subject.type,
        subjectId: subject.id,
        fact: fact.fact,
        createdByUserId: actor.userId,
      })
      .onConflictDoUpdate({
        target: [timelineEvents.tenantId, timelineEvents.subjectType, timelineEvents.subjectId, timelineEvents.fact],
        set: {
          ...values,
          visibility: values.privileged ? "internal" : sql`${timelineEvents.visibility}`,
          updatedAt: new Date(),
          version: sql`${timelineEvents.version} + 1`,
        },
      });
  }
}

/** Adds a history event that later edits of the record leave alone (a status change, say). */
export async function appendTimeline(
  tx: Transaction,
  actor: TimelineActor,
  subject: TimelineSubject,
  entry: TimelineEntry,
): Promise<void> {
  await tx.insert(timelineEvents).values({
    tenantId: actor.tenantId,
    siteId: subject.siteId,
    legalCaseId: subject.legalCaseId,
    recordPath: subject.path,
    subjectType: subject.type,
    subjectId: subject.id,
    fact: null,
    occurredOn: entry.occurredOn,
    occurredOnPrecision: entry.occurredOnPrecision ?? "day",
    occurredAt: entry.occurredAt ?? null,
    kind: entry.kind,
    title: entry.title,
    description: entry.description ?? null,
    sourceUrl: entry.sourceUrl ?? null,
    privileged: entry.privileged ?? false,
    documentId: entry.documentId ?? null,
    createdByUserId: actor.userId,
  });
}

/** Removes the dated facts of a record that no longer exists (its history rows stay). */
export async function removeTimelineFacts(
  tx: Transaction,
  actor: TimelineActor,
  subjectType: string,
  subjectId: string,
) {
  await tx
    .delete(timelineEvents)
    .where(
      and(
        eq(timelineEvents.tenantId, actor.tenantId),
        eq(timelineEvents.subjectType, subjectType),
        eq(timelineEvents.subjectId, subjectId),
        isNotNull(timelineEvents.fact),
      ),
    );
}
