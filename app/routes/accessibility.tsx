// Accessibility statement, as the Public Sector Bodies Accessibility Regulations 2018 require.
import type { MetaFunction } from "@remix-run/node";
import { pageTitle, SERVICE_NAME } from "~/lib/service";

export const meta: MetaFunction = () => [{ title: pageTitle("Accessibility statement") }];

export default function Accessibility() {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for {SERVICE_NAME}</h1>
        <p className="govuk-body">
          This statement applies to {SERVICE_NAME}, a service councils use to record hotel sites used as asylum
          accommodation, their planning position, enforcement and court action, and to publish what they choose to.
        </p>
        <p className="govuk-body">
          We want as many people as possible to be able to use this service. For example, you should be able to:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using your browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard</li>
          <li>
            use the service without JavaScript: every form works, and every map has a list with the same information
          </li>
          <li>listen to the service using a screen reader (including recent versions of JAWS, NVDA and VoiceOver)</li>
        </ul>

        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          The service is built to the Web Content Accessibility Guidelines version 2.2 AA standard, using the GOV.UK
          Design System's patterns. Every page is checked with automated accessibility tests each time the service
          changes. Automated tests do not find every problem, so we also test pages by hand with a keyboard and a screen
          reader.
        </p>

        <h2 className="govuk-heading-m">Feedback and contact information</h2>
        <p className="govuk-body">
          If you find a problem, or need information from this service in a different format such as large print or an
          audio recording, contact the council whose information you are reading. Each council is responsible for the
          records it publishes. Tell them the web address of the page, your name and email address, and the format you
          need.
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the 'accessibility regulations').
          If you are not happy with how a council responds to your complaint, contact the{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">Compliance status</h2>
        <p className="govuk-body">
          We believe this service is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA
          standard. Maps are an enhancement: the same information is always in a list or table beside the map.
        </p>
      </div>
    </div>
  );
}
