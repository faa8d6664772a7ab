// A council's members and their roles: list, change a role, remove a member.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Transaction } from "~db/client";
import { memberships, type Role, users } from "~db/schema";
import { assertCan, can, rolesThatCan } from "../access/permissions.server";
import { ChangeRefused } from "../access/refusals.server";
import { type TenantScope, withTenant } from "../access/tenancy.server";
import { assertCurrent, deleteVersioned, updateVersioned } from "./versioned-update.server";

export interface MemberView {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  deactivated: boolean;
  version: number;
}

export async function listMembers(scope: TenantScope): Promise<MemberView[]> {
  return withTenant(scope, async (tx) => {
    const rows = await tx
      .select({
        membershipId: memberships.id,
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        deactivatedAt: users.deactivatedAt,
        version: memberships.version,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.tenantId, scope.tenantId))
      .orderBy(asc(users.name), asc(users.email));
    return rows.map(({ deactivatedAt, ...row }) => ({ ...row, deactivated: deactivatedAt !== null }));
  });
}

async function loadMembership(tx: Transaction, scope: TenantScope, membershipId: string) {
  const [row] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.tenantId, scope.tenantId), eq(memberships.id, membershipId)))
    .limit(1);
  return row;
}

async function otherAdminCount(tx: Transaction, scope: TenantScope, exceptMembershipId: string): Promise<number> {
  const admins = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(eq(memberships.tenantId, scope.tenantId), inArray(memberships.role, [...rolesThatCan("member:manage")])),
    );
  return admins.filter((admin) => admin.id !== exceptMembershipId).length;
}

const STALE = "Someone else changed this member since you opened the page. Check the current role and try again.";
/** The lock's words for a membership: its own stale message (STALE), not staleMessage("member"). */
const MEMBERSHIP = { what: "member", stale: STALE, entityType: "membership" } as const;
const LAST_ADMIN = "A council must keep at least one council admin. Make someone else a council admin first.";

/** Returns false when the membership does not exist in this council (the caller shows a 404). */
export async function changeMemberRole(
  scope: TenantScope,
  input: { membershipId: string; role: Role; version: number },
): Promise<boolean> {
  assertCan(scope, "member:manage");
  return withTenant(scope, async (tx) => {
    const before = await loadMembership(tx, scope, input.membershipId);
    if (!before) return false;
    assertCurrent(before, input.version, MEMBERSHIP.what, MEMBERSHIP.stale);
    if (before.role === input.role) return true;
    if (
      can(before.role, "member:manage") &&
      !can(input.role, "member:manage") &&
      (await otherAdminCount(tx, scope, before.id)) === 0
    ) {
      throw new ChangeRefused(LAST_ADMIN);
    }
    await updateVersioned(
      tx,
      scope,
      memberships,
      { ...MEMBERSHIP, before, version: input.version, action: "membership.role_changed" },
      { role: input.role },
    );
    return true;
  });
}

export async function removeMember(
  scope: TenantScope,
  input: { membershipId: string; version: number },
): Promise<boolean> {
  assertCan(scope, "member:manage");
  return withTenant(scope, async (tx) => {
    const before = await loadMembership(tx, scope, input.membershipId);
    if (!before) return false;
    assertCurrent(before, input.version, MEMBERSHIP.what, MEMBERSHIP.stale);
    if (can(before.role, "member:manage") && (await otherAdminCount(tx, scope, before.id)) === 0) {
      throw new ChangeRefused(LAST_ADMIN);
    }
    await deleteVersioned(tx, scope, memberships, {
      ...MEMBERSHIP,
      before,
      version: input.version,
      action: "membership.removed",
    });
    return true;
  });
}
