// Error responses thrown from loaders and actions, rendered by the ErrorBoundary.
export function notFound(): Response {
  return new Response("Page not found", { status: 404, statusText: "Not Found" });
}

export function badRequest(message: string): Response {
  return new Response(message, { status: 400, statusText: "Bad Request" });
}
