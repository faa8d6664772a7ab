// A lock file holding the owner's process id, so a second process cannot open the same
// embedded database directory (PGlite itself does not lock and would silently lose writes).
import fs from "node:fs";
import path from "node:path";

export interface DirectoryLock {
  path: string;
  release(): void;
}

export class DirectoryLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory ${path.dirname(lockPath)} is already in use by process ${ownerPid}. ` +
        "Stop that process, or set DATA_DIR to another directory, and try again.",
    );
    this.name = "DirectoryLockedError";
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireDirectoryLock(dir: string, name: string): DirectoryLock {
  const lockPath = path.join(dir, name);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      return {
        path: lockPath,
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
          } catch {
            // Already gone: nothing to release.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isInteger(ownerPid) && ownerPid !== process.pid && isRunning(ownerPid)) {
        throw new DirectoryLockedError(lockPath, ownerPid);
      }
      // The owner has gone (a crash or kill -9): the lock is stale, take it over.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}.`);
}
