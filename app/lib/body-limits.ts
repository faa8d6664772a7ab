// How large a request body the server accepts: one limit for forms, and routes that take a file
// declare their own in `handle` (read by the server's edge, app/server/http/edge.server.ts).

/** Forms are small: this is far more than the longest any of our forms can send. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** Room for an upload form's other fields and its multipart framing, beside the file's own limit. */
export const UPLOAD_FORM_ALLOWANCE = 1024 * 1024;

/** What a route module exports in `handle` to accept a larger body (an upload, an import). */
export interface BodyLimitHandle {
  bodyLimit?: number;
}
