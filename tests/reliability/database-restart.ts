// Restarts the PostgreSQL server under load and checks the app lives through it: the process stays
// up, every request during the outage is answered (the 503 page) within seconds, and pages are served
// again soon after the database is back. A plain script (`npx tsx tests/reliability/database-restart.ts`),
// run by .ci/run after the browser tests; it needs `npm run build` first and root on a machine whose
// PostgreSQL cluster it may restart (PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 as postgres).
//
// It creates a database of its own, seeds the demo data into it (`npm run db:seed`), starts the built
// server on it as `npm start` does, signs in as the Epping Forest officer and runs 32 clients that read
// pages (as documents and as client-side navigations) and log complaints. It always starts PostgreSQL
// again and drops its database, whatever happens.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PGHOST = process.env.PGHOST ?? "127.0.0.1";
const PGPORT = process.env.PGPORT ?? "5432";
const PGUSER = process.env.PGUSER ?? "postgres";
const CLUSTER_VERSION = process.env.PG_CLUSTER_VERSION ?? fs.readdirSync("/etc/postgresql").sort().at(-1) ?? "15";
const DEMO_PASSWORD = "reliability demo password";
const COUNCIL = "epping-forest";
const OFFICER = `officer@${COUNCIL}.example`;
/** Posted with every complaint: the server's log must never show them. */
const COMPLAINANT_NAME = "Reliability Complainant";
const COMPLAINANT_EMAIL = "reliability.complainant@example.com";
const UNAVAILABLE_TEXT = "The service is not available at the moment. Try again in a few minutes.";

const CLIENTS = 32;
const WARM_UP_MS = 3_000;
const AFTER_RECOVERY_MS = 3_000;
/** Every request made while the database is away must be answered within this. */
const OUTAGE_ANSWER_LIMIT_MS = 10_000;
/** Pages must be served again within this of PostgreSQL being back. */
const RECOVERY_LIMIT_MS = 15_000;
/** A request that has not been answered by then counts as hung. */
const REQUEST_TIMEOUT_MS = 30_000;

const PAGES = [
  `/c/${COUNCIL}`,
  `/c/${COUNCIL}/sites`,
  `/c/${COUNCIL}/complaints`,
  `/c/${COUNCIL}/deadlines`,
  `/c/${COUNCIL}/cases`,
];

type Kind = "page" | "navigation" | "form";

interface Outcome {
  kind: Kind;
  path: string;
  /** Milliseconds since the run began. */
  started: number;
  ended: number;
  /** The HTTP status, or what happened instead of an answer. */
  status: number | "timeout" | "network-error";
  /** For a 503: whether the body is the service-unavailable page. */
  unavailablePage?: boolean;
}

const t0 = performance.now();
const now = () => performance.now() - t0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} exited with ${code}:\n${output}`)),
    );
  });
}

async function postgresIsReady(): Promise<boolean> {
  try {
    await run("pg_isready", ["-h", PGHOST, "-p", PGPORT, "-q"]);
    return true;
  } catch {
    return false;
  }
}

/** Starts the cluster if it is not accepting connections, and waits (up to 30 s) until it is. */
async function ensurePostgresRunning(): Promise<void> {
  if (await postgresIsReady()) return;
  console.log(`PostgreSQL is not running: starting cluster ${CLUSTER_VERSION}/main.`);
  await run("pg_ctlcluster", ["--skip-systemctl-redirect", CLUSTER_VERSION, "main", "start"]).catch((error: unknown) =>
    console.error(String(error)),
  );
  for (let attempt = 0; attempt < 30; attempt += 1) {
    if (await postgresIsReady()) return;
    await sleep(1000);
  }
  throw new Error("PostgreSQL did not come back within 30 seconds.");
}

function serverUrl(database: string): string {
  return `postgres://${PGUSER}@${PGHOST}:${PGPORT}/${database}`;
}

async function withAdmin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl("postgres"), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

interface Server {
  baseUrl: string;
  process: ChildProcess;
  output: () => string;
}

function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "app/server/http.server.ts"], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in time:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = output.match(/Listening on http:\/\/localhost:(\d+)/)?.[1];
      if (port) {
        clearTimeout(timer);
        resolve({ baseUrl: `http://127.0.0.1:${port}`, process: child, output: () => output });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code} before listening:\n${output}`));
    });
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    child.kill("SIGKILL");
    await exited;
  }
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email: OFFICER, password: DEMO_PASSWORD, redirectTo: "" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) {
    throw new Error(`Could not sign in as ${OFFICER}: ${response.status} ${await response.text()}`);
  }
  return cookie;
}

function complaintForm(): URLSearchParams {
  const today = new Date();
  return new URLSearchParams({
    "receivedOn.day": String(today.getDate()),
    "receivedOn.month": String(today.getMonth() + 1),
    "receivedOn.year": String(today.getFullYear()),
    channel: "email",
    category: "noise",
    summary: "Noise at night (reliability test)",
    contactName: COMPLAINANT_NAME,
    contactEmail: COMPLAINANT_EMAIL,
  });
}

async function request(baseUrl: string, cookie: string, kind: Kind, pagePath: string): Promise<Outcome> {
  const started = now();
  const url = kind === "navigation" ? `${baseUrl}${pagePath}.data` : `${baseUrl}${pagePath}`;
  const init: RequestInit =
    kind === "form"
      ? {
          method: "POST",
          headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
          body: complaintForm(),
        }
      : { headers: { Cookie: cookie } };
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.text();
    const outcome: Outcome = { kind, path: pagePath, started, ended: now(), status: response.status };
    if (response.status === 503) outcome.unavailablePage = body.includes(UNAVAILABLE_TEXT);
    return outcome;
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    return { kind, path: pagePath, started, ended: now(), status: timedOut ? "timeout" : "network-error" };
  }
}

/** One simulated user: pages, client-side navigations and a complaint now and then, until told to stop. */
async function client(baseUrl: string, cookie: string, outcomes: Outcome[], stop: { now: boolean }, seed: number) {
  let turn = seed;
  while (!stop.now) {
    turn += 1;
    const pagePath = PAGES[turn % PAGES.length] ?? `/c/${COUNCIL}`;
    const kind: Kind = turn % 5 === 0 ? "form" : turn % 5 === 3 ? "navigation" : "page";
    outcomes.push(await request(baseUrl, cookie, kind, kind === "form" ? `/c/${COUNCIL}/complaints/new` : pagePath));
    await sleep(10 + (turn % 7) * 10);
  }
}

/** A navigation during the outage gets Remix's single-fetch redirect (202) to reload the page. */
function answered(outcome: Outcome): boolean {
  if (typeof outcome.status !== "number") return false;
  if (outcome.status === 503) return outcome.unavailablePage === true;
  if (outcome.kind === "form") return outcome.status === 302 || outcome.status === 303;
  if (outcome.kind === "navigation") return outcome.status === 200 || outcome.status === 202;
  return outcome.status === 200;
}

function histogram(outcomes: Outcome[]): string {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) {
    const key = `${outcome.kind} ${outcome.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The server being tested, so that an interrupted run can still stop it and start PostgreSQL. */
let runningServer: ChildProcess | undefined;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    runningServer?.kill("SIGKILL");
    const ready = spawnSync("pg_isready", ["-h", PGHOST, "-p", PGPORT, "-q"]).status === 0;
    if (!ready) spawnSync("pg_ctlcluster", ["--skip-systemctl-redirect", CLUSTER_VERSION, "main", "start"]);
    process.exit(130);
  });
}

async function main(): Promise<number> {
  const failures: string[] = [];
  const database = `reliability_${Date.now()}_${process.pid}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracker-reliability-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: "0",
    DATA_DIR: dataDir,
    DATABASE_URL: serverUrl(database),
    DEMO_PASSWORD,
    SESSION_SECURE: "false",
  };
  let server: Server | undefined;
  const stop = { now: false };
  let clients: Promise<void>[] = [];
  try {
    await ensurePostgresRunning();
    await withAdmin((sql) => sql.unsafe(`create database ${database}`));
    await run(process.execPath, ["--import", "tsx", "db/cli.ts", "seed"], env);
    server = await startServer(env);
    runningServer = server.process;
    // If the server dies, there is nothing left to measure: stop the clients and the wait.
    server.process.once("exit", () => {
      stop.now = true;
    });
    const { baseUrl } = server;
    const cookie = await signIn(baseUrl);
    console.log(`Server at ${baseUrl} on database ${database}; ${CLIENTS} clients.`);

    const outcomes: Outcome[] = [];
    clients = Array.from({ length: CLIENTS }, (_, index) => client(baseUrl, cookie, outcomes, stop, index));
    await sleep(WARM_UP_MS);

    const restartStarted = now();
    await run("pg_ctlcluster", ["--skip-systemctl-redirect", CLUSTER_VERSION, "main", "restart"]);
    const restartEnded = now();
    console.log(`PostgreSQL ${CLUSTER_VERSION}/main restarted in ${seconds(restartEnded - restartStarted)}.`);

    // Recovered: the first page started after PostgreSQL was back that was served.
    let recoveredAt: number | undefined;
    while (recoveredAt === undefined && !stop.now && now() - restartEnded < RECOVERY_LIMIT_MS + REQUEST_TIMEOUT_MS) {
      recoveredAt = outcomes.find((o) => o.kind === "page" && o.started >= restartEnded && o.status === 200)?.ended;
      if (recoveredAt === undefined) await sleep(100);
    }
    if (!stop.now) await sleep(AFTER_RECOVERY_MS);
    stop.now = true;
    await Promise.all(clients);

    const alive = server.process.exitCode === null && server.process.signalCode === null;
    const warmUp = outcomes.filter((o) => o.ended < restartStarted);
    const outageEnd = recoveredAt ?? now();
    // Everything in flight at any time from the restart until pages were served again.
    const duringOutage = outcomes.filter((o) => o.ended >= restartStarted && o.started < outageEnd);
    const slowest = [...duringOutage].sort((a, b) => b.ended - b.started - (a.ended - a.started)).slice(0, 3);
    const afterRecovery = outcomes.filter((o) => recoveredAt !== undefined && o.started >= recoveredAt + 1000);
    const worstDuringOutage = Math.max(0, ...duringOutage.map((o) => o.ended - o.started));
    const unanswered = duringOutage.filter((o) => !answered(o));
    const log = server.output();
    const errorLines = log.split("\n").filter((line) => line.includes('"event":"server_error"'));
    const codes = new Map<string, number>();
    for (const line of errorLines) {
      let code = "unparseable";
      try {
        code = (JSON.parse(line) as { code?: string }).code ?? "none";
      } catch {
        failures.push(`an error log line is not one JSON object: ${line.slice(0, 200)}`);
      }
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }

    console.log(`Requests: ${outcomes.length} (warm-up ${warmUp.length}, during the outage ${duringOutage.length}, \
after recovery ${afterRecovery.length})`);
    console.log(`Warm-up: ${histogram(warmUp)}`);
    console.log(`During the outage: ${histogram(duringOutage)}`);
    console.log(`After recovery: ${histogram(afterRecovery)}`);
    console.log(`Worst latency during the outage: ${seconds(worstDuringOutage)}`);
    for (const o of slowest) {
      console.log(
        `  ${o.kind} ${o.path} → ${o.status}: sent ${seconds(o.started - restartStarted)} after the restart began, took ${seconds(o.ended - o.started)}`,
      );
    }
    console.log(
      recoveredAt === undefined
        ? "Pages were not served again."
        : `Time to recover (PostgreSQL back → a page served): ${seconds(recoveredAt - restartEnded)}`,
    );
    console.log(
      `Server error log: ${errorLines.length} lines; codes ${[...codes].map(([c, n]) => `${c}×${n}`).join(", ")}`,
    );
    console.log(
      `Server process: ${alive ? "still running" : `exited (${server.process.exitCode ?? server.process.signalCode})`}`,
    );

    if (!alive) failures.push(`the server process died:\n${log.slice(-2000)}`);
    if (warmUp.some((o) => !answered(o))) failures.push(`requests failed before the restart: ${histogram(warmUp)}`);
    if (unanswered.length > 0) {
      failures.push(`${unanswered.length} requests during the outage got no proper answer: ${histogram(unanswered)}`);
    }
    if (worstDuringOutage > OUTAGE_ANSWER_LIMIT_MS) {
      failures.push(
        `a request during the outage took ${seconds(worstDuringOutage)} (limit ${seconds(OUTAGE_ANSWER_LIMIT_MS)})`,
      );
    }
    if (recoveredAt === undefined || recoveredAt - restartEnded > RECOVERY_LIMIT_MS) {
      failures.push(`pages were not served again within ${seconds(RECOVERY_LIMIT_MS)} of PostgreSQL being back`);
    }
    if (afterRecovery.length === 0 || afterRecovery.some((o) => !answered(o) || o.status === 503)) {
      failures.push(`requests still failed after recovery: ${histogram(afterRecovery)}`);
    }
    if (log.includes(COMPLAINANT_EMAIL) || log.includes(COMPLAINANT_NAME)) {
      failures.push("the server's log holds the complainant's name or email address");
    }
    if (alive) {
      const final = await request(baseUrl, cookie, "page", `/c/${COUNCIL}`);
      if (final.status !== 200) failures.push(`the dashboard answered ${final.status} at the end`);
    }
  } catch (error) {
    failures.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
  } finally {
    stop.now = true;
    await Promise.allSettled(clients);
    if (server) await stopServer(server.process);
    try {
      await ensurePostgresRunning();
      await withAdmin((sql) => sql.unsafe(`drop database if exists ${database} with (force)`));
    } catch (error) {
      failures.push(`cleaning up: ${String(error)}`);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    console.error(`FAILED:\n- ${failures.join("\n- ")}`);
    return 1;
  }
  console.log("PASSED: the app survived a PostgreSQL restart under load.");
  return 0;
}

process.exitCode = await main();
