// Reads and checks the configuration, which comes only from environment variables. The
// database's own settings (DATA_DIR, DATABASE_URL, DEMO_PASSWORD) are defined in db/env.ts, which
// `npm run db:migrate` and `db:seed` read without loading the app.
import { isIP } from "node:net";
import { z } from "zod";
import { ConfigurationError, DEFAULT_DEMO_PASSWORD, databaseEnvFields, parseConfiguration } from "~db/env";

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

const envSchema = z
  .object({
    ...databaseEnvFields,
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
    SESSION_SECURE: flag("SESSION_SECURE", false),
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx): TrustProxy => {
        const setting = value?.trim() ?? "";
        if (setting === "" || /^(0|false|no|off)$/i.test(setting)) return false;
        if (/^\d{1,2}$/.test(setting)) return Number(setting);
        if (/^(true|yes|on)$/i.test(setting)) {
          ctx.addIssue({
            code: "custom",
            message:
              "TRUST_PROXY=true would believe any address a client writes in X-Forwarded-For: set the number of proxies in front of the app (TRUST_PROXY=1 for one) or their addresses (TRUST_PROXY=10.0.0.1,10.0.0.2)",
          });
          return z.NEVER;
        }
        const addresses = setting.split(",").map((entry) => entry.trim());
        const invalid = addresses.filter((entry) => !isProxyAddress(entry));
        if (invalid.length > 0) {
          ctx.addIssue({
            code: "custom",
            message: `TRUST_PROXY must be a number of proxies (such as 1) or a list of their IP addresses or ranges (such as 10.0.0.0/8); "${invalid.join(", ")}" is neither`,
          });
          return z.NEVER;
        }
        return addresses;
      }),
    PUBLIC_ORIGIN: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === "") return undefined;
        const url = webAddress(value);
        if (!url || url.origin !== value.replace(/\/$/, "")) {
          ctx.addIssue({
            code: "custom",
            message: `PUBLIC_ORIGIN must be the address people use, scheme and host only, such as https://tracker.example.gov.uk (got "${value}")`,
          });
          return z.NEVER;
        }
        return url.origin;
      }),
    HOST: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === "") return "127.0.0.1";
        if (isIP(value) === 0 && value !== "localhost") {
          ctx.addIssue({
            code: "custom",
            message: `HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0 (got "${value}")`,
          });
          return z.NEVER;
        }
        return value;
      }),
    MAP_STYLE_URL: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value === "") return undefined;
        const url = webAddress(value);
        if (!url) {
          ctx.addIssue({
            code: "custom",
            message: `MAP_STYLE_URL must be an http:// or https:// address of a MapLibre style (got "${value}"), or be unset to use the built-in map`,
          });
          return z.NEVER;
        }
        return url.href;
      }),
    NODE_ENV: z.enum(["development", "production", "test"]).optional().default("production"),
  })
  .superRefine((config, ctx) => {
    if (config.SESSION_SECURE && !config.PUBLIC_ORIGIN) {
      ctx.addIssue({
        code: "custom",
        message:
          "PUBLIC_ORIGIN must be set when SESSION_SECURE=true: the https:// address people use, which forms must come from",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** An http or https address, or undefined for anything else. */
function webAddress(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

/** How many proxies, or which addresses, may say who the client is (Express's `trust proxy`). */
export type TrustProxy = false | number | string[];

function isProxyAddress(entry: string): boolean {
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  const width = Number(bits);
  return /^\d{1,3}$/.test(bits) && width <= (version === 4 ? 32 : 128);
}

export { ConfigurationError, DEFAULT_DEMO_PASSWORD };

export function parseEnv(source: Record<string, string | undefined>): Env {
  return parseConfiguration(envSchema, source);
}

let cached: Env | undefined;

/** The validated configuration of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
