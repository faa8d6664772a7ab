// The legal case form and the court proceeding form.
import { z } from "zod";
import { isNeutralCitation, normaliseCitation } from "../citations";
import {
  caseStatuses,
  courts,
  legalBases,
  outcomes,
  partyKinds,
  partyRoles,
  proceedingKinds,
  proceedingRelations,
  reliefKinds,
} from "../legal-codes";
import { govukDate, optionalText, requiredText } from "./common";

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
    reliefSought: z
      .enum(reliefKinds)
      .optional()
      .transform((value) => value ?? null),
    issuedOn: govukDate("The date issued"),
    heardOn: govukDate("The hearing date"),
    decidedOn: govukDate("The decision date"),
    judgmentPublishedOn: govukDate("The date the judgment was published"),
    outcome: z
      .enum(outcomes)
      .optional()
      .transform((value) => value ?? null),
    summary: optionalText("Summary", 5000),
    keyFactors: z
      .string()
      .optional()
      .transform((value) =>
        (value ?? "")
          .split(/[\n,]/)
          .map((factor) => factor.trim())
          .filter(Boolean)
          .slice(0, 30),
      ),
  })
  .superRefine((value, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (value.parentId && !value.relation) problem("relation", "Choose how this proceeding relates to the earlier one");
    if (value.court === "other" && !value.courtOther) problem("courtOther", "Enter the name of the court or tribunal");
    if (value.issuedOn && value.decidedOn && value.decidedOn < value.issuedOn) {
      problem("decidedOn", "The decision date must be the same as or after the date issued");
    }
    if (value.issuedOn && value.heardOn && value.heardOn < value.issuedOn) {
      problem("heardOn", "The hearing date must be the same as or after the date issued");
    }
    if (value.decidedOn && value.judgmentPublishedOn && value.judgmentPublishedOn < value.decidedOn) {
      problem("judgmentPublishedOn", "The judgment cannot be published before the decision");
    }
    if (value.outcome && !value.decidedOn) problem("decidedOn", "Enter the decision date");
  })
  .transform((value) => ({ ...value, relation: value.parentId ? value.relation : null }));
export type ProceedingInput = z.output<typeof proceedingSchema>;

export const partySchema = z.object({
  name: requiredText("Enter the party's name", "Name", 300),
  role: z.enum(partyRoles, { error: "Choose the party's role" }),
  kind: z.enum(partyKinds, { error: "Choose what kind of party it is" }),
  joinedOn: govukDate("The date the party was joined"),
  note: optionalText("Note", 500),
});
export type PartyInput = z.output<typeof partySchema>;
