// Planning and enforcement records of a site: applications, certificates, notices and appeals.
// One table for every kind; each kind uses the date columns the law gives it (see
// app/lib/schemas/planning-record.ts for which, and app/lib/deadlines.ts for what follows).
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import {
  certificateTypes,
  periodUnits,
  planningDecisions,
  planningRecordKinds,
  planningStatuses,
} from "../../app/lib/planning-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { sites } from "./sites";
import { tenantId } from "./tenant";

export const planningRecordKind = pgEnum("planning_record_kind", planningRecordKinds);
export const planningStatus = pgEnum("planning_status", planningStatuses);
export const planningDecision = pgEnum("planning_decision", planningDecisions);
export const certificateType = pgEnum("certificate_type", certificateTypes);
export const periodUnit = pgEnum("period_unit", periodUnits);

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
    validatedOn: date("validated_on"),
    issuedOn: date("issued_on"),
    servedOn: date("served_on"),
    displayedOn: date("displayed_on"),
    effectiveOn: date("effective_on"),
    lodgedOn: date("lodged_on"),
    startedOn: date("started_on"),
    decidedOn: date("decided_on"),
    withdrawnOn: date("withdrawn_on"),
    decision: planningDecision("decision"),
    certificateType: certificateType("certificate_type"),
    stepsRequired: text("steps_required"),
    compliancePeriod: integer("compliance_period"),
    compliancePeriodUnit: periodUnit("compliance_period_unit"),
    appealed: boolean("appealed").notNull().default(false),
    /** A date the officer sets where no rule is certain (e.g. an agreed extension). */
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
    check("planning_records_compliance_period_positive", sql`${t.compliancePeriod} > 0`),
  ],
);

export type PlanningRecord = typeof planningRecords.$inferSelect;
