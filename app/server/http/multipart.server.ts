// Reads a form sent as multipart/form-data with one file in it, holding at most the size limit in
// memory: the bytes of a file over the limit are read and thrown away, so the person still gets
// the page back with a message (and the other fields they typed) instead of a broken connection.
import { type UploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { badRequest, formHasUnknownFields, formNotReadable } from "./responses.server";

export interface UploadedFile {
  /** The name the browser gave, without any folder. */
  name: string;
  /** The bytes, or null when the file was larger than the limit. */
  bytes: Uint8Array | null;
  /** How many bytes were sent. */
  size: number;
}

export interface MultipartForm {
  /** The text fields, for the form's schema. */
  fields: FormData;
  /** The file field, or null when no file was chosen. */
  file: UploadedFile | null;
}

/** Text fields are short in every form of ours; a longer one is not from our page. */
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_PARTS = 50;

class FormTooLarge extends Error {}
class UnknownField extends Error {}

export async function readMultipartForm(
  request: Request,
  options: { fileField: string; maxFileBytes: number },
  acceptsField: (name: string) => boolean,
): Promise<MultipartForm> {
  let file: UploadedFile | null = null;
  let parts = 0;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    parts += 1;
    if (parts > MAX_PARTS) throw new FormTooLarge();
    if (name !== options.fileField && !acceptsField(name)) throw new UnknownField();
    if (typeof filename === "string") {
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of data) {
        size += chunk.byteLength;
        // Past the limit, keep reading (to reach the fields after the file) but keep nothing.
        if (size <= options.maxFileBytes) chunks.push(chunk);
        else chunks.length = 0;
      }
      // A file input left empty is sent as a part with no name and no bytes.
      if (name === options.fileField && file === null && (filename !== "" || size > 0)) {
        file = { name: filename, size, bytes: size <= options.maxFileBytes ? concat(chunks, size) : null };
      }
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > MAX_FIELD_BYTES) throw new FormTooLarge();
      chunks.push(chunk);
    }
    return new TextDecoder().decode(concat(chunks, size));
  };
  try {
    const fields = await unstable_parseMultipartFormData(request, handler);
    return { fields, file };
  } catch (error) {
    if (error instanceof FormTooLarge) throw badRequest("The form sent was too large. Go back and try again.");
    if (error instanceof UnknownField) throw formHasUnknownFields();
    // A body that is not multipart, or is cut off or malformed.
    throw formNotReadable();
  }
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
