// Small but real files for upload tests (a PDF, a PNG, a Word document), the multipart request a
// browser sends when the upload form is submitted, and records to attach documents to.
import { crc32, deflateSync } from "node:zlib";
import type { DocumentParentRef } from "../../app/lib/documents";
import { getDb } from "../../db/client";
import { type Council, complaints, legalCases, planningRecords, proceedings, sites } from "../../db/schema";
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

/** A zip archive with its entries stored uncompressed. */
function zip(entries: [name: string, content: string][]): Uint8Array<ArrayBuffer> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(content, "utf8");
    const crc = crc32(data);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    local.push(header, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
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

/** A Word (.docx) document as Word writes one: [Content_Types].xml first. */
export function docxBytes(): Uint8Array<ArrayBuffer> {
  return zip([
    [
      "[Content_Types].xml",
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ],
    [
      "word/document.xml",
      '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Witness statement</w:t></w:r></w:p></w:body></w:document>',
    ],
  ]);
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

/** A site, a legal case on it with one proceeding, a planning record and a complaint, for a council. */
export async function recordsToAttachTo(council: Council, prefix: string) {
  const db = getDb();
  const [site] = await db
    .insert(sites)
    .values({ tenantId: council.id, reference: `${prefix}-S-0001`, name: "Bell Hotel", status: "in_use" })
    .returning();
  if (!site) throw new Error("site not created");
  const [legalCase] = await db
    .insert(legalCases)
    .values({
      tenantId: council.id,
      siteId: site.id,
      reference: `${prefix}-L-0001`,
      title: "Council v Hotel Owner Ltd",
      legalBasis: "s187b_injunction",
      status: "issued",
    })
    .returning();
  if (!legalCase) throw new Error("case not created");
  const [proceeding] = await db
    .insert(proceedings)
    .values({
      tenantId: council.id,
      caseId: legalCase.id,
      court: "high_court_kb",
      kind: "interim_injunction_application",
    })
    .returning();
  const [planningRecord] = await db
    .insert(planningRecords)
    .values({ tenantId: council.id, siteId: site.id, kind: "planning_contravention_notice", reference: "PCN/1" })
    .returning();
  const [complaint] = await db
    .insert(complaints)
    .values({
      tenantId: council.id,
      reference: `${prefix}-C-0001`,
      receivedOn: "2025-08-01",
      channel: "email",
      category: "planning_breach",
      summary: "Use of the hotel",
      siteId: site.id,
    })
    .returning();
  if (!proceeding || !planningRecord || !complaint) throw new Error("records not created");
  const parents = {
    legalCase: { type: "legal_case", caseReference: legalCase.reference },
    proceeding: { type: "proceeding", caseReference: legalCase.reference, proceedingId: proceeding.id },
    site: { type: "site", siteReference: site.reference },
    planningRecord: { type: "planning_record", siteReference: site.reference, planningRecordId: planningRecord.id },
    complaint: { type: "complaint", complaintReference: complaint.reference },
  } satisfies Record<string, DocumentParentRef>;
  return { site, legalCase, proceeding, planningRecord, complaint, parents };
}
