// The one way a form or a query string reaches a parser: only the form's own field names, list
// indexes up to a small bound and no deeper nesting than the schema has get through, and text with
// control characters in it is refused with a message on its field. Conform's parser turns a name
// like `email[999999999]` into an array of a billion slots before any schema sees it, so nothing
// of a request may reach `parseWithZod` except through here (README, Security).
//
// README, Decision 39: One way into a parser for every form and query. Conform's parser turns
// `name[999999999]` into an array of a billion slots before any schema sees it: one 37-byte request
// used to take the process down. `readForm`, `readUpload` and `readQuery`
// (`app/server/http/form-input.server.ts`) work out a form's field names from its zod schemas (objects,
// optional and piped parts, intersections and unions; lists as `name[]` with an index up to 49)
// plus the hidden fields a route names, and refuse a posted form with any other name, more than 500
// entries, a file where none is taken, or a body that is not a form (a 400 page; nothing saved). A
// query string keeps only the form's names (a tracking tag in a link still works). `parseForm` then
// runs the schema and fails any answer holding a control character on its own field, shown back
// with `�` where each was. Nothing else calls `parseWithZod` or `request.formData()`. The names are
// worked out per request (microseconds), because route modules also run in the browser, where
// server code is not available at module level.
import { parse, type Submission } from "@conform-to/dom";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";
import { type MultipartForm, readMultipartForm } from "./multipart.server";
import { formHasUnknownFields, formNotReadable } from "./responses.server";

/** The highest list index a form of ours sends (`name[49]`); none sends lists today. */
export const MAX_LIST_INDEX = 49;
/** More fields than any form of ours has, with room for lists and repeated tick boxes. */
const MAX_ENTRIES = 500;
const MAX_NAME_LENGTH = 100;

/** The names one form accepts: its schemas' fields and any hidden fields read beside them. */
export interface FormFields {
  readonly names: ReadonlySet<string>;
}

type AnySchema = z.ZodType;

interface SchemaDef {
  type: string;
  shape?: Record<string, AnySchema>;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  left?: AnySchema;
  right?: AnySchema;
  options?: AnySchema[];
  element?: AnySchema;
  getter?: () => AnySchema;
}

function defOf(schema: AnySchema): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** Every field name a schema reads, lists written as `name[]`. */
function collectNames(schema: AnySchema, prefix: string, names: Set<string>, depth: number): void {
  if (depth > 20) throw new Error("A form schema nests more than 20 levels deep");
  const def = defOf(schema);
  const inner = (next: AnySchema | undefined, path = prefix) => {
    if (next) collectNames(next, path, names, depth + 1);
  };
  switch (def.type) {
    case "object":
      for (const [key, field] of Object.entries(def.shape ?? {})) inner(field, prefix ? `${prefix}.${key}` : key);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      inner(def.innerType);
      break;
    case "pipe":
      // A preprocess step is a pipe from a transform: the names are the output schema's.
      inner(def.in && defOf(def.in).type === "transform" ? def.out : def.in);
      break;
    case "intersection":
      inner(def.left);
      inner(def.right);
      break;
    case "union":
      for (const option of def.options ?? []) inner(option);
      break;
    case "array":
      if (prefix) names.add(prefix);
      inner(def.element, `${prefix}[]`);
      break;
    case "lazy":
      inner(def.getter?.());
      break;
    default:
      if (prefix) names.add(prefix);
  }
}

/** A form's schema, or its schemas when it has several intents. */
export type FormSchemas = AnySchema | readonly AnySchema[];

/**
 * The names a form accepts: those of its schemas (one per intent) and its hidden extras. Worked
 * out per request (a walk of a few dozen nodes), so that route modules, which the browser also
 * loads, never call server code at module level.
 */
export function formFields(schemas: FormSchemas, extraNames: readonly string[] = []): FormFields {
  const names = new Set<string>(extraNames);
  for (const schema of Array.isArray(schemas) ? schemas : [schemas as AnySchema]) collectNames(schema, "", names, 0);
  return { names };
}

/** A name as its pattern (`served.day`, `tags[]`), or null when an index is past the bound. */
function patternOf(name: string): string | null {
  if (name.length > MAX_NAME_LENGTH) return null;
  let tooHigh = false;
  const pattern = name.replace(/\[(\d{1,3})\]/g, (_match, index: string) => {
    if (Number(index) > MAX_LIST_INDEX) tooHigh = true;
    return "[]";
  });
  return tooHigh ? null : pattern;
}

export function acceptsName(fields: FormFields, name: string): boolean {
  const pattern = patternOf(name);
  return pattern !== null && fields.names.has(pattern);
}

// C0 controls but tab, line feed and carriage return (which multi-line answers need), DEL and C1.
// PostgreSQL refuses NUL outright, and none of the others belongs in a council's record.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const CONTROL_CHARACTERS_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

export const CONTROL_CHARACTER_MESSAGE =
  "Remove the special characters from this answer (they are shown as \uFFFD): they are often pasted in by accident and cannot be saved";

function refuseUnreadable(): never {
  throw formNotReadable();
}

function refuseUnknownFields(): never {
  throw formHasUnknownFields();
}

/** Keeps the entries a form accepts; refuses the whole request if any other is there. */
function checkedEntries(entries: Iterable<[string, FormDataEntryValue]>, fields: FormFields): FormData {
  const kept = new FormData();
  let count = 0;
  for (const [name, value] of entries) {
    count += 1;
    if (count > MAX_ENTRIES || !acceptsName(fields, name)) refuseUnknownFields();
    // Files arrive only through readUpload; a file in any other form is not from our page.
    if (typeof value !== "string") refuseUnknownFields();
    kept.append(name, value);
  }
  return kept;
}

function contentTypeOf(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * A posted form (urlencoded, or multipart without a file), holding only the names `fields`
 * accepts. Anything else (JSON, a cut-off body, an unknown or out-of-range name) is a 400 page.
 * The server has already refused a body over its size limit (http.server.ts).
 */
export async function readForm(
  request: Request,
  schemas: FormSchemas,
  extraNames: readonly string[] = [],
): Promise<FormData> {
  const fields = formFields(schemas, extraNames);
  const type = contentTypeOf(request);
  if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") refuseUnreadable();
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    refuseUnreadable();
  }
  return checkedEntries(formData.entries(), fields);
}

/**
 * A form with one file field: multipart is streamed with the file held to its limit; an
 * ordinary form (a button with no file, or a page posted by hand) is read as one with no file.
 */
export async function readUpload(
  request: Request,
  schemas: FormSchemas,
  options: { fileField: string; maxFileBytes: number },
): Promise<MultipartForm> {
  if (contentTypeOf(request) !== "multipart/form-data") return { fields: await readForm(request, schemas), file: null };
  const fields = formFields(schemas);
  const upload = await readMultipartForm(request, options, (name) => acceptsName(fields, name));
  // A file input left empty can arrive as a text part of the file field's name: not a field.
  const entries = [...upload.fields.entries()].filter(([name]) => name !== options.fileField);
  return { fields: checkedEntries(entries, fields), file: upload.file };
}

/** A query string, holding only the names `fields` accepts (others, such as a tracking tag, dropped). */
export function readQuery(request: Request, schemas: FormSchemas, extraNames: readonly string[] = []): URLSearchParams {
  const fields = formFields(schemas, extraNames);
  const kept = new URLSearchParams();
  let count = 0;
  for (const [name, value] of new URL(request.url).searchParams) {
    if (!acceptsName(fields, name)) continue;
    count += 1;
    if (count > MAX_ENTRIES) break;
    kept.append(name, value);
  }
  return kept;
}

/**
 * Parses what readForm, readUpload or readQuery returned with the form's schema. An answer with
 * control characters fails on its own field, and is shown back with each one as "\uFFFD".
 */
export function parseForm<Schema extends AnySchema>(
  payload: FormData | URLSearchParams,
  schema: Schema,
): Submission<z.input<Schema>, string[], z.output<Schema>> {
  const submission = parseWithZod(payload, { schema });
  const controlErrors: Record<string, string[]> = {};
  const shown = new FormData();
  for (const [name, value] of payload.entries()) {
    if (typeof value === "string" && hasControlCharacters(value)) {
      controlErrors[name] = [CONTROL_CHARACTER_MESSAGE];
      shown.append(name, value.replace(CONTROL_CHARACTERS_ALL, "\uFFFD"));
    } else {
      shown.append(name, value);
    }
  }
  if (Object.keys(controlErrors).length === 0) return submission;
  const earlier = submission.status === "error" ? (submission.error ?? {}) : {};
  return parse(shown, {
    resolve: () => ({ error: { ...earlier, ...controlErrors } }),
  }) as unknown as Submission<z.input<Schema>, string[], z.output<Schema>>;
}
