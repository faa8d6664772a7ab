// The one way into a form's parser: the form's own names only, bounded lists, no control characters.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { planningRecordSchema } from "~/lib/schemas/planning-record";
import { signInSchema } from "~/lib/schemas/sign-in";
import { siteEditSchema } from "~/lib/schemas/site";
import {
  acceptsName,
  CONTROL_CHARACTER_MESSAGE,
  formFields,
  MAX_LIST_INDEX,
  parseForm,
  readForm,
  readQuery,
} from "~/server/http/form-input.server";

function post(body: string | FormData, contentType = "application/x-www-form-urlencoded"): Request {
  const headers = typeof body === "string" ? { "Content-Type": contentType } : undefined;
  return new Request("http://localhost/form", { method: "POST", headers, body });
}

async function statusOf(promise: Promise<unknown>): Promise<number | "accepted"> {
  try {
    await promise;
    return "accepted";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}

describe("formFields", () => {
  it("names every field a schema reads, through optional, piped, intersected and nested parts", () => {
    const site = formFields(siteEditSchema);
    expect([...site.names]).toEqual(expect.arrayContaining(["name", "postcode", "latitude", "status", "version"]));
    const record = formFields(planningRecordSchema);
    expect(record.names.has("servedOn.day")).toBe(true);
    expect(record.names.has("servedOn")).toBe(false);
    expect(formFields(signInSchema, ["intent"]).names).toEqual(new Set(["intent", "email", "password", "redirectTo"]));
  });

  it("names lists with a bounded index", () => {
    const fields = formFields(z.object({ tags: z.array(z.string()) }));
    expect(acceptsName(fields, "tags")).toBe(true);
    expect(acceptsName(fields, "tags[0]")).toBe(true);
    expect(acceptsName(fields, `tags[${MAX_LIST_INDEX}]`)).toBe(true);
    expect(acceptsName(fields, `tags[${MAX_LIST_INDEX + 1}]`)).toBe(false);
    expect(acceptsName(fields, "tags[999999999]")).toBe(false);
    expect(acceptsName(fields, "tags[0][0]")).toBe(false);
    expect(acceptsName(fields, "tags.0")).toBe(false);
  });
});

describe("readForm", () => {
  const fields = signInSchema;

  it("keeps a form of the page's own fields", async () => {
    const form = await readForm(post("email=a%40b.example&password=x&redirectTo=%2F"), fields);
    expect(Object.fromEntries(form)).toEqual({ email: "a@b.example", password: "x", redirectTo: "/" });
  });

  it("refuses the 37-byte sparse-array attack at once, without building the array", async () => {
    const started = performance.now();
    expect(await statusOf(readForm(post("email%5B999999999%5D=1&password=x"), fields))).toBe(400);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it.each([
    ["an unknown name", "email=a&password=x&admin=1"],
    ["a list index on a plain field", "email[0]=a&password=x"],
    ["nesting deeper than the schema", "email.day=1&password=x"],
    ["names nested 50,000 deep", `${"a.".repeat(50_000)}b=1`],
    ["a prototype name", "__proto__.polluted=1"],
    ["thousands of fields", Array.from({ length: 600 }, () => "email=a").join("&")],
  ])("refuses %s with a 400 page", async (_what, body) => {
    expect(await statusOf(readForm(post(body), fields))).toBe(400);
  });

  it("refuses a body that is not a form: JSON, plain text, a malformed multipart", async () => {
    expect(await statusOf(readForm(post('{"email":"a"}', "application/json"), fields))).toBe(400);
    expect(await statusOf(readForm(post("email=a", "text/plain"), fields))).toBe(400);
    expect(
      await statusOf(readForm(post("--x\r\nContent-Disposition: form-da", "multipart/form-data; boundary=x"), fields)),
    ).toBe(400);
  });

  it("refuses a file sent to a form that takes none", async () => {
    const form = new FormData();
    form.append("email", new Blob(["hello"]), "note.txt");
    expect(await statusOf(readForm(post(form), fields))).toBe(400);
  });
});

describe("readQuery", () => {
  it("keeps the form's names and drops the rest, however they are written", () => {
    const fields = z.object({ from: z.object({ day: z.string() }) });
    const request = new Request(
      "http://localhost/x?from.day=1&from[999999999]=2&utm_source=mail&a.b.c.d=1&from.day.x=1",
    );
    expect([...readQuery(request, fields)]).toEqual([["from.day", "1"]]);
  });
});

describe("parseForm", () => {
  const schema = z.object({ summary: z.string({ error: "Enter a summary" }), details: z.string().optional() });

  it("refuses control characters on the field that has them, and shows them as \uFFFD", () => {
    const form = new FormData();
    form.append("summary", "Noise at night\u0000");
    form.append("details", "Line one\r\nLine two\tindented");
    const submission = parseForm(form, schema);
    expect(submission.status).toBe("error");
    expect(submission.status === "error" && submission.error).toEqual({ summary: [CONTROL_CHARACTER_MESSAGE] });
    expect(submission.payload).toEqual({ summary: "Noise at night\uFFFD", details: "Line one\r\nLine two\tindented" });
  });

  it.each(["\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f"])("refuses %j", (character) => {
    const form = new FormData();
    form.append("summary", `a${character}b`);
    expect(parseForm(form, schema).status).toBe("error");
  });

  it("keeps the schema's own messages beside a control-character one", () => {
    const form = new FormData();
    form.append("summary", "");
    form.append("details", "\u0000");
    const submission = parseForm(form, schema);
    expect(submission.status === "error" && submission.error).toEqual({
      summary: ["Enter a summary"],
      details: [CONTROL_CHARACTER_MESSAGE],
    });
  });

  it("accepts tabs, line breaks and any other Unicode text", () => {
    const form = new FormData();
    form.append("summary", "Café — 19 August 2025 \u{1F3E8}\tand\nmore");
    const submission = parseForm(form, schema);
    expect(submission.status).toBe("success");
  });
});
