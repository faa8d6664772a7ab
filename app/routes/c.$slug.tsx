// The council's section: every page under /c/<council>/ renders inside it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { can } from "~/server/access/permissions.server";
import { requireTenantScope } from "~/server/access/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "record:read");
  return {
    council: { slug: scope.councilSlug, name: scope.councilName },
    /** The council-admin pages this member may open, for the navigation. */
    navigation: { members: can(scope.role, "member:manage"), audit: can(scope.role, "audit:read") },
  };
}

export default function CouncilSection() {
  return <Outlet />;
}
