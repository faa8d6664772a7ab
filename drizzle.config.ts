// drizzle-kit reads the schema to generate SQL migrations; they are applied from code (db/migrate.ts).
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./migrations",
  casing: "snake_case",
});
