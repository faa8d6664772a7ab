// Legal cases (matters), their court proceedings as an explicit appeal chain, and the parties.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
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
  caseStatuses,
  courts,
  findingDirections,
  legalBases,
  outcomes,
  partyKinds,
  partyRoles,
  proceedingKinds,
  proceedingRelations,
  reliefKinds,
  reliefOutcomes,
} from "../../app/lib/legal-codes";
import { createdAt, id, updatedAt, version } from "./columns";
import { precisionOf } from "./date-precision";
import { sites } from "./sites";
import { tenantId } from "./tenant";
import { users } from "./users";

export const legalBasis = pgEnum("legal_basis", legalBases);
export const caseStatus = pgEnum("case_status", caseStatuses);
export const court = pgEnum("court", courts);
export const proceedingKind = pgEnum("proceeding_kind", proceedingKinds);
export const reliefKind = pgEnum("relief_kind", reliefKinds);
export const outcome = pgEnum("outcome", outcomes);
export const proceedingRelation = pgEnum("proceeding_relation", proceedingRelations);
export const partyRole = pgEnum("party_role", partyRoles);
export const partyKind = pgEnum("party_kind", partyKinds);
export const findingDirection = pgEnum("finding_direction", findingDirections);

export const legalCases = pgTable(
  "legal_cases",
  {
    id: id(),
    tenantId: tenantId(),
    siteId: uuid("site_id").references(() => sites.id, { onDelete: "set null" }),
    reference: text("reference").notNull(),
    title: text("title").notNull(),
    legalBasis: legalBasis("legal_basis").notNull(),
    legalBasisOther: text("legal_basis_other"),
    status: caseStatus("status").notNull().default("under_consideration"),
    decidedToLitigateOn: date("decided_to_litigate_on"),
    decisionTakenBy: text("decision_taken_by"),
    externalRepresentatives: text("external_representatives"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    uniqueIndex("legal_cases_tenant_reference_key").on(t.tenantId, t.reference),
    index("legal_cases_tenant_id_idx").on(t.tenantId),
    index("legal_cases_site_idx").on(t.siteId),
  ],
);

/**
 * A case's legally privileged notes, in a table of their own so row-level security can keep them
 * from viewers; never exported, never public.
 */
export const privilegedNotes = pgTable(
  "privileged_notes",
  {
    id: id(),
    tenantId: tenantId(),
    legalCaseId: uuid("legal_case_id")
      .notNull()
      .references(() => legalCases.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("privileged_notes_tenant_id_idx").on(t.tenantId),
    uniqueIndex("privileged_notes_case_key").on(t.legalCaseId),
  ],
);

export const proceedings = pgTable(
  "proceedings",
  {
    id: id(),
    tenantId: tenantId(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => legalCases.id, { onDelete: "cascade" }),
    /** The proceeding this one appeals from, or asks permission to appeal from. */
    parentId: uuid("parent_id").references((): AnyPgColumn => proceedings.id, { onDelete: "restrict" }),
    relation: proceedingRelation("relation"),
    court: court("court").notNull(),
    courtOther: text("court_other"),
    claimNumber: text("claim_number"),
    neutralCitation: text("neutral_citation"),
    judge: text("judge"),
    kind: proceedingKind("kind").notNull(),
    issuedOn: date("issued_on"),
    issuedOnPrecision: precisionOf("issued_on"),
    heardOn: date("heard_on"),
    heardOnPrecision: precisionOf("heard_on"),
    decidedOn: date("decided_on"),
    decidedOnPrecision: precisionOf("decided_on"),
    judgmentPublishedOn: date("judgment_published_on"),
    outcome: outcome("outcome"),
    summary: text("summary"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index("proceedings_tenant_id_idx").on(t.tenantId),
    index("proceedings_case_idx").on(t.caseId),
    index("proceedings_parent_idx").on(t.parentId),
    // The key a court order's `status_by_proceeding_id` refers to with its tenant (court-events.ts).
    unique("proceedings_tenant_id_id_key").on(t.tenantId, t.id),
    check("proceedings_parent_has_relation", sql`(${t.parentId} is null) = (${t.relation} is null)`),
    check("proceedings_not_own_parent", sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
    check(
      "proceedings_decided_after_issued",
      sql`${t.decidedOn} is null or ${t.issuedOn} is null or ${t.decidedOn} >= ${t.issuedOn}`,
    ),
  ],
);

export const proceedingParties = pgTable(
  "proceeding_parties",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => proceedings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    role: partyRole("role").notNull(),
    kind: partyKind("kind").notNull(),
    /**
     * The day the party's role in this proceeding began (joined, made an intervener) or, for an
     * application to be joined that was refused, the day the court decided it (legal-codes.ts
     * PARTY_ROLE_DATE_LABELS); none for a party from the start.
     */
    roleOn: date("role_on"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("proceeding_parties_tenant_id_idx").on(t.tenantId),
    index("proceeding_parties_proceeding_idx").on(t.proceedingId),
  ],
);

/**
 * A relief a proceeding sought, with what became of it: a proceeding may seek several (Epping's
 * trial: a final injunction and a declaration, both refused), each with its own outcome (null: not
 * decided yet), in the order the form lists them. Written with the proceeding, in its transaction
 * and its audit entry (proceedings.server.ts); keyed with the tenant, so it cannot hang from
 * another council's proceeding.
 */
export const proceedingReliefs = pgTable(
  "proceeding_reliefs",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id").notNull(),
    kind: reliefKind("kind").notNull(),
    outcome: outcome("outcome"),
    note: text("note"),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("proceeding_reliefs_tenant_id_idx").on(t.tenantId),
    index("proceeding_reliefs_proceeding_idx").on(t.proceedingId),
    uniqueIndex("proceeding_reliefs_position_key").on(t.proceedingId, t.position),
    foreignKey({
      name: "proceeding_reliefs_proceeding_fk",
      columns: [t.tenantId, t.proceedingId],
      foreignColumns: [proceedings.tenantId, proceedings.id],
    }).onDelete("cascade"),
    check(
      "proceeding_reliefs_outcome",
      sql.raw(`outcome is null or outcome in (${reliefOutcomes.map((value) => `'${value}'`).join(", ")})`),
    ),
  ],
);

/** A factor a court weighed in a proceeding, with what it found on it (README, Decision 48). */
export const proceedingFindings = pgTable(
  "proceeding_findings",
  {
    id: id(),
    tenantId: tenantId(),
    proceedingId: uuid("proceeding_id")
      .notNull()
      .references(() => proceedings.id, { onDelete: "cascade" }),
    factor: text("factor").notNull(),
    finding: findingDirection("finding").notNull(),
    /** Where the judgment says it ("para 296"), when known. */
    paragraph: text("paragraph"),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("proceeding_findings_tenant_id_idx").on(t.tenantId),
    index("proceeding_findings_proceeding_idx").on(t.proceedingId),
    uniqueIndex("proceeding_findings_factor_key").on(t.proceedingId, t.factor),
  ],
);

export type LegalCase = typeof legalCases.$inferSelect;
export type Proceeding = typeof proceedings.$inferSelect;
export type ProceedingParty = typeof proceedingParties.$inferSelect;
export type ProceedingRelief = typeof proceedingReliefs.$inferSelect;
