// `npm run db:migrate` and `npm run db:seed`: the same steps start-up takes, run by hand
// (on a PostgreSQL server the demo data is only ever written this way).
import { openDatabase } from "./client";
import { parseDatabaseEnv } from "./env";
import { migrateDatabase } from "./migrate";
import { demoAccounts, seedDemo } from "./seed/demo";

const command = process.argv[2];
if (command !== "migrate" && command !== "seed") {
  console.error("Usage: tsx db/cli.ts migrate|seed");
  process.exit(2);
}

const config = parseDatabaseEnv(process.env);
const handle = await openDatabase(
  config.DATABASE_URL
    ? { driver: "postgres", url: config.DATABASE_URL }
    : { driver: "pglite", dataDir: config.DATA_DIR },
);
try {
  await migrateDatabase(handle);
  console.log(`Migrations applied to ${handle.location}.`);
  if (command === "seed") {
    const written = await seedDemo(handle.db, config.DEMO_PASSWORD);
    console.log(written ? "Demo data written. Accounts:" : "Demo data was already there. Accounts:");
    for (const account of demoAccounts()) console.log(`  ${account.email}  (${account.description})`);
  }
} finally {
  await handle.close();
}
