// The planning and enforcement record form. Each kind asks for the dates the law gives it; the
// checks between dates are the statutory ones, with the section named in the message. Dates that
// record the past carry their precision (Decision 47); the checks between two of them compare what
// each may mean (endsBeforeStart), and the statutory spacings (28 days, 3 days) are checked only
// between days. Checks that need the council's nation or the site's other records (a Welsh council's
// temporary stop notice, a stop notice served after its enforcement notice took effect) are the
// domain's (app/server/council/sites/planning.server.ts).
//
// README, Decision 16: One table for every kind of planning and enforcement record. The kinds share
// most columns (reference, status, description, link, a handful of dates); `KIND_FIELDS` in
// `app/lib/planning-codes.ts` says which dates each kind uses, and the form stores the others as
// empty. One table keeps the site page, the dashboard and the list filters to one query. An
// enforcement notice's steps are the one list a record has (enforcement_notice_steps), saved with
// the record in the same transaction and audit entry.
import { z } from "zod";
import { addDays, type IsoDate } from "../dates";
import { LURA_ENFORCEMENT_START } from "../deadlines";
import { endsBeforeStart, isDayPrecise, latestDayOf } from "../partial-date";
import {
  applicationCategories,
  certificateTypes,
  KIND_DECISIONS,
  KIND_FIELDS,
  MAX_COMPLIANCE_STEPS,
  PAST_DATE_FIELDS,
  type PastDateField,
  periodUnits,
  planningDecisions,
  planningRecordKinds,
  planningStatuses,
} from "../planning-codes";
import {
  govukDate,
  govukPartialDate,
  optionalLink,
  optionalText,
  optionalWholeNumber,
  type PartialDateValue,
} from "./common";

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .enum(values, { error })
    .optional()
    .transform((value) => value ?? null);

/** One row of an enforcement notice's steps; a row left empty is not a step. */
const complianceStep = z.object({
  steps: optionalText("What the step requires", 2000),
  compliancePeriod: optionalWholeNumber("The period for compliance", 1, 3650),
  compliancePeriodUnit: optionalEnum(periodUnits, "Choose days or months"),
});

export const planningRecordSchema = z
  .object({
    kind: z.enum(planningRecordKinds, { error: "Choose what kind of record this is" }),
    reference: optionalText("Reference", 100),
    status: z.enum(planningStatuses, { error: "Choose the record's status" }),
    description: optionalText("Description", 2000),
    linkUrl: optionalLink("The link"),
    certificateType: optionalEnum(
      certificateTypes,
      "Choose whether the certificate is for an existing or a proposed use",
    ),
    applicationCategory: optionalEnum(applicationCategories, "Choose the application's category"),
    receivedOn: govukPartialDate("The date received"),
    validatedOn: govukPartialDate("The date validated"),
    issuedOn: govukPartialDate("The date issued"),
    servedOn: govukPartialDate("The date served"),
    displayedOn: govukPartialDate("The date first displayed on site"),
    effectiveOn: govukPartialDate("The date it takes effect"),
    lodgedOn: govukPartialDate("The date the appeal was lodged"),
    startedOn: govukPartialDate("The appeal start date"),
    decision: optionalEnum(planningDecisions, "Choose the decision"),
    decidedOn: govukPartialDate("The decision date"),
    withdrawnOn: govukPartialDate("The date withdrawn"),
    extendedTo: govukDate("The extended date for the decision"),
    enforcementNoticeId: z
      .string()
      .max(100)
      .optional()
      .transform((value) => value?.trim() || null),
    specialReasons: optionalText("The statement of special reasons", 2000),
    stepsRequired: optionalText("Steps required", 2000),
    compliancePeriod: optionalWholeNumber("The period for compliance", 1, 3650),
    compliancePeriodUnit: optionalEnum(periodUnits, "Choose days or months"),
    complianceSteps: z
      .array(complianceStep)
      .max(MAX_COMPLIANCE_STEPS, `An enforcement notice's form takes up to ${MAX_COMPLIANCE_STEPS} steps`)
      .optional()
      .transform((rows) => rows ?? []),
    statedPeriod: optionalWholeNumber("The period the notice states", 1, 3650),
    statedPeriodUnit: optionalEnum(periodUnits, "Choose days or months"),
    otherDeadlineOn: govukDate("The other deadline"),
    otherDeadlineLabel: optionalText("What the deadline is for", 200),
  })
  .superRefine((record, ctx) => {
    const used = new Set(KIND_FIELDS[record.kind]);
    const problem = (path: string | (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path: Array.isArray(path) ? path : [path], message });
    const date = (field: PastDateField): PartialDateValue | null => (used.has(field) ? record[field] : null);
    /** Whether `later` is certainly before `earlier`, given how precise each is. */
    const before = (later: PartialDateValue | null, earlier: PartialDateValue | null) =>
      later !== null && earlier !== null && endsBeforeStart(earlier, later);
    /** Both dates as days, or null: statutory spacings are checked only between days. */
    const days = (a: PartialDateValue | null, b: PartialDateValue | null): [IsoDate, IsoDate] | null =>
      a && b && isDayPrecise(a.precision) && isDayPrecise(b.precision) ? [a.on, b.on] : null;

    if (record.kind === "lawful_development_certificate" && !record.certificateType) {
      problem("certificateType", "Choose whether the certificate is for an existing or a proposed use");
    }
    if (record.decision && !(KIND_DECISIONS[record.kind] ?? []).includes(record.decision)) {
      problem("decision", "Choose a decision this kind of record can have");
    }
    if (record.decision && !date("decidedOn")) problem("decidedOn", "Enter the decision date");
    if (date("decidedOn") && !record.decision) problem("decision", "Choose the decision");
    if (before(date("validatedOn"), date("receivedOn"))) {
      problem("validatedOn", "The date validated must be the same as or after the date received");
    }
    if (before(date("decidedOn"), date("validatedOn") ?? date("lodgedOn"))) {
      problem("decidedOn", "The decision date must be after the application or appeal was made");
    }
    if (before(date("startedOn"), date("lodgedOn"))) {
      problem("startedOn", "The appeal start date must be the same as or after the date it was lodged");
    }
    const began = date("receivedOn") ?? date("issuedOn") ?? date("servedOn") ?? date("displayedOn") ?? date("lodgedOn");
    if (before(date("withdrawnOn"), began)) {
      problem("withdrawnOn", "The date withdrawn must be the same as or after the date the record began");
    }
    const validated = date("validatedOn");
    if (
      used.has("extendedTo") &&
      record.extendedTo &&
      validated &&
      record.extendedTo <= latestDayOf(validated.on, validated.precision)
    ) {
      problem("extendedTo", "The extended date for the decision must be after the date validated");
    }

    if (record.kind === "enforcement_notice") {
      if (before(date("servedOn"), date("issuedOn"))) {
        problem("servedOn", "The date served must be the same as or after the date issued");
      } else {
        const issuedServed = days(date("issuedOn"), date("servedOn"));
        if (issuedServed && issuedServed[1] > addDays(issuedServed[0], 28)) {
          problem("servedOn", "Copies must be served within 28 days of issue (section 172(3)(a))");
        }
      }
      if (before(date("effectiveOn"), date("servedOn"))) {
        problem("effectiveOn", "The date it takes effect must be the same as or after the date served");
      } else {
        const servedEffective = days(date("servedOn"), date("effectiveOn"));
        if (servedEffective && servedEffective[1] < addDays(servedEffective[0], 28)) {
          problem("effectiveOn", "The notice must take effect at least 28 days after it is served (section 172(3)(b))");
        }
      }
    }
    if (record.kind === "stop_notice") {
      if (date("servedOn") && !record.enforcementNoticeId) {
        problem(
          "enforcementNoticeId",
          "Choose the enforcement notice this stop notice accompanies: a stop notice must refer to one (section 184(1))",
        );
      }
      if (before(date("effectiveOn"), date("servedOn"))) {
        problem("effectiveOn", "The date it takes effect must be the same as or after the date served");
      } else {
        const servedEffective = days(date("servedOn"), date("effectiveOn"));
        if (servedEffective && servedEffective[1] < addDays(servedEffective[0], 3) && !record.specialReasons) {
          problem(
            "effectiveOn",
            "A stop notice must take effect at least 3 days after it is served, unless a statement of special reasons is served with it (section 184(3)(a)): enter the statement, or a later date",
          );
        } else if (servedEffective && servedEffective[1] > addDays(servedEffective[0], 28)) {
          problem("effectiveOn", "A stop notice must take effect within 28 days of service (section 184(3)(b))");
        }
      }
    }
    if (record.kind === "temporary_stop_notice") {
      if (date("displayedOn") && !date("issuedOn")) {
        problem(
          "issuedOn",
          "Enter the date the notice was issued: it decides whether the notice lasts 28 days or 56 (section 171E(7))",
        );
      }
      if (before(date("displayedOn"), date("issuedOn"))) {
        problem("displayedOn", "The date first displayed on site must be the same as or after the date issued");
      }
      if (record.statedPeriod !== null && record.statedPeriod > 56) {
        problem("statedPeriod", "A temporary stop notice cannot last more than 56 days (section 171E(7)(a))");
      }
    }
    if (record.kind === "enforcement_warning_notice") {
      const issued = date("issuedOn");
      if (issued && latestDayOf(issued.on, issued.precision) < LURA_ENFORCEMENT_START) {
        problem(
          "issuedOn",
          "An enforcement warning notice cannot be issued before 25 April 2024, when section 172ZA came into force",
        );
      }
      if (record.statedPeriod !== null && !record.statedPeriodUnit)
        problem("statedPeriodUnit", "Choose days or months");
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
    if (used.has("complianceSteps")) {
      record.complianceSteps.forEach((row, index) => {
        const empty = !row.steps && row.compliancePeriod === null && !row.compliancePeriodUnit;
        if (empty) return;
        const path = (field: string) => ["complianceSteps", index, field];
        if (!row.steps) problem(path("steps"), `Enter what step ${index + 1} requires`);
        if (row.compliancePeriod === null) {
          problem(path("compliancePeriod"), `Enter the period for compliance with step ${index + 1}`);
        } else if (!row.compliancePeriodUnit) {
          problem(path("compliancePeriodUnit"), "Choose days or months");
        }
      });
    }
    if (record.otherDeadlineOn && !record.otherDeadlineLabel) {
      problem("otherDeadlineLabel", "Say what the deadline is for");
    }
  })
  .transform(({ complianceSteps, ...record }) => {
    // Fields this kind does not use are stored empty, whatever the form sent.
    const used = new Set<string>(KIND_FIELDS[record.kind]);
    const dates = Object.fromEntries(
      PAST_DATE_FIELDS.flatMap((field) => {
        const value = used.has(field) ? record[field] : null;
        return [
          [field, value?.on ?? null],
          [`${field}Precision`, value?.precision ?? "day"],
        ];
      }),
    ) as { [K in PastDateField]: IsoDate | null } & {
      [K in PastDateField as `${K}Precision`]: PartialDateValue["precision"];
    };
    const kept = <T>(field: string, value: T): T | null => (used.has(field) ? value : null);
    return {
      ...record,
      ...dates,
      certificateType: kept("certificateType", record.certificateType),
      applicationCategory: kept("applicationCategory", record.applicationCategory),
      decision: kept("decision", record.decision),
      extendedTo: kept("extendedTo", record.extendedTo),
      enforcementNoticeId: kept("enforcementNoticeId", record.enforcementNoticeId),
      specialReasons: kept("specialReasons", record.specialReasons),
      stepsRequired: kept("stepsRequired", record.stepsRequired),
      compliancePeriod: kept("compliancePeriod", record.compliancePeriod),
      compliancePeriodUnit:
        used.has("compliancePeriod") && record.compliancePeriod !== null ? record.compliancePeriodUnit : null,
      statedPeriod: kept("statedPeriod", record.statedPeriod),
      // A temporary stop notice's period is in days (s.171E(7)).
      statedPeriodUnit:
        used.has("statedPeriod") && record.statedPeriod !== null
          ? record.kind === "temporary_stop_notice"
            ? ("days" as const)
            : record.statedPeriodUnit
          : null,
      steps: used.has("complianceSteps")
        ? complianceSteps
            .filter((row) => row.steps || row.compliancePeriod !== null)
            .map((row, index) => ({
              position: index + 1,
              steps: row.steps,
              compliancePeriod: row.compliancePeriod,
              compliancePeriodUnit: row.compliancePeriod !== null ? row.compliancePeriodUnit : null,
            }))
        : [],
    };
  });

export type PlanningRecordInput = z.output<typeof planningRecordSchema>;
/** A record's columns as the form gives them, without its steps. */
export type PlanningRecordValues = Omit<PlanningRecordInput, "steps">;
