// Migrates one database before the suite: a PGlite image on disk, or a template database on the
// PostgreSQL server named by DATABASE_URL. Each test file then starts from a copy of it.
//
// README, Decision 13: Tests run on a copy of a migrated database. The suite migrates once (a
// PGlite image on disk, or a template database on the server), and each test file starts from its
// own copy. Any `console.error` during a test fails it. The browser tests start the built server as
// a separate process with its own temporary data directory, exactly as `npm start` does, and run
// axe-core on every page they visit; pages visited with JavaScript off are checked by copying their
// HTML into a page that can run axe.
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase, pgliteOf } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteImage: string;
    templateDatabase: string;
  }
}

export const TMP_DIR = path.resolve(import.meta.dirname, "../.tmp");

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `app_test_template_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${template}`);
    await admin.unsafe(`create database ${template}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    const handle = await openDatabase({ driver: "postgres", url: templateUrl.toString(), maxConnections: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("templateDatabase", template);
    project.provide("pgliteImage", "");
    return async () => {
      await admin.unsafe(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  fs.mkdirSync(TMP_DIR, { recursive: true });
  const handle = await openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  const image = await pgliteOf(handle)?.dumpDataDir("none");
  if (!image) throw new Error("Could not dump the migrated PGlite image.");
  const imagePath = path.join(TMP_DIR, `pglite-image-${process.pid}.tar`);
  fs.writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
  await handle.close();
  project.provide("pgliteImage", imagePath);
  project.provide("templateDatabase", "");
  return () => fs.rmSync(imagePath, { force: true });
}
