// Reads and checks the configuration, which comes only from environment variables.
import path from "node:path";
import { z } from "zod";

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return fallback;
      if (/^(1|true|yes|on)$/i.test(value)) return true;
      if (/^(0|false|no|off)$/i.test(value)) return false;
      ctx.addIssue({ code: "custom", message: `${name} must be true or false (got "${value}")` });
      return z.NEVER;
    });

export const DEFAULT_DEMO_PASSWORD = "demo-only-password";

const envSchema = z.object({
  PORT: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return 3000;
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        ctx.addIssue({ code: "custom", message: `PORT must be a whole number from 0 to 65535 (got "${value}")` });
        return z.NEVER;
      }
      return port;
    }),
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
  SESSION_SECURE: flag("SESSION_SECURE", false),
  TRUST_PROXY: flag("TRUST_PROXY", false),
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
  MAP_STYLE_URL: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === "") return undefined;
      let url: URL | undefined;
      try {
        url = new URL(value);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
        ctx.addIssue({
          code: "custom",
          message: `MAP_STYLE_URL must be an http:// or https:// address of a MapLibre style (got "${value}"), or be unset to use the built-in map`,
        });
        return z.NEVER;
      }
      return url.href;
    }),
  NODE_ENV: z.enum(["development", "production", "test"]).optional().default("production"),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) =>
      issue.code === "custom" ? `- ${issue.message}` : `- ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigurationError(`The configuration is not valid:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
