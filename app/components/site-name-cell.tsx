// The first cell of a row about a site, in every table of sites: its name linked to its page, then
// its reference and where it is.
export function SiteNameCell({
  slug,
  site,
}: {
  slug: string;
  site: { reference: string; name: string; town?: string | null; postcode?: string | null };
}) {
  return (
    <td className="govuk-table__cell">
      <a className="govuk-link" href={`/c/${slug}/sites/${site.reference}`}>
        {site.name}
      </a>
      <br />
      <span className="govuk-hint govuk-!-font-size-16">
        {site.reference}
        {site.town ? `, ${site.town}` : ""}
        {site.postcode ? ` ${site.postcode}` : ""}
      </span>
    </td>
  );
}
