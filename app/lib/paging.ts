// Reads a page number from a query string (`param`, "page" unless a page has several lists):
// anything odd means the first page.
export function pageFrom(search: URLSearchParams, param = "page"): number {
  const page = Number.parseInt(search.get(param) ?? "1", 10);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
