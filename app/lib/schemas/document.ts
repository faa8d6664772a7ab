// The upload form's fields other than the file itself (the server checks the file's bytes), and
// the form that changes a document's flags.
import { z } from "zod";
import { PRIVILEGED_NOT_PUBLISHABLE } from "../documents";
import { documentKinds } from "../timeline-codes";
import { govukDate, requiredText } from "./common";

const tickbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const documentFlagsSchema = z.object({ privileged: tickbox, publishable: tickbox }).superRefine((flags, ctx) => {
  if (flags.privileged && flags.publishable) {
    ctx.addIssue({ code: "custom", path: ["publishable"], message: PRIVILEGED_NOT_PUBLISHABLE });
  }
});

export const documentSchema = z
  .object({
    kind: z.enum(documentKinds, { error: "Select what kind of document this is" }),
    title: requiredText("Enter a title for the document", "The title", 200),
    documentDate: govukDate("The date of the document"),
    privileged: tickbox,
    publishable: tickbox,
  })
  .superRefine((input, ctx) => {
    if (input.privileged && input.publishable) {
      ctx.addIssue({ code: "custom", path: ["publishable"], message: PRIVILEGED_NOT_PUBLISHABLE });
    }
  });

export type DocumentInput = z.output<typeof documentSchema>;
export type DocumentFlagsInput = z.output<typeof documentFlagsSchema>;
