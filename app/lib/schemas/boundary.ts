// The council boundary page's two forms: upload (a file, checked by app/lib/boundary.ts) and remove.
// `version` is the boundary's version when the page was loaded, 0 when there was none.
import { z } from "zod";

const version = z.coerce.number({ error: "Reload the page and try again" }).int().min(0);

export const boundaryActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("upload"), version }),
  z.object({ intent: z.literal("remove"), version }),
]);

export type BoundaryAction = z.infer<typeof boundaryActionSchema>;
