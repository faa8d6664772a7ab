// Only ever redirect to a page of this site, never to another site named in a query string.
const HERE = "http://here.invalid";

/**
 * The path, query and hash of `target` when, resolved as a browser would against this site, it
 * stays on this site; otherwise null. Browsers drop tabs and newlines and read `\` as `/`, so
 * "/\t/evil.example" and "/\\evil.example" lead away; resolving it the same way catches both.
 */
export function safeRedirect(target: string | null | undefined): string | null {
  if (!target || !target.startsWith("/")) return null;
  let url: URL;
  try {
    url = new URL(target, HERE);
  } catch {
    return null;
  }
  if (url.origin !== HERE) return null;
  // The URL parser percent-encodes what a Location header cannot carry (CR, LF, non-Latin-1).
  return `${url.pathname}${url.search}${url.hash}`;
}
