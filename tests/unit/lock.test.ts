// The embedded database's directory lock: a live owner keeps it, a dead owner's lock is taken over.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDirectoryLock, DirectoryLockedError } from "~db/lock";

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lock-test-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("acquireDirectoryLock", () => {
  it("refuses while another live process holds the lock, naming it and the way out", async () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      fs.writeFileSync(path.join(dir, "db.lock"), String(holder.pid));
      expect(() => acquireDirectoryLock(dir, "db.lock")).toThrow(DirectoryLockedError);
      expect(() => acquireDirectoryLock(dir, "db.lock")).toThrow(
        `is already in use by process ${holder.pid}. Stop that process, or set DATA_DIR to another directory`,
      );
    } finally {
      holder.kill();
    }
  });

  it("takes over the lock of a process that has died, and releases it", async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => gone.on("exit", resolve));
    fs.writeFileSync(path.join(dir, "db.lock"), String(gone.pid));
    const lock = acquireDirectoryLock(dir, "db.lock");
    expect(fs.readFileSync(lock.path, "utf8")).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });
});
