// The legal case form and the court proceeding form.
import { z } from "zod";
import { isNeutralCitation, normaliseCitation } from "../citations";
import {
  caseStatuses,
  courts,
  findingDirections,
  legalBases,
  ORDER_STATUS_CHANGES,
  orderStatuses,
  outcomes,
  partyKinds,
  partyRoles,
  proceedingKinds,
  proceedingRelations,
  RELIEF_LABELS,
  reliefKinds,
  reliefOutcomes,
} from "../legal-codes";
import { endsBeforeStart } from "../partial-date";
import { govukDate, govukPartialDate, optionalText, requiredText } from "./common";

export const legalCaseSchema = z
  .object({
    title: requiredText("Enter the case title, like Epping Forest DC v Somani Hotels Ltd", "Title", 300),
    siteId: z
      .string()
      .optional()
      .transform((value) => value || null),
    legalBasis: z.enum(legalBases, { error: "Choose the legal basis" }),
    legalBasisOther: optionalText("Other legal basis", 300),
    status: z.enum(caseStatuses, { error: "Choose the case's status" }),
    decidedToLitigateOn: govukDate("The date of the decision to litigate"),
    decisionTakenBy: optionalText("Who took the decision", 200),
    externalRepresentatives: optionalText("External solicitors and counsel", 1000),
    privilegedNotes: optionalText("Privileged notes", 10000),
  })
  .superRefine((value, ctx) => {
    if (value.legalBasis === "other" && !value.legalBasisOther) {
      ctx.addIssue({ code: "custom", path: ["legalBasisOther"], message: "Describe the legal basis" });
    }
  });
export type LegalCaseInput = z.output<typeof legalCaseSchema>;

/** The most reliefs one proceeding lists (the form's rows), well under the form reader's list bound. */
export const MAX_RELIEFS = 10;

/**
 * One row of the proceeding form's reliefs: a kind, its outcome (none: not decided yet) and a note;
 * "remove" ticked drops it. A row left blank is no relief; a blank kind with an outcome or a note
 * is refused on the row.
 */
const reliefRow = z
  .object({
    kind: z.enum(reliefKinds, { error: "Choose the kind of relief" }).optional(),
    outcome: z.enum(reliefOutcomes, { error: "Choose what became of the relief" }).optional(),
    note: optionalText("The note on the relief", 500),
    remove: z.string().optional(),
  })
  .optional();

export const proceedingSchema = z
  .object({
    parentId: z
      .string()
      .optional()
      .transform((value) => value || null),
    relation: z
      .enum(proceedingRelations, { error: "Choose how this proceeding relates to the earlier one" })
      .optional()
      .transform((value) => value ?? null),
    court: z.enum(courts, { error: "Choose the court" }),
    courtOther: optionalText("Other court", 200),
    kind: z.enum(proceedingKinds, { error: "Choose what kind of proceeding it is" }),
    claimNumber: optionalText("Claim number", 100),
    neutralCitation: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (!value?.trim()) return null;
        const citation = normaliseCitation(value);
        if (!isNeutralCitation(citation)) {
          ctx.addIssue({
            code: "custom",
            message:
              "Enter a neutral citation in the form [2025] EWHC 2183 (KB), [2025] EWCA Civ 1134 or [2024] UKSC 12",
          });
          return z.NEVER;
        }
        return citation;
      }),
    judge: optionalText("Judge or panel", 300),
    reliefs: z
      .array(reliefRow)
      .max(MAX_RELIEFS + 1, `A proceeding can list up to ${MAX_RELIEFS} reliefs`)
      .optional()
      .transform((rows) => rows ?? []),
    issuedOn: govukPartialDate("The date issued"),
    heardOn: govukPartialDate("The hearing date"),
    decidedOn: govukPartialDate("The decision date"),
    judgmentPublishedOn: govukDate("The date the judgment was published"),
    outcome: z
      .enum(outcomes)
      .optional()
      .transform((value) => value ?? null),
    summary: optionalText("Summary", 5000),
  })
  .superRefine((value, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (value.parentId && !value.relation) problem("relation", "Choose how this proceeding relates to the earlier one");
    if (value.court === "other" && !value.courtOther) problem("courtOther", "Enter the name of the court or tribunal");
    if (value.issuedOn && value.decidedOn && endsBeforeStart(value.issuedOn, value.decidedOn)) {
      problem("decidedOn", "The decision date must be the same as or after the date issued");
    }
    if (value.issuedOn && value.heardOn && endsBeforeStart(value.issuedOn, value.heardOn)) {
      problem("heardOn", "The hearing date must be the same as or after the date issued");
    }
    if (
      value.decidedOn &&
      value.judgmentPublishedOn &&
      endsBeforeStart(value.decidedOn, { on: value.judgmentPublishedOn, precision: "day" })
    ) {
      problem("judgmentPublishedOn", "The judgment cannot be published before the decision");
    }
    let decided = value.outcome !== null;
    const kept = new Set<string>();
    value.reliefs.forEach((row, index) => {
      if (!row || row.remove) return;
      const at = (field: string, message: string) =>
        ctx.addIssue({ code: "custom", path: ["reliefs", index, field], message });
      if (!row.kind) {
        if (row.outcome || row.note) at("kind", "Choose the kind of relief, or leave the row empty");
        return;
      }
      if (row.kind !== "other" && kept.has(row.kind)) {
        at(
          "kind",
          `${RELIEF_LABELS[row.kind]} is listed twice: list each kind once (use Other, with a note, for more)`,
        );
      }
      kept.add(row.kind);
      // A relief granted or refused was decided on the proceeding's decision date; one withdrawn need not have been.
      if (row.outcome && row.outcome !== "withdrawn") decided = true;
    });
    if (decided && !value.decidedOn) problem("decidedOn", "Enter the decision date");
    if (kept.size > MAX_RELIEFS) problem("reliefs", `A proceeding can list up to ${MAX_RELIEFS} reliefs`);
  })
  .transform(({ issuedOn, heardOn, decidedOn, reliefs, ...value }) => ({
    ...value,
    reliefs: reliefs.flatMap((row) =>
      row?.kind && !row.remove ? [{ kind: row.kind, outcome: row.outcome ?? null, note: row.note }] : [],
    ),
    relation: value.parentId ? value.relation : null,
    issuedOn: issuedOn?.on ?? null,
    issuedOnPrecision: issuedOn?.precision ?? "day",
    heardOn: heardOn?.on ?? null,
    heardOnPrecision: heardOn?.precision ?? "day",
    decidedOn: decidedOn?.on ?? null,
    decidedOnPrecision: decidedOn?.precision ?? "day",
  }));
type ParsedProceeding = z.output<typeof proceedingSchema>;
type ProceedingPrecisions = "issuedOnPrecision" | "heardOnPrecision" | "decidedOnPrecision";
/** A relief as the domain takes it, in the order listed. */
export type ReliefInput = ParsedProceeding["reliefs"][number];
/** A proceeding as the domain takes it: a precision not given is a day's (or, on a change, unchanged). */
export type ProceedingInput = Omit<ParsedProceeding, ProceedingPrecisions> &
  Partial<Pick<ParsedProceeding, ProceedingPrecisions>>;

/** The court's finding on one factor of a proceeding (README, Decision 48). */
export const findingSchema = z.object({
  factor: requiredText("Enter the factor the court weighed", "The factor", 200),
  finding: z.enum(findingDirections, { error: "Choose what the court found on this factor" }),
  paragraph: optionalText("The paragraph reference", 100),
  note: optionalText("The note", 1000),
});
export type FindingInput = z.output<typeof findingSchema>;

export const partySchema = z.object({
  name: requiredText("Enter the party's name", "Name", 300),
  role: z.enum(partyRoles, { error: "Choose the party's role" }),
  kind: z.enum(partyKinds, { error: "Choose what kind of party it is" }),
  roleOn: govukDate("The date of the role"),
  note: optionalText("Note", 500),
});
export type PartyInput = z.output<typeof partySchema>;

const TIME = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/;

/** An optional time of day typed as 16:00 (or 16.00); stored as HH:MM. */
function optionalTime(label: string) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const match = value.match(TIME);
      if (!match) {
        ctx.addIssue({ code: "custom", message: `${label} must be a time in 24-hour form, like 16:00` });
        return z.NEVER;
      }
      return `${match[1]?.padStart(2, "0")}:${match[2]}`;
    });
}

export const hearingSchema = z.object({
  heldOn: govukDate("The hearing date", { required: "Enter the hearing date" }).transform((value) => value as string),
  startsAt: optionalTime("The start time"),
  kind: requiredText("Say what the hearing is, for example interim injunction hearing", "What the hearing is", 200),
  notes: optionalText("Notes", 2000),
});
export type HearingInput = z.output<typeof hearingSchema>;

export const orderSchema = z
  .object({
    madeOn: govukDate("The date the order was made", { required: "Enter the date the order was made" }).transform(
      (value) => value as string,
    ),
    requires: requiredText("Say what the order requires", "What the order requires", 2000),
    dueOn: govukDate("The date it must be done by"),
    dueAt: optionalTime("The time it must be done by"),
  })
  .superRefine((order, ctx) => {
    if (order.dueOn && order.dueOn < order.madeOn) {
      ctx.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "The date it must be done by cannot be before the order was made",
      });
    }
    if (order.dueAt && !order.dueOn) {
      ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Enter the date the time applies to" });
    }
  });
export type OrderInput = z.output<typeof orderSchema>;

/**
 * Where an order stands now (the proceeding page's status form, intent "order-status"). The order
 * and the version the form was loaded at are hidden fields beside it; the date's order against the
 * order's own date, and the proceeding's case, are checked by changeOrderStatus.
 */
export const orderStatusSchema = z
  .object({
    status: z.enum(orderStatuses, { error: "Choose where the order stands" }),
    statusOn: govukDate("The date the status changed"),
    statusByProceedingId: z
      .string()
      .optional()
      .transform((value) => value || null),
    statusNote: optionalText("Note", 2000),
  })
  .superRefine((value, ctx) => {
    if (value.status !== "in_force" && !value.statusOn) {
      ctx.addIssue({
        code: "custom",
        path: ["statusOn"],
        message: `Enter the date the order ${ORDER_STATUS_CHANGES[value.status]}`,
      });
    }
  });
export type OrderStatusInput = z.output<typeof orderStatusSchema>;
