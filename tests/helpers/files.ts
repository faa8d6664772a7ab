// Small but real files for upload tests (a PDF, a PNG, Word, Excel and OpenDocument files, and zip
// bombs dressed as Word documents), and the multipart request a browser sends when the upload form
// is submitted. Records to attach documents to: tests/helpers/factories/documents.ts.
import { constants, crc32, deflateRawSync, deflateSync } from "node:zlib";
import { ORIGIN } from "./http";

/** A one-page PDF that PDF readers open, saying "Judgment". */
export function pdfBytes(text = "Judgment"): Uint8Array<ArrayBuffer> {
  const content = `BT /F1 24 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** A 1×1 red PNG. */
export function pngBytes(): Uint8Array<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk("IHDR", header),
      pngChunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
      pngChunk("IEND", Buffer.alloc(0)),
    ]),
  );
}

/** One entry of a zip archive as the helpers below write it. */
interface ZipEntry {
  name: string;
  /** The bytes as they sit in the archive: the content itself, or its raw deflate stream. */
  stored: Buffer;
  method: "store" | "deflate";
  crc: number;
  /** What the headers say the entry expands to (a zip bomb may say less than the truth). */
  declaredSize: number;
  /** Sizes and CRC after the data instead of in the local header, as LibreOffice writes deflated entries. */
  dataDescriptor?: boolean;
}

function storedEntry(name: string, content: string | Buffer): ZipEntry {
  const data = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, stored: data, method: "store", crc: crc32(data), declaredSize: data.length };
}

function deflatedEntry(name: string, content: string, dataDescriptor = false): ZipEntry {
  const data = Buffer.from(content, "utf8");
  return {
    name,
    stored: deflateRawSync(data),
    method: "deflate",
    crc: crc32(data),
    declaredSize: data.length,
    dataDescriptor,
  };
}

/** A zip archive: local headers and data, then the central directory and its end record. */
function zip(entries: ZipEntry[]): Uint8Array<ArrayBuffer> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = Buffer.from(entry.name, "utf8");
    const method = entry.method === "deflate" ? 8 : 0;
    // Bit 11: the name is UTF-8; bit 3: sizes and CRC follow the data.
    const flags = 0x0800 | (entry.dataDescriptor ? 0x0008 : 0);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    if (!entry.dataDescriptor) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.stored.length, 18);
      header.writeUInt32LE(entry.declaredSize, 22);
    }
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, entry.stored);
    let written = header.length + nameBytes.length + entry.stored.length;
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(entry.crc, 4);
      descriptor.writeUInt32LE(entry.stored.length, 8);
      descriptor.writeUInt32LE(entry.declaredSize, 12);
      local.push(descriptor);
      written += descriptor.length;
    }
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(method, 10);
    record.writeUInt32LE(entry.crc, 16);
    record.writeUInt32LE(entry.stored.length, 20);
    record.writeUInt32LE(entry.declaredSize, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt32LE(offset, 42);
    central.push(record, nameBytes);
    offset += written;
  }
  const centralSize = central.reduce((total, part) => total + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** A zip of text entries, stored uncompressed, in the order given. */
export function zipBytes(entries: [name: string, content: string][]): Uint8Array<ArrayBuffer> {
  return zip(entries.map(([name, content]) => storedEntry(name, content)));
}

const WORD_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const WORD_DOCUMENT =
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Witness statement</w:t></w:r></w:p></w:body></w:document>';

/**
 * A Word (.docx) document: [Content_Types].xml first, stored uncompressed, or deflated as Word
 * itself writes it.
 */
export function docxBytes(options: { deflated?: boolean } = {}): Uint8Array<ArrayBuffer> {
  const entry = options.deflated ? deflatedEntry : storedEntry;
  return zip([entry("[Content_Types].xml", WORD_CONTENT_TYPES), entry("word/document.xml", WORD_DOCUMENT)]);
}

/** An Excel (.xlsx) workbook as Excel writes one: deflated parts, [Content_Types].xml first. */
export function xlsxBytes(): Uint8Array<ArrayBuffer> {
  const contentTypes =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
  return zip([
    deflatedEntry("[Content_Types].xml", contentTypes),
    deflatedEntry(
      "xl/workbook.xml",
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Complaints" sheetId="1"/></sheets></workbook>',
    ),
    deflatedEntry(
      "xl/worksheets/sheet1.xml",
      '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Received</t></is></c></row></sheetData></worksheet>',
    ),
  ]);
}

/**
 * An OpenDocument text (.odt) as LibreOffice writes one: the mimetype entry first and stored,
 * the rest deflated with their sizes after the data.
 */
export function odtBytes(): Uint8Array<ArrayBuffer> {
  return zip([
    storedEntry("mimetype", "application/vnd.oasis.opendocument.text"),
    deflatedEntry(
      "content.xml",
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:p>Minutes of the planning committee</text:p></office:text></office:body></office:document-content>',
      true,
    ),
    deflatedEntry(
      "META-INF/manifest.xml",
      '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/></manifest:manifest>',
      true,
    ),
  ]);
}

/**
 * A raw deflate stream of `text` followed by `mebibytes` MiB of spaces, built without ever holding
 * them: each part compressed once and flushed so that it stands alone, the MiB of spaces
 * repeated, then the closing block. About 1 KB per MiB, as a real zip bomb is.
 */
function deflatedWithPadding(text: string, mebibytes: number): Buffer {
  const standAlone = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const oneMebibyte = standAlone(Buffer.alloc(1024 * 1024, " "));
  return Buffer.concat([
    standAlone(Buffer.from(text, "utf8")),
    ...Array.from({ length: mebibytes }, () => oneMebibyte),
    deflateRawSync(Buffer.alloc(0)),
  ]);
}

/**
 * A zip bomb dressed as a Word document: its [Content_Types].xml (or the entry named `entry`) is
 * well-formed XML padded with `mebibytes` MiB of spaces, so a detector that inflates it all
 * would call it Word. `declaredSize` makes its headers (local, central and any data descriptor)
 * lie about what it expands to.
 */
export function zipBombBytes(
  options: { mebibytes?: number; declaredSize?: number; entry?: string; dataDescriptor?: boolean } = {},
): Uint8Array<ArrayBuffer> {
  const mebibytes = options.mebibytes ?? 200;
  const name = options.entry ?? "[Content_Types].xml";
  const text = name === "[Content_Types].xml" ? WORD_CONTENT_TYPES : WORD_DOCUMENT;
  const bomb: ZipEntry = {
    name,
    stored: deflatedWithPadding(text, mebibytes),
    method: "deflate",
    // Nothing checks the CRC before the damage is done; any value will do.
    crc: 0,
    declaredSize: options.declaredSize ?? Buffer.byteLength(text) + mebibytes * 1024 * 1024,
    dataDescriptor: options.dataDescriptor,
  };
  return zip(
    name === "[Content_Types].xml"
      ? [bomb, storedEntry("word/document.xml", WORD_DOCUMENT)]
      : [storedEntry("[Content_Types].xml", WORD_CONTENT_TYPES), bomb],
  );
}

export interface UploadFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
  /** What the browser claims the file is; the service ignores it. */
  type?: string;
}

/** The upload form as a browser sends it: the file first, then the other fields. */
export function uploadRequest(
  path: string,
  file: UploadFile | null,
  fields: Record<string, string>,
  options: { cookie?: string; origin?: string } = {},
): Request {
  const form = new FormData();
  if (file) form.append("file", new Blob([file.bytes], { type: file.type ?? "application/octet-stream" }), file.name);
  else form.append("file", new Blob([], { type: "application/octet-stream" }), "");
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const headers = new Headers({ Origin: options.origin ?? ORIGIN });
  if (options.cookie) headers.set("Cookie", options.cookie);
  return new Request(`${ORIGIN}${path}`, { method: "POST", headers, body: form });
}
