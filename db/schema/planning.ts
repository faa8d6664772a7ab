// Planning and enforcement records of a site: applications, certificates, notices and appeals.
// One table for every kind; each kind uses the date columns the law gives it (see
// app/lib/schemas/planning-record.ts for which, and app/lib/deadlines.ts for what follows). Each
// date that records the past has its precision beside it (db/schema/date-precision.ts). An
// enforcement notice's steps, each with its own period for compliance (s.173(9)), are rows of
// enforcement_notice_steps. An enforcement appeal names the notice it appeals, and a stop notice
// the notice it accompanies, by a key that includes the council and the site, so neither can name
// another council's or another site's notice.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  applicationCategories,
  certificateTypes,
  periodUnits,
  planningDecisions,
  planningRecordKinds,
  planningStatuses,
} from "../../app/lib/planning-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { precisionOf } from "./date-precision";
import { sites } from "./sites";
import { tenantId } from "./tenant";

export const planningRecordKind = pgEnum("planning_record_kind", planningRecordKinds);
export const planningStatus = pgEnum("planning_status", planningStatuses);
export const planningDecision = pgEnum("planning_decision", planningDecisions);
export const certificateType = pgEnum("certificate_type", certificateTypes);
export const periodUnit = pgEnum("period_unit", periodUnits);
export const applicationCategory = pgEnum("application_category", applicationCategories);

export const planningRecords = pgTable(
  "planning_records",
  {
    id: id(),
    tenantId: tenantId(),
    siteId: uuid("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    kind: planningRecordKind("kind").notNull(),
    reference: text("reference"),
    status: planningStatus("status").notNull().default("open"),
    description: text("description"),
    linkUrl: text("link_url"),
    receivedOn: date("received_on"),
    receivedOnPrecision: precisionOf("received_on"),
    validatedOn: date("validated_on"),
    validatedOnPrecision: precisionOf("validated_on"),
    issuedOn: date("issued_on"),
    issuedOnPrecision: precisionOf("issued_on"),
    servedOn: date("served_on"),
    servedOnPrecision: precisionOf("served_on"),
    displayedOn: date("displayed_on"),
    displayedOnPrecision: precisionOf("displayed_on"),
    effectiveOn: date("effective_on"),
    effectiveOnPrecision: precisionOf("effective_on"),
    lodgedOn: date("lodged_on"),
    lodgedOnPrecision: precisionOf("lodged_on"),
    startedOn: date("started_on"),
    startedOnPrecision: precisionOf("started_on"),
    decidedOn: date("decided_on"),
    decidedOnPrecision: precisionOf("decided_on"),
    withdrawnOn: date("withdrawn_on"),
    withdrawnOnPrecision: precisionOf("withdrawn_on"),
    decision: planningDecision("decision"),
    certificateType: certificateType("certificate_type"),
    /** A planning application's category (null: not recorded), for its determination and appeal periods. */
    applicationCategory: applicationCategory("application_category"),
    /** An extended period for the decision, agreed in writing (DMPO 2015 art. 34(2), art. 39(12)). */
    extendedTo: date("extended_to"),
    /** The enforcement notice an enforcement appeal appeals, or a stop notice accompanies. */
    enforcementNoticeId: uuid("enforcement_notice_id"),
    /** A stop notice's statement of special reasons for taking effect within 3 days (s.184(3)(a)). */
    specialReasons: text("special_reasons"),
    /** A breach of condition notice's steps and period (an enforcement notice's are its steps' rows). */
    stepsRequired: text("steps_required"),
    compliancePeriod: integer("compliance_period"),
    compliancePeriodUnit: periodUnit("compliance_period_unit"),
    /**
     * The period a notice states: a temporary stop notice's shorter period (s.171E(7)(b)), an
     * enforcement warning notice's period for an application (s.172ZA(2)(b)).
     */
    statedPeriod: integer("stated_period"),
    statedPeriodUnit: periodUnit("stated_period_unit"),
    /** A date the officer sets where no rule is certain (e.g. an appeal timetable). */
    otherDeadlineOn: date("other_deadline_on"),
    otherDeadlineLabel: text("other_deadline_label"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("planning_records_tenant_id_idx").on(t.tenantId),
    index("planning_records_site_idx").on(t.siteId),
    index("planning_records_tenant_status_idx").on(t.tenantId, t.status),
    // The dashboard's recently changed records.
    index("planning_records_tenant_updated_idx").on(t.tenantId, t.updatedAt),
    index("planning_records_enforcement_notice_idx").on(t.enforcementNoticeId),
    check("planning_records_compliance_period_positive", sql`${t.compliancePeriod} > 0`),
    check("planning_records_stated_period_positive", sql`${t.statedPeriod} > 0`),
    check(
      "planning_records_notice_link_kinds",
      sql`${t.enforcementNoticeId} is null or (${t.kind} in ('enforcement_appeal', 'stop_notice') and ${t.enforcementNoticeId} <> ${t.id})`,
    ),
    // The keys other rows refer to a record by, with its council (and its site).
    unique("planning_records_tenant_id_id_key").on(t.tenantId, t.id),
    unique("planning_records_tenant_site_id_key").on(t.tenantId, t.siteId, t.id),
    foreignKey({
      name: "planning_records_enforcement_notice_fk",
      columns: [t.tenantId, t.siteId, t.enforcementNoticeId],
      foreignColumns: [t.tenantId, t.siteId, t.id],
    }),
  ],
);

/** One step an enforcement notice requires, with the period at the end of which it is due (s.173(9)). */
export const enforcementNoticeSteps = pgTable(
  "enforcement_notice_steps",
  {
    id: id(),
    tenantId: tenantId(),
    planningRecordId: uuid("planning_record_id").notNull(),
    /** 1, 2, …: the step's place on the notice, and its deadline's key (compliance-due, compliance-due-2, …). */
    position: integer("position").notNull(),
    /** What the step requires; a notice recorded before steps had rows of their own may have only a period. */
    steps: text("steps"),
    /** The period for compliance, from the day the notice takes effect; none recorded yet gives no deadline. */
    compliancePeriod: integer("compliance_period"),
    compliancePeriodUnit: periodUnit("compliance_period_unit"),
    createdAt: createdAt(),
  },
  (t) => [
    index("enforcement_notice_steps_tenant_id_idx").on(t.tenantId),
    uniqueIndex("enforcement_notice_steps_position_key").on(t.planningRecordId, t.position),
    check("enforcement_notice_steps_period_positive", sql`${t.compliancePeriod} > 0`),
    check(
      "enforcement_notice_steps_period_unit",
      sql`(${t.compliancePeriod} is null) = (${t.compliancePeriodUnit} is null)`,
    ),
    check("enforcement_notice_steps_not_empty", sql`${t.steps} is not null or ${t.compliancePeriod} is not null`),
    check("enforcement_notice_steps_position_positive", sql`${t.position} > 0`),
    foreignKey({
      name: "enforcement_notice_steps_record_fk",
      columns: [t.tenantId, t.planningRecordId],
      foreignColumns: [planningRecords.tenantId, planningRecords.id],
    }).onDelete("cascade"),
  ],
);

export type PlanningRecord = typeof planningRecords.$inferSelect;
export type EnforcementNoticeStep = typeof enforcementNoticeSteps.$inferSelect;
