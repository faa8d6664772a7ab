// Tells what a zip-based upload is (Word, Excel, OpenDocument text) from its central directory,
// inflating at most a bounded part of one small entry, so that a zip bomb costs kilobytes.
//
// Why not file-type: for a zip, file-type 21 (through @tokenizer/inflate) inflates the whole of
// `[Content_Types].xml` or `mimetype` into memory, whatever size the headers give, before anyone
// can look at the result. A 400 KB upload expanded to 1.6 GB in 3.5–5.6 s and was then accepted
// as Word. So zips never reach file-type (`inspectDocumentFile` sends them here) and this module
// repeats its reading of the two entries that matter, with limits:
//
// - The central directory is read first and nothing is inflated if any entry claims more than
//   MAX_INFLATION_RATIO times its compressed size (once it is over 1 MiB) or all of them together
//   more than MAX_TOTAL_UNCOMPRESSED_BYTES. Real Office files compress XML 5 to 100 times; deflate
//   cannot exceed about 1,032 times, which is where bombs sit. These entries are never inflated
//   here; the check stops us storing a bomb for someone else's Word to open.
// - The one entry read (`[Content_Types].xml` or `mimetype`) may be at most
//   MAX_INSPECTED_ENTRY_BYTES, compressed or inflated. Inflation stops at that many bytes of
//   output whatever the headers say, so a header that lies (a small size declared, gigabytes
//   within) costs at most that; and an entry that does not inflate to exactly its declared size
//   is refused as well.
// - Anything this reader cannot follow (no end record, ZIP64 archives, encryption, methods other
//   than store and deflate, offsets outside the file) is "not a document we accept": real
//   documents of 25 MB or less never need those.
//
// README, Decision 27: Measured before this module: a 408 KB upload took 1.4 GB. A file whose parts
// claim or turn out to expand implausibly (over 500 times, or over 2 GiB in all) is refused with
// its own message; parts never opened are checked only by their declared sizes.
import { inflateRawSync } from "node:zlib";

/** The largest `[Content_Types].xml` or `mimetype` read: real ones are a few KB. */
export const MAX_INSPECTED_ENTRY_BYTES = 1024 * 1024;
/** The most an entry over 1 MiB may claim to expand, relative to its compressed size. */
export const MAX_INFLATION_RATIO = 500;
/** The most all entries together may claim to expand to (a 25 MB file at 80 times). */
export const MAX_TOTAL_UNCOMPRESSED_BYTES = 2 * 1024 * 1024 * 1024;
const RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024;

/** The zip-based types file-type would name, among those the service accepts. */
const ZIP_DOCUMENT_TYPES: ReadonlySet<string> = new Set([
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.oasis.opendocument.text",
]);

export type ZipInspection =
  /** A Word, Excel or OpenDocument text file. */
  | { outcome: "document"; contentType: string }
  /** A zip, but not one of those (or not one this reader can follow). */
  | { outcome: "other" }
  /** Its entries expand, or claim to expand, to an implausible size. */
  | { outcome: "implausible" };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const END_RECORD_BYTES = 22;
const CENTRAL_HEADER_BYTES = 46;
const LOCAL_HEADER_BYTES = 30;

/** Whether the bytes start as a zip does (the only place file-type looks for one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

interface CentralEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

class Unreadable extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function within(bytes: Uint8Array, offset: number, length: number): void {
  if (offset < 0 || length < 0 || offset + length > bytes.length) throw new Unreadable("outside the file");
}

/** The end-of-central-directory record: the last one whose comment ends inside the file. */
function findEndRecord(bytes: Uint8Array): number {
  const data = view(bytes);
  const earliest = Math.max(0, bytes.length - END_RECORD_BYTES - 0xffff);
  for (let offset = bytes.length - END_RECORD_BYTES; offset >= earliest; offset--) {
    if (
      data.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY &&
      offset + END_RECORD_BYTES + data.getUint16(offset + 20, true) <= bytes.length
    ) {
      return offset;
    }
  }
  throw new Unreadable("no end of central directory");
}

function readCentralDirectory(bytes: Uint8Array): CentralEntry[] {
  const data = view(bytes);
  const end = findEndRecord(bytes);
  const count = data.getUint16(end + 10, true);
  const directorySize = data.getUint32(end + 12, true);
  let offset = data.getUint32(end + 16, true);
  // ZIP64 archives say so with all-ones here; no 25 MB document needs one.
  if (count === 0xffff || directorySize === 0xffffffff || offset === 0xffffffff) throw new Unreadable("ZIP64");
  within(bytes, offset, directorySize);
  const entries: CentralEntry[] = [];
  for (let index = 0; index < count; index++) {
    within(bytes, offset, CENTRAL_HEADER_BYTES);
    if (data.getUint32(offset, true) !== CENTRAL_HEADER) throw new Unreadable("bad central header");
    const nameLength = data.getUint16(offset + 28, true);
    const extraLength = data.getUint16(offset + 30, true);
    const commentLength = data.getUint16(offset + 32, true);
    within(bytes, offset + CENTRAL_HEADER_BYTES, nameLength + extraLength + commentLength);
    const entry: CentralEntry = {
      name: new TextDecoder("utf-8").decode(
        bytes.subarray(offset + CENTRAL_HEADER_BYTES, offset + CENTRAL_HEADER_BYTES + nameLength),
      ),
      method: data.getUint16(offset + 10, true),
      encrypted: (data.getUint16(offset + 8, true) & 0x0001) !== 0,
      compressedSize: data.getUint32(offset + 20, true),
      uncompressedSize: data.getUint32(offset + 24, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
    };
    if (
      entry.compressedSize === 0xffffffff ||
      entry.uncompressedSize === 0xffffffff ||
      entry.localHeaderOffset === 0xffffffff
    ) {
      throw new Unreadable("ZIP64 entry");
    }
    entries.push(entry);
    offset += CENTRAL_HEADER_BYTES + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Whether the sizes the central directory claims are ones a real document could have. */
function claimsArePlausible(entries: CentralEntry[]): boolean {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (
      entry.uncompressedSize > RATIO_CHECKED_ABOVE_BYTES &&
      entry.uncompressedSize > MAX_INFLATION_RATIO * Math.max(1, entry.compressedSize)
    ) {
      return false;
    }
  }
  return total <= MAX_TOTAL_UNCOMPRESSED_BYTES;
}

/** The entry's content, or "implausible" when it is, or inflates to, more than the limit. */
function readSmallEntry(bytes: Uint8Array, entry: CentralEntry): Uint8Array | "implausible" {
  if (entry.compressedSize > MAX_INSPECTED_ENTRY_BYTES || entry.uncompressedSize > MAX_INSPECTED_ENTRY_BYTES) {
    return "implausible";
  }
  if (entry.encrypted) throw new Unreadable("encrypted");
  const data = view(bytes);
  const header = entry.localHeaderOffset;
  within(bytes, header, LOCAL_HEADER_BYTES);
  if (data.getUint32(header, true) !== LOCAL_HEADER) throw new Unreadable("bad local header");
  const start = header + LOCAL_HEADER_BYTES + data.getUint16(header + 26, true) + data.getUint16(header + 28, true);
  // The central directory's compressed size, never the local header's (which may be zero, with the
  // size after the data, or may disagree).
  within(bytes, start, entry.compressedSize);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  let content: Uint8Array;
  if (entry.method === 0) {
    content = stored;
  } else if (entry.method === 8) {
    try {
      // Stops, and throws, as soon as the output passes the limit: the headers are not trusted.
      content = inflateRawSync(stored, { maxOutputLength: MAX_INSPECTED_ENTRY_BYTES });
    } catch (error) {
      if ((error as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") return "implausible";
      throw new Unreadable("not deflate");
    }
  } else {
    throw new Unreadable("unsupported method");
  }
  // A header that lies about the size is refused even when the truth is small.
  return content.length === entry.uncompressedSize ? content : "implausible";
}

/** The type file-type 21 reads from a `mimetype` entry (OpenDocument). */
function typeFromMimetype(content: Uint8Array): string {
  return new TextDecoder("utf-8").decode(content).trim().toLowerCase();
}

/** The type file-type 21 reads from `[Content_Types].xml` (Office Open XML): the first main part. */
function typeFromContentTypes(content: Uint8Array): string {
  const xml = new TextDecoder("utf-8").decode(content);
  const end = xml.indexOf('.main+xml"');
  if (end === -1) return "";
  const before = xml.slice(0, end);
  return before.slice(before.lastIndexOf('"') + 1).toLowerCase();
}

/**
 * What a zip upload is, deciding as file-type 21 does (the first entry, in central-directory
 * order, that names a zip-based format) but with every size bounded.
 */
export function inspectZip(bytes: Uint8Array): ZipInspection {
  try {
    const entries = readCentralDirectory(bytes);
    if (!claimsArePlausible(entries)) return { outcome: "implausible" };
    for (const entry of entries) {
      const readsType = entry.name === "mimetype" || entry.name === "[Content_Types].xml";
      // The entries by which file-type recognises Firefox add-ons, Java archives and Android
      // packages end its search just as a type-bearing entry does.
      const endsSearch =
        entry.name === "META-INF/mozilla.rsa" ||
        entry.name === "META-INF/MANIFEST.MF" ||
        /classes\d*\.dex/.test(entry.name);
      if (endsSearch) return { outcome: "other" };
      if (!readsType) continue;
      const content = readSmallEntry(bytes, entry);
      if (content === "implausible") return { outcome: "implausible" };
      const contentType = entry.name === "mimetype" ? typeFromMimetype(content) : typeFromContentTypes(content);
      return ZIP_DOCUMENT_TYPES.has(contentType) ? { outcome: "document", contentType } : { outcome: "other" };
    }
    return { outcome: "other" };
  } catch (error) {
    if (error instanceof Unreadable) return { outcome: "other" };
    throw error;
  }
}
