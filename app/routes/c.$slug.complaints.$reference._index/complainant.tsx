// The complaint page's section on the complainant: personal data, which the loader passes only to
// roles that may read it (complaint-contact:read), under a warning.
import { SummaryRow as Row } from "~/components/govuk/summary-row";

export interface ComplainantDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** `details` null: the complainant gave none. */
export function Complainant({ details }: { details: ComplainantDetails | null }) {
  return (
    <>
      <h2 className="govuk-heading-m">The complainant</h2>
      <div className="govuk-warning-text">
        <span className="govuk-warning-text__icon" aria-hidden="true">
          !
        </span>
        <strong className="govuk-warning-text__text">
          <span className="govuk-visually-hidden">Warning</span>
          Personal data: never shared outside the council.
        </strong>
      </div>
      {details ? (
        <dl className="govuk-summary-list">
          <Row label="Name" value={details.name} />
          <Row label="Email address" value={details.email} />
          <Row label="Telephone number" value={details.phone} />
          <Row label="Address" value={details.address} />
        </dl>
      ) : (
        <p className="govuk-body">No contact details were recorded.</p>
      )}
    </>
  );
}
