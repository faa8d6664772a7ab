// The disk file storage: keys that could leave its directory are refused, writes are all or
// nothing, files and folders are readable by this process's user only.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DiskStorage, InvalidStorageKey } from "~/server/council/documents/storage.server";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "storage-test-"));
const storage = new DiskStorage(path.join(root, "files"));

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("disk storage", () => {
  it("stores, reads back and removes bytes, with owner-only permissions and no temporary file left", async () => {
    const bytes = new TextEncoder().encode("judgment");
    await storage.put("council-1/document-1", bytes);
    expect(await storage.read("council-1/document-1")).toEqual(bytes);
    const file = path.join(root, "files", "council-1", "document-1");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["document-1"]);
    await storage.put("council-1/document-1", new TextEncoder().encode("replaced"));
    expect(new TextDecoder().decode(await storage.read("council-1/document-1"))).toBe("replaced");
    await storage.remove("council-1/document-1");
    expect(await storage.read("council-1/document-1")).toBeUndefined();
    await storage.remove("council-1/document-1");
  });

  it("refuses keys that could reach outside its directory", async () => {
    const keys = [
      "../outside",
      "a/../../outside",
      "/etc/passwd",
      "a//b",
      "a/./b",
      "",
      ".hidden",
      "A/B",
      "a\\b",
      "a/b/",
    ];
    for (const key of keys) {
      await expect(storage.put(key, new Uint8Array([1])), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.read(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
      await expect(storage.remove(key), key).rejects.toBeInstanceOf(InvalidStorageKey);
    }
    expect(fs.existsSync(path.join(root, "outside"))).toBe(false);
  });
});
