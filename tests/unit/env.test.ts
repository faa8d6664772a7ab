// Configuration is checked at start, with a message that names the variable.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigurationError, DEFAULT_DEMO_PASSWORD, parseEnv } from "~/server/env.server";

describe("parseEnv", () => {
  it("has working defaults for an empty environment", () => {
    expect(parseEnv({})).toMatchObject({
      PORT: 3000,
      DATA_DIR: path.resolve("./data"),
      SESSION_SECURE: false,
      TRUST_PROXY: false,
      DEMO_PASSWORD: DEFAULT_DEMO_PASSWORD,
      HOST: "127.0.0.1",
    });
    expect(parseEnv({}).PUBLIC_ORIGIN).toBeUndefined();
    expect(parseEnv({}).DATABASE_URL).toBeUndefined();
  });

  it("reads each variable", () => {
    const env = parseEnv({
      PORT: "8080",
      DATA_DIR: "/srv/tracker",
      DATABASE_URL: "postgres://app@db/tracker",
      SESSION_SECURE: "true",
      TRUST_PROXY: "1",
      DEMO_PASSWORD: "a long demo password",
      PUBLIC_ORIGIN: "https://tracker.example.gov.uk/",
      HOST: "0.0.0.0",
    });
    expect(env).toMatchObject({
      PORT: 8080,
      DATA_DIR: "/srv/tracker",
      DATABASE_URL: "postgres://app@db/tracker",
      SESSION_SECURE: true,
      TRUST_PROXY: 1,
      DEMO_PASSWORD: "a long demo password",
      PUBLIC_ORIGIN: "https://tracker.example.gov.uk",
      HOST: "0.0.0.0",
    });
  });

  it("reads TRUST_PROXY as a number of proxies or a list of their addresses", () => {
    expect(parseEnv({ TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "10.0.0.1, 10.1.0.0/16,::1" }).TRUST_PROXY).toEqual([
      "10.0.0.1",
      "10.1.0.0/16",
      "::1",
    ]);
  });

  it("reads MAP_STYLE_URL as an address, and leaves it unset for the built-in map", () => {
    expect(parseEnv({}).MAP_STYLE_URL).toBeUndefined();
    expect(parseEnv({ MAP_STYLE_URL: "" }).MAP_STYLE_URL).toBeUndefined();
    expect(parseEnv({ MAP_STYLE_URL: "https://tiles.example/styles/council.json" }).MAP_STYLE_URL).toBe(
      "https://tiles.example/styles/council.json",
    );
  });

  it.each([
    [{ PORT: "eighty" }, 'PORT must be a whole number from 0 to 65535 (got "eighty")'],
    [{ PORT: "70000" }, "PORT must be a whole number"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL must start with postgres:// or postgresql://"],
    [{ SESSION_SECURE: "maybe" }, 'SESSION_SECURE must be true or false (got "maybe")'],
    [{ DEMO_PASSWORD: "short" }, "DEMO_PASSWORD must be at least 12 characters long"],
    [{ MAP_STYLE_URL: "tiles.example/style.json" }, "MAP_STYLE_URL must be an http:// or https:// address"],
    [{ MAP_STYLE_URL: "file:///etc/style.json" }, "MAP_STYLE_URL must be an http:// or https:// address"],
    [{ TRUST_PROXY: "true" }, "TRUST_PROXY=true would believe any address a client writes"],
    [
      { TRUST_PROXY: "proxy.internal" },
      'TRUST_PROXY must be a number of proxies (such as 1) or a list of their IP addresses or ranges (such as 10.0.0.0/8); "proxy.internal" is neither',
    ],
    [{ TRUST_PROXY: "10.0.0.0/33" }, "TRUST_PROXY must be a number of proxies"],
    [{ PUBLIC_ORIGIN: "https://tracker.example.gov.uk/app" }, "PUBLIC_ORIGIN must be the address people use"],
    [{ PUBLIC_ORIGIN: "ftp://tracker.example.gov.uk" }, "PUBLIC_ORIGIN must be the address people use"],
    [{ SESSION_SECURE: "true" }, "PUBLIC_ORIGIN must be set when SESSION_SECURE=true"],
    [
      { HOST: "every interface" },
      'HOST must be an IP address to listen on, such as 127.0.0.1 or 0.0.0.0 (got "every interface")',
    ],
  ])("refuses %o with a message naming the variable", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigurationError);
    expect(() => parseEnv(source)).toThrow(message);
  });
});
