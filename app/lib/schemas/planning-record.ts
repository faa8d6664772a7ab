// The planning and enforcement record form. Each kind asks for the dates the law gives it; the
// checks between dates are the statutory ones, with the section named in the message.
//
// README, Decision 16: One table for every kind of planning and enforcement record. The kinds share
// most columns (reference, status, description, link, a handful of dates); `KIND_FIELDS` in
// `app/lib/planning-codes.ts` says which dates each kind uses, and the form stores the others as
// empty. One table keeps the site page, the dashboard and the list filters to one query.
import { z } from "zod";
import { addDays, type IsoDate } from "../dates";
import {
  certificateTypes,
  KIND_DECISIONS,
  KIND_FIELDS,
  periodUnits,
  planningDecisions,
  planningRecordKinds,
  planningStatuses,
} from "../planning-codes";
import { govukDate, optionalLink, optionalText, optionalWholeNumber } from "./common";

export const planningRecordSchema = z
  .object({
    kind: z.enum(planningRecordKinds, { error: "Choose what kind of record this is" }),
    reference: optionalText("Reference", 100),
    status: z.enum(planningStatuses, { error: "Choose the record's status" }),
    description: optionalText("Description", 2000),
    linkUrl: optionalLink("The link"),
    certificateType: z
      .enum(certificateTypes, { error: "Choose whether the certificate is for an existing or a proposed use" })
      .optional()
      .transform((value) => value ?? null),
    receivedOn: govukDate("The date received"),
    validatedOn: govukDate("The date validated"),
    issuedOn: govukDate("The date issued"),
    servedOn: govukDate("The date served"),
    displayedOn: govukDate("The date first displayed on site"),
    effectiveOn: govukDate("The date it takes effect"),
    lodgedOn: govukDate("The date the appeal was lodged"),
    startedOn: govukDate("The appeal start date"),
    decision: z
      .enum(planningDecisions, { error: "Choose the decision" })
      .optional()
      .transform((value) => value ?? null),
    decidedOn: govukDate("The decision date"),
    withdrawnOn: govukDate("The date withdrawn"),
    stepsRequired: optionalText("Steps required", 2000),
    compliancePeriod: optionalWholeNumber("The period for compliance", 1, 3650),
    compliancePeriodUnit: z
      .enum(periodUnits)
      .optional()
      .transform((value) => value ?? null),
    appealed: z
      .literal("on")
      .optional()
      .transform((value) => value === "on"),
    otherDeadlineOn: govukDate("The other deadline"),
    otherDeadlineLabel: optionalText("What the deadline is for", 200),
  })
  .superRefine((record, ctx) => {
    const used = new Set(KIND_FIELDS[record.kind]);
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const after = (later: IsoDate | null, earlier: IsoDate | null) =>
      later !== null && earlier !== null && later < earlier;

    if (record.kind === "lawful_development_certificate" && !record.certificateType) {
      problem("certificateType", "Choose whether the certificate is for an existing or a proposed use");
    }
    if (record.decision && !(KIND_DECISIONS[record.kind] ?? []).includes(record.decision)) {
      problem("decision", "Choose a decision this kind of record can have");
    }
    if (record.decision && !record.decidedOn) problem("decidedOn", "Enter the decision date");
    if (record.decidedOn && !record.decision) problem("decision", "Choose the decision");
    if (used.has("validatedOn") && after(record.receivedOn, record.validatedOn)) {
      problem("validatedOn", "The date validated must be the same as or after the date received");
    }
    if (used.has("decidedOn") && after(record.validatedOn ?? record.lodgedOn, record.decidedOn)) {
      problem("decidedOn", "The decision date must be after the application or appeal was made");
    }
    if (used.has("startedOn") && after(record.lodgedOn, record.startedOn)) {
      problem("startedOn", "The appeal start date must be the same as or after the date it was lodged");
    }
    if (record.kind === "enforcement_notice") {
      if (record.issuedOn && record.servedOn) {
        if (record.servedOn < record.issuedOn)
          problem("servedOn", "The date served must be the same as or after the date issued");
        else if (record.servedOn > addDays(record.issuedOn, 28)) {
          problem("servedOn", "Copies must be served within 28 days of issue (section 172(3)(a))");
        }
      }
      if (record.servedOn && record.effectiveOn && record.effectiveOn < addDays(record.servedOn, 28)) {
        problem("effectiveOn", "The notice must take effect at least 28 days after it is served (section 172(3)(b))");
      }
    }
    if (record.kind === "stop_notice" && record.servedOn && record.effectiveOn) {
      if (record.effectiveOn < record.servedOn) {
        problem("effectiveOn", "The date it takes effect must be the same as or after the date served");
      } else if (record.effectiveOn > addDays(record.servedOn, 28)) {
        problem("effectiveOn", "A stop notice must take effect within 28 days of service (section 184(3))");
      }
    }
    if (used.has("compliancePeriod")) {
      if (record.compliancePeriod !== null && !record.compliancePeriodUnit) {
        problem("compliancePeriodUnit", "Choose days or months");
      }
      if (
        record.kind === "breach_of_condition_notice" &&
        record.compliancePeriod !== null &&
        record.compliancePeriodUnit === "days" &&
        record.compliancePeriod < 28
      ) {
        problem("compliancePeriod", "A breach of condition notice must allow at least 28 days (section 187A(7))");
      }
    }
    if (record.otherDeadlineOn && !record.otherDeadlineLabel) {
      problem("otherDeadlineLabel", "Say what the deadline is for");
    }
  })
  .transform((record) => {
    // Fields this kind does not use are stored empty, whatever the form sent.
    const used = new Set<string>(KIND_FIELDS[record.kind]);
    const cleared = Object.fromEntries(
      (
        [
          "certificateType",
          "receivedOn",
          "validatedOn",
          "issuedOn",
          "servedOn",
          "displayedOn",
          "effectiveOn",
          "lodgedOn",
          "startedOn",
          "decision",
          "decidedOn",
          "withdrawnOn",
          "stepsRequired",
          "compliancePeriod",
        ] as const
      )
        .filter((field) => !used.has(field))
        .map((field) => [field, null]),
    );
    return {
      ...record,
      ...cleared,
      compliancePeriodUnit:
        used.has("compliancePeriod") && record.compliancePeriod !== null ? record.compliancePeriodUnit : null,
      appealed: used.has("appealed") ? record.appealed : false,
    };
  });

export type PlanningRecordInput = z.output<typeof planningRecordSchema>;
