// Conditional requests: whether the browser's copy (If-None-Match) is the current one.

/** Whether an If-None-Match header names this ETag (weak or strong, in a list, or *). */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}
