// Privacy notice: what personal data the service holds, why, and who sees it.
import type { MetaFunction } from "@remix-run/node";
import { pageTitle, SERVICE_NAME } from "~/lib/service";

export const meta: MetaFunction = () => [{ title: pageTitle("Privacy notice") }];

export default function Privacy() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Privacy notice</h1>
        <p className="govuk-body">
          Each council that uses {SERVICE_NAME} is the data controller for the information it records. This notice
          explains what personal data the service holds and how it is protected.
        </p>

        <h2 className="govuk-heading-m">What we hold</h2>
        <ul className="govuk-list govuk-list--bullet">
          <li>
            <strong>Council staff who sign in</strong>: name, work email address, role, and a record of sign-ins (time
            and network address) kept to protect accounts from misuse. Passwords are stored only as a one-way hash.
          </li>
          <li>
            <strong>People who complain to a council</strong>: name and contact details, kept apart from the complaint,
            seen only by that council's officers, and never published.
          </li>
          <li>
            <strong>People named in court records</strong>: parties as they appear in published judgments. Residents,
            victims and suspects are never named in anything the service publishes.
          </li>
        </ul>

        <h2 className="govuk-heading-m">Why we hold it</h2>
        <p className="govuk-body">
          Councils process this information to carry out their public tasks as local planning authorities: investigating
          breaches of planning control, taking enforcement action, and bringing or defending legal proceedings (UK GDPR
          Article 6(1)(e)).
        </p>

        <h2 className="govuk-heading-m">Who can see it</h2>
        <p className="govuk-body">
          Only the members of the council that recorded it. No council can see another council's records. Every change
          is logged with who made it and when. Nothing is public until a council officer chooses to publish it, and
          published pages never include personal data or a site's location more precisely than the council chose.
        </p>

        <h2 className="govuk-heading-m">Cookies</h2>
        <p className="govuk-body">
          The service sets one cookie, which keeps you signed in. It is deleted when you sign out or close your browser,
          and expires after 8 hours without use. It is essential, so the service does not ask for consent to set it.
          There are no analytics or advertising cookies.
        </p>

        <h2 className="govuk-heading-m">Your rights</h2>
        <p className="govuk-body">
          You can ask the council that holds your information for a copy of it, to correct it, or to restrict how it is
          used. If you are unhappy with how a council has handled your information, you can complain to the{" "}
          <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/">
            Information Commissioner's Office
          </a>
          .
        </p>
      </div>
    </div>
  );
}
