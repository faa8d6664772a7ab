// Where uploaded files' bytes live. One interface, so S3-compatible storage can follow; today one
// implementation, on disk under `${DATA_DIR}/files`. Keys are chosen by the service, never by a user.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "../../env.server";

export interface FileStorage {
  /** Stores the bytes under the key, replacing nothing half-written: readers see all or nothing. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The stored bytes, or undefined when there is nothing under the key. */
  read(key: string): Promise<Uint8Array<ArrayBuffer> | undefined>;
  /** Removes the bytes; removing what is not there is not an error. */
  remove(key: string): Promise<void>;
}

/** Lower-case letters, digits and hyphens, in segments separated by "/": no "..", no absolute paths. */
const KEY = /^[a-z0-9][a-z0-9-]{0,99}(\/[a-z0-9][a-z0-9-]{0,99}){0,4}$/;

export class InvalidStorageKey extends Error {
  override name = "InvalidStorageKey";
}

export function assertValidKey(key: string): void {
  if (!KEY.test(key)) throw new InvalidStorageKey(`Not a valid storage key: ${JSON.stringify(key)}`);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/** Files on the local disk: directories 0700, files 0600, written to a temporary name and renamed. */
export class DiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file's path, checked to lie inside the root whatever the key says. */
  pathOf(key: string): string {
    assertValidKey(key);
    const file = path.resolve(this.root, key);
    const relative = path.relative(this.root, file);
    if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) {
      throw new InvalidStorageKey(`Not a valid storage key: ${JSON.stringify(key)}`);
    }
    return file;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    const directory = path.dirname(file);
    await fs.mkdir(directory, { recursive: true, mode: 0o700 });
    const temporary = path.join(directory, `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
    const handle = await fs.open(temporary, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      // On disk before the rename, so a crash leaves the old state or the whole new file.
      await handle.sync();
    } catch (error) {
      await handle.close();
      await fs.rm(temporary, { force: true });
      throw error;
    }
    await handle.close();
    try {
      await fs.rename(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Uint8Array<ArrayBuffer> | undefined> {
    try {
      const buffer = await fs.readFile(this.pathOf(key));
      // A file read is backed by an ArrayBuffer of its own (never a SharedArrayBuffer).
      return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

const holder = globalThis as { __fileStorage?: FileStorage };

/**
 * The process's file storage, chosen once. Today always the disk under `${DATA_DIR}/files`; an
 * S3-compatible store would be chosen here from the configuration. Kept on globalThis because the
 * server entry and the Remix bundle each load their own copy of this module.
 */
export function getStorage(): FileStorage {
  holder.__fileStorage ??= new DiskStorage(path.join(env().DATA_DIR, "files"));
  return holder.__fileStorage;
}

/** Replaces the process's storage (another implementation, or none to choose again). */
export function setStorage(storage: FileStorage | undefined): void {
  holder.__fileStorage = storage;
}
