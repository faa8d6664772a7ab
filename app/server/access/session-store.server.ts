// README, Decision 43: the access layer runs under its own role and asks once per page. Sessions,
// sign-in and its throttle, and the guards' membership and calendar-token lookups run as app_auth
// (migrations/0017_auth_role.sql), which reaches only their tables; a GET's loaders share one
// session lookup and one membership lookup (request-memo.server.ts).
//
// Where lucia keeps sessions: our own adapter over the `sessions` table, each call a short
// transaction as app_auth (migrations/0017_auth_role.sql), so session lookups run under a role that
// may read sessions and users' sign-in columns and nothing of a council's. It reads only the user
// columns a session needs (never the password hash).
import { eq, lte } from "drizzle-orm";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import { sessions, users } from "~db/schema";
import { withAuth } from "./scoped-transaction.server";

const sessionColumns = { id: sessions.id, userId: sessions.userId, expiresAt: sessions.expiresAt };
const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  isPlatformAdmin: users.isPlatformAdmin,
  deactivatedAt: users.deactivatedAt,
};

function sessionOf(row: { id: string; userId: string; expiresAt: Date }): DatabaseSession {
  return { id: row.id, userId: row.userId, expiresAt: row.expiresAt, attributes: {} };
}

export const sessionStore: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const [row] = await withAuth((tx) =>
      tx
        .select({ session: sessionColumns, user: userColumns })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sessionId))
        .limit(1),
    );
    if (!row) return [null, null];
    const { id, ...attributes } = row.user;
    return [sessionOf(row.session), { id, attributes }];
  },

  async getUserSessions(userId): Promise<DatabaseSession[]> {
    const rows = await withAuth((tx) => tx.select(sessionColumns).from(sessions).where(eq(sessions.userId, userId)));
    return rows.map(sessionOf);
  },

  async setSession(session): Promise<void> {
    await withAuth((tx) =>
      tx.insert(sessions).values({ id: session.id, userId: session.userId, expiresAt: session.expiresAt }),
    );
  },

  async updateSessionExpiration(sessionId, expiresAt): Promise<void> {
    await withAuth((tx) => tx.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId)));
  },

  async deleteSession(sessionId): Promise<void> {
    await withAuth((tx) => tx.delete(sessions).where(eq(sessions.id, sessionId)));
  },

  async deleteUserSessions(userId): Promise<void> {
    await withAuth((tx) => tx.delete(sessions).where(eq(sessions.userId, userId)));
  },

  async deleteExpiredSessions(): Promise<void> {
    await withAuth((tx) => tx.delete(sessions).where(lte(sessions.expiresAt, new Date())));
  },
};
