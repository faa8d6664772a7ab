// Who may do what in a council: the one table of roles × actions, read by the guard, by the
// domain functions' own assertions and by the loaders that decide which buttons a page shows.
//
// Roles are not a ladder (README, Decision 9): a council admin does everything an officer does and
// runs the council (members, audit, boundary, what is published); legal and officer are separate
// teams; everyone can read. Privileged material reaches everyone but viewers (Decision 23). This is
// the only TypeScript that compares a role with an action; the row-level-security policies in
// migrations/ keep their own role checks, and a lint rule (tests/lint/role-comparisons.grit)
// refuses role comparisons anywhere else in app/.
//
// README, Decision 9: The guard takes a permission (`requireTenantScope(request, params,
// "timeline:write")`), domain functions check again with can/assertCan, and loaders hand pages
// booleans (canFlagDocuments), so no other TypeScript compares a role with a name. Actions are
// named in the council's words (site:write, complaint-contact:read, privileged:read, document:flag,
// timeline:write, deadline:done, member:manage, ...). A council must always keep one member who may
// manage members (a council admin).
import { ROLE_NAMES } from "~/lib/labels";
import { type Role, roles } from "~/lib/roles";
import { Refusal, refusalResponse } from "./refusals.server";

export { type Role, roles };

const EVERYONE = roles;

/**
 * The actions, each with exactly the roles that may take it (in the order of `roles`, which is the
 * order a refusal names them in). The reserved rows are for features not yet built.
 */
export const PERMISSIONS = {
  /** The council's records: dashboard, sites, planning records, complaints, cases, documents, timelines, deadlines, map. */
  "record:read": EVERYONE,
  /** A personal calendar feed of the council's deadlines (never privileged). */
  "calendar:use": EVERYONE,
  /** Sites, their periods of use, and planning and enforcement records. */
  "site:write": ["council_admin", "officer"],
  /** Complaints: log, change, close, link, delete. */
  "complaint:write": ["council_admin", "officer"],
  /** A complainant's contact details, on the page and in the contacts CSV. */
  "complaint-contact:read": ["council_admin", "officer"],
  /** Legal cases, proceedings, parties, hearings, orders and privileged notes. */
  "legal-case:write": ["legal"],
  /** Privileged notes, documents and timeline events. */
  "privileged:read": ["council_admin", "officer", "legal"],
  /** Upload a document to a site, planning record or complaint. */
  "document:upload": ["council_admin", "officer"],
  /** Mark a document on a site, planning record or complaint privileged or publishable. */
  "document:flag": ["council_admin", "officer"],
  /** Upload a document to a legal case or proceeding. */
  "case-document:upload": ["legal"],
  /** Mark a document on a legal case or proceeding privileged or publishable. */
  "case-document:flag": ["legal"],
  /** Add, change and delete timeline events; choose which are public. */
  "timeline:write": ["council_admin", "officer", "legal"],
  /** Put privileged events into a chronology (by ticking the box). */
  "chronology:include-privileged": ["legal"],
  /** Mark a deadline done, or reopen it. */
  "deadline:done": ["council_admin", "officer", "legal"],
  /** Confirm or dismiss a time limit a proceeding's decision starts (a court clock), making it a deadline or not. */
  "court-clock:decide": ["council_admin", "legal"],
  /** Change a member's role, remove a member. */
  "member:manage": ["council_admin"],
  /** The council's audit log. */
  "audit:read": ["council_admin"],
  /** Upload or remove the council's boundary. */
  "boundary:upload": ["council_admin"],
  /** Reserved: read the cross-council library of precedents. */
  "precedent:read": ["council_admin", "legal"],
  /** Reserved: offer one of this council's judgments to the library of precedents. */
  "precedent:share": ["legal"],
  /** Reserved: publish the council's records to the public pages. */
  publish: ["council_admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const permissions = Object.keys(PERMISSIONS) as Permission[];

/** Whether a member with `role` may take `permission`'s action. */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** The roles that may take `permission`'s action, for a query (`inArray(memberships.role, …)`). */
export function rolesThatCan(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

/** Who may take `permission`'s action, in words: "council admin or officer". */
export function whoMay(permission: Permission): string {
  const names = PERMISSIONS[permission].map((role) => ROLE_NAMES[role].toLowerCase());
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} or ${names.at(-1)}` : (names[0] ?? "");
}

/** An action the member's role may not take; by default the message names the roles that may. */
export class NotPermitted extends Refusal {
  override name = "NotPermitted";
  readonly status = 403;
  constructor(
    readonly permission: Permission,
    message?: string,
  ) {
    super(message ?? `You need the ${whoMay(permission)} role to see this page.`);
  }
}

/** The guard's 403 for an action the member's role does not allow; by default it names the roles that may. */
export function forbidden(permission: Permission, message?: string): Response {
  return refusalResponse(new NotPermitted(permission, message));
}

/**
 * A domain function's own check, behind the route's guard: throws NotPermitted (with `message`, or
 * one naming the roles that may) unless the scope's role may take `permission`'s action.
 */
export function assertCan(scope: { readonly role: Role }, permission: Permission, message?: string): void {
  if (!can(scope.role, permission)) throw new NotPermitted(permission, message);
}
