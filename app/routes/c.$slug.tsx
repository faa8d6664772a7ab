// The council's section: every page under /c/<council>/ renders inside it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { requireTenantScope } from "~/server/tenancy.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const scope = await requireTenantScope(request, params, "viewer");
  return { council: { slug: scope.councilSlug, name: scope.councilName }, role: scope.role };
}

export default function CouncilSection() {
  return <Outlet />;
}
