// The database's settings from the environment (DATA_DIR, DATABASE_URL, DEMO_PASSWORD), read by
// `npm run db:migrate` and `db:seed` (db/cli.ts) and, with the rest of the configuration, by the
// app (app/server/env.server.ts). One definition, so both say the same about a bad value.
import path from "node:path";
import { z } from "zod";

export const DEFAULT_DEMO_PASSWORD = "demo-only-password";

export const databaseEnvFields = {
  DATA_DIR: z
    .string()
    .optional()
    .transform((value) => path.resolve(value && value !== "" ? value : "./data")),
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      if (!/^postgres(ql)?:\/\//.test(value)) {
        ctx.addIssue({
          code: "custom",
          message:
            "DATABASE_URL must start with postgres:// or postgresql:// (or be unset to use the embedded database)",
        });
        return z.NEVER;
      }
      return value;
    }),
  DEMO_PASSWORD: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return DEFAULT_DEMO_PASSWORD;
      if (value.length < 12) {
        ctx.addIssue({ code: "custom", message: "DEMO_PASSWORD must be at least 12 characters long" });
        return z.NEVER;
      }
      return value;
    }),
};

const databaseEnvSchema = z.object(databaseEnvFields);
export type DatabaseEnv = z.infer<typeof databaseEnvSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

/** Parses `source` with `schema`, or throws a ConfigurationError listing every problem in words. */
export function parseConfiguration<T extends z.ZodType>(
  schema: T,
  source: Record<string, string | undefined>,
): z.infer<T> {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) =>
      issue.code === "custom" ? `- ${issue.message}` : `- ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigurationError(`The configuration is not valid:\n${lines.join("\n")}`);
  }
  return result.data;
}

export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  return parseConfiguration(databaseEnvSchema, source);
}
