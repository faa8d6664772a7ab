// Sign out: a POST from the header's button ends the session.
import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/server/access/auth.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const clearCookie = await signOut(request);
  return redirect("/signed-out", { headers: { "Set-Cookie": clearCookie } });
}
