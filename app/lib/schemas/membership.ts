// The member management forms: change a role, remove a member.
import { z } from "zod";
import { roles } from "~/lib/roles";

const common = {
  membershipId: z.uuid({ error: "Choose a member from the list" }),
  version: z.coerce.number({ error: "Reload the page and try again" }).int().min(1),
};

export const membershipActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("change-role"),
    ...common,
    role: z.enum(roles, { error: "Choose a role" }),
  }),
  z.object({ intent: z.literal("remove"), ...common }),
]);
