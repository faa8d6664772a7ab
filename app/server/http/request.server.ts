// What the HTTP server tells the app about a request: its id and the client's address.
import { randomUUID } from "node:crypto";

/** Set by app/server/http.server.ts on every request, after removing any sent by the client. */
export const REQUEST_ID_HEADER = "x-request-id";
export const CLIENT_ADDRESS_HEADER = "x-app-client-address";

export function requestIdOf(request: Request): string {
  return request.headers.get(REQUEST_ID_HEADER) ?? randomUUID();
}

export function clientAddressOf(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
