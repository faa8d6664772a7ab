// GOV.UK pagination: previous and next links that keep the page's other query parameters.
export function Pagination({
  page,
  pageCount,
  search,
  param = "page",
  section,
}: {
  page: number;
  pageCount: number;
  search: URLSearchParams;
  /** The query parameter holding the page number ("page"; one per list where a page has several). */
  param?: string;
  /** For one of several lists on a page: its heading's id, which the links return to, and its name. */
  section?: { id: string; name: string };
}) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    params.set(param, String(target));
    return `?${params}${section ? `#${section.id}` : ""}`;
  };
  return (
    <nav
      className="govuk-pagination govuk-pagination--block"
      aria-label={section ? `Pages of ${section.name}` : "Pages"}
    >
      {page > 1 ? (
        <div className="govuk-pagination__prev">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(page - 1)} rel="prev">
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page - 1} of {pageCount}
            </span>
          </a>
        </div>
      ) : null}
      {page < pageCount ? (
        <div className="govuk-pagination__next">
          <a className="govuk-link govuk-pagination__link" href={hrefFor(page + 1)} rel="next">
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              {page + 1} of {pageCount}
            </span>
          </a>
        </div>
      ) : null}
    </nav>
  );
}
