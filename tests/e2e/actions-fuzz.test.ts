// Every action of the built server, posted random forms by each audience (signed out, viewer,
// officer, legal, council admin): hostile field names (list indexes, deep nesting, unicode,
// control characters), hostile values and the wrong kinds of body. Never a 5xx, never a crash; a
// refused request writes nothing; an accepted one writes only its own council's records, with
// no control characters in them. Runs on the PostgreSQL server, so each request's writes can be
// read straight from the database (FUZZ_DATABASE_SERVER; it creates and drops a database of its own,
// connecting for that to FUZZ_MAINTENANCE_DATABASE, "postgres" unless set). Fixed seed and run
// counts (40 forms per action and audience: about two minutes).
//
// Then forms shaped like the real ones, with random values where a person types or a page writes:
// the case page's court clocks (confirm, with or without a date the court directed, and dismiss)
// by every audience, and a proceeding's relief rows posted by its legal team. A clock is decided
// only by the legal team or a council admin, only for the day the page showed, and then stored with
// who decided it; a proceeding saved keeps exactly the relief rows that were neither empty nor
// ticked for removal, in order; anything refused changes nothing.
//
// The new planning record form is fuzzed with the fields of every kind's form.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import postgres from "postgres";
import { beforeAll, describe, expect, it } from "vitest";
import { planningRecordKinds } from "../../app/lib/planning-codes";
import { withApp } from "./fixture";
import { DEMO_PASSWORD, ROOT } from "./support";

const SERVER = process.env.FUZZ_DATABASE_SERVER ?? "postgres://postgres@127.0.0.1:5432";
/** The database the test connects to on that server to create and drop its own. */
const MAINTENANCE_DATABASE = process.env.FUZZ_MAINTENANCE_DATABASE ?? "postgres";
const RUNS_PER_AUDIENCE = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = 20251203;
const database = `fuzz_${process.pid}_${Date.now()}`;
const AUDIENCES = ["signed out", "viewer", "officer", "legal", "admin"] as const;
type Audience = (typeof AUDIENCES)[number];

let sql: postgres.Sql;
let admin: postgres.Sql;
const cookies = new Map<Audience, string>();
const userIds = new Map<Audience, string>();
let eppingId = "";

/** Every route module with an action, as a URL pattern (Remix flat-route file names). */
function actionRoutes(): string[] {
  const directory = path.join(ROOT, "app/routes");
  // A route is a file, or a folder whose route.tsx is the module (its other files are its parts).
  const modules = fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name.endsWith(".tsx")) {
      return [{ name: entry.name.replace(/\.tsx$/, ""), file: path.join(directory, entry.name) }];
    }
    const folderRoute = path.join(directory, entry.name, "route.tsx");
    return entry.isDirectory() && fs.existsSync(folderRoute) ? [{ name: entry.name, file: folderRoute }] : [];
  });
  return modules
    .filter(({ file }) => /export (async function|const) action\b/.test(fs.readFileSync(file, "utf8")))
    .map(({ name }) =>
      `/${name
        .replace(/\[\.(\w+)\]/g, "<dot>$1")
        .split(".")
        .filter((segment) => segment !== "_index")
        .map((segment) => segment.replace(/_$/, ""))
        .join("/")}`
        .replace(/\/<dot>/g, ".")
        .replace(/<dot>/g, "."),
    );
}

/** Real values for each route parameter: Epping's own records. */
async function parameterValues(): Promise<Record<string, string>> {
  const one = async (query: string) => String((await sql.unsafe(query, [eppingId]))[0]?.value ?? "none");
  return {
    $slug: "epping-forest",
    "sites/$reference": await one("select reference as value from sites where tenant_id = $1 limit 1"),
    "cases/$reference": await one("select reference as value from legal_cases where tenant_id = $1 limit 1"),
    "complaints/$reference": await one("select reference as value from complaints where tenant_id = $1 limit 1"),
    $periodId: await one("select id as value from use_periods where tenant_id = $1 limit 1"),
    $recordId: await one("select id as value from planning_records where tenant_id = $1 limit 1"),
    $proceedingId: await one("select id as value from proceedings where tenant_id = $1 limit 1"),
    $eventId: await one("select id as value from timeline_events where tenant_id = $1 limit 1"),
    $documentId: await one("select id as value from documents where tenant_id = $1 limit 1"),
  };
}

function fillPattern(pattern: string, values: Record<string, string>): string {
  let filled = pattern;
  for (const key of ["sites/$reference", "cases/$reference", "complaints/$reference"]) {
    filled = filled.replace(key, `${key.split("/")[0]}/${values[key]}`);
  }
  filled = filled.replace(/\$\w+/g, (name) => {
    const value = values[name];
    if (!value) throw new Error(`No value for ${name} in ${pattern}: add one to parameterValues`);
    return value;
  });
  // The upload form's address names what the document belongs to.
  return filled.endsWith("/documents/new") ? `${filled}?case=${values["cases/$reference"]}` : filled;
}

/**
 * The pages whose forms post to `url`: the page itself, and for a new planning record the form of
 * every kind (the page asks for the kind first; each kind has fields of its own: steps, periods,
 * the linked enforcement notice, dates with their precision).
 */
function pagesPostingTo(url: string): string[] {
  const page = url.replace(/\.csv$/, "");
  return page.endsWith("/records/new") ? [page, ...planningRecordKinds.map((kind) => `${page}?kind=${kind}`)] : [page];
}

/** The names and values of the fields on the pages a form is posted from. */
async function formOnPage(url: string): Promise<{ names: string[]; values: string[] }> {
  const names: string[] = [];
  const values: string[] = [];
  for (const pageUrl of pagesPostingTo(url)) {
    const response = await fetch(`${app.baseUrl}${pageUrl}`, { headers: { Cookie: cookies.get("admin") ?? "" } });
    const html = await response.text();
    names.push(...[...html.matchAll(/name="([^"]+)"/g)].map((match) => match[1] ?? ""));
    values.push(...[...html.matchAll(/value="([^"]*)"/g)].map((match) => match[1] ?? ""));
  }
  return { names: [...new Set(names)].filter(Boolean), values: [...new Set(values)].slice(0, 60) };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: what must never be stored
const STORED_CONTROL = /\\u00(0[0-8bcef]|1[0-9a-f])|\\u007f|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

async function writesSnapshot() {
  const [row] = await sql`
    select (select count(*) from audit_events)::int as audits,
           (select coalesce(sum(version), 0) from council_record_versions)::bigint::text as versions`;
  return { audits: Number(row?.audits ?? 0), versions: String(row?.versions ?? "0") };
}

function fieldEntries(names: string[], values: string[]) {
  const realName = fc.constantFrom(...(names.length > 0 ? names : ["field"]));
  const hostileName = fc.oneof(
    fc.tuple(realName, fc.oneof(fc.nat(), fc.constant(999_999_999))).map(([name, index]) => `${name}[${index}]`),
    fc.tuple(realName, fc.string({ maxLength: 8 })).map(([name, key]) => `${name}.${key}`),
    fc.integer({ min: 2, max: 3000 }).map((depth) => `${"a.".repeat(depth)}b`),
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.string({ unit: "binary", maxLength: 20 }),
    fc.constantFrom("__proto__", "constructor.prototype", "__INTENT__", "", "[]", "a[", "]"),
  );
  const value = fc.oneof(
    fc.constantFrom(...(values.length > 0 ? values : ["1"])),
    fc.constantFrom("on", "1", "2025", "13", "-1", "delete", "remove", "", " ", "0", "NaN", "true"),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.string({ unit: fc.constantFrom("\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "a", "\n"), maxLength: 10 }),
    fc.string({ maxLength: 3000 }),
  );
  return fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: realName }, hostileName), value), { maxLength: 14 });
}

const bodyKind = fc.constantFrom("urlencoded", "urlencoded", "urlencoded", "multipart", "json", "text");

function encode(kind: string, entries: [string, string][]): { body: BodyInit; contentType?: string } {
  if (kind === "multipart") {
    const form = new FormData();
    for (const [name, value] of entries) form.append(name, value);
    return { body: form };
  }
  if (kind === "json") return { body: JSON.stringify(Object.fromEntries(entries)), contentType: "application/json" };
  if (kind === "text") return { body: entries.map((entry) => entry.join("=")).join("\n"), contentType: "text/plain" };
  return { body: new URLSearchParams(entries).toString(), contentType: "application/x-www-form-urlencoded" };
}

// The app runs on a database of its own on the server, seeded before it starts and dropped after it stops.
const app = withApp({
  browser: false,
  async prepare() {
    admin = postgres(`${SERVER}/${MAINTENANCE_DATABASE}`, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${database}`);
    const url = `${SERVER}/${database}`;
    execFileSync(process.execPath, ["--import", "tsx", "db/cli.ts", "seed"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, DEMO_PASSWORD },
      stdio: "pipe",
    });
    sql = postgres(url, { max: 2, onnotice: () => {} });
    const [epping] = await sql`select id from councils where slug = 'epping-forest'`;
    eppingId = String(epping?.id);
    return { env: { DATABASE_URL: url } };
  },
  async cleanUp() {
    await sql?.end();
    await admin?.unsafe(`drop database if exists ${database} with (force)`);
    await admin?.end();
  },
});

/** Signs each audience in afresh (random forms to /sign-out end the sessions they are sent with). */
async function signInEveryone() {
  for (const [audience, email] of [
    ["viewer", "viewer@epping-forest.example"],
    ["officer", "officer@epping-forest.example"],
    ["legal", "legal@epping-forest.example"],
    ["admin", "admin@epping-forest.example"],
  ] as const) {
    cookies.set(audience, await app.cookieFor(email));
    const [user] = await sql`select id from users where email = ${email}`;
    userIds.set(audience, String(user?.id));
  }
}

beforeAll(signInEveryone);

describe("random forms to every action", () => {
  it("never answers 5xx or stops; a refusal writes nothing; an acceptance writes only its own council's records", async () => {
    const values = await parameterValues();
    // Sign-out ends the session it is sent with, so it goes last.
    const routes = actionRoutes().sort((a, b) => Number(a === "/sign-out") - Number(b === "/sign-out"));
    expect(routes.length).toBeGreaterThan(20);
    const statuses = new Map<number, number>();
    for (const pattern of routes) {
      const url = fillPattern(pattern, values);
      const { names, values: pageValues } = await formOnPage(url);
      for (const audience of AUDIENCES) {
        await fc.assert(
          fc.asyncProperty(fieldEntries(names, pageValues), bodyKind, async (entries, kind) => {
            const before = await writesSnapshot();
            const { body, contentType } = encode(kind, entries);
            const headers: Record<string, string> = { Origin: app.baseUrl };
            if (contentType) headers["Content-Type"] = contentType;
            const cookie = cookies.get(audience);
            if (cookie) headers.Cookie = cookie;
            const response = await fetch(`${app.baseUrl}${url}`, { method: "POST", headers, body, redirect: "manual" });
            await response.arrayBuffer();
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            const where = `${audience} POST ${url} (${kind}) ${JSON.stringify(entries).slice(0, 300)}`;
            expect(response.status, where).toBeLessThan(500);
            expect(app.process.exitCode, where).toBeNull();
            const after = await writesSnapshot();
            if (response.status >= 400) {
              expect(after, `a refused request wrote something: ${where}`).toEqual(before);
              return;
            }
            const written = await sql`
              select tenant_id, action, after::text as after from audit_events
              order by occurred_at desc limit ${after.audits - before.audits}`;
            for (const entry of after.audits > before.audits ? written : []) {
              expect(entry.tenant_id === null || entry.tenant_id === eppingId, where).toBe(true);
              expect(STORED_CONTROL.test(String(entry.after ?? "")), `${entry.action}: ${where}`).toBe(false);
            }
          }),
          { seed: SEED, numRuns: RUNS_PER_AUDIENCE, endOnFailure: true },
        );
      }
    }
    console.log(`Fuzzed ${routes.length} action routes; statuses: ${JSON.stringify(Object.fromEntries(statuses))}`);
  }, 600_000);
});

/** Text a person might type in a short field, hostile or not. */
const typed = fc.oneof(
  fc.constantFrom("", " ", "para 296", "Costs", "\u0000", "a\u001bb", "x".repeat(501)),
  fc.string({ unit: "grapheme", maxLength: 40 }),
);
const dayOrMonth = fc.oneof(fc.integer({ min: 0, max: 32 }).map(String), fc.constantFrom("", "x", "1.5", "-1"));

describe("court clocks and reliefs, in forms shaped like the real ones", () => {
  beforeAll(signInEveryone);

  it("decides a clock only for the legal team or a council admin, for the day shown, recording who; changes nothing when refused", async () => {
    // The clocks the case page offers, as its hidden fields say (proceeding, clock, the day it runs from).
    const casePage = await fetch(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001`, {
      headers: { Cookie: cookies.get("legal") ?? "" },
    });
    const shown = [
      ...(await casePage.text()).matchAll(
        /name="intent" value="confirm-clock"\/><input type="hidden" name="proceedingId" value="([^"]+)"\/><input type="hidden" name="clock" value="([^"]+)"\/><input type="hidden" name="from" value="([^"]*)"/g,
      ),
    ].map((match) => ({ proceedingId: match[1] ?? "", clock: match[2] ?? "", from: match[3] ?? "" }));
    expect(shown.length).toBeGreaterThan(0);
    const directedDate = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.tuple(dayOrMonth, dayOrMonth, fc.constantFrom("2025", "2026", "1899", "")) },
    );
    const asShown = fc
      .record({ intent: fc.constantFrom("confirm-clock", "dismiss-clock"), shown: fc.constantFrom(...shown) })
      .map(({ intent, shown: fields }) => ({ intent, ...fields }));
    const anyFields = fc.record({
      intent: fc.constantFrom("confirm-clock", "dismiss-clock", "postpone-clock"),
      proceedingId: fc.oneof(fc.constantFrom(...shown.map((clock) => clock.proceedingId)), fc.uuid(), fc.constant("x")),
      clock: fc.constantFrom("appellants_notice", "supreme_court_permission", "judicial_review_claim", "costs"),
      from: fc.oneof(
        fc.constantFrom(...shown.map((clock) => clock.from)),
        fc.constantFrom("2025-02-30", "", "2025-11-12"),
      ),
    });
    const form = fc.record({
      fields: fc.oneof({ weight: 2, arbitrary: asShown }, { weight: 1, arbitrary: anyFields }),
      directed: directedDate,
    });
    const outcomes = new Map<string, number>();
    for (const audience of AUDIENCES) {
      await fc.assert(
        fc.asyncProperty(form, async ({ directed, fields }) => {
          const entries: [string, string][] = Object.entries(fields);
          if (directed) {
            entries.push(["directedDueOn.day", directed[0]], ["directedDueOn.month", directed[1]]);
            entries.push(["directedDueOn.year", directed[2]]);
          }
          const decisionsBefore = await sql`select * from court_clock_decisions order by id`;
          const headers: Record<string, string> = {
            Origin: app.baseUrl,
            "Content-Type": "application/x-www-form-urlencoded",
          };
          const cookie = cookies.get(audience);
          if (cookie) headers.Cookie = cookie;
          const response = await fetch(`${app.baseUrl}/c/epping-forest/cases/EF-L-0001`, {
            method: "POST",
            headers,
            body: new URLSearchParams(entries).toString(),
            redirect: "manual",
          });
          await response.arrayBuffer();
          const where = `${audience}: ${JSON.stringify(entries)} → ${response.status}`;
          expect(response.status, where).toBeLessThan(500);
          const decisionsAfter = await sql`select * from court_clock_decisions order by id`;
          const decided = response.status === 302 && response.headers.get("location")?.includes("done=clock-") === true;
          const outcome = `${audience} ${decided ? "decided" : response.status}`;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          if (audience === "viewer" || audience === "officer") expect(response.status, where).toBe(403);
          if (!decided) {
            expect(decisionsAfter, `a refused decision wrote something: ${where}`).toEqual(decisionsBefore);
            return;
          }
          expect(["legal", "admin"], where).toContain(audience);
          const [row] = await sql`
            select decision, from_on::text, decided_by_user_id from court_clock_decisions
            where proceeding_id = ${fields.proceedingId} and clock = ${fields.clock}`;
          expect(row, where).toMatchObject({
            decision: fields.intent === "confirm-clock" ? "confirmed" : "dismissed",
            from_on: fields.from,
            decided_by_user_id: userIds.get(audience),
          });
        }),
        { seed: SEED, numRuns: RUNS_PER_AUDIENCE, endOnFailure: true },
      );
    }
    console.log(`Court clock forms: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // The forms reached the rules: some decisions were taken, by the roles that may.
    expect((outcomes.get("legal decided") ?? 0) + (outcomes.get("admin decided") ?? 0)).toBeGreaterThan(0);
  }, 300_000);

  it("keeps exactly the relief rows that were neither empty nor removed, in order, or changes nothing", async () => {
    const [trial] = await sql<{ id: string }[]>`
      select id from proceedings where tenant_id = ${eppingId} and claim_number = 'KB-2025-002908'`;
    const url = `/c/epping-forest/cases/EF-L-0001/proceedings/${trial?.id}`;
    const row = fc.record({
      kind: fc.constantFrom("", "interim_injunction", "final_injunction", "declaration", "other", "costs"),
      outcome: fc.constantFrom("", "granted", "refused", "withdrawn", "allowed", "not_decided"),
      note: typed,
      remove: fc.constantFrom(undefined, "on"),
    });
    const stored = () =>
      sql<{ kind: string; outcome: string | null; note: string | null }[]>`
        select kind, outcome, note from proceeding_reliefs where proceeding_id = ${trial?.id ?? ""} order by position`;
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 4 }), async (rows) => {
        const [current] = await sql<
          { version: number }[]
        >`select version from proceedings where id = ${trial?.id ?? ""}`;
        const entries: [string, string][] = [
          ["court", "high_court_kb"],
          ["kind", "trial_final_injunction"],
          ["claimNumber", "KB-2025-002908"],
          ["decidedOn.day", "11"],
          ["decidedOn.month", "11"],
          ["decidedOn.year", "2025"],
          ["outcome", "dismissed"],
          ["version", String(current?.version)],
        ];
        rows.forEach((relief, index) => {
          entries.push([`reliefs[${index}].kind`, relief.kind], [`reliefs[${index}].outcome`, relief.outcome]);
          entries.push([`reliefs[${index}].note`, relief.note]);
          if (relief.remove) entries.push([`reliefs[${index}].remove`, relief.remove]);
        });
        const before = await stored();
        const response = await fetch(`${app.baseUrl}${url}`, {
          method: "POST",
          headers: {
            Origin: app.baseUrl,
            Cookie: cookies.get("legal") ?? "",
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams(entries).toString(),
          redirect: "manual",
        });
        await response.arrayBuffer();
        const where = `${JSON.stringify(rows)} → ${response.status} ${response.headers.get("location") ?? ""}`;
        expect(response.status, where).toBeLessThan(500);
        const after = await stored();
        if (response.status !== 302) {
          expect(response.status, where).toBe(400);
          expect(after, where).toEqual(before);
          return;
        }
        saved++;
        expect(response.headers.get("location"), where).toContain("done=proceeding-saved");
        const kept = rows
          .filter((relief) => relief.kind !== "" && !relief.remove)
          .map((relief) => ({ kind: relief.kind, outcome: relief.outcome || null, note: relief.note.trim() || null }));
        expect(after, where).toEqual(kept);
      }),
      { seed: SEED, numRuns: RUNS_PER_AUDIENCE * 2, endOnFailure: true },
    );
    console.log(`Relief forms: ${saved} saved of ${RUNS_PER_AUDIENCE * 2}`);
    expect(saved).toBeGreaterThan(0);
  }, 300_000);
});
