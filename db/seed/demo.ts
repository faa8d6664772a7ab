// Demo data: Epping Forest District Council (public-record facts only) and a fictional council,
// with one user per role in each so anyone can sign in. Idempotent.
//
// README, Decision 14: Demo data is public record only. Epping Forest District Council (E07000072)
// and the Bell Hotel come from the High and Medium rows of the domain fact sheet: owner Somani
// Hotels Limited, lawful use C1 hotel, the three periods of use (May 2020 to March 2021, October
// 2022 to April 2024, from April 2025; months only, entered as the 1st), and planning application
// EPF/0337/23 (received 14 February 2023, validated 21 February 2023, withdrawn 21 March 2024),
// each with its source. Its coordinates are Epping's town centre, so its position accuracy is
// "town" (and its note says approximate). The second council, Northmere, is fictional and labelled
// so (GSS code E07999901 belongs to no council); its site, PCN and complaints are dated from the day
// the demo is created, so something is always due.
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Database, Transaction } from "../client";
import { auditEvents, councils, memberships, type Role, users } from "../schema";
import { writeTimelineFromRecords } from "../timeline-backfill";
import { seedEppingCase } from "./legal";
import { seedEppingSites, seedNorthmereSites } from "./sites";
import { seedEppingTimeline } from "./timeline";

export interface DemoCouncil {
  slug: string;
  name: string;
  /** None for the fictional council: a code is never invented. */
  gssCode: string | null;
  nation: "england" | "wales";
  councilType: (typeof councils.$inferInsert)["councilType"];
  isLocalPlanningAuthority: boolean;
  referencePrefix: string;
}

export const DEMO_COUNCILS: DemoCouncil[] = [
  {
    slug: "epping-forest",
    name: "Epping Forest District Council",
    gssCode: "E07000072",
    nation: "england",
    councilType: "district",
    isLocalPlanningAuthority: true,
    referencePrefix: "EF",
  },
  {
    // Fictional: the name and the place belong to no real council, and it has no GSS code.
    slug: "northmere",
    name: "Northmere District Council (fictional)",
    gssCode: null,
    nation: "england",
    councilType: "district",
    isLocalPlanningAuthority: true,
    referencePrefix: "NM",
  },
];

const DEMO_ROLES: { prefix: string; role: Role; title: string }[] = [
  { prefix: "admin", role: "council_admin", title: "Council admin" },
  { prefix: "officer", role: "officer", title: "Planning enforcement officer" },
  { prefix: "legal", role: "legal", title: "Legal officer" },
  { prefix: "viewer", role: "viewer", title: "Viewer" },
];

export const PLATFORM_ADMIN_EMAIL = "platform@demo.example";

/** Every demo account, for the start-up message and the README. */
export function demoAccounts(): { email: string; description: string }[] {
  return [
    { email: PLATFORM_ADMIN_EMAIL, description: "platform admin" },
    ...DEMO_COUNCILS.flatMap((council) =>
      DEMO_ROLES.map(({ prefix, title }) => ({
        email: `${prefix}@${council.slug}.example`,
        description: `${title.toLowerCase()}, ${council.name}`,
      })),
    ),
  ];
}

/** True when the demo data was written now, false when it was already there. */
export async function seedDemo(db: Database, password: string): Promise<boolean> {
  const passwordHash = await hash(password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: councils.id }).from(councils).where(eq(councils.slug, "epping-forest"));
    if (existing) return false;

    await insertUser(tx, { email: PLATFORM_ADMIN_EMAIL, name: "Platform Admin", passwordHash, isPlatformAdmin: true });

    for (const demo of DEMO_COUNCILS) {
      const [council] = await tx.insert(councils).values(demo).returning();
      if (!council) throw new Error(`Could not create ${demo.name}`);
      await tx.insert(auditEvents).values({
        tenantId: council.id,
        action: "council.created",
        entityType: "council",
        entityId: council.id,
        after: council,
        requestId: "demo-seed",
      });
      if (demo.slug === "epping-forest") {
        const bellHotelId = await seedEppingSites(tx, council.id);
        const caseId = await seedEppingCase(tx, council.id, bellHotelId);
        await seedEppingTimeline(tx, council.id, bellHotelId, caseId);
      }
      if (demo.slug === "northmere") {
        await seedNorthmereSites(tx, council.id);
        await writeTimelineFromRecords(tx, council.id);
      }
      for (const { prefix, role, title } of DEMO_ROLES) {
        const user = await insertUser(tx, {
          email: `${prefix}@${demo.slug}.example`,
          name: `${title} (${demo.name.replace(/ District Council.*$/, "")})`,
          passwordHash,
          isPlatformAdmin: false,
        });
        const [membership] = await tx
          .insert(memberships)
          .values({ tenantId: council.id, userId: user.id, role })
          .returning();
        await tx.insert(auditEvents).values({
          tenantId: council.id,
          action: "membership.created",
          entityType: "membership",
          entityId: membership?.id ?? null,
          after: membership,
          requestId: "demo-seed",
        });
      }
    }
    return true;
  });
}

async function insertUser(tx: Transaction, values: typeof users.$inferInsert) {
  const [user] = await tx.insert(users).values(values).returning({ id: users.id });
  if (!user) throw new Error(`Could not create ${values.email}`);
  return user;
}
