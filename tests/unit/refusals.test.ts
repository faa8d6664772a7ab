// Refusals to HTTP: the one helper routes use turns each typed refusal into its status and message.
import { describe, expect, it } from "vitest";
import { NotPermitted } from "~/server/access/permissions.server";
import {
  ChangeRefused,
  FieldRefused,
  NotFound,
  refusalResponse,
  refused,
  refusedForm,
  staleMessage,
} from "~/server/access/refusals.server";

/** A stand-in for Conform's submission: reply() echoes what the page is told. */
const submission = { reply: (options?: object) => ({ status: "error" as const, ...options }) };

async function thrownResponse(call: () => unknown): Promise<Response> {
  try {
    call();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("Nothing was thrown");
}

describe("refusals", () => {
  it("carry their HTTP status, and NotPermitted names who may", () => {
    expect(new NotFound()).toMatchObject({ status: 404, message: "Page not found" });
    expect(new NotPermitted("member:manage")).toMatchObject({
      status: 403,
      message: "You need the council admin role to see this page.",
    });
    expect(new NotPermitted("site:write", "Only some may.").message).toBe("Only some may.");
    expect(new ChangeRefused(staleMessage("site")).status).toBe(409);
    expect(new FieldRefused("siteId", "Choose a site from the list")).toMatchObject({ status: 400, field: "siteId" });
  });

  it("refusedForm: a stale change is a 409 above the form, a field refused a 400 beside its field", () => {
    expect(refusedForm(new ChangeRefused("Someone else changed this site"), submission)).toMatchObject({
      type: "DataWithResponseInit",
      data: { formErrors: ["Someone else changed this site"] },
      init: { status: 409 },
    });
    expect(refusedForm(new FieldRefused("file", "The selected file is empty"), submission)).toMatchObject({
      data: { fieldErrors: { file: ["The selected file is empty"] } },
      init: { status: 400 },
    });
    expect(refusedForm(new ChangeRefused("Stale"), submission, (result) => ({ intent: "save", result }))).toMatchObject(
      { data: { intent: "save", result: { formErrors: ["Stale"] } }, init: { status: 409 } },
    );
  });

  it("refused: the page's own shape for the message", () => {
    expect(refused(new ChangeRefused("Stale"), (refusal) => ({ deleteError: refusal.message }))).toMatchObject({
      data: { deleteError: "Stale" },
      init: { status: 409 },
    });
  });

  it("not found and not permitted are thrown as the error page's Response; anything else is rethrown", async () => {
    const notFound = await thrownResponse(() => refused(new NotFound(), () => ({})));
    expect([notFound.status, await notFound.text()]).toEqual([404, "Page not found"]);
    const forbidden = await thrownResponse(() => refusedForm(new NotPermitted("audit:read"), submission));
    expect([forbidden.status, forbidden.statusText, await forbidden.text()]).toEqual([
      403,
      "Forbidden",
      "You need the council admin role to see this page.",
    ]);
    const failure = new Error("The site was not saved.");
    expect(() => refused(failure, () => ({}))).toThrow(failure);
    expect(refusalResponse(new ChangeRefused("Stale")).status).toBe(409);
  });
});
